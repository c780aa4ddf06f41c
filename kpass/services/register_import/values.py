"""The cells of a row as the counter's inputs: dates, amounts and the codes behind words.

Only the *reading* of a cell happens here (``12.03.1980`` → a date, ``1.234,56`` → an amount,
``Antragstellerin`` → ``applicant``); whether the value is acceptable is decided by the
counter's own checks (:mod:`kpass.services.household.validation`), called by the planner.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from kpass.services.household.field_errors import InvalidField, Place
from kpass.vocabulary import (
    BENEFITS,
    INCOME_KINDS,
    PASS_TYPES,
    PERIODS,
    ROLES,
    long_labels,
    short_labels,
)

_GERMAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00)?)?")
_THOUSANDS_DOTS = re.compile(r"\d{1,3}(\.\d{3})+")
_THOUSANDS_COMMAS = re.compile(r"\d{1,3}(,\d{3})+")

#: Words offices commonly use, beside the codes and kpass's own labels.
_SYNONYMS: dict[str, dict[str, str]] = {
    "role": {
        "antragsteller": "applicant", "antragstellerin": "applicant", "as": "applicant",
        "haushaltsvorstand": "applicant", "hv": "applicant",
        "partner": "partner", "partnerin": "partner", "ehemann": "partner",
        "ehefrau": "partner", "ehepartner": "partner", "ehepartnerin": "partner",
        "lebenspartner": "partner", "lebenspartnerin": "partner",
        "kind": "child", "sohn": "child", "tochter": "child",
        "sonstige": "other", "sonstiger": "other", "andere": "other",
    },
    "sex": {"w": "f", "weiblich": "f", "männlich": "m", "maennlich": "m", "divers": "d",
            "x": "d"},
    "income_period": {"monatlich": "month", "mtl": "month", "mtl.": "month", "monat": "month",
                      "m": "month", "jährlich": "year", "jaehrlich": "year", "jahr": "year",
                      "j": "year", "jhrl.": "year"},
    "pass_type": {"ka-pass": "karlsruher_pass", "karlsruher pass": "karlsruher_pass",
                  "erwachsene": "karlsruher_pass", "kinderpass": "kinderpass",
                  "karlsruher kinderpass": "kinderpass", "kind": "kinderpass"},
    "benefit_kind": {"bürgergeld": "sgb2", "alg ii": "sgb2", "alg2": "sgb2", "hartz iv": "sgb2",
                     "sgb ii": "sgb2", "grundsicherung": "sgb12_grundsicherung",
                     "hlu": "sgb12_hlu", "asylblg": "asylblg", "wohngeld": "wohngeld",
                     "kinderzuschlag": "kinderzuschlag", "kiz": "kinderzuschlag"},
    "income_kind": {"lohn": "wages", "gehalt": "wages", "rente": "pension",
                    "alg i": "alg1", "alg1": "alg1", "unterhaltsvorschuss": "unterhalt"},
}
_VOCABULARIES = {
    "role": ROLES,
    "income_period": PERIODS,
    "pass_type": PASS_TYPES,
    "benefit_kind": BENEFITS,
    "income_kind": INCOME_KINDS,
}


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def code_of(kind: str, text: str, own_words: dict[str, str] | None = None) -> str:
    """The code a cell names: the mapping's own words first, then kpass's codes and labels,
    then common words; anything else is returned as written, for the check to refuse."""
    folded = _fold(text)
    if own_words and folded in own_words:
        return own_words[folded]
    terms = _VOCABULARIES.get(kind)
    if terms is not None:
        if folded in terms:
            return folded
        for labels in (long_labels(terms), short_labels(terms)):
            for code, label in labels.items():
                if _fold(label) == folded:
                    return code
    return _SYNONYMS.get(kind, {}).get(folded, text.strip().lower() if kind == "sex" else
                                       text.strip())


def parse_day(place: Place, field: str, text: str) -> date:
    """``TT.MM.JJJJ`` (also ``1.3.1980``) or ISO ``JJJJ-MM-TT``."""
    cleaned = text.strip()
    match = _GERMAN_DATE.fullmatch(cleaned)
    parts: tuple[str, str, str] | None = None
    if match is not None:
        parts = (match.group(3), match.group(2), match.group(1))
    else:
        match = _ISO_DATE.fullmatch(cleaned)
        if match is not None:
            parts = (match.group(1), match.group(2), match.group(3))
    if parts is None:
        raise place.fail(field, f"{cleaned[:30]!r} is not a date (DD.MM.YYYY or YYYY-MM-DD)",
                         f"„{cleaned[:30]}“ ist kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT)")
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise place.fail(field, f"{cleaned!r} is no day of the calendar",
                         f"„{cleaned}“ gibt es im Kalender nicht") from None


def parse_amount(place: Place, text: str) -> Decimal:
    """``1.234,56``, ``1234,56``, ``1234.56``, ``1,234.56`` or ``1.234`` (thousands); a
    trailing € or EUR is allowed."""
    cleaned = re.sub(r"\s|€|eur$", "", text.strip(), flags=re.IGNORECASE)
    negative = cleaned.startswith("-")
    digits = cleaned[1:] if negative else cleaned
    if "," in digits and "." in digits:
        decimal_mark = "," if digits.rfind(",") > digits.rfind(".") else "."
        grouping = "." if decimal_mark == "," else ","
        digits = digits.replace(grouping, "").replace(decimal_mark, ".")
    elif "," in digits:
        digits = (digits.replace(",", "") if _THOUSANDS_COMMAS.fullmatch(digits)
                  and digits.count(",") > 1 else digits.replace(",", "."))
    elif _THOUSANDS_DOTS.fullmatch(digits):
        digits = digits.replace(".", "")  # "1.234": a German thousands mark, not 1,234 €
    if not re.fullmatch(r"\d+(\.\d+)?", digits):
        raise place.fail("amount", f"{text[:30]!r} is not an amount in euro (e.g. 1.234,56)",
                         f"„{text[:30]}“ ist kein Eurobetrag (z. B. 1.234,56)")
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise place.fail("amount", "is not an amount in euro", "ist kein Eurobetrag") from None
    return -value if negative else value


def row_place(number: int) -> Place:
    return Place(f"row[{number}]", f"Zeile {number}", f"Row {number}")


__all__ = ["InvalidField", "code_of", "parse_amount", "parse_day", "row_place"]
