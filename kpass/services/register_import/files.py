"""What the import writes besides the register: the mapping as a TOML file (chosen in the
wizard, for the next run or for ``kpass import --mapping``) and the report as text or as CSV
(German Excel: ``;``, UTF-8 with BOM).

The report names persons, so its files are readable by their owner only; every file is
written whole or not at all (:mod:`kpass.atomic_file`).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from kpass.atomic_file import PRIVATE_MODE, failure_reasons, replace_bytes
from kpass.errors import InvalidInput
from kpass.services.register_import.mapping import FIELDS, VALUE_KINDS, Mapping
from kpass.services.register_import.outcomes import (
    IMPORTED,
    STATUS_DE,
    STATUS_EN,
    ImportReport,
    report_lines,
)


def _string(text: str) -> str:
    # A JSON string is a valid TOML basic string (the same escapes, \uXXXX for the rest).
    return json.dumps(text, ensure_ascii=False)


def mapping_toml(mapping: Mapping) -> str:
    """The mapping as a mapping file that :func:`~.mapping.load_mapping` reads back as it
    is (the sample's comments are not repeated; the keys say what they are)."""
    separator = mapping.separator or ""
    lines = [
        "# Zuordnung der Spalten für „kpass import“ (gespeichert vom Übernahme-Assistenten).",
        "# Links: was kpass wissen muss; rechts: die Überschrift der Spalte in der Datei.",
        "",
        "[datei]",
        f"trennzeichen = {_string(separator)}",
        f"blatt = {_string(mapping.sheet or '')}",
        "",
        "[spalten]",
    ]
    for fld in FIELDS:
        header = mapping.columns.get(fld.name)
        if header:
            lines.append(f"{fld.key} = {_string(header)}")
        else:
            lines.append(f"# {fld.key} = \"\"    # {fld.label_de}: nicht in der Datei")
    lines += ["", "[vorgaben]", f"ort = {_string(mapping.municipality)}"]
    keys = {name: key for key, name in VALUE_KINDS.items()}
    for kind, words in mapping.values.items():
        if not words:
            continue
        lines += ["", f"[werte.{keys[kind]}]"]
        lines += [f"{_string(word)} = {_string(code)}" for word, code in words.items()]
    return "\n".join(lines) + "\n"


def _write(path: Path, data: bytes, what_en: str, what_de: str) -> None:
    try:
        replace_bytes(path, data, "text", mode=PRIVATE_MODE)
    except OSError as exc:
        reason_en, reason_de = failure_reasons(exc)
        raise InvalidInput(f"The {what_en} cannot be saved as {path.name}: {reason_en}.",
                           f"{what_de} kann nicht als {path.name} gespeichert werden: "
                           f"{reason_de}.") from None


def save_mapping(path: Path, mapping: Mapping) -> None:
    """Write the mapping file (UTF-8)."""
    _write(path, mapping_toml(mapping).encode("utf-8"), "mapping", "Die Zuordnung")


@dataclass(frozen=True)
class ReportRow:
    """One line of the report's table: a reason or a hint about rows of the file."""

    rows: str  # the file's row numbers ("11" or "3, 4, 5, 6")
    household: str  # the household key of the file
    status: str  # IMPORTED, READY, SKIPPED, TO_CHECK
    kind: str  # "reason" (why skipped / what to check), "note" (a hint), "" (none)
    message_de: str
    message_en: str
    household_id: int | None  # the household in the register (imported only)


def report_rows(report: ImportReport, *, everything: bool = False) -> list[ReportRow]:
    """The reasons and hints of the report, one per line with the row they concern;
    ``everything`` adds a line for each household that has neither."""
    result: list[ReportRow] = []
    for h in report.households:
        all_rows = ", ".join(str(r) for r in h.rows)
        own_id = h.household_id if h.status == IMPORTED else None
        for kind, problems in (("reason", h.problems), ("note", h.notes)):
            for problem in problems:
                rows = str(problem.row) if problem.row is not None else all_rows
                result.append(ReportRow(rows, h.key, h.status, kind, problem.message_de,
                                        problem.message_en, own_id))
        if everything and not h.problems and not h.notes:
            result.append(ReportRow(all_rows, h.key, h.status, "", "", "", own_id))
    return result


def report_text(report: ImportReport, language: str = "de") -> str:
    return "\n".join(report_lines(report, language)) + "\n"


def report_csv(report: ImportReport, language: str = "de") -> str:
    """Every household with its rows, result and reasons: one line per reason or hint."""
    german = language == "de"
    status = STATUS_DE if german else STATUS_EN
    kinds = ({"reason": "Grund", "note": "Hinweis", "": ""} if german
             else {"reason": "reason", "note": "note", "": ""})
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Zeile", "Haushalt", "Ergebnis", "Art", "Text", "Haushalt im Register"]
                    if german else
                    ["Row", "Household", "Result", "Kind", "Text", "Household in the register"])
    for row in report_rows(report, everything=True):
        writer.writerow([row.rows, row.household, status[row.status], kinds[row.kind],
                         row.message_de if german else row.message_en,
                         "" if row.household_id is None else str(row.household_id)])
    return stream.getvalue()


def save_report(path: Path, report: ImportReport, language: str = "de") -> None:
    """The report as CSV (a name ending in ``.csv``; for German Excel) or as text."""
    if path.suffix.lower() == ".csv":
        data = report_csv(report, language).encode("utf-8-sig")
    else:
        data = report_text(report, language).encode("utf-8")
    _write(path, data, "report", "Der Bericht")
