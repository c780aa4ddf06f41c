"""The accounting department's list of the 60plus vouchers handed out in one month."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from kpass.errors import InvalidInput
from kpass.models import Pass, Person, VoucherIssue
from kpass.models.engine import Database
from kpass.reporting.ledger import Ledger, write_ledger
from kpass.rules import last_of_month
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.bulk_reads import record_bulk_read
from kpass.services.uow import UnitOfWork
from kpass.services.vouchers.handing_out import person_name
from kpass.services.vouchers.views import VoucherRow

HEADERS = ("Ausgabetag", "Passnummer", "Name", "Betrag (EUR)")
EXPORT_KINDS = {".csv": "csv", ".xlsx": "xlsx"}


def _first_day(year: int, month: int) -> date:
    if not (1900 <= year <= 2999 and 1 <= month <= 12):
        raise InvalidInput(f"{year:04d}-{month:02d} is not a month.",
                           f"{year:04d}-{month:02d} ist kein Monat.")
    return date(year, month, 1)


def _rows(database: Database, year: int, month: int) -> list[VoucherRow]:
    first = _first_day(year, month)
    with UnitOfWork(database, write=False) as uow:
        found = uow.session.execute(
            select(VoucherIssue, Pass.number, Person)
            .join(Pass, Pass.id == VoucherIssue.pass_id)
            .join(Person, Person.id == VoucherIssue.person_id)
            .where(VoucherIssue.handed_out_on >= first,
                   VoucherIssue.handed_out_on <= last_of_month(first))
            .order_by(VoucherIssue.handed_out_on, Person.sort_key, VoucherIssue.id)
        ).all()
        return [VoucherRow(issue.handed_out_on, number, person_name(person), issue.amount,
                           issue.id)
                for issue, number, person in found]


@requires(Permission.BULK_READ)
def voucher_list(database: Database, year: int, month: int) -> list[VoucherRow]:
    """Every hand-out in ``month`` of ``year``, by day and name (supervisors; recorded as a
    bulk read)."""
    rows = _rows(database, year, month)
    record_bulk_read(database, "voucher_issue", len(rows), month=f"{year:04d}-{month:02d}")
    return rows


@requires(Permission.BULK_READ)
def export_voucher_list(database: Database, year: int, month: int, out: Path) -> Path:
    """Write the month's list to ``out``: CSV (``;``, UTF-8 with BOM, ``120,00``) or XLSX,
    told by the file ending; returns the file written."""
    kind = EXPORT_KINDS.get(Path(out).suffix.lower())
    if kind is None:
        raise InvalidInput(
            f"{out}: the list is written as .csv or .xlsx; name the file so.",
            f"{out}: die Liste wird als .csv oder .xlsx geschrieben; bitte die Datei so "
            "benennen.",
        )
    rows = _rows(database, year, month)
    ledger = Ledger(
        title=f"60plus-Gutscheine {month:02d}/{year:04d}",
        headers=HEADERS,
        rows=tuple((r.handed_out_on, r.pass_number, r.person_name, r.amount) for r in rows),
    )
    written = write_ledger(ledger, out, kind)
    record_bulk_read(database, "voucher_issue", len(rows), month=f"{year:04d}-{month:02d}",
                     kind=kind)
    return written
