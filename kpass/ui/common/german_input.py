"""Dates and amounts typed the German way at the counter, and shown back the same way."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from kpass.vocabulary import format_amount

_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_EIGHT_DIGITS = re.compile(r"\d{8}")


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






class AmountError(ValueError):
    """Why a typed text is no amount in euro. ``kind`` names the reason and the widgets word
    it (:func:`amount_message`): ``"empty"``, ``"negative"``, ``"ambiguous"`` (``1,900``:
    ``readings`` holds both values), ``"decimals"`` (more than two digits after the comma),
    ``"large"`` (a trillion euro or more) or ``"malformed"``."""

    def __init__(self, kind: str, text: str, readings: tuple[Decimal, ...] = ()) -> None:
        super().__init__(f"{kind}: {text!r}")
        self.kind = kind
        self.text = text
        self.readings = readings


MAX_AMOUNT_CHARS = 40  # "1.000.000.000,00 EUR" is 20; more is a slip of the hand
LARGEST_AMOUNT = Decimal(10) ** 12  # no income and no limit comes near; the services check less
_CENT = Decimal("0.01")
_MINUS = ("-", "\u2212", "\u2013")  # hyphen, minus sign, en dash
_DIGITS = re.compile(r"[0-9]+")
_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")  # 1.900 or 1.234.567
_ENGLISH_GROUP = re.compile(r"[1-9][0-9]{0,2}")  # what may stand before ",900" as a thousand


def read_amount(text: str) -> Decimal:
    """An amount in euro as typed at a German counter, read strictly; the value in cents.

    Accepted, with spaces around and an optional trailing ``€`` or ``EUR``:
    ``1900``, ``1.900``, ``1.234.567`` (dots only between groups of three digits),
    ``1900,5``, ``1900,50``, ``1.900,50`` (a comma before one or two digits of cents),
    ``1900.50``, ``1.90`` and ``12.5`` (a dot followed by one or two digits can only be a
    decimal point, since a thousands dot is followed by three; so it is one, when it is the
    only dot and there is no comma).

    Refused with :class:`AmountError`, never guessed: ``1,900`` (a comma before three digits
    is a thousands comma in English and a decimal comma in German: ``ambiguous``),
    ``1.234,567`` and ``1234,567`` (``decimals``), ``19,5.0``, ``1.9000``, ``1..900``,
    ``1.900.5``, ``0.900``, ``,50``, letters and anything else (``malformed``), ``-5``
    (``negative``), a trillion euro or more (``large``) and an empty field (``empty``).
    Digits are ASCII digits only.
    """
    stripped = text.strip()
    number = stripped
    if number.endswith("€"):
        number = number[:-1].rstrip()
    elif number[-3:].casefold() == "eur":
        number = number[:-3].rstrip()
    if not number:
        raise AmountError("empty", text)
    if len(stripped) > MAX_AMOUNT_CHARS:
        raise AmountError("malformed", text)
    if number.startswith(_MINUS):
        try:
            value = _read_number(number[1:].lstrip(), text)
        except AmountError:
            raise AmountError("malformed", text) from None
        raise AmountError("negative", text, (value,))
    return _read_number(number, text)


def _cents(digits: str, text: str) -> Decimal:
    """``"1900.5"`` → ``Decimal("1900.50")``; ``digits`` is ASCII digits with at most one
    dot, so ``Decimal()`` reads it exactly."""
    value = Decimal(digits)
    if value >= LARGEST_AMOUNT:
        raise AmountError("large", text)  # and quantize() stays within Decimal's precision
    return value.quantize(_CENT)


def _read_number(number: str, text: str) -> Decimal:
    if number.count(",") > 1:
        raise AmountError("malformed", text)
    if "," in number:
        whole, _, cents = number.partition(",")
        if not _DIGITS.fullmatch(cents) or not (
            _DIGITS.fullmatch(whole) or _THOUSANDS.fullmatch(whole)
        ):
            raise AmountError("malformed", text)  # "19,5.0", "1.2.3,4", ",50", "1900,"
        if len(cents) == 3 and _ENGLISH_GROUP.fullmatch(whole):
            thousands = Decimal(whole + cents)
            raise AmountError("ambiguous", text, (thousands, Decimal(f"{whole}.{cents}")))
        if len(cents) > 2:
            raise AmountError("decimals", text)
        return _cents(f"{whole.replace('.', '')}.{cents}", text)
    if _DIGITS.fullmatch(number) or _THOUSANDS.fullmatch(number):
        return _cents(number.replace(".", ""), text)
    whole, dot, cents = number.partition(".")
    if dot and _DIGITS.fullmatch(whole) and _DIGITS.fullmatch(cents) and len(cents) <= 2:
        return _cents(number, text)  # "1900.50": a decimal point
    raise AmountError("malformed", text)  # "1.9000", "1..900", "1.900.5", "0.900", "zwölf"


def parse_amount(text: str) -> Decimal | None:
    """:func:`read_amount`, or ``None`` when the text is no amount (e.g. for the preview of
    an income still being typed)."""
    try:
        return read_amount(text)
    except AmountError:
        return None


def _tr(text: str) -> str:
    return QCoreApplication.translate("GermanInput", text)


def _shown(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 24 else text[:23] + "…"


def amount_message(error: AmountError) -> str:
    """What the caseworker reads under the field: the text as typed, why it is refused and
    how to write it."""
    shown = _shown(error.text)
    if error.kind == "empty":
        return _tr("Bitte einen Eurobetrag eingeben, z. B. 1.234,56.")
    if error.kind == "negative":
        return _tr("„%1“ ist negativ: Bitte den Betrag ohne Minuszeichen eingeben."
                   ).replace("%1", shown)
    if error.kind == "ambiguous":
        thousands, decimal = error.readings
        plain = f"{thousands:f}"
        if decimal == decimal.quantize(_CENT):  # "1,900": one thousand nine hundred or 1,90
            cents = format_amount(decimal)
            return (_tr("„%1“ ist mehrdeutig: Meinten Sie %2 oder %3? Bitte ohne "
                        "Tausenderpunkt (%4) oder mit zwei Nachkommastellen (%5) eingeben.")
                    .replace("%1", shown).replace("%2", format_amount(thousands) + " €")
                    .replace("%3", cents + " €").replace("%4", plain).replace("%5", cents))
        return (_tr("„%1“ ist mehrdeutig: Meinten Sie %2? Dann bitte ohne Tausenderpunkt "
                    "eingeben (%3). Nach dem Komma stehen höchstens zwei Stellen (Cent).")
                .replace("%1", shown).replace("%2", format_amount(thousands) + " €")
                .replace("%3", plain))
    if error.kind == "large":
        return _tr("„%1“ ist als Eurobetrag zu groß.").replace("%1", shown)
    if error.kind == "decimals":
        return _tr("„%1“ ist kein Eurobetrag: Nach dem Komma stehen höchstens zwei Stellen "
                   "(Cent), z. B. 1.234,56.").replace("%1", shown)
    return _tr("„%1“ ist kein Eurobetrag. Bitte so eingeben: 1900, 1.900 oder 1.900,50 "
               "(Punkte nur zwischen Tausendern, nach dem Komma höchstens zwei Stellen)."
               ).replace("%1", shown)



