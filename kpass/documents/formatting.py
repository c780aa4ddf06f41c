"""German number and date formats of the documents: ``1.342,86 €``, ``15.03.2026``, ``03/2027``."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

_CENT = Decimal("0.01")
_TENTH = Decimal("0.1")


def _german_grouping(text: str) -> str:
    # "1,342.86" (Python's grouping) → "1.342,86"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_euro(amount: Decimal) -> str:
    """``Decimal("1342.86")`` → ``"1.342,86 €"``; negative amounts get a minus sign."""
    return _german_grouping(f"{amount.quantize(_CENT, ROUND_HALF_UP):,f}") + " €"


def format_weights(weights: Decimal) -> str:
    """The sum of weights with one decimal: ``Decimal("2.1")`` → ``"2,1"``."""
    return _german_grouping(f"{weights.quantize(_TENTH, ROUND_HALF_UP):,f}")


def format_date(day: date) -> str:
    """``date(2026, 3, 15)`` → ``"15.03.2026"`` (TT.MM.JJJJ)."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def format_month(day: date) -> str:
    """``date(2027, 3, 31)`` → ``"03/2027"`` (MM/JJJJ, as printed on the card)."""
    return f"{day.month:02d}/{day.year:04d}"
