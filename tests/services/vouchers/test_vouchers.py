"""60plus vouchers: once per person and calendar year, the amount from the parameter, the
month's list for the accounting department (CSV/XLSX)."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from kpass.errors import InvalidInput, PermissionDenied
from kpass.models import AuditEvent, Person, VoucherIssue
from kpass.models.engine import Database
from kpass.services.audit import verify_trail
from kpass.services.passes import revoke_pass
from kpass.services.uow import UnitOfWork
from kpass.services.vouchers import export_voucher_list, hand_out_vouchers, voucher_list
from tests.logins import log_in_admin, log_in_as
from tests.services.vouchers.conftest import Holder

FIRST = date(2026, 3, 20)


def count_issues(database: Database) -> int:
    with UnitOfWork(database, write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(VoucherIssue)) or 0)


def test_hand_out_records_the_parameter_amount_and_is_audited(
    database: Database, senior: Holder
) -> None:
    issued = hand_out_vouchers(database, senior.person, on=FIRST)
    assert issued.amount == Decimal("120.00") and issued.year == 2026
    assert issued.pass_number == senior.number and issued.decision_id == senior.decision
    assert issued.handed_out_on == FIRST and issued.person_name == "Weiß-Özdemir, Jürgen"
    with UnitOfWork(database, write=False) as uow:
        row = uow.session.scalars(select(VoucherIssue)).one()
        assert (row.person_id, row.year, row.amount) == (senior.person, 2026, Decimal("120.00"))
        event = uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "hand_out_vouchers")
        ).one()
        assert event.entity == "person" and event.entity_id == senior.person
        text = str(event.details)
        assert "120.00" in text and "2026" in text and "Jürgen" not in text
    assert verify_trail(database).intact


def test_second_time_in_a_year_is_refused_naming_the_first_date(
    database: Database, senior: Holder
) -> None:
    hand_out_vouchers(database, senior.person, on=date(2026, 4, 3))
    with pytest.raises(InvalidInput) as refused:
        hand_out_vouchers(database, senior.person, on=date(2026, 11, 30))
    assert "bereits am 03.04.2026 ausgegeben" in refused.value.message_de
    assert "03.04.2026" in refused.value.message_en
    assert count_issues(database) == 1


def test_the_next_calendar_year_is_allowed(database: Database, senior: Holder) -> None:
    hand_out_vouchers(database, senior.person, on=date(2026, 12, 31))
    again = hand_out_vouchers(database, senior.person, on=date(2027, 1, 2))
    assert again.year == 2027 and count_issues(database) == 2


def test_a_person_under_60_is_refused(database: Database, younger: Holder) -> None:
    with pytest.raises(InvalidInput) as refused:
        hand_out_vouchers(database, younger.person, on=FIRST)
    assert "keinen Anspruch auf 60plus-Gutscheine" in refused.value.message_de
    assert count_issues(database) == 0


def test_without_a_valid_pass_it_is_refused(database: Database, senior: Holder) -> None:
    for day in (date(2026, 3, 1), date(2027, 4, 1)):  # before and after its validity
        with pytest.raises(InvalidInput, match="no pass valid on") as refused:
            hand_out_vouchers(database, senior.person, on=day)
        assert "keinen am" in refused.value.message_de
    revoke_pass(database, senior.number, date(2026, 5, 1), "Wegzug")
    hand_out_vouchers(database, senior.person, on=date(2026, 4, 30))  # still valid then
    with pytest.raises(InvalidInput, match="no pass valid on"):
        hand_out_vouchers(database, senior.person, on=date(2027, 1, 5))
    with pytest.raises(InvalidInput, match="no person"):
        hand_out_vouchers(database, 999_999, on=FIRST)


def test_month_list_csv_and_xlsx_read_back(
    database: Database, senior: Holder, younger: Holder, tmp_path: Path
) -> None:
    hand_out_vouchers(database, senior.person, on=FIRST)
    log_in_as(database, "supervisor")
    rows = voucher_list(database, 2026, 3)
    assert [(r.handed_out_on, r.pass_number, r.person_name, r.amount) for r in rows] == [
        (FIRST, senior.number, "Weiß-Özdemir, Jürgen", Decimal("120.00"))
    ]
    assert voucher_list(database, 2026, 4) == []

    csv_file = export_voucher_list(database, 2026, 3, tmp_path / "gutscheine.csv")
    data = csv_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Ausgabetag;Passnummer;Name;Betrag (EUR)"
    assert lines[1] == f"20.03.2026;{senior.number};Weiß-Özdemir, Jürgen;120,00"

    xlsx_file = export_voucher_list(database, 2026, 3, tmp_path / "gutscheine.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx_file.read_bytes())).active
    assert [c.value for c in sheet[3]] == ["Ausgabetag", "Passnummer", "Name", "Betrag (EUR)"]
    day, number, name, amount = (c.value for c in sheet[4])
    assert day == datetime(2026, 3, 20) and number == senior.number
    assert name == "Weiß-Özdemir, Jürgen"
    assert isinstance(amount, int | float) and amount == 120

    with pytest.raises(InvalidInput, match=r"\.csv or \.xlsx"):
        export_voucher_list(database, 2026, 3, tmp_path / "gutscheine.pdf")
    log_in_admin(database)
    with UnitOfWork(database, write=False) as uow:
        reads = uow.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "bulk_read",
                                     AuditEvent.entity == "voucher_issue")
        ).all()
        assert len(reads) == 4
    assert verify_trail(database).intact


def test_a_name_like_a_formula_stays_text(
    database: Database, senior: Holder, tmp_path: Path
) -> None:
    with UnitOfWork(database) as uow:
        person = uow.session.get(Person, senior.person)
        assert person is not None
        person.family_name = "=HYPERLINK(1)"
        uow.commit()
    hand_out_vouchers(database, senior.person, on=FIRST)
    text = export_voucher_list(database, 2026, 3, tmp_path / "g.csv").read_text("utf-8-sig")
    assert ";'=HYPERLINK(1), Jürgen;" in text  # a text cell, not a formula
    sheet = load_workbook(export_voucher_list(database, 2026, 3, tmp_path / "g.xlsx")).active
    assert sheet["C4"].data_type == "s"


def test_the_list_is_the_supervisors(database: Database, senior: Holder, tmp_path: Path) -> None:
    log_in_as(database, "caseworker")
    hand_out_vouchers(database, senior.person, on=FIRST)  # the counter hands out
    with pytest.raises(PermissionDenied):
        voucher_list(database, 2026, 3)
    with pytest.raises(PermissionDenied):
        export_voucher_list(database, 2026, 3, tmp_path / "g.csv")
    assert not (tmp_path / "g.csv").exists()


def test_erasing_the_person_takes_the_hand_outs_along(database: Database, senior: Holder) -> None:
    hand_out_vouchers(database, senior.person, on=FIRST)
    with UnitOfWork(database) as uow:
        from sqlalchemy import delete

        from kpass.models import Pass

        uow.session.execute(delete(Pass).where(Pass.person_id == senior.person))
        uow.commit()
    assert count_issues(database) == 0
