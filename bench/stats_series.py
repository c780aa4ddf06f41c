"""The dashboard's range: 24 months by Stadtteil × age group, all measures.

value: seconds of ``count_rows`` for the 24 months ending with the month before ``AS_OF``
(one GROUP BY that reads each row of the statistics table once; the groups are spread over
the months in Python); baseline: seconds of exactly the SQL statements it sent, replayed
through the raw driver (``sqlite3`` or ``psycopg``); budget for the value: 1.0 s at a
million persons. On stderr, for comparison, the seconds of the approach before issue 17
(one query per measure joining every month to the table), run once.
"""

from __future__ import annotations

import calendar
import sys
import time
from datetime import date
from typing import Any

from sqlalchemy import Date, String, and_, case, func, literal, select, union_all

from bench.common import demo_register, households_for, register_label, result
from bench.stats_month import last_month, timed_against_replay
from kpass.models import StatRecord
from kpass.models.engine import Database
from kpass.rules import AGE_GROUPS

DATABASES = ("sqlite", "postgresql")
DIMENSIONS = ("stadtteil", "age_group")
MONTHS = 24


def series() -> list[str]:
    last = int(last_month()[:4]) * 12 + int(last_month()[5:]) - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(last - MONTHS + 1, last + 1)]


def _previous_approach(database: Database, months: list[str]) -> float:
    """Seconds of the per-measure month join that count_rows used before issue 17."""
    s = StatRecord
    selects = []
    for month in months:
        year, number = int(month[:4]), int(month[5:7])
        end = date(year, number, calendar.monthrange(year, number)[1])
        selects.append(select(literal(month, String).label("month"),
                              literal(date(year, number, 1), Date).label("first_day"),
                              literal(end, Date).label("last_day"),
                              literal(year).label("year"), literal(number).label("number")))
    m = union_all(*selects).subquery("months")
    age = m.c.year - s.birth_year - case((s.birth_month > m.c.number, 1), else_=0)
    group = case(*[(age <= high, label) for label, _, high in AGE_GROUPS if high is not None],
                 else_=AGE_GROUPS[-1][0])
    in_month = and_(s.decided_on >= m.c.first_day, s.decided_on <= m.c.last_day)
    filters: list[Any] = [
        and_(s.record_kind == "pass_validity", s.valid_from <= m.c.last_day,
             s.valid_until >= m.c.last_day),
        *[and_(s.record_kind == "pass_validity", s.event == e, in_month)
          for e in ("new", "renewed", "replaced")],
        and_(s.record_kind == "decision_person", s.event == "rejected", in_month),
        and_(s.record_kind == "application", in_month),
    ]
    started = time.perf_counter()
    with database.engine.connect() as connection:
        for condition in filters:
            keys = [s.stadtteil, group]
            connection.execute(select(m.c.month, *keys, func.sum(s.weight)).select_from(m)
                               .join(s, condition).group_by(m.c.month, *keys)).all()
    return time.perf_counter() - started


def measure(quick: bool, database: str = "sqlite") -> list[dict[str, object]]:
    households = households_for(quick)
    register = demo_register(households, database=database)
    label = register_label(households, register)
    months = series()
    value, baseline = timed_against_replay(register, months, DIMENSIONS)
    previous = _previous_approach(register, months)
    print(f"# stats_series on {database}: {value:.3f} s now, {previous:.3f} s with the "
          f"month join of before issue 17", file=sys.stderr, flush=True)
    register.dispose()
    return [result("stats_series", value, baseline, unit="s", database=database,
                   register=label, months=MONTHS)]


if __name__ == "__main__":
    import json

    for line in measure(quick=True):
        print(json.dumps(line))
