"""Exporting the statistics as a file: one use case for the dashboard and ``kpass stats``.

Counts of people, never personal data. With ``exact`` the small counts are not suppressed and
the file is marked "nur für den Dienstgebrauch" by the writers (supervisors only).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kpass.models.engine import Database
from kpass.reporting import write_csv, write_json, write_xlsx
from kpass.services.access.guard import check_permission, requires
from kpass.services.access.permissions import Permission
from kpass.services.bulk_reads import record_bulk_read
from kpass.services.statistics.counts import statistics_report

#: The file kinds, with their suffix.
EXPORT_SUFFIXES: dict[str, str] = {"csv": ".csv", "xlsx": ".xlsx", "json": ".json"}


def suggested_file_name(months: Sequence[str], kind: str, *, exact: bool = True) -> str:
    """``kpass-statistik-2025-07-bis-2026-06-dienstgebrauch.xlsx``."""
    period = months[0] if len(months) == 1 else f"{months[0]}-bis-{months[-1]}"
    marking = "-dienstgebrauch" if exact else ""
    return f"kpass-statistik-{period}{marking}{EXPORT_SUFFIXES[kind]}"


@requires(Permission.READ_REGISTER)
def export_statistics(
    database: Database,
    months: Sequence[str],
    dimensions: Sequence[str],
    kind: str,
    path: Path,
    *,
    exact: bool,
    ensure_suffix: bool = False,
    issuer: str | None = None,
) -> Path:
    """Write the report of ``months`` by ``dimensions`` as ``kind`` (csv, xlsx, json) to
    ``path``; returns the file written. ``ensure_suffix``: the kind's suffix is added when the
    name lacks it (a file dialog's answer); else the name is taken as given (the CLI)."""
    if exact:  # exact small counts can point at persons: supervisors only, and on record
        check_permission(database, Permission.EXACT_STATISTICS)
    suffix = EXPORT_SUFFIXES[kind]
    if ensure_suffix and path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    report = statistics_report(database, months, dimensions, exact=exact, issuer=issuer)
    if kind == "csv":
        written = write_csv(report, path, dimensions)
    elif kind == "json":
        written = write_json(report, path, dimensions)
    else:
        written = write_xlsx(report, path)
    record_bulk_read(
        database,
        "statistics",
        len(months),
        months=[months[0], months[-1]] if months else [],
        dimensions=list(dimensions),
        exact=exact,
        kind=kind,
        issuer=issuer,
    )
    return written
