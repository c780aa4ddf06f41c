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


_NUMBER_WORDS = (
    "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
    "elf", "zwölf",
)


def number_words(number: int) -> str:
    """``5`` → ``"fünf"``, ``18`` → ``"18"``: words up to twelve, digits above (Duden)."""
    return _NUMBER_WORDS[number] if 0 <= number < len(_NUMBER_WORDS) else str(number)


def format_months(months: int) -> str:
    """``12`` → ``"zwölf Monate"``, ``1`` → ``"einen Monat"`` (accusative, as in "… Monate
    nach dem Antragsmonat")."""
    return "einen Monat" if months == 1 else f"{number_words(months)} Monate"


def format_factor(factor: Decimal) -> str:
    """A weight with as many decimals as it has, at least one: ``1`` → ``"1,0"``,
    ``Decimal("0.35")`` → ``"0,35"``."""
    text = f"{factor.normalize():f}"
    if "." not in text:
        text += ".0"
    return text.replace(".", ",")
