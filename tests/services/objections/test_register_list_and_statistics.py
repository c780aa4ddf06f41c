"""The objections page's list and the statistics by outcome, on SQLite and PostgreSQL:
what is due comes first, decided ones only on request; the counts by month × outcome × in
time, small ones hidden unless exact (supervisors); the files as Excel and scripts read them."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kpass.errors import InvalidInput, PermissionDenied
from kpass.models.engine import Database
from kpass.services.objections import (
    export_objection_statistics,
    lodge_objection,
    objection_details,
    objection_register,
    objection_statistics,
    set_follow_up,
)
from tests.logins import log_in_admin, log_in_as
from tests.services.objections.conftest import FUTURE, Refused
from tests.services.objections.with_objections import TODAY, objections, refusal


def test_open_ones_by_due_day_and_the_decided_ones_on_request(database: Database) -> None:
    made = objections(database)
    rows = objection_register(database, today=TODAY)
    # due: the deadline 06.07. (no Wiedervorlage), then the Wiedervorlagen 02.12. and 04.12.
    assert [r.objection.id for r in rows] == [made.open_three_months, made.overdue_follow_up,
                                               made.due_today]
    late, overdue, today = rows
    assert late.overdue and not late.follow_up_due and not late.objection.in_time
    assert late.applicant == "Kowalski, Irena" and late.objection.lodged_by == \
        "Betreuerin Anna Muster"
    assert late.decision_date == date(2026, 6, 1)  # never printed: the decision's day
    assert overdue.follow_up_due and not overdue.overdue
    assert overdue.objection.follow_up_note == "Rentenbescheid angefordert"
    assert today.follow_up_due and today.due_on == TODAY
    every = objection_register(database, include_closed=True, today=TODAY)
    assert [r.objection.id for r in every][3:] == [made.remedied, made.rejected]  # latest first
    assert [r.is_open for r in every] == [True, True, True, False, False]
    assert every[3].due_on is None and not every[3].follow_up_due


def test_a_wiedervorlage_note_is_kept_and_cleared_with_it(
    database: Database, refused: Refused
) -> None:
    lodged = lodge_objection(database, refused.decision, date(2026, 4, 2),
                             lodged_by_person_id=refused.person, today=FUTURE)
    set_follow_up(database, lodged.id, date(2026, 5, 4), note="Nachweis angefordert")
    assert objection_details(database, lodged.id).follow_up_note == "Nachweis angefordert"
    cleared = set_follow_up(database, lodged.id, None)
    assert cleared.follow_up_on is None and cleared.follow_up_note == ""


def test_add_without_a_name_records_the_applicant(database: Database, refused: Refused) -> None:
    with pytest.raises(InvalidInput, match="Who lodged the objection"):
        lodge_objection(database, refused.decision, date(2026, 4, 2), today=FUTURE)
    lodged = lodge_objection(database, refused.decision, date(2026, 4, 2),
                             applicant_if_unnamed=True, today=FUTURE)
    assert lodged.lodged_by_person_id == refused.person
    assert lodged.lodged_by == "Jürgen Weiß-Özdemir"


def _many(database: Database) -> None:
    """Six objections in March (five in time, one late), one in April; all still open."""
    for number in range(6):
        refused = refusal(database, f"Fall{number}", "Eva", date(2026, 2, 2))
        received = date(2026, 3, 2) if number < 5 else date(2026, 3, 20)  # deadline 05.03.
        lodge_objection(database, refused.decision, received,
                        lodged_by_person_id=refused.person, today=TODAY)
    april = refusal(database, "April", "Jan", date(2026, 3, 30))
    lodge_objection(database, april.decision, date(2026, 4, 7),
                    lodged_by_person_id=april.person, today=TODAY)


def test_counts_by_month_outcome_and_in_time_exact_and_suppressed(database: Database) -> None:
    _many(database)
    exact = objection_statistics(database, ["2026-03", "2026-04"], exact=True)
    march, april = exact.grids
    assert (march.cell("open", True), march.cell("open", False), march.cell(None, None)) == (
        5, 1, 6)
    assert march.cell("remedied", None) == 0 and april.cell("open", True) == 1
    shown = objection_statistics(database, ["2026-03", "2026-04"])
    march, april = shown.grids
    # 5 may be shown, the 1 beside it not; then 5 is hidden too, else 6 − 5 gives the 1 away
    assert march.cell("open", False) is None and march.cell("open", True) is None
    assert march.cell("remedied", True) == 0  # a zero reveals nobody
    assert april.cell("open", True) is None and april.cell(None, None) is None
    period = objection_statistics(database, ["2026-03", "2026-04"], by_month=False)
    [grid] = period.grids
    assert grid.label == "2026-03 bis 2026-04" and grid.cell(None, None) == 7
    assert grid.cell("open", True) is None  # beside the one late: 7 − 6 would give it away


def test_exact_counts_are_for_supervisors(database: Database) -> None:
    log_in_as(database, "caseworker")
    objection_statistics(database, ["2026-03"])  # suppressed: the counter may
    with pytest.raises(PermissionDenied):
        objection_statistics(database, ["2026-03"], exact=True)
    log_in_admin(database)
    log_in_as(database, "supervisor")
    assert objection_statistics(database, ["2026-03"], exact=True).exact


def test_the_files_as_excel_and_scripts_read_them(database: Database, tmp_path: Path) -> None:
    objections(database)
    months = ["2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]
    written = export_objection_statistics(database, months, "csv", tmp_path / "w.csv")
    data = written.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == ["Monat", "Ergebnis", "fristgerecht", "verspätet", "Insgesamt"]
    assert len(lines) == 1 + 5 * len(months)
    assert ["2026-09", "zurückgenommen", "0", "0", "0"] in lines
    assert ["2026-09", "abgeholfen", "·", "0", "·"] in lines  # one of each: hidden
    exact = export_objection_statistics(database, months, "json", tmp_path / "w", exact=True,
                                        ensure_suffix=True)
    assert exact.name == "w.json"
    document = json.loads(exact.read_text(encoding="utf-8"))
    assert document["meta"]["marking"] == "nur für den Dienstgebrauch"
    september = [r for r in document["rows"] if r["month"] == "2026-09"]
    assert {r["outcome"]: r["total"] for r in september} == {
        "remedied": 1, "rejected": 1, "withdrawn": 0, "open": 0, None: 2}
    workbook = load_workbook(export_objection_statistics(database, months, "xlsx",
                                                         tmp_path / "w.xlsx", exact=True))
    sheet = workbook["Widersprüche"]
    assert [c.value for c in sheet[3]] == ["Monat", "Ergebnis", "fristgerecht", "verspätet",
                                           "Insgesamt"]
    assert sheet.cell(row=4, column=1).value == "2026-08"
    assert isinstance(sheet.cell(row=4, column=3).value, int)
    assert "Hinweise" in workbook.sheetnames
