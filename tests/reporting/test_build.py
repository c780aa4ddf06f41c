"""Building a report from exact counts: totals, zeros, suppression per table, bad rows."""

from __future__ import annotations

import pytest

from kpass.reporting import (
    MEASURES,
    CountRow,
    ReportInputError,
    StatisticsReport,
    build_report,
    build_report_from_breakdowns,
    get_dimension,
)
from kpass.reporting.suppression import suppress_grid

from .conftest import CREATED_AT, RULE_SETS, random_rows

MONTHS = ["2026-05", "2026-06"]


def test_dimensions_values_and_labels() -> None:
    stadtteil = get_dimension("stadtteil")
    assert len(stadtteil.values) == 28
    assert stadtteil.values[:2] == ("01", "02") and stadtteil.values[-1] == "außerhalb"
    assert stadtteil.label("01") == "01 Innenstadt-Ost"
    assert stadtteil.label("27") == "27 Nordstadt"
    assert get_dimension("age_group").values == (
        "0–5", "6–13", "14–17", "18–24", "25–39", "40–59", "60–64", "65–74", "75+",
    )  # fmt: skip
    assert get_dimension("household_type").label("couple_children") == "Paar mit Kindern"
    assert get_dimension("basis").values[-1] == "abgelehnt"
    assert get_dimension("pass_type").label("kinderpass") == "Karlsruher Kinderpass"


def test_totals_are_sums_of_the_exact_cells(report_2d: StatisticsReport) -> None:
    breakdown = report_2d.breakdowns[0]
    for month in report_2d.months:
        for measure in MEASURES:
            table = breakdown.table(month, measure)
            inner = [list(row[:-1]) for row in table.grid[:-1]]
            for r, row in enumerate(inner):
                assert table.grid[r][-1] == sum(row)
            for c in range(len(table.column_values)):
                assert table.grid[-1][c] == sum(row[c] for row in inner)
            assert table.total == sum(map(sum, inner)) == report_2d.overview_exact(month, measure)


def test_exact_counts_are_kept_and_missing_cells_are_zero() -> None:
    rows = [
        CountRow("2026-06", ("03", "kinderpass"), "active", 7),
        CountRow("2026-06", ("03", "karlsruher_pass"), "active", 2),
        CountRow("2026-06", ("außerhalb", "kinderpass"), "new", 12),
    ]
    report = build_report(
        rows, ("stadtteil", "pass_type"), ["2026-06"], False, RULE_SETS, CREATED_AT
    )
    active = report.breakdown(("stadtteil", "pass_type")).table("2026-06", "active")
    assert active.exact("03", "kinderpass") == 7
    assert active.exact("03", "karlsruher_pass") == 2
    assert active.exact("03", None) == 9  # row total
    assert active.exact(None, "kinderpass") == 7
    assert active.exact("01", "kinderpass") == 0
    assert active.shown("03", "karlsruher_pass") is None  # 2 is primary
    assert active.shown("01", "kinderpass") == 0
    assert report.overview_exact("2026-06", "new") == 12
    assert report.overview_exact("2026-06", "renewed") == 0


def test_each_table_is_suppressed_on_its_own(report_2d: StatisticsReport) -> None:
    breakdown = report_2d.breakdowns[0]
    for (_, _), table in breakdown.tables.items():
        assert table.suppressed == suppress_grid(table.grid)


def test_exact_mode_hides_nothing(report_2d_exact: StatisticsReport) -> None:
    for table in report_2d_exact.breakdowns[0].tables.values():
        assert table.suppressed == frozenset()
    assert report_2d_exact.exact


def test_overview_follows_rule_one_only() -> None:
    rows = [
        CountRow("2026-06", (), "active", 812),
        CountRow("2026-06", (), "new", 3),
        CountRow("2026-06", (), "renewed", 5),
    ]
    report = build_report(rows, (), ["2026-06"], False, RULE_SETS, CREATED_AT)
    assert report.breakdowns == ()
    assert report.overview_shown("2026-06", "active") == 812
    assert report.overview_shown("2026-06", "new") is None
    assert report.overview_shown("2026-06", "renewed") == 5  # no secondary suppression here
    assert report.overview_shown("2026-06", "replaced") == 0
    exact = build_report(rows, (), ["2026-06"], True, RULE_SETS, CREATED_AT)
    assert exact.overview_shown("2026-06", "new") == 3


def test_several_breakdowns_share_the_overview() -> None:
    months = ["2026-06"]
    by_pass = [CountRow("2026-06", ("kinderpass",), "active", 30)]
    by_both = [
        CountRow("2026-06", ("05", "kinderpass"), "active", 26),
        CountRow("2026-06", ("06", "kinderpass"), "active", 4),
    ]
    report = build_report_from_breakdowns(
        [(("pass_type",), by_pass), (("stadtteil", "pass_type"), by_both)],
        months=months, exact=False, rule_sets=RULE_SETS, created_at=CREATED_AT,
    )  # fmt: skip
    assert [b.title for b in report.breakdowns] == ["Passart", "Stadtteil × Passart"]
    assert report.overview_exact("2026-06", "active") == 30
    wrong = [CountRow("2026-06", ("05", "kinderpass"), "active", 26)]
    with pytest.raises(ReportInputError, match="month totals"):
        build_report_from_breakdowns(
            [(("pass_type",), by_pass), (("stadtteil", "pass_type"), wrong)],
            months=months, exact=False, rule_sets=RULE_SETS, created_at=CREATED_AT,
        )  # fmt: skip


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        (CountRow("2026-06", ("99",), "active", 5), "not a value of stadtteil"),
        (CountRow("2026-06", ("01", "0–5"), "active", 5), "one value for each"),
        (CountRow("2026-07", ("01",), "active", 5), "outside the period"),
        (CountRow("2026-06", ("01",), "visits", 5), "measure"),
        (CountRow("2026-06", ("01",), "active", -1), "whole number"),
    ],
)
def test_rows_that_do_not_fit_are_refused(row: CountRow, fragment: str) -> None:
    with pytest.raises(ReportInputError, match=fragment) as caught:
        build_report([row], ("stadtteil",), ["2026-06"], False, RULE_SETS, CREATED_AT)
    assert "Zählzeile" in caught.value.message_de


def test_a_cell_counted_twice_is_refused() -> None:
    row = CountRow("2026-06", ("01",), "active", 5)
    with pytest.raises(ReportInputError, match="repeats"):
        build_report([row, row], ("stadtteil",), ["2026-06"], False, RULE_SETS, CREATED_AT)


@pytest.mark.parametrize(
    "dimensions",
    [("nation",), ("stadtteil", "stadtteil"), ("stadtteil", "age_group", "basis")],
)
def test_bad_dimensions_are_refused(dimensions: tuple[str, ...]) -> None:
    with pytest.raises(ReportInputError):
        build_report([], dimensions, ["2026-06"], False, RULE_SETS, CREATED_AT)


def test_months_must_be_well_formed() -> None:
    for months in ([], ["2026-6"], ["2026-06", "2026-06"]):
        with pytest.raises(ReportInputError):
            build_report([], ("basis",), months, False, RULE_SETS, CREATED_AT)


def test_a_measure_subset_keeps_the_fixed_order() -> None:
    rows = random_rows(("pass_type",), MONTHS)
    rows = [row for row in rows if row.measure in ("new", "active")]
    report = build_report(
        rows, ("pass_type",), MONTHS, False, RULE_SETS, CREATED_AT, measures=["new", "active"]
    )
    assert report.measures == ("active", "new")
