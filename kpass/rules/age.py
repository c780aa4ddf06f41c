"""Ages and calendar months.

An age is the number of completed years on a day. A person born on 29 February reaches the
new age on 1 March in years without 29 February (spec, "Terms", decision).

Comparing ``YYYYMMDD`` integers gives exactly that rule without special cases: born 2008-02-29,
on 2026-02-28 the difference is 179999 (17 years), on 2026-03-01 it is 180072 (18 years).
"""

from __future__ import annotations

import calendar
from datetime import date


def date_key(day: date) -> int:
    """``day`` as the integer ``YYYYMMDD``; differences // 10000 are completed years."""
    return day.year * 10000 + day.month * 100 + day.day


def completed_years(birth_date: date, on_date: date) -> int:
    """Age in completed years of a person born on ``birth_date``, on ``on_date``.

    Raises ``ValueError`` when ``on_date`` lies before ``birth_date``.
    """
    if on_date < birth_date:
        raise ValueError(f"{on_date.isoformat()} lies before the birth date {birth_date}")
    return (date_key(on_date) - date_key(birth_date)) // 10000


def first_of_month(day: date) -> date:
    """The first day of ``day``'s month."""
    return day.replace(day=1)


def last_of_month(day: date) -> date:
    """The last day of ``day``'s month."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def is_last_of_month(day: date) -> bool:
    """Whether ``day`` is the last day of its month."""
    return day.day == calendar.monthrange(day.year, day.month)[1]


def end_of_month_after(day: date, months: int) -> date:
    """The last day of the month ``months`` calendar months after ``day``'s month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    return date(year, month0 + 1, calendar.monthrange(year, month0 + 1)[1])


def latest_birth_date(on_date: date, years: int) -> date:
    """The latest birth date of a person who is at least ``years`` old on ``on_date``.

    ``completed_years(b, on_date) >= years`` exactly when ``b <= latest_birth_date(on_date,
    years)``, so one date comparison replaces an age calculation when many people are checked
    against the same day. (On 29 February the same day ``years`` earlier may not exist; the
    28th is then the latest such birth date.)
    """
    year = on_date.year - years
    day = min(on_date.day, calendar.monthrange(year, on_date.month)[1])
    return date(year, on_date.month, day)
