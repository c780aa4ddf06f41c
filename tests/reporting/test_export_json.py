"""The JSON file: the CSV's rows for scripts, null for hidden counts and for totals."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from kpass.reporting import MEASURES, StatisticsReport, csv_bytes, json_bytes, write_json


def test_rows_equal_the_csv(report_2d: StatisticsReport) -> None:
    document = json.loads(json_bytes(report_2d))
    text = csv_bytes(report_2d).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))[1:]
    assert len(document["rows"]) == len(lines)
    for row, line in zip(document["rows"], lines, strict=True):
        assert [row["month"], row["stadtteil_label"], row["age_group_label"]] == line[:3]
        shown = ["·" if row[m] is None else str(row[m]) for m in MEASURES]
        assert shown == line[3:]


def test_keys_labels_totals_and_meta(report_2d: StatisticsReport) -> None:
    document = json.loads(json_bytes(report_2d).decode("utf-8"))
    first, last = document["rows"][0], document["rows"][-1]
    assert first["stadtteil"] == "01" and first["age_group"] == "0–5"
    assert last["stadtteil"] is None and last["stadtteil_label"] == "Insgesamt"
    assert last["age_group"] is None
    assert all(
        isinstance(row[m], int) or row[m] is None for row in document["rows"] for m in MEASURES
    )
    meta = document["meta"]
    assert meta["period"] == {"from": "2026-05", "to": "2026-06"}
    assert meta["exact"] is False and meta["marking"] is None
    assert [d["key"] for d in meta["dimensions"]] == ["stadtteil", "age_group"]
    assert meta["measures"][0] == {"key": "active", "title": "Aktive Pässe"}
    assert meta["created_at"] == "2026-07-01T09:30:00"
    assert "Pässe".encode() in json_bytes(report_2d)  # not \u escapes


def test_exact_json_is_marked(report_2d_exact: StatisticsReport, tmp_path: Path) -> None:
    path = write_json(report_2d_exact, tmp_path / "statistik.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["meta"]["marking"] == "nur für den Dienstgebrauch"
    assert all(row[m] is not None for row in document["rows"] for m in MEASURES)
