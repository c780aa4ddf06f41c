"""XLSX export for Excel and LibreOffice Calc (openpyxl).

Sheets: ``Übersicht`` (one row per month, the measures as numbers), one sheet per breakdown in
the long form of the CSV, and ``Hinweise``. Every sheet has the same head, so a reader finds
the header row in the same place everywhere:

* row 1: title and period,
* row 2: the marking (``nur für den Dienstgebrauch`` when exact, else what ``·`` means),
* row 3: the column headers (bold, frozen, repeated on every printed page),
* row 4 on: the data; counts are numeric cells, hidden counts the text ``·``.

Exact exports also carry the marking in the page header of every printed page.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from kpass.reporting.atomic import write_atomically
from kpass.reporting.definitions import MEASURE_TITLES, OFFICIAL_USE_ONLY, SUPPRESSED_MARK
from kpass.reporting.long_form import dimension_titles, long_rows, value_labels
from kpass.reporting.notes import TITLE, report_notes
from kpass.reporting.tables import StatisticsReport

OVERVIEW_SHEET = "Übersicht"
NOTES_SHEET = "Hinweise"
HEADER_ROW = 3
FIRST_DATA_ROW = HEADER_ROW + 1

MAX_SHEET_NAME = 31  # Excel refuses longer names
_FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")

_BOLD = Font(bold=True)
_TITLE_FONT = Font(bold=True, size=13)
_MARKING_FONT = Font(bold=True, color="C00000")
_NOTE_FONT = Font(italic=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_HEADER_BORDER = Border(bottom=Side(style="thin"))
_RIGHT = Alignment(horizontal="right")
_WRAP = Alignment(wrap_text=True, vertical="top")
_NUMBER_FORMAT = "#,##0"

#: Month, dimension labels, counts (``None`` hidden) of one row of a table sheet.
Line = tuple[str, Sequence[str], Sequence[int | None]]
_TEXT_FORMAT = "@"


def sheet_name(title: str, taken: Sequence[str] = ()) -> str:
    """A valid, unique sheet name for ``title``: forbidden characters replaced, ≤ 31 characters.

    Excel compares sheet names without regard to case, so ``taken`` is compared that way.
    """
    name = _FORBIDDEN_IN_SHEET_NAME.sub("-", title).strip("'").strip() or "Tabelle"
    name = name[:MAX_SHEET_NAME]
    used = {t.casefold() for t in taken}
    number = 2
    candidate = name
    while candidate.casefold() in used:
        suffix = f" ({number})"
        candidate = name[: MAX_SHEET_NAME - len(suffix)] + suffix
        number += 1
    return candidate


def _head(sheet: Any, report: StatisticsReport, title: str, headers: Sequence[str]) -> None:
    sheet.cell(row=1, column=1, value=f"{TITLE}: {title}, {report.period}").font = _TITLE_FONT
    if report.exact:
        marking = f"{OFFICIAL_USE_ONLY} – exakte Zahlen ohne Geheimhaltung"
        sheet.cell(row=2, column=1, value=marking).font = _MARKING_FONT
        sheet.oddHeader.center.text = OFFICIAL_USE_ONLY
        sheet.oddHeader.center.font = "Calibri,Bold"
    else:
        note = f"{SUPPRESSED_MARK} = geheimgehalten (siehe Blatt {NOTES_SHEET})"
        sheet.cell(row=2, column=1, value=note).font = _NOTE_FONT
    sheet.oddFooter.center.text = "&A – Seite &P von &N"
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=text)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.border = _HEADER_BORDER
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _put_count(sheet: Any, row: int, column: int, count: int | None) -> None:
    if count is None:
        cell = sheet.cell(row=row, column=column, value=SUPPRESSED_MARK)
        cell.alignment = _RIGHT
    else:
        cell = sheet.cell(row=row, column=column, value=count)
        cell.number_format = _NUMBER_FORMAT


def _put_text(sheet: Any, row: int, column: int, text: str) -> None:
    # The text format keeps "2026-06" and "6–13" from being read as dates when edited.
    sheet.cell(row=row, column=column, value=text).number_format = _TEXT_FORMAT


def _finish_table(sheet: Any, label_columns: int, widths: list[int], last_row: int) -> None:
    sheet.freeze_panes = sheet.cell(row=FIRST_DATA_ROW, column=label_columns + 1).coordinate
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 9), 60)
    last = get_column_letter(len(widths))
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{last_row}"


def _table_sheet(
    sheet: Any,
    report: StatisticsReport,
    title: str,
    dimension_headers: list[str],
    lines: Iterable[Line],
) -> None:
    headers = ["Monat", *dimension_headers, *(MEASURE_TITLES[m] for m in report.measures)]
    _head(sheet, report, title, headers)
    widths = [len(text) for text in headers]
    row = HEADER_ROW
    for row, (month, labels, counts) in enumerate(lines, start=FIRST_DATA_ROW):
        for column, text in enumerate([month, *labels], start=1):
            _put_text(sheet, row, column, text)
            widths[column - 1] = max(widths[column - 1], len(text))
        for column, count in enumerate(counts, start=len(labels) + 2):
            _put_count(sheet, row, column, count)
            widths[column - 1] = max(widths[column - 1], len(f"{count or 0:,}"))
    _finish_table(sheet, 1 + len(dimension_headers), widths, row)


def _notes_sheet(sheet: Any, report: StatisticsReport) -> None:
    _head(sheet, report, NOTES_SHEET, ["Begriff", "Erläuterung"])
    row = HEADER_ROW
    for row, (term, text) in enumerate(report_notes(report), start=FIRST_DATA_ROW):
        term_cell = sheet.cell(row=row, column=1, value=term)
        term_cell.alignment = _WRAP
        if text is None:  # a section heading
            term_cell.font = _TITLE_FONT
            continue
        term_cell.font = _BOLD
        sheet.cell(row=row, column=2, value=text).alignment = _WRAP
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 100


def xlsx_workbook(report: StatisticsReport) -> Any:
    """The openpyxl workbook of ``report`` (see the module docstring for its sheets)."""
    workbook = Workbook()
    overview = workbook.active
    overview.title = OVERVIEW_SHEET
    overview_lines: Iterable[Line] = (
        (line.month, [], line.counts) for line in long_rows(report, None)
    )
    _table_sheet(overview, report, OVERVIEW_SHEET, [], overview_lines)
    taken = [OVERVIEW_SHEET, NOTES_SHEET]
    for breakdown in report.breakdowns:
        name = sheet_name(breakdown.title, taken)
        taken.append(name)
        lines = (
            (line.month, value_labels(breakdown, line), line.counts)
            for line in long_rows(report, breakdown)
        )
        sheet = workbook.create_sheet(name)
        _table_sheet(sheet, report, breakdown.title, dimension_titles(breakdown), lines)
    _notes_sheet(workbook.create_sheet(NOTES_SHEET), report)
    workbook.properties.title = f"{TITLE}, {report.period}"
    workbook.properties.creator = "kpass"
    if report.exact:
        workbook.properties.keywords = OFFICIAL_USE_ONLY
    return workbook


def xlsx_bytes(report: StatisticsReport) -> bytes:
    """The XLSX file's bytes."""
    buffer = io.BytesIO()
    xlsx_workbook(report).save(buffer)
    return buffer.getvalue()


def write_xlsx(report: StatisticsReport, path: str | os.PathLike[str]) -> Path:
    """Write the XLSX atomically to ``path``; :class:`ExportWriteError` if it cannot be written."""
    return write_atomically(path, xlsx_bytes(report))
