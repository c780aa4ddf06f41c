"""Ages, age groups, and the validity of new and renewed passes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpass.rules import (
    AGE_GROUP_LABELS,
    age_group,
    age_group_for_age,
    completed_years,
    issues_new_pass,
    last_of_month,
    new_validity,
    renewal_possible_from,
    renewal_validity,
)
from kpass.rules.age import end_of_month_after, is_last_of_month, latest_birth_date

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@pytest.mark.parametrize(
    ("birth", "on", "years"),
    [
        (date(1980, 3, 15), date(2026, 3, 14), 45),
        (date(1980, 3, 15), date(2026, 3, 15), 46),  # birthday counts on the day
        (date(2008, 2, 29), date(2026, 2, 28), 17),  # no 29 February: still 17
        (date(2008, 2, 29), date(2026, 3, 1), 18),  # new age on 1 March
        (date(2008, 2, 29), date(2028, 2, 29), 20),  # leap year: on the day
        (date(2008, 2, 29), date(2028, 2, 28), 19),
        (date(2026, 3, 15), date(2026, 3, 15), 0),
    ],
)
def test_completed_years(birth: date, on: date, years: int) -> None:
    assert completed_years(birth, on) == years


def test_age_before_birth_is_an_error() -> None:
    with pytest.raises(ValueError):
        completed_years(date(2026, 3, 16), date(2026, 3, 15))


@given(birth=dates, on=dates, years=st.integers(min_value=0, max_value=100))
def test_latest_birth_date_matches_completed_years(birth: date, on: date, years: int) -> None:
    if birth > on or on.year - years < 1:
        return
    assert (completed_years(birth, on) >= years) == (birth <= latest_birth_date(on, years))


@given(birth=dates, on=dates)
def test_completed_years_agrees_with_calendar_reading(birth: date, on: date) -> None:
    if birth > on:
        return
    years = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    assert completed_years(birth, on) == years


def test_age_groups() -> None:
    assert AGE_GROUP_LABELS == ("0–5", "6–13", "14–17", "18–24", "25–39", "40–59", "60–64",
                                "65–74", "75+")
    expected = {0: "0–5", 5: "0–5", 6: "6–13", 13: "6–13", 14: "14–17", 17: "14–17",
                18: "18–24", 24: "18–24", 25: "25–39", 39: "25–39", 40: "40–59", 59: "40–59",
                60: "60–64", 64: "60–64", 65: "65–74", 74: "65–74", 75: "75+", 110: "75+"}
    for age, label in expected.items():
        assert age_group_for_age(age) == label
    with pytest.raises(ValueError):
        age_group_for_age(-1)
    assert age_group(date(2008, 2, 29), date(2026, 2, 28)) == "14–17"
    assert age_group(date(2008, 2, 29), date(2026, 3, 31)) == "18–24"


def test_month_helpers() -> None:
    assert last_of_month(date(2024, 2, 10)) == date(2024, 2, 29)
    assert last_of_month(date(2026, 2, 10)) == date(2026, 2, 28)
    assert end_of_month_after(date(2026, 3, 15), 12) == date(2027, 3, 31)
    assert end_of_month_after(date(2026, 12, 1), 12) == date(2027, 12, 31)
    assert end_of_month_after(date(2027, 2, 28), 12) == date(2028, 2, 29)
    assert end_of_month_after(date(2026, 1, 31), 1) == date(2026, 2, 28)


@given(day=dates)
def test_new_validity_ends_on_a_month_end_twelve_months_later(day: date) -> None:
    valid_from, valid_until = new_validity(day)
    assert valid_from == day
    assert is_last_of_month(valid_until)
    assert (valid_until.year - day.year) * 12 + valid_until.month - day.month == 12


def test_renewal_validity() -> None:
    old_until = date(2026, 3, 31)
    assert renewal_possible_from(old_until) == date(2026, 3, 1)
    # before the expiry month: nothing new is issued
    assert renewal_validity(old_until, date(2026, 2, 28)) is None
    # within the expiry month: continues without a gap
    assert renewal_validity(old_until, date(2026, 3, 1)) == (date(2026, 4, 1), date(2027, 3, 31))
    assert renewal_validity(old_until, date(2026, 3, 31)) == (date(2026, 4, 1),
                                                              date(2027, 3, 31))
    # after the expiry month: like a new application
    assert renewal_validity(old_until, date(2026, 4, 1)) == (date(2026, 4, 1), date(2027, 4, 30))
    assert renewal_validity(old_until, date(2026, 6, 17)) == (date(2026, 6, 17),
                                                              date(2027, 6, 30))


def test_renewal_in_february_of_a_leap_year() -> None:
    assert renewal_validity(date(2027, 2, 28), date(2027, 2, 3)) == (date(2027, 3, 1),
                                                                    date(2028, 2, 29))


@given(old_until=dates.map(last_of_month), day=dates)
def test_renewal_never_leaves_a_gap_within_the_expiry_month(old_until: date, day: date) -> None:
    result = renewal_validity(old_until, day)
    if day < old_until.replace(day=1):
        assert result is None
        assert not issues_new_pass(old_until, day)
        return
    assert result is not None
    valid_from, valid_until = result
    assert is_last_of_month(valid_until)
    assert issues_new_pass(old_until, day)
    if day <= old_until:
        assert valid_from == old_until + timedelta(days=1)
    else:
        assert valid_from == day


def test_issues_new_pass() -> None:
    assert issues_new_pass(None, date(2026, 3, 15))
    assert issues_new_pass(date(2026, 3, 31), date(2026, 3, 15))
    assert not issues_new_pass(date(2026, 4, 30), date(2026, 3, 15))


def test_pass_parameters_come_from_the_rule_set_of_the_day() -> None:
    from decimal import Decimal

    from kpass.rules import load_parameters, pass_parameters, validity_months

    karlsruhe = load_parameters()
    today = pass_parameters(karlsruhe, date(2026, 3, 15))
    assert (today.rule_set, today.validity_months, today.adult_age) == ("ka-2021-01-01", 12, 18)
    assert (today.senior_extra_age, today.senior_extra_amount) == (60, Decimal("120.00"))
    # Before the first rule set nobody gets a pass; the helpers use the first rule set.
    assert pass_parameters(karlsruhe, date(2019, 6, 1)).rule_set == "ka-2020-01-01"
    assert validity_months(karlsruhe, date(2019, 6, 1)) == 12
    assert pass_parameters(load_parameters("Ettlingen"), date(2026, 3, 15)).adult_age == 18
