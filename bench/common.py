"""Shared pieces of the benchmarks: timing, results, and cached demo registers on SQLite and
PostgreSQL.

Sizes: the full run works on a register of about a million persons (``FULL_HOUSEHOLDS``
households with two years of casework; ``kpass demo-data`` makes 2.15 persons per
household), the quick run on ``QUICK_HOUSEHOLDS`` and says so in each result's
``register`` field.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from kpass.models.engine import Database, open_database
from kpass.models.migrate import head_revision, upgrade

# KPASS_BENCH_CACHE: another place for the registers (the test of the bench itself)
CACHE = Path(os.environ.get("KPASS_BENCH_CACHE") or Path(__file__).resolve().parent / ".cache")
AS_OF = date(2026, 11, 1)
QUICK_HOUSEHOLDS = 20_000
FULL_HOUSEHOLDS = 465_000  # ≈ 1,000,000 persons
DATABASES = ("sqlite", "postgresql")


HOUSEHOLDS_OVERRIDE: int | None = None  # ``--households N``: registers of another size


def households_for(quick: bool) -> int:
    if HOUSEHOLDS_OVERRIDE:
        return HOUSEHOLDS_OVERRIDE
    return QUICK_HOUSEHOLDS if quick else FULL_HOUSEHOLDS


def seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def median(values: list[float]) -> float:
    return statistics.median(values)


def result(
    name: str, value: float, baseline: float | None, *, unit: str, database: str | None = None,
    **facts: object,
) -> dict[str, object]:
    """One line of the output; ``database`` is None for a benchmark that touches none, and
    ``facts`` say what was measured on (e.g. ``register="20,000 households"``)."""
    return {
        "name": name,
        "value": round(value, 4),
        "unit": unit,
        "baseline": round(baseline, 4) if baseline is not None else None,
        "ratio": round(value / baseline, 3) if baseline else None,
        "database": database,
        **facts,
    }


def register_persons(database: Database) -> int:
    from sqlalchemy import text

    with database.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM person")).scalar_one())


def register_label(households: int, database: Database) -> str:
    """``"20,000 households, 43,012 persons"``: what a result was measured on."""
    return f"{households:,} households, {register_persons(database):,} persons"


class RawConnection:
    """The database driver itself (sqlite3 or psycopg), for the baselines: the same SQL the
    service sent, without SQLAlchemy, the session and row objects. ``execute`` takes
    qmark (``?``) parameters on both, as bench/search_steps.py writes them; a statement
    recorded from the engine is replayed with :meth:`replay` in the driver's own style."""

    def __init__(self, database: Database) -> None:
        self.postgresql = not database.is_sqlite
        if self.postgresql:
            import psycopg

            url = database.url.set(drivername="postgresql")
            self._connection: Any = psycopg.connect(
                url.render_as_string(hide_password=False), autocommit=True,
                options="-c jit=off",
            )
        else:
            path = database.sqlite_path
            assert path is not None
            self._connection = sqlite3.connect(path)

    def execute(self, statement: str, parameters: Sequence[object] = ()) -> Any:
        if self.postgresql:
            statement = statement.replace("?", "%s")
        return self._connection.execute(statement, parameters)

    def replay(self, statement: str, parameters: Any) -> list[Any]:
        return list(self._connection.execute(statement, parameters).fetchall())

    def close(self) -> None:
        self._connection.close()


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


def demo_register(households: int, seed: int = 7, database: str = "sqlite") -> Database:
    """A demo register with two years of casework, built once and kept (under bench/.cache,
    on PostgreSQL in the bench's cluster there): a million persons take many minutes."""
    if database == "postgresql":
        return _postgres_register(households, seed)
    from kpass.services.admin.demo_data import create_demo_data

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"register-{households}-{seed}-{AS_OF.isoformat()}-{head_revision()}.sqlite"
    for empty in CACHE.glob(f"register-{households}-{seed}-*.sqlite"):
        if empty.stat().st_size == 0:  # a connect by hand to a missing file leaves one
            empty.unlink()
    if not path.exists():
        building = path.with_suffix(".building")
        building.unlink(missing_ok=True)
        earlier = sorted(CACHE.glob(f"register-{households}-{seed}-{AS_OF.isoformat()}-*.sqlite"))
        if earlier:  # an older schema's register: upgraded rather than built again
            _progress(f"upgrading the SQLite register of {households:,} households (once)")
            earlier[-1].rename(building)
            register = open_database(f"sqlite:///{building}")
            upgrade(register, backup=False)
            register.dispose()
            building.rename(path)
            return logged_in(open_database(f"sqlite:///{path}"))
        register = open_database(f"sqlite:///{building}")
        upgrade(register, backup=False)
        _progress(f"building the SQLite register of {households:,} households (once)")
        create_demo_data(register, households, seed, AS_OF)
        logged_in(register)  # the admin is created once, with the register
        register.dispose()
        building.rename(path)
    return logged_in(open_database(f"sqlite:///{path}"))


def _progress(text: str) -> None:
    import sys

    print(f"# {text}", file=sys.stderr, flush=True)


def postgres_database(name: str) -> str:
    """The URL of database ``name`` on the bench's PostgreSQL server (created if missing)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from bench.postgres import server_url

    server = server_url()
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
        ).first()
        if exists is None:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(name: str) -> None:
    from sqlalchemy import create_engine, text

    from bench.postgres import server_url

    admin = create_engine(server_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _upgraded_postgres(households: int, seed: int, name: str, building: str) -> bool:
    """An older schema's register renamed to ``name`` after its upgrade; False if none."""
    from sqlalchemy import create_engine, text

    from bench.postgres import server_url

    admin = create_engine(server_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        earlier = connection.execute(
            text("SELECT datname FROM pg_database WHERE datname LIKE :p ORDER BY datname"),
            {"p": f"register\\_{households}\\_{seed}\\_{AS_OF:%Y%m%d}\\_%"},
        ).scalars().all()
        if earlier:
            drop_postgres_database(building)
            connection.execute(text(f'ALTER DATABASE "{earlier[-1]}" RENAME TO "{building}"'))
    if not earlier:
        admin.dispose()
        return False
    _progress(f"upgrading the PostgreSQL register of {households:,} households (once)")
    register = open_database(postgres_database(building))
    upgrade(register, backup=False)
    with register.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text("ANALYZE"))  # what the upgrade wrote gets its statistics
    register.dispose()
    with admin.connect() as connection:
        connection.execute(text(f'ALTER DATABASE "{building}" RENAME TO "{name}"'))
    admin.dispose()
    return True


def _postgres_register(households: int, seed: int) -> Database:
    from sqlalchemy import create_engine, text

    from bench.postgres import server_url
    from kpass.services.admin.demo_data import create_demo_data

    name = f"register_{households}_{seed}_{AS_OF:%Y%m%d}_{head_revision()}"
    building = f"building_{households}_{seed}"
    admin = create_engine(server_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        ready = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
        ).first()
    admin.dispose()
    if ready is None and not _upgraded_postgres(households, seed, name, building):
        drop_postgres_database(building)
        register = open_database(postgres_database(building))
        upgrade(register, backup=False)
        _progress(f"building the PostgreSQL register of {households:,} households (once)")
        create_demo_data(register, households, seed, AS_OF)
        logged_in(register)
        with register.engine.connect().execution_options(
            isolation_level="AUTOCOMMIT"
        ) as connection:
            connection.execute(text("VACUUM ANALYZE"))
        register.dispose()
        admin = create_engine(server_url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{building}" RENAME TO "{name}"'))
        admin.dispose()
    return logged_in(open_database(postgres_database(name)))
