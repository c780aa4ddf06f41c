"""JSON export: the rows of the CSV, for scripts.

One object: ``meta`` (period, months, creation time, rule sets, exact mode and its marking, the
dimensions and measures with their German titles) and ``rows``, a list with one object per line
of the CSV::

    {"month": "2026-06", "stadtteil": "01", "stadtteil_label": "01 Innenstadt-Ost",
     "active": 812, "new": null, ...}

Dimension values are the keys of :mod:`kpass.reporting.definitions` (``"01"``, ``"0–5"``,
``"sgb2"``…) with the German label beside them; a total has ``null`` as its value and
``"Insgesamt"`` as its label. A hidden count is ``null`` (``·`` in CSV and XLSX), so every
measure field is a number or null and scripts need no special string.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kpass.reporting.atomic import write_atomically
from kpass.reporting.definitions import MEASURE_TITLES, OFFICIAL_USE_ONLY, get_dimension
from kpass.reporting.long_form import long_rows, select_breakdown, value_labels
from kpass.reporting.tables import StatisticsReport

FORMAT_VERSION = 1


def json_document(
    report: StatisticsReport, dimensions: Sequence[str] | None = None
) -> dict[str, Any]:
    """The JSON document as Python data (see the module docstring for its layout)."""
    breakdown = select_breakdown(report, dimensions)
    keys = breakdown.dimensions if breakdown is not None else ()
    meta: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "period": {"from": report.months[0], "to": report.months[-1]},
        "months": list(report.months),
        "created_at": report.created_at.isoformat(timespec="seconds"),
        "rule_sets": list(report.rule_sets),
        "exact": report.exact,
        "marking": OFFICIAL_USE_ONLY if report.exact else None,
        "suppressed_value": None,
        "dimensions": [{"key": key, "title": get_dimension(key).title} for key in keys],
        "measures": [{"key": m, "title": MEASURE_TITLES[m]} for m in report.measures],
    }
    if report.issuer:  # limited to one issuing municipality (kpass stats --issuer)
        meta["issuer"] = report.issuer
    rows: list[dict[str, Any]] = []
    for line in long_rows(report, breakdown):
        item: dict[str, Any] = {"month": line.month}
        for key, value, label in zip(keys, line.values, value_labels(breakdown, line), strict=True):
            item[key] = value
            item[f"{key}_label"] = label
        item.update(zip(report.measures, line.counts, strict=True))
        rows.append(item)
    return {"meta": meta, "rows": rows}


def json_bytes(report: StatisticsReport, dimensions: Sequence[str] | None = None) -> bytes:
    """The JSON file's bytes: UTF-8 without BOM, umlauts unescaped, one row per line."""
    document = json_document(report, dimensions)
    # One row per line: a diff or a grep of two exports stays readable. A report has at
    # least one month, so there is at least one row.
    rows = ",\n    ".join(json.dumps(row, ensure_ascii=False) for row in document["rows"])
    meta = json.dumps(document["meta"], ensure_ascii=False, indent=2).replace("\n", "\n  ")
    body = f'{{\n  "meta": {meta},\n  "rows": [\n    {rows}\n  ]\n}}\n'
    return body.encode("utf-8")


def write_json(
    report: StatisticsReport,
    path: str | os.PathLike[str],
    dimensions: Sequence[str] | None = None,
) -> Path:
    """Write the JSON atomically to ``path``; :class:`ExportWriteError` if it cannot be written."""
    return write_atomically(path, json_bytes(report, dimensions))
