"""Calendar helpers and everything that depends on the as_of date only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

MAX_AGE = 110


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year - years, day=28)


def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


@cache
def month_first(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


@cache
def month_last(index: int) -> date:
    return month_first(index + 1) - timedelta(days=1)




@dataclass(frozen=True, slots=True)
class Context:
    """Everything that depends on as_of only, computed once per as_of."""

    as_of: date
    as_of_ord: int
    month: int  # month index of as_of
    # age -> (first, last) ordinal of the birth dates that give exactly this age on as_of
    birth_ranges: tuple[tuple[int, int], ...]
    payslip_month: str  # "MM/YYYY" of the month before as_of: the last complete pay slip
    pension_from: date  # the last 1 July (annual pension adjustment) on or before as_of
    semester_from: date  # the last 1 April or 1 October on or before as_of
    training_year_from: date  # the last 1 September on or before as_of


@cache
def context_for(as_of: date) -> Context:
    ranges = []
    for age in range(MAX_AGE + 1):
        latest = years_before(as_of, age)
        earliest = years_before(as_of, age + 1) + timedelta(days=1)
        ranges.append((earliest.toordinal(), latest.toordinal()))
    previous = month_first(month_index(as_of) - 1)
    july = date(as_of.year, 7, 1)
    september = date(as_of.year, 9, 1)
    semesters = [date(as_of.year, 10, 1), date(as_of.year, 4, 1), date(as_of.year - 1, 10, 1)]
    return Context(
        as_of=as_of,
        as_of_ord=as_of.toordinal(),
        month=month_index(as_of),
        birth_ranges=tuple(ranges),
        payslip_month=f"{previous.month:02d}/{previous.year}",
        pension_from=july if july <= as_of else date(as_of.year - 1, 7, 1),
        semester_from=next(day for day in semesters if day <= as_of),
        training_year_from=september if september <= as_of else date(as_of.year - 1, 9, 1),
    )
