"""The dashboard's range: 24 months by Stadtteil × age group, all measures.

value: seconds of ``count_rows`` for the 24 months ending with the month before ``AS_OF``
(one GROUP BY over the monthly sums, kpass/services/statistics/month_sums.py); baseline:
seconds of exactly the SQL statements it sent, replayed through the raw driver (``sqlite3``
or ``psycopg``); budget for the value: 1.0 s at a million persons. For comparison
(``over_rows_s``), the seconds of counting the same from the statistics rows in one pass,
as before the sums (run once).
"""

from __future__ import annotations

import sys
import time

from bench.common import demo_register, households_for, register_label, result
from bench.stats_month import last_month, timed_against_replay
from kpass.models.engine import Database
from kpass.services.statistics.month_series import count_series
from kpass.services.uow import UnitOfWork

DATABASES = ("sqlite", "postgresql")
DIMENSIONS = ("stadtteil", "age_group")
MONTHS = 24


def series() -> list[str]:
    last = int(last_month()[:4]) * 12 + int(last_month()[5:]) - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(last - MONTHS + 1, last + 1)]


def over_rows(database: Database, months: list[str], dimensions: tuple[str, ...]) -> float:
    """Seconds of counting the months from the statistics rows in one pass (month_series.py,
    what count_rows did before the monthly sums): the reference the sums are tested against."""
    started = time.perf_counter()
    with UnitOfWork(database, write=False) as uow:
        count_series(uow.session, months, dimensions, None)
    return time.perf_counter() - started


def measure(quick: bool, database: str = "sqlite") -> list[dict[str, object]]:
    households = households_for(quick)
    register = demo_register(households, database=database)
    label = register_label(households, register)
    months = series()
    value, baseline = timed_against_replay(register, months, DIMENSIONS)
    rows = over_rows(register, months, DIMENSIONS)
    print(f"# stats_series on {database}: {value:.3f} s from the monthly sums, {rows:.3f} s "
          "counted over the statistics rows", file=sys.stderr, flush=True)
    register.dispose()
    return [result("stats_series", value, baseline, unit="s", database=database,
                   register=label, months=MONTHS, over_rows_s=round(rows, 3))]


if __name__ == "__main__":
    import json

    for line in measure(quick=True):
        print(json.dumps(line))
