"""Numbers and euro amounts written the German way, for the dashboard's labels.

Kept here rather than taken from ``QLocale``: the figures must read the same on every
machine (a clerk's PC set to English must still show ``4.045``), and the tests compare text.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

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


_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_AMOUNT = re.compile(r"\d+(?:\.\d{1,2})?")


class AmountError(ValueError):
    """Why a typed amount is no positive euro amount: ``kind`` is ``"empty"``,
    ``"not_positive"`` or ``"not_a_number"`` (the widget words the message, through tr())."""

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(f"{kind}: {text!r}")
        self.kind = kind
        self.text = text


def parse_euro(text: str) -> Decimal:
    """``"1.430,00 €"``, ``"1430,5"``, ``"1430.50"`` or ``"1.430"`` → ``Decimal``.

    Raises :class:`AmountError` for an empty field, a negative or zero amount, more than two
    decimals, or anything that is not a number.
    """
    cleaned = "".join(text.replace("€", "").split())
    if not cleaned:
        raise AmountError("empty", text)
    if cleaned.startswith(("-", MINUS)):
        raise AmountError("not_positive", text)
    if "," in cleaned:
        whole = cleaned.partition(",")[0]
        if "." in whole and not _GROUPED.fullmatch(whole):
            raise AmountError("not_a_number", text)  # "1.2.3,4": dots only between thousands
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _GROUPED.fullmatch(cleaned):
        cleaned = cleaned.replace(".", "")  # "1.430" in a German office is a thousand
    if not _AMOUNT.fullmatch(cleaned):
        raise AmountError("not_a_number", text)
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits digits only
        raise AmountError("not_a_number", text) from exc
    if value <= 0:
        raise AmountError("not_positive", text)
    return value.quantize(Decimal("0.01"))
