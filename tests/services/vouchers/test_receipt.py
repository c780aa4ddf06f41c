"""Asking before handing out (check_vouchers) and the printed Empfangsbestätigung of a
hand-out: drawn outside the transaction, recorded in the audit trail (no print record kind
exists for it), refused for a hand-out that does not exist."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kpass.errors import InvalidInput, KpassError, PermissionDenied
from kpass.models import AuditEvent, PrintRecord, VoucherIssue
from kpass.models.engine import Database
from kpass.services.access import add_user, log_in, log_out
from kpass.services.audit import verify_trail
from kpass.services.uow import UnitOfWork
from kpass.services.vouchers import check_vouchers, hand_out_vouchers, print_voucher_receipt
from tests.documents.pdf_tools import pdf_info, pdf_text, render
from tests.logins import ROLE_PASSWORD, log_in_admin
from tests.services.vouchers.conftest import Holder

FIRST = date(2026, 3, 20)


def receipt_events(database: Database) -> list[tuple[str, int | None, dict[str, object]]]:
    """(entity, entity_id, details) of every receipt entry in the trail."""
    with UnitOfWork(database, write=False) as uow:
        return [(e.entity, e.entity_id, dict(e.details)) for e in uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "print_voucher_receipt")
            .order_by(AuditEvent.seq))]


def test_check_names_the_amount_and_changes_nothing(database: Database, senior: Holder) -> None:
    offer = check_vouchers(database, senior.person, on=FIRST)
    assert (offer.year, offer.amount, offer.pass_number) == (2026, Decimal("120.00"),
                                                             senior.number)
    assert offer.person_name == "Weiß-Özdemir, Jürgen" and offer.on == FIRST
    with UnitOfWork(database, write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(VoucherIssue)) == 0
    hand_out_vouchers(database, senior.person, on=date(2026, 4, 3))
    with pytest.raises(InvalidInput) as refused:  # the same refusal as handing out
        check_vouchers(database, senior.person, on=date(2026, 9, 1))
    assert "bereits am 03.04.2026 ausgegeben" in refused.value.message_de
    assert check_vouchers(database, senior.person, on=date(2027, 1, 4)).year == 2027


def test_check_refuses_like_handing_out(database: Database, younger: Holder) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_vouchers(database, younger.person, on=FIRST)
    assert "keinen Anspruch auf 60plus-Gutscheine" in refused.value.message_de
    with pytest.raises(InvalidInput, match="no pass valid on"):
        check_vouchers(database, younger.person, on=date(2025, 1, 1))
    with pytest.raises(InvalidInput, match="no person"):
        check_vouchers(database, 999_999, on=FIRST)


def test_receipt_shows_the_hand_out_and_is_recorded_in_the_trail(
    database: Database, senior: Holder, tmp_path: Path
) -> None:
    add_user(database, "schalter-3", "caseworker", ROLE_PASSWORD, display_name="Petra Schalter")
    log_in(database, "schalter-3", ROLE_PASSWORD)
    issued = hand_out_vouchers(database, senior.person, on=FIRST)
    log_in_admin(database)  # somebody else prints it again later: the sheet names who handed out
    out = tmp_path / "quittung.pdf"
    receipt = print_voucher_receipt(database, issued.id, out, printed_on=date(2026, 3, 23))
    assert receipt.path == out and receipt.pages == 1 and receipt.voucher_id == issued.id
    assert pdf_info(out)["Pages"] == "1"
    assert render(out, tmp_path, dpi=40)  # pdftoppm draws it
    text = " ".join(pdf_text(out).split())
    for expected in ("Empfangsbestätigung 60plus-Gutscheine 2026", "Jürgen Weiß-Özdemir",
                     "Geburtsdatum 05.05.1950", f"Passnummer {senior.number}", "Betrag 120,00 €",
                     "Ausgegeben am 20.03.2026", "Ausgegeben von Petra Schalter",
                     "Unterschrift der Empfängerin / des Empfängers", "23.03.2026"):
        assert expected in text, expected
    assert f"KP-{senior.household}-G{issued.id}" in text  # the file reference
    assert receipt_events(database) == [
        ("person", senior.person, {"voucher_issue_id": issued.id, "year": 2026, "pages": 1})]
    with UnitOfWork(database, write=False) as uow:  # no print record kind for it (no migration)
        assert uow.session.scalar(select(func.count()).select_from(PrintRecord)) == 0
    assert verify_trail(database).intact
    # printed again (a spoiled sheet): a second entry
    print_voucher_receipt(database, issued.id, tmp_path / "nochmal.pdf")
    assert len(receipt_events(database)) == 2


def test_no_receipt_for_a_hand_out_that_does_not_exist(
    database: Database, tmp_path: Path
) -> None:
    out = tmp_path / "quittung.pdf"
    with pytest.raises(InvalidInput) as refused:
        print_voucher_receipt(database, 4711, out)
    assert "keine Ausgabe von 60plus-Gutscheinen mit der Nummer 4711" in refused.value.message_de
    assert not out.exists() and receipt_events(database) == []


def test_nothing_is_written_without_a_login(
    database: Database, senior: Holder, tmp_path: Path
) -> None:
    issued = hand_out_vouchers(database, senior.person, on=FIRST)
    log_out(database)
    out = tmp_path / "quittung.pdf"
    with pytest.raises(PermissionDenied):
        print_voucher_receipt(database, issued.id, out)
    with pytest.raises(PermissionDenied):
        check_vouchers(database, senior.person, on=FIRST)
    assert not out.exists()


def test_a_failed_rename_leaves_no_trail_entry(
    database: Database, senior: Holder, tmp_path: Path
) -> None:
    issued = hand_out_vouchers(database, senior.person, on=FIRST)
    folder = tmp_path / "ordner"
    folder.mkdir()
    (folder / "quittung.pdf").mkdir()  # a folder where the file should go
    with pytest.raises(KpassError):  # refused with a message, not a traceback
        print_voucher_receipt(database, issued.id, folder / "quittung.pdf")
    assert receipt_events(database) == []
    assert [p.name for p in folder.iterdir()] == ["quittung.pdf"]
