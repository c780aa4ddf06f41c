"""One month's full breakdown (Stadtteil × age group × household type × basis, all measures)
over the benchmark register.

value: seconds of ``count_rows`` for the month before ``AS_OF`` (one GROUP BY over the
monthly sums, kpass/services/statistics/month_sums.py; ``over_rows_s``: the same counted
from the statistics rows, as before the sums);
baseline: seconds of exactly the SQL statements it sent, replayed through the raw driver
(``sqlite3`` or ``psycopg``); budget for the value: 0.5 s at a million persons.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from sqlalchemy import event

from bench.common import (
    AS_OF,
    RawConnection,
    demo_register,
    households_for,
    median,
    register_label,
    result,
)
from kpass.models.engine import Database
from kpass.services.statistics.counts import count_rows

DATABASES = ("sqlite", "postgresql")
DIMENSIONS = ("stadtteil", "age_group", "household_type", "basis")


def last_month() -> str:
    index = AS_OF.year * 12 + AS_OF.month - 2
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def timed_against_replay(
    database: Database, months: Sequence[str], dimensions: Sequence[str], repeats: int = 3
) -> tuple[float, float]:
    """Median seconds of ``count_rows`` and of replaying its SQL through the raw driver."""
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    count_rows(database, months, dimensions)  # warm the cache
    raw = RawConnection(database)
    values, baselines = [], []
    for _ in range(repeats):
        sent.clear()
        event.listen(database.engine, "before_cursor_execute", record)
        started = time.perf_counter()
        count_rows(database, months, dimensions)
        values.append(time.perf_counter() - started)
        event.remove(database.engine, "before_cursor_execute", record)
        started = time.perf_counter()
        for statement, parameters in sent:
            raw.replay(statement, parameters)
        baselines.append(time.perf_counter() - started)
    raw.close()
    return median(values), median(baselines)


def measure(quick: bool, database: str = "sqlite") -> list[dict[str, object]]:
    households = households_for(quick)
    register = demo_register(households, database=database)
    label = register_label(households, register)
    value, baseline = timed_against_replay(register, [last_month()], DIMENSIONS)
    from bench.stats_series import over_rows

    rows = over_rows(register, [last_month()], DIMENSIONS)
    register.dispose()
    return [result("stats_month", value, baseline, unit="s", database=database,
                   register=label, over_rows_s=round(rows, 3))]


if __name__ == "__main__":
    import json

    for line in measure(quick=True):
        print(json.dumps(line))
