"""CSV export: one table in long form, as German Excel opens it (``;``, UTF-8 with BOM).

``Monat;<Dimension 1>[;<Dimension 2>];<Maß 1>;…`` — one line per month and cell, ``Insgesamt``
in the dimension columns of totals, ``·`` for hidden counts, plain integers (no thousands
separator, which Excel would misread). A file of exact counts gets a last column ``Hinweis``
saying ``nur für den Dienstgebrauch`` on every line: a CSV has no page to print it on, and a
column travels with every excerpt somebody copies out of it.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from pathlib import Path

from kpass.reporting.atomic import write_atomically
from kpass.reporting.definitions import MEASURE_TITLES, OFFICIAL_USE_ONLY, SUPPRESSED_MARK
from kpass.reporting.long_form import (
    dimension_titles,
    long_rows,
    select_breakdown,
    value_labels,
)
from kpass.reporting.tables import StatisticsReport

MONTH_HEADER = "Monat"
MARKING_HEADER = "Hinweis"


def csv_text(report: StatisticsReport, dimensions: Sequence[str] | None = None) -> str:
    """The CSV as text (CRLF line ends, no BOM).

    ``dimensions`` chooses the breakdown when the report holds several; ``()`` writes the
    month totals of the overview.
    """
    breakdown = select_breakdown(report, dimensions)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    header = [MONTH_HEADER, *dimension_titles(breakdown)]
    header += [MEASURE_TITLES[m] for m in report.measures]
    marking = [OFFICIAL_USE_ONLY] if report.exact else []
    writer.writerow(header + ([MARKING_HEADER] if report.exact else []))
    for row in long_rows(report, breakdown):
        counts = [SUPPRESSED_MARK if count is None else str(count) for count in row.counts]
        writer.writerow([row.month, *value_labels(breakdown, row), *counts, *marking])
    return buffer.getvalue()


def csv_bytes(report: StatisticsReport, dimensions: Sequence[str] | None = None) -> bytes:
    """The CSV file's bytes: UTF-8 with BOM, so Excel reads the umlauts right."""
    return csv_text(report, dimensions).encode("utf-8-sig")


def write_csv(
    report: StatisticsReport,
    path: str | os.PathLike[str],
    dimensions: Sequence[str] | None = None,
) -> Path:
    """Write the CSV atomically to ``path``; :class:`ExportWriteError` if it cannot be written."""
    return write_atomically(path, csv_bytes(report, dimensions))
