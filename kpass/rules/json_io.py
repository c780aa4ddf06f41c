"""The JSON of ``kpass check`` (spec section 8) and of decisions (sections 7 and 8).

:func:`parse_check_input` turns the UTF-8 JSON text into a checked :class:`RuleInput` or raises
:class:`InputError` naming the field (``members[1].birth_date``); :func:`decision_to_json`
gives the output object, with money as strings with two decimals, weights with one, dates ISO.

Input rules beyond the shape (spec section 8 and the clarifications of its second edition):

- ``amount`` is a JSON string of ASCII digits with at most two decimals (``"1342.5"``,
  ``"1342.50"``); JSON numbers are refused, so that no float ever holds money.
- Dates are ASCII ``YYYY-MM-DD`` (other scripts' digits are refused).
- A benefit's ``until`` may be null or absent: an open-ended notice ("bis auf Weiteres").
- The input must not be larger than :data:`MAX_INPUT_BYTES`, nested deeper than
  :data:`MAX_DEPTH`, or hold a lone surrogate (``"\ud800"``, which is not text).

Every refusal is an :class:`InputError` naming the field, in English and German; a value the
message repeats is cut to a few dozen characters.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from typing import Any

from kpass.rules.checks import check_amount, check_rule_input
from kpass.rules.decision_json import (
    decision_to_json,
    dumps_decision,
    household_from_json,
    household_to_json,
    json_money,
    json_weights,
)
from kpass.rules.errors import InputError, shorten
from kpass.rules.model import (
    Benefit,
    Income,
    Member,
    Period,
    Residence,
    RuleInput,
)
from kpass.rules.parameter_files import default_parameters
from kpass.rules.parameters import Parameters

__all__ = [
    "MAX_DEPTH",
    "MAX_INPUT_BYTES",
    "decision_to_json",
    "dumps_decision",
    "household_from_json",
    "household_to_json",
    "json_money",
    "json_weights",
    "parse_check_input",
    "rule_input_from_json",
    "rule_input_to_json",
]

#: The largest input accepted (a household of twenty with every field is some 10 kB).
MAX_INPUT_BYTES = 1_000_000
#: The deepest nesting of lists and objects accepted (valid input needs five levels).
MAX_DEPTH = 32

# ASCII digits only: "\d" would also take other scripts' digits (Arabic-Indic "٢٠٢٦").
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_AMOUNT_RE = re.compile(r"[0-9]+(?:\.[0-9]{1,2})?")
# Near misses that deserve a specific message (negative, too many decimals, too large).
_NEAR_AMOUNT_RE = re.compile(r"-?[0-9]{1,40}(?:\.[0-9]{1,40})?")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_CENT = Decimal("0.01")
_TENTH = Decimal("0.1")

_TOP_FIELDS = ("application_date", "residence", "applicant", "members", "benefits")
_RESIDENCE_FIELDS = ("municipality", "stadtteil")
_MEMBER_FIELDS = ("id", "birth_date", "flags", "incomes")
_INCOME_FIELDS = ("kind", "amount", "period")
_BENEFIT_FIELDS = ("kind", "from", "until", "members")


# ---------------------------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------------------------


def parse_check_input(text: str | bytes, parameters: Parameters | None = None) -> RuleInput:
    """Parse and check the JSON input of ``kpass check``.

    ``parameters`` (default: Stadt Karlsruhe) decide which income and benefit kinds are known.
    Raises :class:`InputError` with the offending field's path in ``field`` and the message
    in English (``str(error)``) and German (``error.message_de``). Never raises anything else,
    whatever ``text`` holds.
    """
    size = len(text) if isinstance(text, bytes) else len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_INPUT_BYTES:
        german = f"{MAX_INPUT_BYTES:_}".replace("_", ".")
        raise InputError(
            "",
            f"The input is larger than {MAX_INPUT_BYTES:,} bytes; a household is far smaller",
            f"Die Eingabe ist größer als {german} Bytes; ein Haushalt ist viel kleiner",
        )
    try:
        data = json.loads(
            text,
            parse_float=Decimal,
            parse_int=Decimal,  # exact, and no limit on the digits of an int to trip over
            parse_constant=_reject_constant,
            object_pairs_hook=_no_duplicate_keys,
        )
    except InputError:
        raise
    except json.JSONDecodeError as error:
        raise InputError(
            "",
            f"The input is not valid JSON: {error.msg} "
            f"(line {error.lineno}, column {error.colno})",
            f"Die Eingabe ist kein gültiges JSON: {error.msg} "
            f"(Zeile {error.lineno}, Spalte {error.colno})",
        ) from None
    except UnicodeDecodeError as error:
        raise InputError(
            "", f"The input is not UTF-8 text: {error.reason}",
            f"Die Eingabe ist kein UTF-8-Text: {error.reason}",
        ) from None
    except RecursionError:
        raise _too_deep("") from None
    except ValueError as error:  # e.g. a number the decoder cannot hold
        problem = shorten(str(error))
        raise InputError(
            "", f"The input is not valid JSON: {problem}",
            f"Die Eingabe ist kein gültiges JSON: {problem}",
        ) from None
    _check_structure(data)
    return rule_input_from_json(data, parameters)


def _too_deep(where: str) -> InputError:
    place_en = f"{where} is" if where else "The input is"
    place_de = f"„{where}“ ist" if where else "Die Eingabe ist"
    return InputError(
        where,
        f"{place_en} nested too deeply (more than {MAX_DEPTH} levels of lists and objects)",
        f"{place_de} zu tief verschachtelt (mehr als {MAX_DEPTH} Ebenen aus Listen und "
        "Objekten)",
    )


def _safe_key(key: str) -> str:
    """A key for a field path in a message: shortened, unprintable characters as escapes."""
    return shorten(key)


def _check_structure(data: object) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH` and lone surrogates, without recursion.

    A lone surrogate (``"\ud800"`` in JSON) is not a character; it could not even be written
    to the output, so it is refused where it stands.
    """
    stack: list[tuple[object, str, int]] = [(data, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        if isinstance(value, str):
            if _SURROGATE_RE.search(value):
                raise _surrogate(where)
            continue
        if not isinstance(value, dict | list):
            continue
        if depth >= MAX_DEPTH:
            raise _too_deep(where)
        if isinstance(value, list):
            stack.extend((item, f"{where}[{n}]", depth + 1) for n, item in enumerate(value))
            continue
        for key, item in value.items():
            path = f"{where}.{_safe_key(key)}" if where else _safe_key(key)
            if _SURROGATE_RE.search(key):
                raise _surrogate(path)
            stack.append((item, path, depth + 1))


def _surrogate(where: str) -> InputError:
    place = where or "the input"
    return InputError(
        where,
        f"{place} contains a lone surrogate (such as \\ud800), which is not a character",
        f"„{place}“ enthält ein einzelnes Ersatzzeichen (wie \\ud800), das ist kein Zeichen",
    )


def rule_input_from_json(data: object, parameters: Parameters | None = None) -> RuleInput:
    """Build and check a :class:`RuleInput` from already decoded JSON (dicts and lists)."""
    if parameters is None:
        parameters = default_parameters()
    top = _object(data, "", _TOP_FIELDS,
                  required=("application_date", "residence", "applicant", "members"))
    application_date = _date(top["application_date"], "application_date")
    place = _object(top["residence"], "residence", _RESIDENCE_FIELDS, required=("municipality",))
    stadtteil = place.get("stadtteil")
    residence = Residence(
        _text(place["municipality"], "residence.municipality"),
        None if stadtteil is None else _text(stadtteil, "residence.stadtteil"),
    )
    applicant = _text(top["applicant"], "applicant")
    members = tuple(
        _member(raw, f"members[{i}]") for i, raw in enumerate(_list(top["members"], "members"))
    )
    benefits = tuple(
        _benefit(raw, f"benefits[{k}]")
        for k, raw in enumerate(_list(top.get("benefits", []), "benefits"))
    )
    rule_input = RuleInput(application_date, residence, applicant, members, benefits)
    check_rule_input(rule_input, parameters)
    return rule_input


def _member(raw: object, where: str) -> Member:
    fields = _object(raw, where, _MEMBER_FIELDS, required=("id", "birth_date"))
    flags = frozenset(
        _text(flag, f"{where}.flags[{n}]")
        for n, flag in enumerate(_list(fields.get("flags", []), f"{where}.flags"))
    )
    incomes = tuple(
        _income(item, f"{where}.incomes[{j}]")
        for j, item in enumerate(_list(fields.get("incomes", []), f"{where}.incomes"))
    )
    return Member(
        _text(fields["id"], f"{where}.id"),
        _date(fields["birth_date"], f"{where}.birth_date"),
        flags,
        incomes,
    )


def _income(raw: object, where: str) -> Income:
    fields = _object(raw, where, _INCOME_FIELDS, required=_INCOME_FIELDS)
    period = fields["period"]
    if period not in ("month", "year"):
        raise InputError(
            f"{where}.period",
            f'{where}.period must be "month" or "year", not {_shown(period)}',
            f"„{where}.period“ muss \"month\" oder \"year\" sein, nicht {_shown(period)}",
        )
    checked: Period = "month" if period == "month" else "year"
    return Income(
        _text(fields["kind"], f"{where}.kind"),
        _amount(fields["amount"], f"{where}.amount"),
        checked,
    )


def _benefit(raw: object, where: str) -> Benefit:
    fields = _object(raw, where, _BENEFIT_FIELDS, required=("kind", "from"))
    until = fields.get("until")  # null or absent: open-ended ("bis auf Weiteres")
    covered = fields.get("members")
    members = None
    if covered is not None:
        members = tuple(
            _text(item, f"{where}.members[{m}]")
            for m, item in enumerate(_list(covered, f"{where}.members"))
        )
    return Benefit(
        _text(fields["kind"], f"{where}.kind"),
        _date(fields["from"], f"{where}.from"),
        None if until is None else _date(until, f"{where}.until"),
        members,
    )


def _reject_constant(name: str) -> object:
    raise InputError(
        "", f"The input contains {name}, which is not a number in JSON",
        f"Die Eingabe enthält {name}, das ist in JSON keine Zahl",
    )


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            shown = _safe_key(key)
            raise InputError(
                shown, f"The field '{shown}' appears twice in one object",
                f"Das Feld „{shown}“ kommt in einem Objekt zweimal vor",
            )
        result[key] = value
    return result


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


def _shown(value: object) -> str:
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


def _object(
    value: object, where: str, allowed: tuple[str, ...], required: tuple[str, ...]
) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _wrong_type(where, value, "a JSON object", "ein JSON-Objekt")
    for key in value:
        if key not in allowed:
            path = f"{where}.{_safe_key(key)}" if where else _safe_key(key)
            raise InputError(
                path, f"Unknown field '{path}' (allowed: {', '.join(allowed)})",
                f"Unbekanntes Feld „{path}“ (erlaubt: {', '.join(allowed)})",
            )
    for key in required:
        if key not in value:
            path = f"{where}.{key}" if where else key
            raise InputError(path, f"Missing field '{path}'", f"Pflichtfeld „{path}“ fehlt")
    return value


def _list(value: object, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _wrong_type(where, value, "a list", "eine Liste")
    return value


def _text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise _wrong_type(where, value, "a string", "ein Text")
    return value


def _date(value: object, where: str) -> date:
    if isinstance(value, str) and _DATE_RE.fullmatch(value):  # ASCII digits only
        try:
            return date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:
            pass
    raise InputError(
        where, f"{where} must be a date YYYY-MM-DD, not {_shown(value)}",
        f"„{where}“ muss ein Datum JJJJ-MM-TT sein, nicht {_shown(value)}",
    )


def _amount(value: object, where: str) -> Decimal:
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
        f'decimals, like "2310.00", not {_shown(value)}',
        f"„{where}“ muss ein Betrag als Text aus Ziffern mit höchstens zwei Nachkommastellen "
        f"sein, wie \"2310.00\", nicht {_shown(value)}",
    )


def rule_input_to_json(rule_input: RuleInput) -> dict[str, Any]:
    """The JSON object of ``rule_input`` (the inverse of :func:`rule_input_from_json`)."""
    return {
        "application_date": rule_input.application_date.isoformat(),
        "residence": {
            "municipality": rule_input.residence.municipality,
            "stadtteil": rule_input.residence.stadtteil,
        },
        "applicant": rule_input.applicant,
        "members": [
            {
                "id": member.id,
                "birth_date": member.birth_date.isoformat(),
                "flags": sorted(member.flags),
                "incomes": [
                    {
                        "kind": income.kind,
                        "amount": json_money(income.amount),
                        "period": income.period,
                    }
                    for income in member.incomes
                ],
            }
            for member in rule_input.members
        ],
        "benefits": [
            {
                "kind": benefit.kind,
                "from": benefit.valid_from.isoformat(),
                "until": None if benefit.valid_until is None else benefit.valid_until.isoformat(),
                "members": None if benefit.members is None else list(benefit.members),
            }
            for benefit in rule_input.benefits
        ],
    }
