"""Numbers and euro amounts written the German way, for the dashboard's labels.

Kept here rather than taken from ``QLocale``: the figures must read the same on every
machine (a clerk's PC set to English must still show ``4.045``), and the tests compare text.
"""

from __future__ import annotations

from datetime import date

MINUS = "\u2212"  # a real minus sign: a hyphen is too short to read next to a number







def month_key(day: date) -> str:
    """The month of ``day`` as the services name it: ``"2026-06"``."""
    return f"{day.year:04d}-{day.month:02d}"


def shift_month(month: str, by: int) -> str:
    """``shift_month("2026-01", -1)`` → ``"2025-12"``."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"




