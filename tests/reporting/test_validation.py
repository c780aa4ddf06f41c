"""The month range and dimension list a person types: accepted forms and clear errors."""

from __future__ import annotations

import pytest

from kpass.reporting import ReportInputError, parse_dimensions, parse_month_range


def test_month_range_across_a_year() -> None:
    assert parse_month_range("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert parse_month_range(" 2026-06", "2026-06 ") == ["2026-06"]


def test_month_range_of_ten_years_is_the_limit() -> None:
    assert len(parse_month_range("2016-02", "2026-01")) == 120
    with pytest.raises(ReportInputError) as caught:
        parse_month_range("2016-01", "2026-01")
    assert "121 months" in caught.value.message_en
    assert "121 Monate" in caught.value.message_de


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "26-01", "2026/01", "", "2026-1", "Juni"])
def test_malformed_month(text: str) -> None:
    with pytest.raises(ReportInputError) as caught:
        parse_month_range(text, "2026-06")
    assert "YYYY-MM" in caught.value.message_en
    assert "JJJJ-MM" in caught.value.message_de


def test_inverted_month_range() -> None:
    with pytest.raises(ReportInputError) as caught:
        parse_month_range("2026-06", "2026-01")
    assert "before it starts" in caught.value.message_en
    assert "vor seinem Beginn" in caught.value.message_de
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stadtteil", ("stadtteil",)),
        ("stadtteil,age_group", ("stadtteil", "age_group")),
        ("age_group, stadtteil", ("age_group", "stadtteil")),
        ("Stadtteil × Altersgruppe", ("stadtteil", "age_group")),
        ("BASIS+pass_type", ("basis", "pass_type")),
        ("", ()),
    ],
)
def test_dimensions(text: str, expected: tuple[str, ...]) -> None:
    assert parse_dimensions(text) == expected


def test_unknown_dimension_lists_the_valid_ones() -> None:
    with pytest.raises(ReportInputError) as caught:
        parse_dimensions("stadtteil,nationality")
    for key in ("stadtteil", "age_group", "household_type", "basis", "pass_type"):
        assert key in caught.value.message_en
    assert "Haushaltstyp" in caught.value.message_de
    assert "nationality" in caught.value.message_en


def test_three_dimensions_are_too_many_for_an_export() -> None:
    with pytest.raises(ReportInputError) as caught:
        parse_dimensions("stadtteil,age_group,basis")
    assert "at most 2" in caught.value.message_en
    assert "höchstens 2" in caught.value.message_de
    assert parse_dimensions("stadtteil,age_group,basis", max_dimensions=3) == (
        "stadtteil", "age_group", "basis",
    )  # fmt: skip


def test_a_dimension_named_twice() -> None:
    with pytest.raises(ReportInputError, match="twice"):
        parse_dimensions("stadtteil, Stadtteil")
