"""Readers of single fields of the decoded ``kpass check`` JSON, each refusing with a message.

Every reader takes a decoded value and the path of its field (``members[1].birth_date``) and
returns the typed value, or raises :class:`InputError` naming the field, in English and
German, with the offending value shortened. They are apart from :mod:`kpass.rules.json_io`
because they know only JSON's types and the spec's spelling of dates and amounts, not the
shape of the input.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from typing import Any

from kpass.rules.checks import check_amount
from kpass.rules.errors import InputError, shorten

# ASCII digits only: "\d" would also take other scripts' digits (Arabic-Indic "٢٠٢٦").
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_AMOUNT_RE = re.compile(r"[0-9]+(?:\.[0-9]{1,2})?")
# Near misses that deserve a specific message (negative, too many decimals, too large).
_NEAR_AMOUNT_RE = re.compile(r"-?[0-9]{1,40}(?:\.[0-9]{1,40})?")
_CENT = Decimal("0.01")


def safe_key(key: str) -> str:
    """A key for a field path in a message: shortened, unprintable characters as escapes."""
    return shorten(key)


def _type_name(value: object) -> tuple[str, str]:
    """How to call the JSON type of ``value``, in English and German."""
    if value is None:
        return "null", "null"
    if isinstance(value, bool):
        return "true/false", "true/false"
    if isinstance(value, dict):
        return "an object", "ein Objekt"
    if isinstance(value, list):
        return "a list", "eine Liste"
    if isinstance(value, str):
        return "a string", "ein Text"
    return "a number", "eine Zahl"


def shown(value: object) -> str:
    """``value`` as it was written in the JSON, for messages: shortened, lists and objects
    only hinted at (``[…]``, ``{…}``)."""
    if isinstance(value, str):
        return f'"{shorten(value)}"'
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, list):
        return "[…]"
    if isinstance(value, dict):
        return "{…}"
    return shorten(str(value))


def _wrong_type(where: str, value: object, wanted_en: str, wanted_de: str) -> InputError:
    found_en, found_de = _type_name(value)
    if where:
        return InputError(where, f"{where} must be {wanted_en}, not {found_en}",
                          f"„{where}“ muss {wanted_de} sein, nicht {found_de}")
    return InputError(where, f"The input must be {wanted_en}, not {found_en}",
                      f"Die Eingabe muss {wanted_de} sein, nicht {found_de}")


def read_object(
    value: object, where: str, allowed: tuple[str, ...], required: tuple[str, ...]
) -> dict[str, Any]:
    """An object with only the ``allowed`` keys and all the ``required`` ones."""
    if not isinstance(value, dict):
        raise _wrong_type(where, value, "a JSON object", "ein JSON-Objekt")
    for key in value:
        if key not in allowed:
            path = f"{where}.{safe_key(key)}" if where else safe_key(key)
            raise InputError(
                path, f"Unknown field '{path}' (allowed: {', '.join(allowed)})",
                f"Unbekanntes Feld „{path}“ (erlaubt: {', '.join(allowed)})",
            )
    for key in required:
        if key not in value:
            path = f"{where}.{key}" if where else key
            raise InputError(path, f"Missing field '{path}'", f"Pflichtfeld „{path}“ fehlt")
    return value


def read_list(value: object, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _wrong_type(where, value, "a list", "eine Liste")
    return value


def read_text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise _wrong_type(where, value, "a string", "ein Text")
    return value


def read_date(value: object, where: str) -> date:
    if isinstance(value, str) and _DATE_RE.fullmatch(value):  # ASCII digits only
        try:
            return date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:
            pass
    raise InputError(
        where, f"{where} must be a date YYYY-MM-DD, not {shown(value)}",
        f"„{where}“ muss ein Datum JJJJ-MM-TT sein, nicht {shown(value)}",
    )


def read_amount(value: object, where: str) -> Decimal:
    """A string of ASCII digits with at most two decimals (spec clarification)."""
    if isinstance(value, str):
        if _AMOUNT_RE.fullmatch(value):
            amount = Decimal(value)
            check_amount(where, amount)  # not implausibly large
            return amount.quantize(_CENT)  # one spelling per amount: "12.5" becomes 12.50
        if _NEAR_AMOUNT_RE.fullmatch(value):
            check_amount(where, Decimal(value))  # says what is wrong: negative, decimals
    raise InputError(
        where,
        f"{where} must be a decimal amount written as a string of digits with at most two "
        f'decimals, like "2310.00", not {shown(value)}',
        f"„{where}“ muss ein Betrag als Text aus Ziffern mit höchstens zwei Nachkommastellen "
        f"sein, wie \"2310.00\", nicht {shown(value)}",
    )
