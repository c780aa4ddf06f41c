"""Statistics for supervisors and Sozialplanung: tables, suppression and export files.

Pure: exact counts in (:class:`CountRow` from the database layer), files or bytes out. No
database, no Qt. The usual use::

    months = parse_month_range("2026-01", "2026-06")
    dimensions = parse_dimensions("stadtteil,age_group")
    report = build_report(rows, dimensions, months, exact=False,
                          rule_sets=["Stadt Karlsruhe ab 2026-01-01"], created_at=now)
    write_xlsx(report, "statistik.xlsx"); write_csv(report, "statistik.csv")

The XLSX writers load openpyxl with their first call: a program that only reads the
definitions or writes CSV does not pay for it.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kpass.reporting.atomic import write_atomically
from kpass.reporting.build import build_report, build_report_from_breakdowns
from kpass.reporting.definitions import (
    DIMENSION_KEYS,
    MEASURE_TITLES,
    MEASURES,
    OFFICIAL_USE_ONLY,
    STADTTEIL_OUTSIDE,
    SUPPRESSED_MARK,
    TOTAL_LABEL,
    Dimension,
    breakdown_title,
    dimensions,
    get_dimension,
)
from kpass.reporting.errors import ExportWriteError, ReportingError, ReportInputError
from kpass.reporting.export_csv import csv_bytes, csv_text, write_csv
from kpass.reporting.export_json import json_bytes, json_document, write_json
from kpass.reporting.long_form import LongRow, long_rows, select_breakdown
from kpass.reporting.suppression import (
    column_with_total,
    primary_cells,
    secondary_cells,
    suppress_grid,
    with_totals,
)
from kpass.reporting.tables import Breakdown, CountRow, StatisticsReport, Table
from kpass.reporting.validation import MAX_MONTHS, parse_dimensions, parse_month_range


def write_xlsx(report: StatisticsReport, path: str | os.PathLike[str]) -> Path:
    """Write the XLSX atomically to ``path`` (:func:`.export_xlsx.write_xlsx`)."""
    from kpass.reporting import export_xlsx

    return export_xlsx.write_xlsx(report, path)


def xlsx_bytes(report: StatisticsReport) -> bytes:
    """The XLSX file's bytes (:func:`.export_xlsx.xlsx_bytes`)."""
    from kpass.reporting import export_xlsx

    return export_xlsx.xlsx_bytes(report)


def xlsx_workbook(report: StatisticsReport) -> Any:
    """The openpyxl workbook of ``report`` (:func:`.export_xlsx.xlsx_workbook`)."""
    from kpass.reporting import export_xlsx

    return export_xlsx.xlsx_workbook(report)


def sheet_name(title: str, taken: Sequence[str] = ()) -> str:
    """``title`` as an Excel sheet name not among ``taken`` (:func:`.export_xlsx.sheet_name`)."""
    from kpass.reporting import export_xlsx

    return export_xlsx.sheet_name(title, taken)


__all__ = [
    "DIMENSION_KEYS",
    "MAX_MONTHS",
    "MEASURES",
    "MEASURE_TITLES",
    "OFFICIAL_USE_ONLY",
    "STADTTEIL_OUTSIDE",
    "SUPPRESSED_MARK",
    "TOTAL_LABEL",
    "Breakdown",
    "CountRow",
    "Dimension",
    "ExportWriteError",
    "LongRow",
    "ReportInputError",
    "ReportingError",
    "StatisticsReport",
    "Table",
    "breakdown_title",
    "build_report",
    "build_report_from_breakdowns",
    "column_with_total",
    "csv_bytes",
    "csv_text",
    "dimensions",
    "get_dimension",
    "json_bytes",
    "json_document",
    "long_rows",
    "parse_dimensions",
    "parse_month_range",
    "primary_cells",
    "secondary_cells",
    "select_breakdown",
    "sheet_name",
    "suppress_grid",
    "with_totals",
    "write_atomically",
    "write_csv",
    "write_json",
    "write_xlsx",
    "xlsx_bytes",
    "xlsx_workbook",
]
