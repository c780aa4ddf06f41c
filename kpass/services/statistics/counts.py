"""Monthly statistics from the statistics table, counted in SQL (statistics.md).

One query per measure, grouped by a month series (a small VALUES-like union of the
requested months) and the requested dimensions; no Python loop over persons. Ages are
computed at each month's last day from birth year and month. A count is the sum of the
rows' weights: rows of weight -1 take back revoked days and replaced decisions.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Date, Integer, String, and_, case, func, literal, select, union_all

from kpass.errors import InvalidInput
from kpass.models import StatRecord
from kpass.models.engine import Database
from kpass.models.periods import valid_on
from kpass.reporting import CountRow, StatisticsReport, build_report
from kpass.rules import AGE_GROUPS, configured_issuers, issuer_by_code
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.uow import UnitOfWork

S = StatRecord
# A pass period lasts at most 13 months (new: to the end of the month a year later); the
# bound leaves room for a longer validity parameter without missing any period.
MAX_VALIDITY = timedelta(days=800)


def _month_series(months: Sequence[str]) -> Any:
    selects = []
    for month in months:
        year, number = int(month[:4]), int(month[5:7])
        last = calendar.monthrange(year, number)[1]
        selects.append(
            select(
                literal(month, String).label("month"),
                literal(date(year, number, 1), Date).label("first_day"),
                literal(date(year, number, last), Date).label("last_day"),
                literal(date(year, number, last) + MAX_VALIDITY, Date).label("horizon"),
                literal(year, Integer).label("year"),
                literal(number, Integer).label("number"),
            )
        )
    return (selects[0] if len(selects) == 1 else union_all(*selects)).subquery("months")


def _age_group(months: Any) -> Any:
    age = months.c.year - S.birth_year - case((S.birth_month > months.c.number, 1), else_=0)
    return case(
        *[(age <= high, label) for label, _, high in AGE_GROUPS if high is not None],
        else_=AGE_GROUPS[-1][0],
    )


def _dimension(name: str, months: Any) -> Any:
    if name == "age_group":
        return _age_group(months)
    return {
        "stadtteil": S.stadtteil,
        "household_type": S.household_type,
        "basis": S.basis,
        "pass_type": S.pass_type,
    }[name]


def _measure_filter(measure: str, months: Any) -> Any:
    in_month = and_(S.decided_on >= months.c.first_day, S.decided_on <= months.c.last_day)
    if measure == "active":
        day = months.c.last_day
        return and_(
            S.record_kind == "pass_validity",
            valid_on(S.valid_from, S.valid_until, day),
        )
    if measure in ("new", "renewed", "replaced"):
        return and_(S.record_kind == "pass_validity", S.event == measure, in_month)
    if measure == "rejected":
        return and_(S.record_kind == "decision_person", S.event == "rejected", in_month)
    if measure == "applications":
        return and_(S.record_kind == "application", in_month)
    raise ValueError(measure)


MEASURES = ("active", "new", "renewed", "replaced", "rejected", "applications")


@requires(Permission.EXACT_STATISTICS)
def count_rows(
    database: Database, months: Sequence[str], dimensions: Sequence[str], *,
    issuer: str | None = None,
) -> list[CountRow]:
    """Exact counts per month, measure and dimension values; with ``issuer`` (a code) only
    that issuer's decisions and passes. (A seat of one issuer on a regional register counts
    only its own anyway: row-level security.)"""
    series = _month_series(months)
    keys = [_dimension(name, series).label(f"d{i}") for i, name in enumerate(dimensions)]
    rows: list[CountRow] = []
    with UnitOfWork(database, write=False) as uow:
        for measure in MEASURES:
            statement = (
                select(series.c.month, *keys, func.sum(S.weight).label("n"))
                .select_from(series)
                .join(S, _measure_filter(measure, series))
                .group_by(series.c.month, *keys)
            )
            if issuer is not None:
                statement = statement.where(S.issuer == issuer)
            for month, *values, count in uow.session.execute(statement):
                if count:  # a group whose rows all were taken back counts nothing
                    rows.append(
                        CountRow(month, tuple(str(v) for v in values), measure, int(count))
                    )
    return rows


def rule_sets_used(
    database: Database, months: Sequence[str], issuer: str | None = None
) -> list[str]:
    first = date.fromisoformat(f"{months[0]}-01")
    last_year, last_month = int(months[-1][:4]), int(months[-1][5:7])
    last = date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
    with UnitOfWork(database, write=False) as uow:
        return sorted(
            str(r)
            for r in uow.session.scalars(
                select(S.rule_set)
                .where(S.decided_on >= first, S.decided_on <= last, S.rule_set.is_not(None),
                       *([S.issuer == issuer] if issuer is not None else []))
                .distinct()
            )
        )


def statistics_report(
    database: Database, months: Sequence[str], dimensions: Sequence[str], *, exact: bool,
    issuer: str | None = None,
) -> StatisticsReport:
    """The report of ``kpass stats`` and the dashboard's exports; with ``issuer`` (a code)
    limited to that issuing municipality, which the report names."""
    code = check_issuer_code(issuer)
    report = build_report(
        count_rows(database, months, dimensions, issuer=code),
        dimensions,
        months,
        exact,
        rule_sets_used(database, months, code),
        datetime.now(UTC),
    )
    return report if code is None else replace(report, issuer=issuer_by_code(code).name)


def check_issuer_code(issuer: str | None) -> str | None:
    """The code of a configured issuer named by code or municipality (``et``, ``Ettlingen``);
    :class:`InvalidInput` naming the known ones otherwise."""
    if issuer is None:
        return None
    wanted = issuer.strip().casefold()
    for known in configured_issuers():
        if wanted in (known.code, known.municipality.casefold()):
            return known.code
    names = ", ".join(f"{i.code} ({i.municipality})" for i in configured_issuers())
    raise InvalidInput(f"{issuer!r} is no configured issuer (known: {names}).",
                       f"„{issuer}“ ist keine eingerichtete ausgebende Gemeinde "
                       f"(bekannt: {names}).")
