"""``kpass demo-data`` throughput against inserting the same rows with raw sqlite3.

value: households per second of ``create_demo_data`` into a fresh SQLite file
(generation, row building, SQLAlchemy Core executemany, one transaction per batch);
baseline: households per second of inserting the identical, already built rows
with ``sqlite3.executemany`` in one transaction per batch — the floor of the disk
work; ratio < 1 is the share of the time spent in the database itself.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from bench.common import AS_OF, result
from kpass.demo.generator import generate_households
from kpass.models.base import utcnow
from kpass.models.engine import open_database
from kpass.models.migrate import upgrade
from kpass.services.demo_data import BATCH_SIZE, _household_rows, _Rows, create_demo_data


def _fresh(path: Path) -> None:
    database = open_database(f"sqlite:///{path}")
    upgrade(database, backup=False)
    database.dispose()


def measure(quick: bool) -> list[dict[str, object]]:
    households = 5_000 if quick else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        kpass_path = Path(tmp) / "kpass.sqlite"
        _fresh(kpass_path)
        database = open_database(f"sqlite:///{kpass_path}")
        started = time.perf_counter()
        create_demo_data(database, households, 7, AS_OF)
        kpass_rate = households / (time.perf_counter() - started)
        database.dispose()

        raw_path = Path(tmp) / "raw.sqlite"
        _fresh(raw_path)
        batches = []
        ids = {name: 1 for name in ("household", "household_address", "person",
                                     "household_member", "income", "benefit_notice")}
        now = utcnow().isoformat(sep=" ")
        for start in range(0, households, BATCH_SIZE):
            rows = _Rows.empty()
            size = min(BATCH_SIZE, households - start)
            for household in generate_households(size, 7, AS_OF, start=start):
                _household_rows(household, ids, rows, now)
            batches.append(_plain(rows))
        connection = sqlite3.connect(raw_path, isolation_level=None)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        started = time.perf_counter()
        for batch in batches:
            connection.execute("BEGIN IMMEDIATE")
            for sql, params in batch:
                connection.executemany(sql, params)
            connection.execute("COMMIT")
        raw_rate = households / (time.perf_counter() - started)
        connection.close()
    return [result("demo_data_throughput", kpass_rate, "households/s", raw_rate)]


def _plain(rows: _Rows) -> list[tuple[str, list[tuple[object, ...]]]]:
    statements = []
    for table, table_rows in rows.tables.items():
        if not table_rows:
            continue
        columns = list(table_rows[0])
        sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' for _ in columns)})")
        statements.append((sql, [tuple(_value(r[c]) for c in columns) for r in table_rows]))
    return statements


def _value(value: object) -> object:
    from datetime import date
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value * 100)
    if isinstance(value, date):
        return value.isoformat()
    return value


if __name__ == "__main__":
    import json

    for line in measure(quick=True):
        print(json.dumps(line))
