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
message repeats is cut to a few dozen characters. The readers of single fields (a date, an
amount, an object with known keys) are in :mod:`kpass.rules.json_fields`.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from kpass.rules.checks import check_rule_input
from kpass.rules.decision_json import (
    decision_to_json,
    dumps_decision,
    household_from_json,
    household_to_json,
    json_money,
    json_weights,
)
from kpass.rules.errors import InputError, shorten
from kpass.rules.json_fields import (
    read_amount,
    read_date,
    read_list,
    read_object,
    read_text,
    safe_key,
    shown,
)
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

_SURROGATE_RE = re.compile("[\ud800-\udfff]")

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
            path = f"{where}.{safe_key(key)}" if where else safe_key(key)
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
    top = read_object(data, "", _TOP_FIELDS,
                      required=("application_date", "residence", "applicant", "members"))
    application_date = read_date(top["application_date"], "application_date")
    place = read_object(
        top["residence"], "residence", _RESIDENCE_FIELDS, required=("municipality",)
    )
    stadtteil = place.get("stadtteil")
    residence = Residence(
        read_text(place["municipality"], "residence.municipality"),
        None if stadtteil is None else read_text(stadtteil, "residence.stadtteil"),
    )
    applicant = read_text(top["applicant"], "applicant")
    members = tuple(
        _member(raw, f"members[{i}]") for i, raw in enumerate(read_list(top["members"], "members"))
    )
    benefits = tuple(
        _benefit(raw, f"benefits[{k}]")
        for k, raw in enumerate(read_list(top.get("benefits", []), "benefits"))
    )
    rule_input = RuleInput(application_date, residence, applicant, members, benefits)
    check_rule_input(rule_input, parameters)
    return rule_input


def _member(raw: object, where: str) -> Member:
    fields = read_object(raw, where, _MEMBER_FIELDS, required=("id", "birth_date"))
    flags = frozenset(
        read_text(flag, f"{where}.flags[{n}]")
        for n, flag in enumerate(read_list(fields.get("flags", []), f"{where}.flags"))
    )
    incomes = tuple(
        _income(item, f"{where}.incomes[{j}]")
        for j, item in enumerate(read_list(fields.get("incomes", []), f"{where}.incomes"))
    )
    return Member(
        read_text(fields["id"], f"{where}.id"),
        read_date(fields["birth_date"], f"{where}.birth_date"),
        flags,
        incomes,
    )


def _income(raw: object, where: str) -> Income:
    fields = read_object(raw, where, _INCOME_FIELDS, required=_INCOME_FIELDS)
    period = fields["period"]
    if period not in ("month", "year"):
        raise InputError(
            f"{where}.period",
            f'{where}.period must be "month" or "year", not {shown(period)}',
            f"„{where}.period“ muss \"month\" oder \"year\" sein, nicht {shown(period)}",
        )
    checked: Period = "month" if period == "month" else "year"
    return Income(
        read_text(fields["kind"], f"{where}.kind"),
        read_amount(fields["amount"], f"{where}.amount"),
        checked,
    )


def _benefit(raw: object, where: str) -> Benefit:
    fields = read_object(raw, where, _BENEFIT_FIELDS, required=("kind", "from"))
    until = fields.get("until")  # null or absent: open-ended ("bis auf Weiteres")
    covered = fields.get("members")
    members = None
    if covered is not None:
        members = tuple(
            read_text(item, f"{where}.members[{m}]")
            for m, item in enumerate(read_list(covered, f"{where}.members"))
        )
    return Benefit(
        read_text(fields["kind"], f"{where}.kind"),
        read_date(fields["from"], f"{where}.from"),
        None if until is None else read_date(until, f"{where}.until"),
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
            field = safe_key(key)
            raise InputError(
                field, f"The field '{field}' appears twice in one object",
                f"Das Feld „{field}“ kommt in einem Objekt zweimal vor",
            )
        result[key] = value
    return result


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
