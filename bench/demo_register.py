"""``kpass demo-data`` throughput against inserting the same rows through the raw driver.

``demo_register``: households per second of ``create_demo_data(history=False)`` (what
``kpass demo-data --register-only`` runs) into a fresh register (generation, row building,
bulk insert, one transaction per batch); budget: 100,000 households in ≤ 30 s, i.e.
≥ 3,334 households/s. baseline: households per second of inserting the identical, already
built rows with the driver's ``executemany`` (``sqlite3`` or ``psycopg``) in the same
batches — the floor of the database work; ratio < 1 is the share of the time the database
itself takes. ``demo_data_throughput`` is the same with two years of casework history.
Quick: 10,000 register-only and 5,000 with history;
full: 100,000 register-only, 20,000 with history.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench.common import AS_OF, drop_postgres_database, postgres_database, result
from kpass.demo.generator import generate_households
from kpass.models.base import utcnow
from kpass.models.engine import open_database
from kpass.models.migrate import upgrade
from kpass.services.admin.demo_data import BATCH_SIZE, create_demo_data
from kpass.services.admin.demo_rows import BatchRows, build_batch_rows
from kpass.services.admin.distinct_persons import DistinctPersons

DATABASES = ("sqlite", "postgresql")


def _fresh(kind: str, name: str, tmp: str) -> str:
    """A new, empty register at the current schema; its URL."""
    if kind == "postgresql":
        drop_postgres_database(name)
        url = postgres_database(name)
    else:
        url = f"sqlite:///{Path(tmp) / (name + '.sqlite')}"
    database = open_database(url)
    upgrade(database, backup=False)
    database.dispose()
    return url


def _one(households: int, history: bool, tmp: str, kind: str) -> tuple[float, float]:
    kpass_url = _fresh(kind, f"bench_demo_kpass_{history}", tmp)
    database = open_database(kpass_url)
    started = time.perf_counter()
    create_demo_data(database, households, 7, AS_OF, history=history)
    kpass_rate = households / (time.perf_counter() - started)
    database.dispose()

    raw_url = _fresh(kind, f"bench_demo_raw_{history}", tmp)
    ids = {
        name: 1
        for name in (
            "household",
            "household_address",
            "person",
            "household_member",
            "income",
            "benefit_notice",
            "application",
            "decision",
            "pass",
            "pass_validity",
        )
    }
    batches = []
    serial = 100000
    distinct = DistinctPersons()  # the same persons as create_demo_data's, kept apart
    for start in range(0, households, BATCH_SIZE):
        size = min(BATCH_SIZE, households - start)
        rows, serial = build_batch_rows(
            generate_households(size, 7, AS_OF, start=start, distinct=distinct),
            ids,
            as_of=AS_OF,
            seed=7,
            user_id=1,
            serial=serial,
            now=utcnow(),
            history=history,
        )
        batches.append(_plain(rows))
    raw_rate = households / _raw_insert(kind, raw_url, batches)
    if kind == "postgresql":
        drop_postgres_database("bench_demo_kpass_" + str(history))
        drop_postgres_database("bench_demo_raw_" + str(history))
    return kpass_rate, raw_rate


def _raw_insert(kind: str, url: str, batches: list[list[tuple[str, list[Any]]]]) -> float:
    """Seconds to insert the batches through the driver, one transaction each."""
    user = ("INSERT INTO app_user (id, username, display_name, role, active, created_at) "
            "VALUES (1, 'bench', 'bench', 'admin', ?, '2026-01-01')")
    if kind == "postgresql":
        import psycopg
        from sqlalchemy.engine import make_url

        dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        pg = psycopg.connect(dsn)
        pg.execute(user.replace("?", "%s"), (True,))
        pg.commit()
        started = time.perf_counter()
        with pg.cursor() as cursor:
            for batch in batches:
                for sql, params in batch:
                    cursor.executemany(sql.replace("?", "%s"), params)
                pg.commit()
        elapsed = time.perf_counter() - started
        pg.close()
        return elapsed
    path = url.removeprefix("sqlite:///")
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute(user, (True,))
    started = time.perf_counter()
    for batch in batches:
        connection.execute("BEGIN IMMEDIATE")
        for sql, params in batch:
            connection.executemany(sql, params)
        connection.execute("COMMIT")
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def measure(quick: bool, database: str = "sqlite") -> list[dict[str, object]]:
    register_only, with_history = (10_000, 5_000) if quick else (100_000, 20_000)
    with tempfile.TemporaryDirectory() as tmp:
        plain = _one(register_only, False, tmp, database)
        full = _one(with_history, True, tmp, database)
    return [
        result("demo_register", *plain, unit="households/s", database=database,
               households=register_only, seconds_per_100000=round(100_000 / plain[0], 1)),
        result("demo_data_throughput", *full, unit="households/s", database=database,
               households=with_history),
    ]


def _plain(rows: BatchRows) -> list[tuple[str, list[tuple[object, ...]]]]:
    statements = []
    for table, table_rows in rows.tables.items():
        if not table_rows:
            continue
        columns = sorted(set().union(*(r.keys() for r in table_rows)))
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        )
        statements.append((sql, [tuple(_value(r.get(c)) for c in columns) for r in table_rows]))
    return statements


def _value(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value * 100)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        import json

        return json.dumps(value)
    return value


if __name__ == "__main__":
    import json

    for line in measure(quick=True):
        print(json.dumps(line))
