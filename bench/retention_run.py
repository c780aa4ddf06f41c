"""A retention run over the benchmark register, five years after its last events.

value: seconds of ``run_retention(dry_run=True)`` — every deletion class, the case files'
selection and all their deletes, rolled back at the end; baseline: seconds of exactly the
statements it sent, replayed through ``sqlite3`` in one transaction (foreign keys on, rolled
back). The ratio is what kpass adds to the database's own work; the value at 120,000
households is what an administrator waits for on the first run after years of history.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import date
from typing import Any

from sqlalchemy import event

from bench.common import AS_OF, demo_register, result
from kpass.services.retention import run_retention


def measure(quick: bool) -> list[dict[str, object]]:
    database = demo_register(20_000 if quick else 120_000)
    path = database.sqlite_path
    assert path is not None
    day = date(AS_OF.year + 5, 1, 1)
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    run_retention(database, today=day, dry_run=True)  # warm the page cache
    event.listen(database.engine, "before_cursor_execute", record)
    started = time.perf_counter()
    report = run_retention(database, today=day, dry_run=True)
    value = time.perf_counter() - started
    event.remove(database.engine, "before_cursor_execute", record)
    database.dispose()
    assert report.households, "five years on, case files are due"

    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA foreign_keys = ON")
    started = time.perf_counter()
    raw.execute("BEGIN")
    for statement, parameters in sent:
        if statement.split(None, 1)[0].upper() in ("BEGIN", "COMMIT", "ROLLBACK"):
            continue  # the replay is one transaction of its own
        raw.execute(statement, parameters).fetchall()
    raw.execute("ROLLBACK")
    baseline = time.perf_counter() - started
    raw.close()
    return [result("retention_run", value, baseline, unit="s")]


if __name__ == "__main__":
    import json

    for line in measure(quick=True):
        print(json.dumps(line))
