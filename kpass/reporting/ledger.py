"""Plain lists for other departments (the accounting department's 60plus voucher list):
a title, a header row and rows of text, dates, whole numbers and euro amounts.

CSV as German Excel opens it (``;``, UTF-8 with BOM, CRLF, dates ``03.02.2026``, amounts with
a decimal comma ``120,00``); XLSX with dates as dates and amounts as numbers. Both are
written atomically (:func:`~kpass.reporting.atomic.write_atomically`). Text cells that a
spreadsheet would take for a formula (``=``, ``+``, ``-``, ``@`` first) are written as text.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from kpass.reporting.atomic import write_atomically

Value = str | int | Decimal | date

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HEADER_ROW = 3
_BOLD = Font(bold=True)
_TITLE_FONT = Font(bold=True, size=13)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_MONEY_FORMAT = "#,##0.00"
_DATE_FORMAT = "DD.MM.YYYY"


@dataclass(frozen=True, slots=True)
class Ledger:
    """A list to hand over: ``title`` (first line of the XLSX), ``headers`` and ``rows``."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]


def german_amount(value: Decimal) -> str:
    """``Decimal("1234.5")`` → ``"1234,50"`` (no thousands separator, which Excel misreads)."""
    return f"{value.quantize(Decimal('0.01')):.2f}".replace(".", ",")


def _csv_cell(value: Value) -> str:
    if isinstance(value, Decimal):
        return german_amount(value)
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, int):
        return str(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def ledger_csv_bytes(ledger: Ledger) -> bytes:
    """The CSV file's bytes: UTF-8 with BOM, ``;``, CRLF, a header row, German numbers."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(ledger.headers)
    for row in ledger.rows:
        writer.writerow([_csv_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def ledger_xlsx_bytes(ledger: Ledger) -> bytes:
    """The XLSX file's bytes: title in row 1, headers in row 3 (frozen), data from row 4."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Liste"
    sheet.cell(row=1, column=1, value=ledger.title).font = _TITLE_FONT
    widths = [len(text) for text in ledger.headers]
    for column, text in enumerate(ledger.headers, start=1):
        cell = sheet.cell(row=_HEADER_ROW, column=column, value=text)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
    for row_number, row in enumerate(ledger.rows, start=_HEADER_ROW + 1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            if isinstance(value, Decimal):
                cell.value = value
                cell.number_format = _MONEY_FORMAT
                shown = german_amount(value)
            elif isinstance(value, date):
                cell.value = value
                cell.number_format = _DATE_FORMAT
                shown = "00.00.0000"
            elif isinstance(value, int):
                cell.value = value
                shown = str(value)
            else:
                cell.value = value
                cell.data_type = TYPE_STRING  # text, never a formula
                shown = value
            widths[column - 1] = max(widths[column - 1], len(shown))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 9), 60)
    sheet.freeze_panes = sheet.cell(row=_HEADER_ROW + 1, column=1).coordinate
    sheet.print_title_rows = f"{_HEADER_ROW}:{_HEADER_ROW}"
    sheet.oddFooter.center.text = "&A – Seite &P von &N"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_ledger(ledger: Ledger, path: str | os.PathLike[str], kind: str) -> Path:
    """Write ``ledger`` as ``kind`` (``csv`` or ``xlsx``) atomically to ``path``."""
    data = ledger_xlsx_bytes(ledger) if kind == "xlsx" else ledger_csv_bytes(ledger)
    return write_atomically(path, data)
