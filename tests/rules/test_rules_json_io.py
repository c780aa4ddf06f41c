"""The JSON input of ``kpass check``: every kind of bad input names its field."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from kpass.rules import (
    InputError,
    Parameters,
    check_rule_input,
    parse_check_input,
    rule_input_from_json,
    rule_input_to_json,
)
from kpass.rules.json_io import format_money, format_weights

VALID: dict[str, Any] = {
    "application_date": "2026-03-15",
    "residence": {"municipality": "Karlsruhe", "stadtteil": "19"},
    "applicant": "p1",
    "members": [
        {"id": "p1", "birth_date": "1981-04-02", "flags": [],
         "incomes": [{"kind": "wages", "amount": "2310.00", "period": "month"}]},
        {"id": "p2", "birth_date": "2014-01-20", "flags": ["disability"],
         "incomes": [{"kind": "kindergeld", "amount": "255.00", "period": "month"}]},
    ],
    "benefits": [{"kind": "wohngeld", "from": "2026-01-01", "until": "2026-06-30",
                  "members": ["p1", "p2"]}],
}


def changed(path: str, value: Any) -> dict[str, Any]:
    """A copy of VALID with the value at ``path`` (dots and [n]) replaced; ``...`` deletes."""
    data = copy.deepcopy(VALID)
    target: Any = data
    parts = path.replace("[", ".").replace("]", "").split(".")
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else target[part]
    last = parts[-1]
    key: Any = int(last) if last.isdigit() else last
    if value is ...:
        del target[key]
    else:
        target[key] = value
    return data


def test_valid_input_parses(karlsruhe: Parameters) -> None:
    rule_input = parse_check_input(json.dumps(VALID), karlsruhe)
    assert rule_input.application_date == date(2026, 3, 15)
    assert rule_input.members[1].flags == frozenset({"disability"})
    assert rule_input.members[0].incomes[0].amount == Decimal("2310.00")
    assert rule_input.benefits[0].members == ("p1", "p2")
    assert rule_input.member_ids == ("p1", "p2")


def test_optional_fields_may_be_absent(karlsruhe: Parameters) -> None:
    data = {
        "application_date": "2026-03-15",
        "residence": {"municipality": "Rheinstetten"},
        "applicant": "p1",
        "members": [{"id": "p1", "birth_date": "1981-04-02"}],
    }
    rule_input = rule_input_from_json(data, karlsruhe)
    assert rule_input.benefits == ()
    assert rule_input.members[0].incomes == ()
    assert rule_input.residence.stadtteil is None


def test_amounts_as_numbers_are_read_exactly(karlsruhe: Parameters) -> None:
    text = json.dumps(VALID).replace('"2310.00"', "2310.10").replace('"255.00"', "255")
    rule_input = parse_check_input(text, karlsruhe)
    assert rule_input.members[0].incomes[0].amount == Decimal("2310.10")
    assert str(rule_input.members[1].incomes[0].amount) == "255.00"


def test_round_trip(karlsruhe: Parameters) -> None:
    rule_input = rule_input_from_json(VALID, karlsruhe)
    assert rule_input_from_json(rule_input_to_json(rule_input), karlsruhe) == rule_input


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (changed("nickname", "x"), "nickname", "Unknown field 'nickname'"),
        (changed("members[1].nickname", "x"), "members[1].nickname", "Unknown field"),
        (changed("members[0].incomes[0].currency", "EUR"), "members[0].incomes[0].currency",
         "Unknown field"),
        (changed("residence.street", "x"), "residence.street", "Unknown field"),
        (changed("benefits[0].to", "2026-06-30"), "benefits[0].to", "Unknown field"),
        (changed("application_date", ...), "application_date", "Missing field"),
        (changed("members[1].birth_date", ...), "members[1].birth_date", "Missing field"),
        (changed("members[0].incomes[0].kind", "salary"), "members[0].incomes[0].kind",
         "unknown income kind 'salary'"),
        (changed("benefits[0].kind", "bafoeg"), "benefits[0].kind",
         "unknown benefit kind 'bafoeg'"),
        (changed("members[1].flags", ["blind"]), "members[1].flags", "unknown flag 'blind'"),
        (changed("members[1].birth_date", "2026-13-01"), "members[1].birth_date",
         "must be a date YYYY-MM-DD"),
        (changed("members[1].birth_date", "2026-02-30"), "members[1].birth_date",
         "must be a date"),
        (changed("application_date", "15.03.2026"), "application_date", "must be a date"),
        (changed("benefits[0].from", "20260101"), "benefits[0].from", "must be a date"),
        (changed("members[0].incomes[0].amount", "-5.00"), "members[0].incomes[0].amount",
         "must not be negative"),
        (changed("members[0].incomes[0].amount", "12,50"), "members[0].incomes[0].amount",
         "decimal amount"),
        (changed("members[0].incomes[0].amount", "NaN"), "members[0].incomes[0].amount",
         "decimal amount"),
        (changed("members[0].incomes[0].amount", "1e3"), "members[0].incomes[0].amount",
         "decimal amount"),
        (changed("members[0].incomes[0].amount", True), "members[0].incomes[0].amount",
         "decimal amount"),
        (changed("members[0].incomes[0].amount", "10.005"), "members[0].incomes[0].amount",
         "two decimal places"),
        (changed("members[0].incomes[0].period", "week"), "members[0].incomes[0].period",
         '"month" or "year"'),
        (changed("members[1].birth_date", "2026-03-16"), "members[1].birth_date",
         "lies after the application_date"),
        (changed("members[1].id", "p1"), "members[1].id", "'p1' is used twice"),
        (changed("applicant", "p9"), "applicant", "'p9' is not among the members"),
        (changed("benefits[0].members[1]", "p3"), "benefits[0].members[1]",
         "'p3' is not the id of a member"),
        (changed("benefits[0].until", "2025-12-31"), "benefits[0].until", "lies before"),
        (changed("benefits[0].members", []), "benefits[0].members", "is empty"),
        (changed("residence.stadtteil", "28"), "residence.stadtteil", "one of the codes 01–27"),
        (changed("residence.stadtteil", "1"), "residence.stadtteil", "one of the codes"),
        (changed("residence.stadtteil", None), "residence.stadtteil", "missing"),
        (changed("residence.stadtteil", 19), "residence.stadtteil", "must be a string"),
        (changed("residence.municipality", "Ettlingen"), "residence.stadtteil",
         "must be null or absent"),
        (changed("members", []), "members", "at least one person"),
        (changed("members", {"p1": {}}), "members", "must be a list"),
        (changed("members[0]", "p1"), "members[0]", "must be a JSON object"),
        (changed("members[0].id", 1), "members[0].id", "must be a string"),
        (changed("residence", "Karlsruhe"), "residence", "must be a JSON object"),
    ],
)
def test_bad_input_names_the_field(karlsruhe: Parameters, data: dict[str, Any], field: str,
                                   words: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_check_input(json.dumps(data), karlsruhe)
    assert caught.value.field == field
    assert field in str(caught.value)
    assert words in str(caught.value)
    assert f"„{field}“" in caught.value.message_de  # the German message names it too


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{", "not valid JSON"),
        ("", "not valid JSON"),
        ("application_date: 2026-03-15", "not valid JSON"),
        ("[1, 2]", "The input must be a JSON object, not a list"),
        ('"text"', "must be a JSON object, not a string"),
        ("null", "must be a JSON object, not null"),
        (b"\xff\xfe\x00", "not"),
    ],
)
def test_not_an_input_document(karlsruhe: Parameters, text: str | bytes, words: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_check_input(text, karlsruhe)
    assert caught.value.field == ""
    assert words in str(caught.value)


def test_duplicate_key_and_nan_are_rejected(karlsruhe: Parameters) -> None:
    with pytest.raises(InputError, match="'applicant' appears twice"):
        parse_check_input('{"applicant": "p1", "applicant": "p2"}', karlsruhe)
    text = json.dumps(VALID).replace('"2310.00"', "NaN")
    with pytest.raises(InputError, match="NaN"):
        parse_check_input(text, karlsruhe)


def test_check_rule_input_catches_hand_built_problems(karlsruhe: Parameters) -> None:
    import dataclasses

    rule_input = rule_input_from_json(VALID, karlsruhe)
    member = rule_input.members[0]
    bad_income = dataclasses.replace(member.incomes[0], amount=Decimal("-1"))
    bad = dataclasses.replace(
        rule_input, members=(dataclasses.replace(member, incomes=(bad_income,)),
                             *rule_input.members[1:]),
    )
    with pytest.raises(InputError) as caught:
        check_rule_input(bad, karlsruhe)
    assert caught.value.field == "members[0].incomes[0].amount"
    assert dataclasses.replace(rule_input).member_ids == ("p1", "p2")


def test_output_number_formats() -> None:
    assert format_money(Decimal("1342.857")) == "1342.86"
    assert format_money(Decimal("-42.855")) == "-42.86"
    assert format_money(Decimal("2730")) == "2730.00"
    assert format_money(None) is None
    assert format_weights(Decimal("2.1")) == "2.1"
    assert format_weights(Decimal("1")) == "1.0"
    assert format_weights(Decimal("2.10")) == "2.1"
    assert format_weights(Decimal("1.65")) == "1.65"  # never rounded away
