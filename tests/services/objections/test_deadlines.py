"""The deadline of an objection: Bekanntgabe on the third (from 07.02.2025: fourth) day after
posting, one month from it with the end-of-month rule, an end on a weekend or holiday moved to
the next working day."""

from __future__ import annotations

from datetime import date

import pytest

from kpass.services.objections.deadlines import (
    bekanntgabe,
    easter_sunday,
    inaction_day,
    is_working_day,
    objection_deadline,
    one_month_after,
    public_holidays,
)
from kpass.services.objections.records import notification_days


@pytest.mark.parametrize(("start", "end"), [
    (date(2026, 1, 31), date(2026, 2, 28)),  # no 31 February: the month's last day
    (date(2024, 1, 31), date(2024, 2, 29)),  # leap year
    (date(2026, 1, 30), date(2026, 2, 28)),
    (date(2026, 3, 31), date(2026, 4, 30)),  # 31st → 30th
    (date(2026, 2, 28), date(2026, 3, 28)),  # not the month's end: the same number
    (date(2026, 12, 15), date(2027, 1, 15)),  # over the year's end
])
def test_one_month_ends_on_the_same_number_or_the_months_last_day(
    start: date, end: date
) -> None:
    assert one_month_after(start) == end


def test_bekanntgabe_is_the_third_day_after_posting_even_on_a_weekend() -> None:
    assert bekanntgabe(date(2026, 3, 16), 3) == date(2026, 3, 19)
    assert bekanntgabe(date(2026, 3, 19), 3) == date(2026, 3, 22)  # a Sunday: it stays


@pytest.mark.parametrize(("posted", "days"), [
    (date(2020, 1, 1), 3),
    (date(2025, 2, 6), 3),  # the day before the amendment came into force (decision)
    (date(2025, 2, 7), 4),  # "am vierten Tag nach der Aufgabe zur Post"
    (date(2026, 3, 16), 4),
    (date(2019, 12, 31), 3),  # before the first value: the first one
])
def test_the_days_of_notification_in_force_on_the_day_of_posting(posted: date, days: int) -> None:
    assert notification_days(posted) == days


@pytest.mark.parametrize(("notified", "deadline"), [
    (date(2026, 3, 19), date(2026, 4, 20)),  # 19.04.2026 is a Sunday → Monday
    (date(2026, 3, 18), date(2026, 4, 20)),  # 18.04. a Saturday → Monday
    (date(2026, 3, 23), date(2026, 4, 23)),  # a Thursday: no shift
    (date(2026, 3, 31), date(2026, 4, 30)),  # 31st → 30th (a Thursday)
    (date(2026, 1, 31), date(2026, 3, 2)),  # 28.02.2026 is a Saturday → Monday 2 March
    (date(2026, 4, 25), date(2026, 5, 26)),  # 25.05.2026 is Pfingstmontag → Tuesday
    (date(2026, 11, 25), date(2026, 12, 28)),  # 25./26.12. holidays, 27. Sunday
    (date(2026, 4, 30), date(2026, 6, 1)),  # 30.05. Saturday, 31.05. Sunday → 1 June
])
def test_the_deadline_moves_off_weekends_and_holidays(notified: date, deadline: date) -> None:
    assert objection_deadline(notified) == deadline


def test_holidays_of_baden_wuerttemberg() -> None:
    assert [easter_sunday(y) for y in (2024, 2025, 2026, 2027)] == [
        date(2024, 3, 31), date(2025, 4, 20), date(2026, 4, 5), date(2027, 3, 28)]
    holidays = public_holidays(2026)
    assert len(holidays) == 12
    assert {date(2026, 1, 6), date(2026, 4, 3), date(2026, 6, 4), date(2026, 11, 1)} <= holidays
    assert date(2026, 12, 24) not in holidays and date(2026, 10, 31) not in holidays
    assert not is_working_day(date(2026, 5, 14))  # Christi Himmelfahrt
    assert is_working_day(date(2026, 5, 15))


def test_three_months_without_a_decision() -> None:
    assert inaction_day(date(2026, 1, 31)) == date(2026, 4, 30)
    assert inaction_day(date(2026, 11, 15)) == date(2027, 2, 15)
