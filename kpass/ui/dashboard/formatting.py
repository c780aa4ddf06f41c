"""Numbers and euro amounts written the German way, for the dashboard's labels.

Kept here rather than taken from ``QLocale``: the figures must read the same on every
machine (a clerk's PC set to English must still show ``4.045``), and the tests compare text.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

MINUS = "\u2212"  # a real minus sign: a hyphen is too short to read next to a number



def format_count(count: int) -> str:
    """``4045`` → ``"4.045"``; negative numbers with a real minus sign."""
    text = f"{abs(count):,}".replace(",", ".")
    return f"{MINUS}{text}" if count < 0 else text


def format_change(change: int) -> str:
    """``23`` → ``"+23"``, ``-120`` → ``"−120"``, ``0`` → ``"±0"``."""
    if change == 0:
        return "±0"
    return f"+{format_count(change)}" if change > 0 else format_count(change)


def month_key(day: date) -> str:
    """The month of ``day`` as the services name it: ``"2026-06"``."""
    return f"{day.year:04d}-{day.month:02d}"


def shift_month(month: str, by: int) -> str:
    """``shift_month("2026-01", -1)`` → ``"2025-12"``."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def format_euro(amount: Decimal) -> str:
    """``Decimal("1430")`` → ``"1.430,00 €"``."""
    text = f"{amount.quantize(Decimal('0.01')):,f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".") + " €"


