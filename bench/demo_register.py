"""``kpass demo-data`` throughput against inserting the same rows with raw sqlite3.

value: households per second of ``create_demo_data`` into a fresh SQLite file
(generation, casework history decided by the rules, row building, bulk insert, one
transaction per batch); baseline: households per second of inserting the identical,
already built rows with ``sqlite3.executemany`` in the same batches — the floor of the
disk work; ratio < 1 is the share of the time the database itself takes.
``demo_register_throughput`` is the same for ``--register-only`` (no history).
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from bench.common import AS_OF, result
from kpass.demo.generator import generate_households
from kpass.models.base import utcnow
from kpass.models.engine import open_database
from kpass.models.migrate import upgrade
from kpass.services.admin.demo_data import BATCH_SIZE, create_demo_data
from kpass.services.admin.demo_rows import BatchRows, build_batch_rows
from kpass.services.admin.distinct_persons import DistinctPersons


def _fresh(path: Path) -> None:
    database = open_database(f"sqlite:///{path}")
    upgrade(database, backup=False)
    database.dispose()


def _one(households: int, history: bool, tmp: str) -> tuple[float, float]:
    kpass_path = Path(tmp) / f"kpass-{history}.sqlite"
    _fresh(kpass_path)
    database = open_database(f"sqlite:///{kpass_path}")
    started = time.perf_counter()
    create_demo_data(database, households, 7, AS_OF, history=history)
    kpass_rate = households / (time.perf_counter() - started)
    database.dispose()

    raw_path = Path(tmp) / f"raw-{history}.sqlite"
    _fresh(raw_path)
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
    connection = sqlite3.connect(raw_path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute(
        "INSERT INTO app_user (id, username, display_name, role, active, "
        "created_at) VALUES (1, 'bench', 'bench', 'admin', 1, '2026-01-01')"
    )
    started = time.perf_counter()
    for batch in batches:
        connection.execute("BEGIN IMMEDIATE")
        for sql, params in batch:
            connection.executemany(sql, params)
        connection.execute("COMMIT")
    raw_rate = households / (time.perf_counter() - started)
    connection.close()
    return kpass_rate, raw_rate


def measure(quick: bool) -> list[dict[str, object]]:
    households = 5_000 if quick else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        with_history = _one(households, True, tmp)
        register_only = _one(households, False, tmp)
    return [
        result("demo_data_throughput", *with_history, unit="households/s"),
        result("demo_register_throughput", *register_only, unit="households/s"),
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
