"""Read the office's current list: a CSV file (German Excel exports) or an XLSX workbook,
into rows of text with their row numbers in the file.

CSV: separator ``;`` (Excel's German default; ``,`` or a tab when the header line holds no
``;``), UTF-8 with or without BOM, else Windows-1252 (cp1252, Excel's "CSV (Trennzeichen-
getrennt)") — which one was found is reported. XLSX: the first sheet (or the one the
mapping names) read with the standard library's zip and XML readers: the layer table keeps
openpyxl in ``kpass.reporting``, and a reader of cell values needs no more. Date cells
become ISO dates, numbers their plain text.

Whatever the bytes, the result is a :class:`Table` or an :class:`~kpass.errors.InvalidInput`
that says what is wrong with the file — never a traceback.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kpass.errors import InvalidInput

#: A register of tens of thousands of persons is a few MB; 50 MB stops a wrong file.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 500_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 2000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class SourceRow:
    """One row of the file: its number as a spreadsheet shows it (the header is row 1 in a
    CSV file) and its cells by column header."""

    number: int
    cells: dict[str, str]


@dataclass(frozen=True)
class Table:
    name: str  # the file's name, without its folder
    kind: str  # "csv" or "xlsx"
    encoding_de: str  # how it was read, for the report ("UTF-8 mit BOM", "XLSX", …)
    encoding_en: str
    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]


def _shown(path: Path) -> str:
    text = path.name
    return text if len(text) <= 60 else text[:59] + "…"


def _bad_file(path: Path, en: str, de: str) -> InvalidInput:
    return InvalidInput(f"{_shown(path)}: {en}.", f"{_shown(path)}: {de}.")


def read_table(path: Path, *, separator: str | None = None, sheet: str | None = None) -> Table:
    """The rows of a ``.csv`` or ``.xlsx`` file (by its ending; an XLSX under another name
    is recognised by its content)."""
    try:
        with open(path, "rb") as stream:  # a bounded read: /dev/zero ends too
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise _bad_file(path, f"cannot be read ({reason})",
                        f"kann nicht gelesen werden ({reason})") from None
    if len(data) > MAX_FILE_BYTES:
        raise _bad_file(path, f"larger than {MAX_FILE_BYTES // 2**20} MB",
                        f"größer als {MAX_FILE_BYTES // 2**20} MB")
    if not data.strip():
        raise _bad_file(path, "the file is empty", "die Datei ist leer")
    if data.startswith(b"PK\x03\x04") or path.suffix.lower() == ".xlsx":
        headers, rows = _xlsx_rows(path, data, sheet)
        return _table(path, "xlsx", "XLSX (Excel-Arbeitsmappe)", "XLSX (Excel workbook)",
                      headers, rows)
    text, encoding_de, encoding_en = decode_text(path, data)
    headers, rows = _csv_rows(path, text, separator)
    return _table(path, "csv", encoding_de, encoding_en, headers, rows)


def decode_text(path: Path, data: bytes) -> tuple[str, str, str]:
    """The text of a CSV file and how it was encoded (German, English)."""
    if data.startswith(b"\xef\xbb\xbf"):
        found = ("utf-8-sig", "UTF-8 mit BOM", "UTF-8 with BOM")
    else:
        try:
            data.decode("utf-8")
            found = ("utf-8", "UTF-8", "UTF-8")
        except UnicodeDecodeError:
            found = ("cp1252", "Windows-1252 (cp1252)", "Windows-1252 (cp1252)")
    try:
        text = data.decode(found[0])
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _bad_file(
            path,
            f"line {line} is neither UTF-8 nor Windows-1252 text (is it a text file?)",
            f"Zeile {line} ist weder UTF-8 noch Windows-1252 (ist es eine Textdatei?)",
        ) from None
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        raise _bad_file(path, f"line {line} holds binary data (not a CSV text file)",
                        f"Zeile {line} enthält Binärdaten (keine CSV-Textdatei)")
    return text, found[1], found[2]


def _separator(first_line: str, given: str | None) -> str:
    if given:
        return given
    for candidate in (";", "\t", ","):
        if candidate in first_line:
            return candidate
    return ";"


def _csv_rows(
    path: Path, text: str, separator: str | None
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_separator(first_line, separator))
    rows: list[tuple[int, list[str]]] = []
    while True:
        number = reader.line_num + 1  # where the record starts (a quoted field may span lines)
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise _bad_file(
                path,
                f"line {number} is not readable as CSV, is a quote (\") not closed? ({exc})",
                f"Zeile {number} ist nicht als CSV lesbar, fehlt ein schließendes "
                f"Anführungszeichen (\")? ({exc})",
            ) from None
        rows.append((number, row))
        if len(rows) > MAX_ROWS + 1:
            raise _bad_file(path, f"more than {MAX_ROWS} rows", f"mehr als {MAX_ROWS} Zeilen")
    return _split_header(path, rows)


def _split_header(
    path: Path, rows: list[tuple[int, list[str]]]
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    rows = [(n, cells) for n, cells in rows if any(cell.strip() for cell in cells)]
    if not rows:
        raise _bad_file(path, "the file holds no rows", "die Datei enthält keine Zeilen")
    _number, header = rows[0]
    return header, rows[1:]


def _table(
    path: Path,
    kind: str,
    encoding_de: str,
    encoding_en: str,
    header: list[str],
    rows: list[tuple[int, list[str]]],
) -> Table:
    headers = [" ".join(cell.split()) for cell in header]
    while headers and not headers[-1]:
        headers.pop()
    if len(headers) > MAX_COLUMNS:
        raise _bad_file(path, f"more than {MAX_COLUMNS} columns",
                        f"mehr als {MAX_COLUMNS} Spalten")
    seen: set[str] = set()
    for position, name in enumerate(headers, start=1):
        if not name:
            raise _bad_file(path, f"column {position} of the header line has no name",
                            f"Spalte {position} der Kopfzeile hat keinen Namen")
        if name.casefold() in seen:
            raise _bad_file(path, f"the header names the column {name[:40]!r} twice",
                            f"die Kopfzeile nennt die Spalte „{name[:40]}“ zweimal")
        seen.add(name.casefold())
    result: list[SourceRow] = []
    for number, cells in rows:
        extra = [cell for cell in cells[len(headers):] if cell.strip()]
        if extra:
            raise _bad_file(
                path,
                f"row {number} has more fields ({len(cells)}) than the header ({len(headers)})"
                " — is the separator right?",
                f"Zeile {number} hat mehr Felder ({len(cells)}) als die Kopfzeile "
                f"({len(headers)}) — stimmt das Trennzeichen?",
            )
        values: dict[str, str] = {}
        for name, cell in zip(headers, cells, strict=False):
            if len(cell) > MAX_CELL_CHARS:
                raise _bad_file(path, f"row {number}, column {name[:40]!r}: more than "
                                f"{MAX_CELL_CHARS} characters",
                                f"Zeile {number}, Spalte „{name[:40]}“: mehr als "
                                f"{MAX_CELL_CHARS} Zeichen")
            values[name] = cell.strip()
        result.append(SourceRow(number, values))
    return Table(path.name, kind, encoding_de, encoding_en, tuple(headers), tuple(result))


# ---------------------------------------------------------------------------------------------
# XLSX


def _cell_text(value: object) -> str:
    """A cell as the counter would type it: dates ISO, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float | Decimal):
        return _number_text(str(value))
    return str(value)


def _number_text(raw: str) -> str:
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return raw
    if not value.is_finite():
        return raw
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _xlsx_rows(
    path: Path, data: bytes, sheet: str | None
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    from openpyxl import load_workbook  # only an XLSX import needs it

    rows: list[tuple[int, list[str]]] = []
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            worksheet = book[sheet] if sheet else book.worksheets[0]
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                if any(v not in (None, "") for v in values[MAX_COLUMNS:]):
                    raise InvalidInput(f"{_shown(path)}: more than {MAX_COLUMNS} columns.",
                                       f"{_shown(path)}: mehr als {MAX_COLUMNS} Spalten.")
                rows.append((number, [_cell_text(v) for v in values[:MAX_COLUMNS]]))
                if len(rows) > MAX_ROWS + 1:
                    raise InvalidInput(f"{_shown(path)}: more than {MAX_ROWS} rows.",
                                       f"{_shown(path)}: mehr als {MAX_ROWS} Zeilen.")
        finally:
            book.close()
    except InvalidInput:
        raise
    except Exception as exc:  # whatever a broken workbook makes openpyxl raise
        raise _bad_file(
            path,
            f"not a readable Excel workbook (XLSX) ({type(exc).__name__})",
            f"keine lesbare Excel-Arbeitsmappe (XLSX) ({type(exc).__name__})",
        ) from None
    return _split_header(path, rows)
