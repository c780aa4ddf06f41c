"""Shared pieces of the benchmarks: timing and a cached demo register."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kpass.models.engine import Database, open_database
from kpass.models.migrate import head_revision, upgrade

CACHE = Path(__file__).resolve().parent / ".cache"
AS_OF = date(2026, 11, 1)


def seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def median(values: list[float]) -> float:
    return statistics.median(values)


def result(name: str, value: float, baseline: float, *, unit: str) -> dict[str, object]:
    return {
        "name": name,
        "value": round(value, 4),
        "unit": unit,
        "baseline": round(baseline, 4),
        "ratio": round(value / baseline, 3) if baseline else None,
    }


BENCH_USER, BENCH_PASSWORD = "bench", "bench-passwort"


def logged_in(database: Database) -> Database:
    """The register with an admin logged in — the demo admin of a demo register, else the
    bench's own (created on a register without users): the services refuse everybody
    else, as at the counter."""
    from kpass.services.access import create_first_admin, has_login_users, log_in
    from kpass.services.admin.demo_users import DEMO_PASSWORD

    if not has_login_users(database):
        create_first_admin(database, BENCH_USER, BENCH_PASSWORD)
        log_in(database, BENCH_USER, BENCH_PASSWORD)
    else:
        log_in(database, "a.verwaltung", DEMO_PASSWORD)
    return database


def demo_register(households: int, seed: int = 7) -> Database:
    """A SQLite demo register, built once and kept under bench/.cache (it is slow to make)."""
    from kpass.services.admin.demo_data import create_demo_data

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"register-{households}-{seed}-{AS_OF.isoformat()}-{head_revision()}.sqlite"
    if not path.exists():
        building = path.with_suffix(".building")
        building.unlink(missing_ok=True)
        database = open_database(f"sqlite:///{building}")
        upgrade(database, backup=False)
        create_demo_data(database, households, seed, AS_OF)
        logged_in(database)  # the admin is created once, with the register
        database.dispose()
        building.rename(path)
    return logged_in(open_database(f"sqlite:///{path}"))
