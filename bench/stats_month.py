"""All measures of one month by Stadtteil × age group, over the benchmark register.

value: seconds of ``count_rows`` (six GROUP BY queries over the statistics table, one per
measure); baseline: seconds of exactly those SQL statements replayed through ``sqlite3``;
budget for the value: 1.0 s on the 120,000-household register (24 months of history).
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from sqlalchemy import event

from bench.common import AS_OF, demo_register, result
from kpass.services.statistics.counts import count_rows


def measure(quick: bool) -> list[dict[str, object]]:
    database = demo_register(20_000 if quick else 120_000)
    path = database.sqlite_path
    assert path is not None
    month = f"{AS_OF.year}-{AS_OF.month - 1:02d}" if AS_OF.month > 1 else f"{AS_OF.year - 1}-12"
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    count_rows(database, [month], ("stadtteil", "age_group"))  # warm the page cache
    event.listen(database.engine, "before_cursor_execute", record)
    started = time.perf_counter()
    count_rows(database, [month], ("stadtteil", "age_group"))
    value = time.perf_counter() - started
    event.remove(database.engine, "before_cursor_execute", record)
    raw = sqlite3.connect(path)
    started = time.perf_counter()
    for statement, parameters in sent:
        raw.execute(statement, parameters).fetchall()
    baseline = time.perf_counter() - started
    raw.close()
    database.dispose()
    return [result("stats_month", value, baseline, unit="s")]


if __name__ == "__main__":
    import json

    for line in measure(quick=True):
        print(json.dumps(line))
