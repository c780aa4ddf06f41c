"""The dashboard's exports: exact counts, marked "nur für den Dienstgebrauch" by the writers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from kpass.reporting import write_csv, write_xlsx
from kpass.services import Database
from kpass.services.statistics import statistics_report

#: File kinds the dashboard exports, with their suffix.
SUFFIXES = {"csv": ".csv", "xlsx": ".xlsx"}

#: Asks where to save: (kind, suggested file name) → path, or None if the user cancels.
PathProvider = Callable[[str, str], Path | None]


def suggested_file_name(months: Sequence[str], kind: str) -> str:
    """``kpass-statistik-2025-07-bis-2026-06-dienstgebrauch.xlsx``."""
    period = months[0] if len(months) == 1 else f"{months[0]}-bis-{months[-1]}"
    return f"kpass-statistik-{period}-dienstgebrauch{SUFFIXES[kind]}"


def write_export(
    database: Database,
    months: Sequence[str],
    dimensions: Sequence[str],
    kind: str,
    path: Path,
) -> Path:
    """Write the exact report of ``months`` by ``dimensions`` as CSV or XLSX to ``path``."""
    if path.suffix.lower() != SUFFIXES[kind]:
        path = path.with_name(path.name + SUFFIXES[kind])
    report = statistics_report(database, months, dimensions, exact=True)
    if kind == "csv":
        return write_csv(report, path, dimensions)
    return write_xlsx(report, path)
