"""The objections statistics: Widersprüche by month of receipt × outcome × in time.

Pure: exact counts in, a table with its small counts hidden out, and its files. Each month
(or the whole period, for a summary on screen) is one grid of the outcomes (rows) by
fristgerecht / verspätet (columns) with its totals, protected like every other statistics
table (:mod:`kpass.reporting.suppression`): counts from 1 to 4 hidden, then the secondary
cells. Unless ``exact`` (supervisors; marked "nur für den Dienstgebrauch").

Files, in wide form, one line per month and outcome (the totals last)::

    Monat;Ergebnis;fristgerecht;verspätet;Insgesamt
    2026-03;abgeholfen;·;0;·

CSV as German Excel opens it (``;``, UTF-8 with BOM, CRLF, ``·`` for a hidden count, plain
integers), XLSX with counts as numbers and a sheet of notes, JSON with ``null`` for a hidden
count. All written atomically.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kpass.reporting.atomic import write_atomically
from kpass.reporting.definitions import OFFICIAL_USE_ONLY, SUPPRESSED_MARK, TOTAL_LABEL
from kpass.reporting.suppression import PRIMARY_MAX, PRIMARY_MIN, suppress_grid, with_totals

#: The outcomes, in the order of the rows; "open" is an objection not decided on the day
#: the table is made.
OUTCOMES = ("remedied", "rejected", "withdrawn", "open")
OUTCOME_LABELS = {
    "remedied": "abgeholfen",
    "rejected": "zurückgewiesen",
    "withdrawn": "zurückgenommen",
    "open": "offen",
}
#: The columns: lodged within the period (True), after it (False), then the total.
TIMELINESS = (True, False)
TIMELINESS_LABELS = {True: "fristgerecht", False: "verspätet"}
COLUMN_KEYS = ("in_time", "late", "total")

TITLE = "Karlsruher Pass – Widersprüche nach Ergebnis"
MONTH_HEADER = "Monat"
PERIOD_HEADER = "Zeitraum"
OUTCOME_HEADER = "Ergebnis"
MARKING_HEADER = "Hinweis"
SHEET = "Widersprüche"
NOTES_SHEET = "Hinweise"
FORMAT_VERSION = 1

#: Exact counts: (month "YYYY-MM", outcome, in time) → number of objections.
Counts = Mapping[tuple[str, str, bool], int]
#: Counts of a grid, ``None`` where hidden: one line per outcome and the totals line, each
#: (in time, late, total).
Cells = tuple[tuple[int | None, int | None, int | None], ...]


@dataclass(frozen=True)
class ObjectionGrid:
    """One month's (or the period's) grid."""

    label: str  # "2026-03", or "2026-01 bis 2026-06" for the whole period
    cells: Cells

    def cell(self, outcome: str | None, in_time: bool | None) -> int | None:
        """The count of ``outcome`` (None: all) and ``in_time`` (None: both); None if hidden."""
        row = len(OUTCOMES) if outcome is None else OUTCOMES.index(outcome)
        column = 2 if in_time is None else (0 if in_time else 1)
        return self.cells[row][column]


@dataclass(frozen=True)
class ObjectionTable:
    months: tuple[str, ...]
    grids: tuple[ObjectionGrid, ...]  # one per month, or one for the period
    by_month: bool
    exact: bool
    created_at: datetime

    @property
    def period(self) -> str:
        first, last = self.months[0], self.months[-1]
        return first if first == last else f"{first} bis {last}"


def _grid(label: str, inner: list[list[int]], exact: bool) -> ObjectionGrid:
    full = with_totals(inner)
    hidden = frozenset() if exact else suppress_grid(full)
    cells = tuple(
        (None if (r, 0) in hidden else row[0], None if (r, 1) in hidden else row[1],
         None if (r, 2) in hidden else row[2])
        for r, row in enumerate(full)
    )
    return ObjectionGrid(label, cells)


def objection_table(
    counts: Counts,
    months: Sequence[str],
    *,
    exact: bool,
    created_at: datetime,
    by_month: bool = True,
) -> ObjectionTable:
    """The table of ``months`` (at least one), a grid per month or (``by_month`` false) one
    for the whole period; counts of other months are ignored."""
    if not months:
        raise ValueError("a table needs at least one month")
    if any(count < 0 for count in counts.values()):
        raise ValueError("counts cannot be negative")
    wanted = set(months)

    def inner(chosen: set[str]) -> list[list[int]]:
        return [[sum(n for (m, o, t), n in counts.items() if m in chosen and o == outcome
                     and t is timely) for timely in TIMELINESS] for outcome in OUTCOMES]

    if by_month:
        grids = tuple(_grid(month, inner({month}), exact) for month in months)
    else:
        label = months[0] if len(months) == 1 else f"{months[0]} bis {months[-1]}"
        grids = (_grid(label, inner(wanted), exact),)
    return ObjectionTable(tuple(months), grids, by_month, exact, created_at)


def table_lines(table: ObjectionTable) -> list[tuple[str, str, tuple[int | None, ...]]]:
    """(month or period, outcome label, counts) per line, the totals line of each grid last."""
    labels = [OUTCOME_LABELS[o] for o in OUTCOMES] + [TOTAL_LABEL]
    return [(grid.label, label, row) for grid in table.grids
            for label, row in zip(labels, grid.cells, strict=True)]


def _headers(table: ObjectionTable) -> list[str]:
    first = MONTH_HEADER if table.by_month else PERIOD_HEADER
    return [first, OUTCOME_HEADER, *(TIMELINESS_LABELS[t] for t in TIMELINESS), TOTAL_LABEL]


def csv_bytes(table: ObjectionTable) -> bytes:
    """UTF-8 with BOM, ``;``, CRLF; an exact table carries the marking on every line."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    marking = [OFFICIAL_USE_ONLY] if table.exact else []
    writer.writerow(_headers(table) + ([MARKING_HEADER] if table.exact else []))
    for label, outcome, row in table_lines(table):
        counts = [SUPPRESSED_MARK if n is None else str(n) for n in row]
        writer.writerow([label, outcome, *counts, *marking])
    return buffer.getvalue().encode("utf-8-sig")


def json_document(table: ObjectionTable) -> dict[str, Any]:
    meta = {
        "format_version": FORMAT_VERSION,
        "title": TITLE,
        "period": {"from": table.months[0], "to": table.months[-1]},
        "by_month": table.by_month,
        "created_at": table.created_at.isoformat(timespec="seconds"),
        "exact": table.exact,
        "marking": OFFICIAL_USE_ONLY if table.exact else None,
        "suppressed_value": None,
        "outcomes": [{"key": o, "title": OUTCOME_LABELS[o]} for o in OUTCOMES],
        "columns": [{"key": k, "title": t} for k, t in
                    zip(COLUMN_KEYS, [*(TIMELINESS_LABELS[t] for t in TIMELINESS), TOTAL_LABEL],
                        strict=True)],
    }
    keys: list[str | None] = [*OUTCOMES, None]
    rows = []
    for grid in table.grids:
        for key, cells in zip(keys, grid.cells, strict=True):
            rows.append({
                "month" if table.by_month else "period": grid.label,
                "outcome": key,
                "outcome_label": OUTCOME_LABELS[key] if key else TOTAL_LABEL,
                **dict(zip(COLUMN_KEYS, cells, strict=True)),
            })
    return {"meta": meta, "rows": rows}


def json_bytes(table: ObjectionTable) -> bytes:
    """UTF-8 without BOM, umlauts unescaped, one row per line."""
    document = json_document(table)
    rows = ",\n    ".join(json.dumps(row, ensure_ascii=False) for row in document["rows"])
    meta = json.dumps(document["meta"], ensure_ascii=False, indent=2).replace("\n", "\n  ")
    return f'{{\n  "meta": {meta},\n  "rows": [\n    {rows}\n  ]\n}}\n'.encode()


def notes(table: ObjectionTable) -> list[tuple[str, str]]:
    """The German notes of the file: what is counted and how it is protected."""
    if table.exact:
        protection = (f"Exakte Zahlen ohne Geheimhaltung – {OFFICIAL_USE_ONLY}. Diese Datei "
                      "darf die Behörde nicht verlassen.")
    else:
        protection = (
            f"Jede Zahl von {PRIMARY_MIN} bis {PRIMARY_MAX} ist durch {SUPPRESSED_MARK} "
            "ersetzt; hat danach eine Zeile oder Spalte einer Monatstabelle genau eine "
            "ersetzte Zahl, wird auch ihre kleinste andere Zahl ungleich 0 ersetzt "
            "(wiederholt, bis keine mehr genau eine hat). Summen sind aus den exakten Zahlen "
            "gebildet. Eine 0 bleibt stehen.")
    return [
        ("Inhalt", TITLE),
        ("Zeitraum", f"{table.period} (Monat des Eingangs des Widerspruchs)"),
        ("Erstellt am", table.created_at.strftime("%d.%m.%Y, %H:%M Uhr")),
        ("Gezählt", "Widersprüche gegen Entscheidungen über den Karlsruher Pass, nach dem "
                    "Monat ihres Eingangs. Personen werden nicht genannt."),
        ("Ergebnis", "abgeholfen (neu entschieden), zurückgewiesen (Widerspruchsbescheid), "
                     "zurückgenommen, offen (am Tag der Erstellung noch nicht erledigt)."),
        ("fristgerecht", "innerhalb eines Monats nach Bekanntgabe der Entscheidung "
                         "eingegangen (§ 70 VwGO); sonst verspätet."),
        ("Löschfristen", "Widersprüche, deren Akte nach den Löschfristen gelöscht ist, "
                         "zählen nicht mehr."),
        ("Geheimhaltung", protection),
    ]


def xlsx_bytes(table: ObjectionTable) -> bytes:
    """Title in row 1, marking or legend in row 2, headers in row 3 (frozen), data below;
    counts as numbers, hidden ones the text ``·``; a sheet ``Hinweise``."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.cell(row=1, column=1, value=f"{TITLE}, {table.period}").font = Font(bold=True,
                                                                             size=13)
    if table.exact:
        marking = sheet.cell(row=2, column=1,
                             value=f"{OFFICIAL_USE_ONLY} – exakte Zahlen ohne Geheimhaltung")
        marking.font = Font(bold=True, color="C00000")
        sheet.oddHeader.center.text = OFFICIAL_USE_ONLY
    else:
        sheet.cell(row=2, column=1, value=f"{SUPPRESSED_MARK} = geheimgehalten (kleine Zahl, "
                                          "siehe Hinweise)").font = Font(italic=True)
    headers = _headers(table)
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(row=3, column=column, value=text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
    right = Alignment(horizontal="right")
    for number, (label, outcome, row) in enumerate(table_lines(table), start=4):
        sheet.cell(row=number, column=1, value=label)
        outcome_cell = sheet.cell(row=number, column=2, value=outcome)
        if outcome == TOTAL_LABEL:
            outcome_cell.font = Font(bold=True)
        for column, count in enumerate(row, start=3):
            cell = sheet.cell(row=number, column=column,
                              value=SUPPRESSED_MARK if count is None else count)
            cell.alignment = right
    widths = [max(len(headers[0]), len(table.period) if not table.by_month else 7) + 2,
              16, 14, 12, 12]
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A4"
    sheet.print_title_rows = "3:3"
    notes_sheet = workbook.create_sheet(NOTES_SHEET)
    for number, (term, text) in enumerate(notes(table), start=1):
        notes_sheet.cell(row=number, column=1, value=term).font = Font(bold=True)
        notes_sheet.cell(row=number, column=2, value=text).alignment = Alignment(
            wrap_text=True, vertical="top")
    notes_sheet.column_dimensions["A"].width = 18
    notes_sheet.column_dimensions["B"].width = 90
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


#: The file kinds, with their suffix.
KINDS = {"csv": ".csv", "xlsx": ".xlsx", "json": ".json"}


def write_objection_table(table: ObjectionTable, path: str | os.PathLike[str],
                          kind: str) -> Path:
    """Write ``table`` as ``kind`` (csv, xlsx, json) atomically to ``path``."""
    data = {"csv": csv_bytes, "xlsx": xlsx_bytes, "json": json_bytes}[kind](table)
    return write_atomically(path, data)
