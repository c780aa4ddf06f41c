"""The CSV file: long form with German headers, as German Excel opens it."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from kpass.reporting import (
    MEASURES,
    CountRow,
    ReportInputError,
    StatisticsReport,
    build_report_from_breakdowns,
    csv_bytes,
    write_csv,
)

from .conftest import CREATED_AT, RULE_SETS, make_report, random_rows

HEADER_2D = (
    "Monat;Stadtteil;Altersgruppe;Aktive Pässe;Neu ausgestellt;Verlängert;Ersatzausweise;"
    "Abgelehnte Personen;Entschiedene Anträge"
)


def _lines(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_bytes_are_utf8_with_bom_semicolons_and_crlf(report_2d: StatisticsReport) -> None:
    data = csv_bytes(report_2d)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert text.startswith(HEADER_2D + "\r\n")
    assert "Pässe".encode() in data  # umlauts as UTF-8, which the BOM announces to Excel
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    assert ";Insgesamt;" in text and ";·" in text
    assert "," not in text  # no decimal or thousands separators, no comma separators


def test_lines_match_the_suppressed_tables(report_2d: StatisticsReport) -> None:
    lines = _lines(csv_bytes(report_2d))
    header, body = lines[0], lines[1:]
    assert len(header) == 3 + len(MEASURES)
    assert len(body) == 2 * 29 * 10  # months × (27 + außerhalb + total) × (9 ages + total)
    breakdown = report_2d.breakdowns[0]
    first = body[0]
    assert first[:3] == ["2026-05", "01 Innenstadt-Ost", "0–5"]
    last = body[-1]
    assert last[:3] == ["2026-06", "Insgesamt", "Insgesamt"]
    for column, measure in enumerate(MEASURES, start=3):
        table = breakdown.table("2026-06", measure)
        shown = table.shown(None, None)
        assert last[column] == ("·" if shown is None else str(shown))
        assert body[0][column] == _shown(breakdown.table("2026-05", measure).shown("01", "0–5"))
    for line in body:
        for value in line[3:]:
            assert value == "·" or re.fullmatch(r"0|[1-9][0-9]*", value), value


def _shown(value: int | None) -> str:
    return "·" if value is None else str(value)


def test_one_dimension_and_the_overview(report_1d: StatisticsReport) -> None:
    lines = _lines(csv_bytes(report_1d))
    assert lines[0][:2] == ["Monat", "Grundlage"]
    assert [line[1] for line in lines[1:14]] == [
        "Bürgergeld (SGB II)", "Hilfe zum Lebensunterhalt (SGB XII)", "Grundsicherung (SGB XII)",
        "Asylbewerberleistungen (AsylbLG)", "Wohngeld", "Kinderzuschlag",
        "Stationäre Hilfe (SGB VIII)", "Behinderung", "Pflegekind", "Kinderreiche Familie",
        "Einkommen", "Abgelehnt", "Insgesamt",
    ]  # fmt: skip
    overview = _lines(csv_bytes(report_1d, dimensions=()))
    assert overview[0][0] == "Monat" and overview[0][1] == "Aktive Pässe"
    assert [line[0] for line in overview[1:]] == ["2026-05", "2026-06"]
    total = report_1d.overview_shown("2026-06", "active")
    assert overview[2][1] == _shown(total)


def test_exact_csv_is_marked_on_every_line(report_2d_exact: StatisticsReport) -> None:
    lines = _lines(csv_bytes(report_2d_exact))
    assert lines[0][-1] == "Hinweis"
    assert all(line[-1] == "nur für den Dienstgebrauch" for line in lines[1:])
    assert not any("·" in value for line in lines for value in line)


def test_several_breakdowns_need_a_choice() -> None:
    months = ["2026-06"]
    rows_a = random_rows(("pass_type",), months)
    totals: dict[str, int] = {}
    for row in rows_a:
        totals[row.measure] = totals.get(row.measure, 0) + row.count
    rows_b = [CountRow("2026-06", ("income",), m, c) for m, c in totals.items()]
    report = build_report_from_breakdowns(
        [(("pass_type",), rows_a), (("basis",), rows_b)],
        months=months, exact=False, rule_sets=RULE_SETS, created_at=CREATED_AT,
    )  # fmt: skip
    with pytest.raises(ReportInputError, match="choose one"):
        csv_bytes(report)
    assert _lines(csv_bytes(report, ["basis"]))[0][1] == "Grundlage"
    with pytest.raises(ReportInputError):
        csv_bytes(report, ["stadtteil"])


def test_write_csv(tmp_path: Path) -> None:
    report = make_report(("household_type",))
    target = write_csv(report, tmp_path / "statistik.csv")
    assert target.read_bytes() == csv_bytes(report)
    assert [p.name for p in tmp_path.iterdir()] == ["statistik.csv"]
