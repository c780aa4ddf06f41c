"""Dates and amounts typed the German way at the counter, and shown back the same way."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_EIGHT_DIGITS = re.compile(r"\d{8}")
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")


def parse_date(text: str) -> date | None:
    """``12.03.1980``, ``1.3.1980`` or ``12031980`` → a day; ``None`` for anything else."""
    text = text.strip()
    dotted = _DOTTED.fullmatch(text)
    if dotted:
        day, month, year = (int(part) for part in dotted.groups())
    elif _EIGHT_DIGITS.fullmatch(text):
        day, month, year = int(text[:2]), int(text[2:4]), int(text[4:])
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None  # 31.02. is no day


def format_date(day: date | None) -> str:
    return "" if day is None else f"{day:%d.%m.%Y}"


def format_month(day: date | None) -> str:
    """The month a pass is valid to, as printed on the card: ``03/2027``."""
    return "" if day is None else f"{day:%m/%Y}"


def parse_amount(text: str) -> Decimal | None:
    """``1.234,56``, ``1234,56``, ``1234.56`` or ``1.234`` (with or without €) → euro;
    ``None`` when it is no non-negative amount."""
    cleaned = "".join(text.replace("€", "").split())
    if not cleaned:
        return None
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _GROUPED.fullmatch(cleaned):
        cleaned = cleaned.replace(".", "")  # "1.234" at a German counter is a thousand
    if not _PLAIN.fullmatch(cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None


def format_amount(amount: Decimal) -> str:
    """``Decimal("1234.5")`` → ``"1.234,50"`` (without the € sign, for an input field)."""
    text = f"{amount.quantize(Decimal('0.01')):,f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_weights(weights: Decimal) -> str:
    """The sum of the OECD weights with one decimal: ``2,1``."""
    return f"{weights:.1f}".replace(".", ",")
