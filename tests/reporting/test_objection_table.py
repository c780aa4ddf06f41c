"""The objections table on its own: each month a grid of outcome × in time with totals,
protected as the other statistics (1 to 4 hidden, then what would give them away)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kpass.reporting.objection_table import csv_bytes, json_document, objection_table

NOW = datetime(2026, 12, 4, 9, 30, tzinfo=UTC)


def test_a_month_with_only_large_counts_is_shown_whole() -> None:
    counts = {("2026-05", "rejected", True): 12, ("2026-05", "remedied", True): 7,
              ("2026-05", "open", True): 9, ("2026-05", "rejected", False): 0}
    [grid] = objection_table(counts, ["2026-05"], exact=False, created_at=NOW).grids
    assert grid.cells == ((7, 0, 7), (12, 0, 12), (0, 0, 0), (9, 0, 9), (28, 0, 28))


def test_a_small_count_and_what_would_reveal_it_are_hidden() -> None:
    counts = {("2026-05", "rejected", True): 12, ("2026-05", "rejected", False): 2,
              ("2026-05", "remedied", True): 7}
    [grid] = objection_table(counts, ["2026-05"], exact=False, created_at=NOW).grids
    assert grid.cell("rejected", False) is None  # 2: primary
    assert grid.cell("rejected", True) is None  # else 14 − 12 gives the 2
    assert grid.cell(None, False) is None  # the column total is the 2 itself
    assert grid.cell("remedied", True) == 7 and grid.cell(None, None) == 21
    exact = objection_table(counts, ["2026-05"], exact=True, created_at=NOW).grids[0]
    assert exact.cell("rejected", False) == 2


def test_months_are_separate_grids_and_other_months_are_left_out() -> None:
    counts = {("2026-01", "open", True): 6, ("2026-02", "withdrawn", False): 5,
              ("2025-12", "open", True): 99}
    table = objection_table(counts, ["2026-01", "2026-02"], exact=False, created_at=NOW)
    assert [g.label for g in table.grids] == ["2026-01", "2026-02"]
    assert table.grids[1].cell("withdrawn", False) == 5
    lines = csv_bytes(table).decode("utf-8-sig").splitlines()
    assert lines[0] == "Monat;Ergebnis;fristgerecht;verspätet;Insgesamt"
    assert "2026-02;zurückgenommen;0;5;5" in lines and "2026-01;Insgesamt;6;0;6" in lines
    rows = json_document(table)["rows"]
    assert rows[-1] == {"month": "2026-02", "outcome": None, "outcome_label": "Insgesamt",
                        "in_time": 0, "late": 5, "total": 5}


def test_an_exact_csv_says_so_on_every_line() -> None:
    table = objection_table({}, ["2026-01"], exact=True, created_at=NOW)
    lines = csv_bytes(table).decode("utf-8-sig").splitlines()
    assert lines[0].endswith(";Hinweis")
    assert all(line.endswith(";nur für den Dienstgebrauch") for line in lines[1:])


def test_no_month_no_table() -> None:
    with pytest.raises(ValueError):
        objection_table({}, [], exact=False, created_at=NOW)
