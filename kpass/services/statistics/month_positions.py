"""Where a row falls in a run of months, computed in SQL with a few comparisons per row.

A month series is counted in one pass over the statistics table (month_series.py): each row
is grouped by small integers (the first and last month of the run it is active on, the
month of its decision, its age group at the run's start and the month that group ends)
instead of being joined to every month. The integers come from binary trees of ``CASE``
comparisons against literal dates and ages: plain comparisons, the same on SQLite and
PostgreSQL, and exactly the conditions of ``valid_on`` and of the age at a month's end.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Integer, case, func, literal_column

from kpass.rules import AGE_GROUPS

LAST_GROUP = len(AGE_GROUPS) - 1
# Age in months at which each group begins (the first one from minus infinity) and how many
# months it lasts (None for the last, open-ended one).
_STARTS = [12 * low for _, low, _ in AGE_GROUPS]
_WIDTHS = [None if high is None else 12 * (high + 1 - low) for _, low, high in AGE_GROUPS]


def month_index(month: str) -> int:
    """``"2026-03"`` → months since year 0 (2026 * 12 + 2)."""
    return int(month[:4]) * 12 + int(month[5:7]) - 1


def month_name(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _first_day(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def _last_day(index: int) -> date:
    year, number = index // 12, index % 12 + 1
    return date(year, number, calendar.monthrange(year, number)[1])


def _integer(value: int) -> Any:
    # written into the statement: small constants of our own, never input
    return literal_column(str(int(value)), Integer)


@dataclass(frozen=True)
class MonthRun:
    """The months from ``start`` (a month index) on, ``length`` of them."""

    start: int
    length: int

    @classmethod
    def covering(cls, months: Sequence[str]) -> MonthRun:
        indexes = [month_index(m) for m in months]
        return cls(min(indexes), max(indexes) - min(indexes) + 1)

    @property
    def first_day(self) -> date:
        return _first_day(self.start)

    @property
    def last_day(self) -> date:
        return _last_day(self.start + self.length - 1)

    @property
    def month_ends(self) -> list[date]:
        return [_last_day(self.start + k) for k in range(self.length)]

    def first_active(self, valid_from: Any) -> Any:
        """The position of the first month whose last day is on or after ``valid_from``
        (``length`` if none, also for ``NULL``: never begun)."""
        return _position(self.month_ends, lambda end: valid_from <= end)

    def end_active(self, valid_until: Any) -> Any:
        """One past the position of the last month whose last day is on or before
        ``valid_until`` (0 if none; ``length`` for ``NULL``: open-ended)."""
        return _position(self.month_ends, lambda end: valid_until < end)

    def decided_position(self, decided_on: Any) -> Any:
        """One past the position of the month holding ``decided_on``: 0 before the run,
        ``length + 1`` after it."""
        firsts = [_first_day(self.start + k) for k in range(self.length + 1)]
        return _position(firsts, lambda first: decided_on < first)

    def age_phase(self, birth_year: Any, birth_month: Any) -> Any:
        """The age group at the run's first month and the position where it ends, as one
        integer ``group * length + position`` (position 0: it lasts the whole run); see
        :func:`split_phase`. The age at a month's end is ``year - birth_year`` less one if
        ``birth_month`` is later in the year, as the single-month count has it; a missing
        birth month counts as January, a missing birth year as the last group."""
        months_old = (
            _integer(self.start + 1) - birth_year * _integer(12)
            - func.coalesce(birth_month, _integer(1))
        )
        pieces: list[tuple[int, Any]] = []  # (age in months where the piece begins, value)
        for group in range(LAST_GROUP):
            begins = _STARTS[group] if group else -(10**6)
            ends = _STARTS[group + 1]
            changes_within = max(begins, ends - (self.length - 1))
            if changes_within > begins:
                pieces.append((begins, _integer(group * self.length)))
            if changes_within < ends:
                pieces.append(
                    (changes_within, _integer(group * self.length + ends) - months_old)
                )
        pieces.append((_STARTS[LAST_GROUP], _integer(LAST_GROUP * self.length)))
        thresholds = [begins for begins, _ in pieces[1:]]
        values = [value for _, value in pieces]
        return _position(thresholds, lambda t: months_old < t, lambda k: values[k])


def _position(
    bounds: Sequence[Any], before: Callable[[Any], Any],
    leaf: Callable[[int], Any] = _integer,
) -> Any:
    """How many of the sorted ``bounds`` the value is not ``before`` (0 … len), by a binary
    tree of ``CASE`` expressions: log2(len) comparisons per row. A ``NULL`` value is before
    none of them."""

    def node(low: int, high: int) -> Any:
        if low == high:
            return leaf(low)
        middle = (low + high) // 2
        return case((before(bounds[middle]), node(low, middle)), else_=node(middle + 1, high))

    return node(0, len(bounds))


def split_phase(phase: int, length: int) -> tuple[int, int | None]:
    group, change = divmod(phase, length)
    return group, change or None


def age_segments(
    group: int, change: int | None, first: int, last: int
) -> Iterator[tuple[int, int, int]]:
    """``(from, to, age group)`` for the positions ``first`` … ``last`` of a row whose age
    group at position 0 is ``group`` and ends before position ``change``."""
    position = first
    begins = change if change is not None else last + 1
    while position <= last:
        if begins > position:
            end = min(last, begins - 1)
            yield position, end, group
            position = end + 1
        else:  # the next group from ``begins`` on
            group += 1
            width = _WIDTHS[group]
            begins = begins + width if width is not None else last + 1


def age_group_at(group: int, change: int | None, position: int) -> int:
    for start, end, at in age_segments(group, change, position, position):
        assert start <= position <= end
        return at
    raise AssertionError(position)  # pragma: no cover
