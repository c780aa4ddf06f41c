"""Dated periods in Python (the register's ``valid_from``/``valid_until``, the end inclusive
and ``None`` for open-ended), for what one person's report keeps of a household's rows."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class Period(NamedTuple):
    valid_from: date
    valid_until: date | None  # inclusive; None: open-ended


def overlaps(a: Period, b: Period) -> bool:
    """Whether the two periods share at least one day."""
    return (b.valid_until is None or a.valid_from <= b.valid_until) and (
        a.valid_until is None or b.valid_from <= a.valid_until)


def clip(period: Period, within: Period) -> Period:
    """The part of ``period`` inside ``within`` (they must overlap)."""
    start = max(period.valid_from, within.valid_from)
    ends = [d for d in (period.valid_until, within.valid_until) if d is not None]
    return Period(start, min(ends) if ends else None)


def contains(period: Period, day: date) -> bool:
    return period.valid_from <= day and (period.valid_until is None or day <= period.valid_until)
