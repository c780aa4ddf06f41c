"""The printed Empfangsbestätigung of a 60plus hand-out, drawn like every print: read in one
short transaction, drawn outside any transaction into a temporary file beside the target,
then recorded and put in place in one short write transaction.

The print record table (``print_record``) admits only the kinds it was made for (a check
constraint), and a receipt is none of them; rather than a schema change for it, the print
is recorded in the audit trail: ``print_voucher_receipt`` on the person, with the hand-out,
the year and the pages (not the file name, which the trail would keep for ever). So there
is no receipt file without its trail entry, nor an entry without its file (see
:mod:`kpass.services.printing.record`, whose order this follows).

The sheet carries the letterhead of the issuer of the person's household on the day of the
hand-out, as the decision letters do (:mod:`kpass.services.printing.letterhead`): an
Ettlingen household's receipt names Ettlingen's office and contact.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sqlalchemy import select

from kpass.atomic_file import PreparedFile, protect
from kpass.documents import LetterSettings
from kpass.documents.output import install_document, prepare_document
from kpass.documents.voucher_receipt import VoucherReceiptData, render_voucher_receipt
from kpass.errors import InvalidInput
from kpass.models import AppUser, HouseholdMember, Pass, Person, VoucherIssue
from kpass.models.engine import Database
from kpass.models.periods import valid_on
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.printing.letter_people import address_lines
from kpass.services.printing.letter_people import person_name as letter_name
from kpass.services.printing.letterhead import household_letter_settings
from kpass.services.uow import UnitOfWork
from kpass.services.vouchers.views import VoucherReceipt

_PAGE = re.compile(rb"/Type\s*/Page(?!s)")


def _missing(voucher_id: int) -> InvalidInput:
    return InvalidInput(f"There is no 60plus hand-out {voucher_id}.",
                        f"Es gibt keine Ausgabe von 60plus-Gutscheinen mit der Nummer "
                        f"{voucher_id}.")


def _file_reference(uow: UnitOfWork, issue: VoucherIssue) -> str:
    """``KP-<household>-G<hand-out>``, like the letters' ``KP-<household>-<decision>``; the
    household is the person's on the day of the hand-out."""
    household_id = uow.session.scalar(
        select(HouseholdMember.household_id)
        .where(HouseholdMember.person_id == issue.person_id,
               valid_on(HouseholdMember.valid_from, HouseholdMember.valid_until,
                        issue.handed_out_on))
        .order_by(HouseholdMember.valid_from.desc())
        .limit(1)
    )
    return f"KP-G{issue.id}" if household_id is None else f"KP-{household_id}-G{issue.id}"


def _handed_out_by(uow: UnitOfWork, issue: VoucherIssue) -> str:
    user = uow.session.get(AppUser, issue.created_by_id)
    if user is None:
        return ""
    return user.display_name.strip() or user.username


def receipt_data(uow: UnitOfWork, voucher_id: int, printed_on: date) -> VoucherReceiptData:
    """Everything the receipt of hand-out ``voucher_id`` shows, read from the register."""
    issue = uow.session.get(VoucherIssue, voucher_id)
    if issue is None:
        raise _missing(voucher_id)
    person = uow.session.get(Person, issue.person_id)
    card = uow.session.get(Pass, issue.pass_id)
    assert person is not None and card is not None  # foreign keys
    return VoucherReceiptData(
        recipient_lines=address_lines(uow, person, issue.handed_out_on),
        person_name=letter_name(person),
        birth_date=person.birth_date,
        pass_number=card.number,
        year=issue.year,
        amount=issue.amount,
        handed_out_on=issue.handed_out_on,
        caseworker=_handed_out_by(uow, issue),
        file_reference=_file_reference(uow, issue),
        printed_on=printed_on,
    )


def receipt_letter_settings(uow: UnitOfWork, voucher_id: int) -> LetterSettings | None:
    """The office on the receipt: the issuer's of the person's household on the day of the
    hand-out (no household then: the pass's issuer); ``None``: the letter settings'."""
    issue = uow.session.get(VoucherIssue, voucher_id)
    if issue is None:
        raise _missing(voucher_id)
    card = uow.session.get(Pass, issue.pass_id)
    return household_letter_settings(uow, issue.person_id, issue.handed_out_on,
                                     card.issuer if card is not None else None)


@requires(Permission.ISSUE)
def print_voucher_receipt(database: Database, voucher_id: int, out: Path, *,
                          printed_on: date | None = None) -> VoucherReceipt:
    """The Empfangsbestätigung of hand-out ``voucher_id`` as an A4 PDF at ``out`` (also
    again, e.g. when the first sheet was spoiled); the print is recorded in the trail."""
    day = printed_on or date.today()
    with UnitOfWork(database, write=False) as uow:
        data = receipt_data(uow, voucher_id, day)
        settings = receipt_letter_settings(uow, voucher_id)
    if database.sqlite_path is not None:
        protect(database.sqlite_path)  # a print never replaces the register itself
    target = Path(out)
    with prepare_document(target, lambda stream: render_voucher_receipt(data, stream, settings)) \
            as prepared:
        pages = len(_PAGE.findall(prepared.read_bytes()))
        with UnitOfWork(database) as uow:
            issue = uow.session.get(VoucherIssue, voucher_id)
            if issue is None:  # erased while the sheet was drawn
                raise _missing(voucher_id)
            uow.audit("print_voucher_receipt", "person", issue.person_id,
                      voucher_issue_id=voucher_id, year=issue.year, pages=pages)
            uow.session.flush()
            _install(prepared, uow)
    return VoucherReceipt(target, pages, voucher_id)


def _install(prepared: PreparedFile, uow: UnitOfWork) -> None:
    """Rename the file into place, then commit; a failed rename leaves the entry
    uncommitted, a failed commit deletes the file."""
    install_document(prepared)
    try:
        uow.commit()
    except BaseException:
        prepared.path.unlink(missing_ok=True)
        raise
