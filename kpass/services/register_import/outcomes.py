"""What the import reports: per household of the file, imported, skipped (with the reason)
or to check (a possible duplicate), with the file's row numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from kpass.errors import KpassError

IMPORTED = "imported"  # written (dry run: would be written)
READY = "ready"  # checked and good, but not written (all-or-nothing refused, cancelled)
SKIPPED = "skipped"  # bad data: the reasons say what
TO_CHECK = "to_check"  # possibly registered already (or twice in the file): a person decides

STATUS_DE = {
    IMPORTED: "übernommen",
    READY: "in Ordnung, nicht gespeichert",
    SKIPPED: "übersprungen",
    TO_CHECK: "zu prüfen",
}
STATUS_EN = {
    IMPORTED: "imported",
    READY: "good, not saved",
    SKIPPED: "skipped",
    TO_CHECK: "to check",
}


@dataclass(frozen=True)
class Problem:
    """A reason or a hint about a row (``None``: the household as a whole)."""

    row: int | None
    message_de: str
    message_en: str

    @classmethod
    def of(cls, row: int | None, error: KpassError) -> Problem:
        return cls(row, error.message_de, error.message_en)


@dataclass
class HouseholdOutcome:
    key: str  # the household key of the file
    rows: tuple[int, ...]
    status: str = READY
    problems: list[Problem] = field(default_factory=list)  # why skipped / what to check
    notes: list[Problem] = field(default_factory=list)  # hints on a household imported
    household_id: int | None = None
    persons: int = 0
    passes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    file: str
    encoding_de: str
    encoding_en: str
    rows: int
    households: tuple[HouseholdOutcome, ...]
    dry_run: bool
    partial: bool
    committed: bool  # something was written (never on a dry run)
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for h in self.households if h.status == status)

    @property
    def imported_persons(self) -> int:
        return sum(h.persons for h in self.households if h.status == IMPORTED)

    @property
    def imported_passes(self) -> int:
        return sum(len(h.passes) for h in self.households if h.status == IMPORTED)

    @property
    def everything_imported(self) -> bool:
        return bool(self.households) and all(h.status == IMPORTED for h in self.households)

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "encoding": self.encoding_en,
            "rows": self.rows,
            "dry_run": self.dry_run,
            "partial": self.partial,
            "committed": self.committed,
            "cancelled": self.cancelled,
            "counts": {status: self.count(status) for status in STATUS_EN}
            | {"persons": self.imported_persons, "passes": self.imported_passes},
            "households": [
                {
                    "key": h.key,
                    "rows": list(h.rows),
                    "status": h.status,
                    "household_id": h.household_id,
                    "persons": h.persons,
                    "passes": list(h.passes),
                    "problems": [_problem_json(p) for p in h.problems],
                    "notes": [_problem_json(p) for p in h.notes],
                }
                for h in self.households
            ],
        }


def _problem_json(problem: Problem) -> dict[str, object]:
    return {"row": problem.row, "de": problem.message_de, "en": problem.message_en}


def report_lines(report: ImportReport, language: str = "de") -> list[str]:
    """The report as text lines, German (``"de"``) or English."""
    german = language == "de"
    status = STATUS_DE if german else STATUS_EN
    if german:
        head = [f"Übernahme aus {report.file} ({report.encoding_de}, {report.rows} Zeilen)"
                + (" — Probelauf, nichts gespeichert" if report.dry_run else "")
                + (" — je Haushalt gespeichert (--partial)" if report.partial else "")]
    else:
        head = [f"Import from {report.file} ({report.encoding_en}, {report.rows} rows)"
                + (" — dry run, nothing saved" if report.dry_run else "")
                + (" — saved per household (--partial)" if report.partial else "")]
    lines = head
    for h in report.households:
        rows = ", ".join(str(r) for r in h.rows)
        label = "Haushalt" if german else "Household"
        row_word = "Zeilen" if german else "rows"
        line = f"{label} {h.key} ({row_word} {rows}): {status[h.status]}"
        if h.status == IMPORTED:
            persons = "Personen" if german else "persons"
            line += f", {h.persons} {persons}"
            if h.passes:
                line += (", Pässe " if german else ", passes ") + ", ".join(h.passes)
        lines.append(line)
        for problem in [*h.problems, *h.notes]:
            where = (f"Zeile {problem.row}: " if german else f"row {problem.row}: ") \
                if problem.row is not None else ""
            text = problem.message_de if german else problem.message_en
            if text.startswith(("Zeile ", "Row ")):
                where = ""  # the counter's check names the row itself
            lines.append(f"  - {where}{text}")
    if german:
        lines.append(
            f"Ergebnis: {report.count(IMPORTED)} Haushalte übernommen "
            f"({report.imported_persons} Personen, {report.imported_passes} Pässe), "
            f"{report.count(SKIPPED)} übersprungen, {report.count(TO_CHECK)} zu prüfen, "
            f"{report.count(READY)} in Ordnung und nicht gespeichert."
        )
        if not report.dry_run and not report.committed:
            lines.append("Nichts wurde gespeichert.")
        if report.cancelled:
            lines.append("Abgebrochen.")
    else:
        lines.append(
            f"Result: {report.count(IMPORTED)} households imported "
            f"({report.imported_persons} persons, {report.imported_passes} passes), "
            f"{report.count(SKIPPED)} skipped, {report.count(TO_CHECK)} to check, "
            f"{report.count(READY)} good and not saved."
        )
        if not report.dry_run and not report.committed:
            lines.append("Nothing was saved.")
        if report.cancelled:
            lines.append("Cancelled.")
    return lines
