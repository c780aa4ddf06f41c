"""German formats of numbers, money and dates, the same in sentences, letters, cards, the
screens and the exports: ``1.342,86 €``, ``15.03.2026``, ``03/2027``, ``fünf``.

Written out rather than taken from ``QLocale`` or the C locale: the figures must read the
same on every machine (a clerk's PC set to English still shows ``4.045``), and money is
rounded commercially (half up), as in the rules.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

_CENT = Decimal("0.01")
_TENTH = Decimal("0.1")
MINUS = "\u2212"  # a real minus sign: a hyphen is too short to read next to a number

_NUMBER_WORDS = (
    "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
    "elf", "zwölf",
)


def _german_grouping(text: str) -> str:
    # "1,342.86" (Python's grouping) → "1.342,86"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_amount(amount: Decimal) -> str:
    """``Decimal("1234.5")`` → ``"1.234,50"`` (no € sign: for an input field, a column of
    amounts); rounded half up to the cent."""
    return _german_grouping(f"{amount.quantize(_CENT, ROUND_HALF_UP):,f}")


def format_euro(amount: Decimal) -> str:
    """``Decimal("1342.86")`` → ``"1.342,86 €"``; negative amounts get a minus sign."""
    return format_amount(amount) + " €"


def format_weights(weights: Decimal) -> str:
    """The sum of weights with one decimal: ``Decimal("2.1")`` → ``"2,1"``."""
    return _german_grouping(f"{weights.quantize(_TENTH, ROUND_HALF_UP):,f}")


def format_factor(factor: Decimal) -> str:
    """A weight with as many decimals as it has, at least one: ``1`` → ``"1,0"``,
    ``Decimal("0.35")`` → ``"0,35"``."""
    text = f"{factor.normalize():f}"
    if "." not in text:
        text += ".0"
    return text.replace(".", ",")


def format_count(count: int) -> str:
    """``4045`` → ``"4.045"``; negative numbers with a real minus sign."""
    text = f"{abs(count):,}".replace(",", ".")
    return f"{MINUS}{text}" if count < 0 else text


def format_change(change: int) -> str:
    """``23`` → ``"+23"``, ``-120`` → ``"−120"``, ``0`` → ``"±0"``."""
    if change == 0:
        return "±0"
    return f"+{format_count(change)}" if change > 0 else format_count(change)


def format_date(day: date | None) -> str:
    """``date(2026, 3, 15)`` → ``"15.03.2026"`` (TT.MM.JJJJ); no date: ``""``."""
    return "" if day is None else f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def format_month(day: date | None) -> str:
    """``date(2027, 3, 31)`` → ``"03/2027"`` (MM/JJJJ, as printed on the card)."""
    return "" if day is None else f"{day.month:02d}/{day.year:04d}"


def german_number(number: int, *, before_noun: bool = False) -> str:
    """``5`` → ``"fünf"``, ``18`` → ``"18"``: words up to twelve, digits above (Duden).

    ``before_noun`` gives ``"ein"`` for 1 ("ein Kind"), else ``"eins"``.
    """
    if 0 <= number < len(_NUMBER_WORDS):
        return "ein" if number == 1 and before_noun else _NUMBER_WORDS[number]
    return str(number)


def format_months(months: int) -> str:
    """``12`` → ``"zwölf Monate"``, ``1`` → ``"einen Monat"`` (accusative, as in "… Monate
    nach dem Antragsmonat")."""
    return "einen Monat" if months == 1 else f"{german_number(months)} Monate"
