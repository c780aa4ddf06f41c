"""The XLSX file read back with openpyxl: sheets, numbers, frozen headers, widths, marking."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kpass.reporting import (
    MEASURES,
    CountRow,
    StatisticsReport,
    build_report_from_breakdowns,
    sheet_name,
    write_xlsx,
)

from .conftest import CREATED_AT, RULE_SETS, random_rows

HEADER_ROW = 3


@pytest.fixture
def report_two_breakdowns() -> StatisticsReport:
    months = ["2026-05", "2026-06"]
    rows_2d = random_rows(("stadtteil", "age_group"), months, seed=3)
    rows_1d: dict[tuple[str, str, str], int] = {}
    for row in rows_2d:
        key = (row.month, row.keys[0], row.measure)
        rows_1d[key] = rows_1d.get(key, 0) + row.count
    return build_report_from_breakdowns(
        [
            (("stadtteil",), [CountRow(m, (s,), ms, c) for (m, s, ms), c in rows_1d.items()]),
            (("stadtteil", "age_group"), rows_2d),
        ],
        months=months, exact=False, rule_sets=RULE_SETS, created_at=CREATED_AT,
    )  # fmt: skip


def test_sheets_and_overview(report_two_breakdowns: StatisticsReport, tmp_path: Path) -> None:
    report = report_two_breakdowns
    workbook = load_workbook(write_xlsx(report, tmp_path / "statistik.xlsx"))
    assert workbook.sheetnames == ["Übersicht", "Stadtteil", "Stadtteil × Altersgruppe", "Hinweise"]
    overview = workbook["Übersicht"]
    assert [c.value for c in overview[HEADER_ROW]] == [
        "Monat", "Aktive Pässe", "Neu ausgestellt", "Verlängert", "Ersatzausweise",
        "Abgelehnte Personen", "Entschiedene Anträge",
    ]  # fmt: skip
    assert all(c.font.bold for c in overview[HEADER_ROW])
    for row, month in enumerate(report.months, start=HEADER_ROW + 1):
        month_cell = overview.cell(row=row, column=1)
        assert month_cell.value == month and month_cell.data_type == "s"
        for column, measure in enumerate(MEASURES, start=2):
            cell = overview.cell(row=row, column=column)
            shown = report.overview_shown(month, measure)
            if shown is None:
                assert cell.value == "·"
            else:
                assert cell.value == shown and cell.data_type == "n"
    assert overview.max_row == HEADER_ROW + len(report.months)
    for sheet in workbook:
        assert sheet.freeze_panes is not None
        assert sheet.freeze_panes.endswith(str(HEADER_ROW + 1))
        widths = [sheet.column_dimensions[letter].width for letter in "AB"]
        assert all(width and width >= 9 for width in widths)
        assert "geheimgehalten" in sheet["A2"].value
        assert not sheet.oddHeader.center.text


def test_breakdown_sheet_holds_the_suppressed_table(
    report_two_breakdowns: StatisticsReport, tmp_path: Path
) -> None:
    report = report_two_breakdowns
    workbook = load_workbook(write_xlsx(report, tmp_path / "statistik.xlsx"))
    sheet = workbook["Stadtteil × Altersgruppe"]
    assert sheet.freeze_panes == "D4"
    assert [c.value for c in sheet[HEADER_ROW]][:3] == ["Monat", "Stadtteil", "Altersgruppe"]
    assert sheet.max_row == HEADER_ROW + 2 * 29 * 10
    table = report.breakdown(("stadtteil", "age_group")).table("2026-06", "active")
    numbers = 0
    for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        if row[0] != "2026-06":
            continue
        stadtteil = None if row[1] == "Insgesamt" else str(row[1])[:2].replace("au", "außerhalb")
        age = None if row[2] == "Insgesamt" else row[2]
        shown = table.shown(stadtteil, age)
        assert row[3] == ("·" if shown is None else shown)
        numbers += isinstance(row[3], int)
    assert numbers > 0
    assert sheet.column_dimensions["B"].width >= len("26 Hohenwettersbach")


def test_notes_sheet(report_two_breakdowns: StatisticsReport, tmp_path: Path) -> None:
    workbook = load_workbook(write_xlsx(report_two_breakdowns, tmp_path / "statistik.xlsx"))
    notes = workbook["Hinweise"]
    text = "\n".join(
        str(value) for row in notes.iter_rows(values_only=True) for value in row if value
    )
    for fragment in (
        "2026-05 bis 2026-06",
        "01.07.2026, 09:30 Uhr",
        "Stadt Karlsruhe, gültig ab 2026-01-01",
        "Aktive Pässe",
        "Entschiedene Anträge",
        "Altersgruppe",
        "Primäre Geheimhaltung",
        "Sekundäre Geheimhaltung",
        "Differenzbildung zwischen Tabellen",
    ):
        assert fragment in text, fragment
    assert notes.freeze_panes == "A4"


def test_exact_workbook_is_marked_on_every_sheet(tmp_path: Path) -> None:
    months = ["2026-06"]
    rows = random_rows(("pass_type",), months)
    report = build_report_from_breakdowns(
        [(("pass_type",), rows)],
        months=months, exact=True, rule_sets=RULE_SETS, created_at=CREATED_AT,
    )  # fmt: skip
    workbook = load_workbook(write_xlsx(report, tmp_path / "exakt.xlsx"))
    assert workbook.sheetnames == ["Übersicht", "Passart", "Hinweise"]
    for sheet in workbook:
        assert "nur für den Dienstgebrauch" in sheet["A2"].value
        assert sheet.oddHeader.center.text == "nur für den Dienstgebrauch"
        values = [v for row in sheet.iter_rows(values_only=True) for v in row]
        assert "·" not in values


def test_sheet_names_are_valid_and_unique() -> None:
    assert sheet_name("Stadtteil × Altersgruppe") == "Stadtteil × Altersgruppe"
    assert sheet_name("Haushaltstyp × Altersgruppe") == "Haushaltstyp × Altersgruppe"
    assert sheet_name("a/b:c?d*e[f]g\\h") == "a-b-c-d-e-f-g-h"
    long = sheet_name("Grundlage × Haushaltstyp und noch viel mehr")
    assert len(long) == 31
    assert sheet_name("Hinweise", ["hinweise"]) == "Hinweise (2)"
    assert len(sheet_name("x" * 40, ["x" * 31])) == 31


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_libreoffice_reads_the_overview(
    report_two_breakdowns: StatisticsReport, tmp_path: Path
) -> None:
    source = write_xlsx(report_two_breakdowns, tmp_path / "statistik.xlsx")
    out = tmp_path / "out"
    result = subprocess.run(
        [
            "soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
            "--outdir", str(out), str(source),
        ],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with (out / "statistik.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[HEADER_ROW - 1][:2] == ["Monat", "Aktive Pässe"]
    for row, month in zip(rows[HEADER_ROW:], report_two_breakdowns.months, strict=True):
        assert row[0] == month  # text, not turned into a date
        expected = [report_two_breakdowns.overview_shown(month, m) for m in MEASURES]
        # "as shown" export: the #,##0 format adds the locale's thousands separator
        shown = [re.sub(r"[,.\s\u00a0\u202f]", "", value) for value in row[1:7]]
        assert shown == ["·" if value is None else str(value) for value in expected]
