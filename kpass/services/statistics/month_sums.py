"""Counts per month read from the monthly sums (``stat_month``, kpass/services/month_counts.py).

The same counts as a run over the statistics rows (month_series.py), from a few thousand
sums per month: one ``GROUP BY`` over the requested months and dimensions. A key whose sum
is 0 is left out, as there. A missing basis or pass type (an application row) is stored as
an empty string and reported as ``"None"``, the key the run over the rows gives it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kpass.models import StatMonth
from kpass.models.statistics import NONE
from kpass.reporting import MEASURES, CountRow

M = StatMonth
_COLUMNS: dict[str, Any] = {
    "stadtteil": M.stadtteil,
    "age_group": M.age_group,
    "household_type": M.household_type,
    "basis": M.basis,
    "pass_type": M.pass_type,
}
_ORDER = {measure: i for i, measure in enumerate(MEASURES)}


def _first_day(month: str) -> date:
    return date(int(month[:4]), int(month[5:7]), 1)


def _key(value: str) -> str:
    return "None" if value == NONE else value


def count_months(
    session: Session, months: Sequence[str], dimensions: Sequence[str], issuer: str | None
) -> list[CountRow]:
    """Exact counts per month of ``months``, measure and values of ``dimensions``."""
    if not months:
        return []
    columns = [_COLUMNS[name] for name in dimensions]
    total = func.sum(M.total)
    statement = (
        select(M.month, M.measure, *columns, total)
        .where(M.month.in_(sorted({_first_day(m) for m in months})),
               *([M.issuer == issuer] if issuer is not None else []))
        .group_by(M.month, M.measure, *columns)
        .having(total != 0)
    )
    # core rows through the session's connection, fetched at once: no ORM row processing
    found = session.connection().execute(statement).all()
    names = {day: f"{day:%Y-%m}" for day in {row[0] for row in found}}
    rows = [
        CountRow(names[row[0]], tuple(map(_key, row[2:-1])), row[1], int(row[-1]))
        for row in found
    ]
    rows.sort(key=lambda r: (_ORDER[r.measure], r.month, r.keys))
    return rows
