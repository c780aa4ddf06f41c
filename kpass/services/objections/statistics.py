"""Objections by month of receipt × outcome × in time, for supervisors and Sozialplanung.

Counts only, never who: counted in SQL from the register's objections, then protected like
the other statistics exports (small counts hidden) unless ``exact`` (supervisors, marked
"nur für den Dienstgebrauch"). An objection not decided on the day counts as "offen".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import func, select

from kpass.models import Objection
from kpass.models.engine import Database
from kpass.reporting.objection_table import (
    KINDS,
    ObjectionTable,
    objection_table,
    write_objection_table,
)
from kpass.reporting.validation import check_month
from kpass.rules import last_of_month
from kpass.services.access.guard import check_permission, requires
from kpass.services.access.permissions import Permission
from kpass.services.bulk_reads import record_bulk_read
from kpass.services.uow import UnitOfWork

#: The state of an objection → its outcome in the table.
OUTCOME_OF_STATE = {
    "remedied": "remedied",
    "rejected": "rejected",
    "withdrawn": "withdrawn",
    "received": "open",
    "in_review": "open",
}


def _exact_counts(database: Database, months: Sequence[str]) -> dict[tuple[str, str, bool], int]:
    first_year, first_month = check_month(months[0])
    last_year, last_month = check_month(months[-1])
    first = date(first_year, first_month, 1)
    last = last_of_month(date(last_year, last_month, 1))
    with UnitOfWork(database, write=False) as uow:
        rows = uow.session.execute(
            select(Objection.received_on, Objection.state, Objection.in_time, func.count())
            .where(Objection.received_on >= first, Objection.received_on <= last)
            .group_by(Objection.received_on, Objection.state, Objection.in_time)
        ).all()
    counts: dict[tuple[str, str, bool], int] = {}
    for received_on, state, in_time, number in rows:
        key = (f"{received_on:%Y-%m}", OUTCOME_OF_STATE[state], bool(in_time))
        counts[key] = counts.get(key, 0) + int(number)
    return counts


@requires(Permission.READ_REGISTER)
def objection_statistics(
    database: Database,
    months: Sequence[str],
    *,
    exact: bool = False,
    by_month: bool = True,
    now: datetime | None = None,
) -> ObjectionTable:
    """The table of ``months`` (``YYYY-MM``, in order, as ``parse_month_range`` gives them):
    a grid per month, or one for the whole period (``by_month`` false: the page's summary).
    ``exact``: no suppression (supervisors only)."""
    if exact:  # exact small counts can point at persons
        check_permission(database, Permission.EXACT_STATISTICS)
    if not months:
        raise ValueError("at least one month")
    counts = _exact_counts(database, months)
    return objection_table(counts, months, exact=exact, by_month=by_month,
                           created_at=now or datetime.now(UTC).astimezone())


def suggested_objection_file_name(months: Sequence[str], kind: str, *,
                                  exact: bool = False) -> str:
    """``kpass-widersprueche-2026-01-bis-2026-06.csv``."""
    period = months[0] if len(months) == 1 else f"{months[0]}-bis-{months[-1]}"
    marking = "-dienstgebrauch" if exact else ""
    return f"kpass-widersprueche-{period}{marking}{KINDS[kind]}"


@requires(Permission.READ_REGISTER)
def export_objection_statistics(
    database: Database,
    months: Sequence[str],
    kind: str,
    path: Path,
    *,
    exact: bool = False,
    ensure_suffix: bool = False,
) -> Path:
    """Write the table of ``months`` as ``kind`` (csv, xlsx, json) to ``path``; returns the
    file written (with ``ensure_suffix`` the kind's suffix is added when the name lacks it)."""
    table = objection_statistics(database, months, exact=exact)
    suffix = KINDS[kind]
    if ensure_suffix and path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    written = write_objection_table(table, path, kind)
    record_bulk_read(database, "objection_statistics", len(months),
                     months=[months[0], months[-1]], exact=exact, kind=kind)
    return written
