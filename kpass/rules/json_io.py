"""The JSON of ``kpass check`` (spec section 8) and of decisions (sections 7 and 8).

:func:`parse_check_input` turns the UTF-8 JSON text into a checked :class:`RuleInput` or raises
:class:`InputError` naming the field (``members[1].birth_date``); :func:`decision_to_json`
gives the output object, with money as strings with two decimals, weights with one, dates ISO.
Amounts are accepted as JSON strings ("2310.00") or numbers (read exactly, never as floats).
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
    format_money,
    format_weights,
    household_to_json,
)
from kpass.rules.errors import InputError
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
    "decision_to_json",
    "dumps_decision",
    "format_money",
    "format_weights",
    "household_to_json",
    "parse_check_input",
    "rule_input_from_json",
    "rule_input_to_json",
]

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_AMOUNT_RE = re.compile(r"-?\d+(\.\d+)?")
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
    in English (``str(error)``) and German (``error.message_de``).
    """
    try:
        data = json.loads(
            text,
            parse_float=Decimal,
            parse_constant=_reject_constant,
            object_pairs_hook=_no_duplicate_keys,
        )
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
    return rule_input_from_json(data, parameters)


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
    fields = _object(raw, where, _BENEFIT_FIELDS, required=("kind", "from", "until"))
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
        _date(fields["until"], f"{where}.until"),
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
            raise InputError(
                key, f"The field {key!r} appears twice in one object",
                f"Das Feld „{key}“ kommt in einem Objekt zweimal vor",
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
    """``value`` as it was written in the JSON, for messages."""
    return json.dumps(value, default=str, ensure_ascii=False)


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
            path = f"{where}.{key}" if where else key
            raise InputError(
                path, f"Unknown field {path!r} (allowed: {', '.join(allowed)})",
                f"Unbekanntes Feld „{path}“ (erlaubt: {', '.join(allowed)})",
            )
    for key in required:
        if key not in value:
            path = f"{where}.{key}" if where else key
            raise InputError(path, f"Missing field {path!r}", f"Pflichtfeld „{path}“ fehlt")
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
    if isinstance(value, str) and _DATE_RE.fullmatch(value):
        try:
            return date(int(value[:4]), int(value[5:7]), int(value[8:]))
        except ValueError:
            pass
    raise InputError(
        where, f"{where} must be a date YYYY-MM-DD, not {_shown(value)}",
        f"„{where}“ muss ein Datum JJJJ-MM-TT sein, nicht {_shown(value)}",
    )


def _amount(value: object, where: str) -> Decimal:
    amount: Decimal | None = None
    if isinstance(value, str) and _AMOUNT_RE.fullmatch(value.strip()):
        amount = Decimal(value.strip())
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int) and not isinstance(value, bool):
        amount = Decimal(value)
    if amount is None or not amount.is_finite():
        raise InputError(
            where, f'{where} must be a decimal amount like "2310.00", not {_shown(value)}',
            f"„{where}“ muss ein Betrag wie \"2310.00\" sein, nicht {_shown(value)}",
        )
    check_amount(where, amount)
    return amount.quantize(_CENT)  # one spelling per amount: 1E+3 becomes 1000.00


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
                        "amount": format_money(income.amount),
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
                "until": benefit.valid_until.isoformat(),
                "members": None if benefit.members is None else list(benefit.members),
            }
            for benefit in rule_input.benefits
        ],
    }
