"""Monthly statistics from the statistics table (statistics.md).

The counts come from the monthly sums kept beside the rows (month_sums.py): one small
``GROUP BY`` however large the register. Ages are those at each month's last day from birth
year and month. A count is the sum of the rows' weights: rows of weight -1 take back
revoked days and replaced decisions.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy import select

from kpass.errors import InvalidInput
from kpass.models import StatRecord
from kpass.models.engine import Database
from kpass.reporting import CountRow, StatisticsReport, build_report
from kpass.rules import configured_issuers, issuer_by_code
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.statistics.month_sums import count_months
from kpass.services.uow import UnitOfWork

S = StatRecord


@requires(Permission.EXACT_STATISTICS)
def count_rows(
    database: Database, months: Sequence[str], dimensions: Sequence[str], *,
    issuer: str | None = None,
) -> list[CountRow]:
    """Exact counts per month, measure and dimension values; with ``issuer`` (a code) only
    that issuer's decisions and passes. (A seat of one issuer on a regional register counts
    only its own anyway: row-level security.)"""
    with UnitOfWork(database, write=False) as uow:
        return count_months(uow.session, months, dimensions, issuer)


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
