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
from kpass.rules.json_io import json_money, json_weights

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


@pytest.mark.parametrize(("written", "read"), [("2310.00", "2310.00"), ("1342.5", "1342.50"),
                                               ("255", "255.00"), ("0", "0.00"),
                                               ("007.10", "7.10")])
def test_amounts_are_strings_of_digits_with_at_most_two_decimals(
        karlsruhe: Parameters, written: str, read: str) -> None:
    rule_input = rule_input_from_json(changed("members[0].incomes[0].amount", written),
                                      karlsruhe)
    assert str(rule_input.members[0].incomes[0].amount) == read


@pytest.mark.parametrize("number", ["2310.10", "255", "1e3"])
def test_amounts_as_json_numbers_are_refused(karlsruhe: Parameters, number: str) -> None:
    # Spec clarification: amount is a string of digits with at most two decimals.
    text = json.dumps(VALID).replace('"2310.00"', number)
    with pytest.raises(InputError) as caught:
        parse_check_input(text, karlsruhe)
    assert caught.value.field == "members[0].incomes[0].amount"
    assert "string of digits" in str(caught.value)


@pytest.mark.parametrize("until", [None, ...])
def test_open_ended_notice(karlsruhe: Parameters, until: Any) -> None:
    data = changed("benefits[0].until", until)
    rule_input = rule_input_from_json(data, karlsruhe)
    assert rule_input.benefits[0].valid_until is None
    written = rule_input_to_json(rule_input)
    assert written["benefits"][0]["until"] is None
    assert rule_input_from_json(written, karlsruhe) == rule_input


def test_benefit_members_null_means_the_whole_household(karlsruhe: Parameters) -> None:
    rule_input = rule_input_from_json(changed("benefits[0].members", None), karlsruhe)
    assert rule_input.benefits[0].members is None
    assert rule_input_from_json(changed("benefits[0].members", ...), karlsruhe) == rule_input


@pytest.mark.parametrize("kind", ["pflegegeld", "pflegegeld_sgb8", "blindengeld"])
def test_uncounted_income_kinds_are_accepted(karlsruhe: Parameters, kind: str) -> None:
    rule_input = rule_input_from_json(changed("members[0].incomes[0].kind", kind), karlsruhe)
    assert rule_input.members[0].incomes[0].kind == kind


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
        (changed("benefits[0].until", ""), "benefits[0].until", "must be a date"),
        (changed("benefits[0].from", None), "benefits[0].from", "must be a date"),
        (changed("benefits[0].from", ...), "benefits[0].from", "Missing field"),
        (changed("application_date", "٢٠٢٦-03-15"), "application_date", "must be a date"),
        (changed("application_date", "2026-٠٣-15"), "application_date", "must be a date"),
        (changed("members[0].birth_date", "１９８１-04-02"), "members[0].birth_date",
         "must be a date"),
        (changed("members[0].incomes[0].amount", "١٢.٠٠"), "members[0].incomes[0].amount",
         "decimal amount"),
        (changed("members[0].incomes[0].amount", " 12.00"), "members[0].incomes[0].amount",
         "decimal amount"),
        (changed("members[0].incomes[0].amount", "12."), "members[0].incomes[0].amount",
         "decimal amount"),
        (changed("members[0].incomes[0].amount", "1000000000.00"),
         "members[0].incomes[0].amount", "implausibly large"),
        (changed("benefits[0].members[0]", "p9"), "benefits[0].members[0]",
         "'p9' is not the id of a member"),
        (changed("residence.municipality", "karlsruhe"), "residence.stadtteil",
         "must be null or absent"),
        (changed("application_date", "9999-12-15"), "application_date",
         "too far in the future"),
        (changed("application_date", "9999-01-01"), "application_date",
         "too far in the future"),
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
    assert json_money(Decimal("1342.857")) == "1342.86"
    assert json_money(Decimal("-42.855")) == "-42.86"
    assert json_money(Decimal("2730")) == "2730.00"
    assert json_money(None) is None
    assert json_weights(Decimal("2.1")) == "2.1"
    assert json_weights(Decimal("1")) == "1.0"
    assert json_weights(Decimal("2.10")) == "2.1"
    assert json_weights(Decimal("1.65")) == "1.65"  # never rounded away


# --- hostile input: always an InputError naming the problem, never anything else -----------


def _refused(text: str | bytes, karlsruhe: Parameters) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_check_input(text, karlsruhe)
    assert len(str(caught.value)) < 600 and len(caught.value.message_de) < 600
    return caught.value


def test_deep_nesting_is_refused(karlsruhe: Parameters) -> None:
    assert "nested too deeply" in str(_refused("[" * 100_000 + "]" * 100_000, karlsruhe))
    assert "nested too deeply" in str(_refused("[" * 200 + "]" * 200, karlsruhe))
    nested = changed("members[0].flags", json.loads("[" * 40 + "]" * 40))
    error = _refused(json.dumps(nested), karlsruhe)
    assert error.field.startswith("members[0].flags[0]")


def test_numbers_with_thousands_of_digits_are_refused(karlsruhe: Parameters) -> None:
    text = json.dumps(VALID).replace('"2310.00"', "9" * 5000)
    error = _refused(text, karlsruhe)
    assert error.field == "members[0].incomes[0].amount"
    assert "…" in str(error)
    error = _refused(json.dumps(changed("members[0].incomes[0].amount", "9" * 5000)), karlsruhe)
    assert "implausibly large" in str(error)
    _refused('{"application_date": ' + "1" * 5000 + "}", karlsruhe)
    _refused("1" * 5000 + ".5e99999999999", karlsruhe)


def test_lone_surrogates_are_refused(karlsruhe: Parameters) -> None:
    text = json.dumps(VALID).replace('"p2"', '"\\ud800"', 1)
    assert '"\\ud800"' in text
    error = _refused(text, karlsruhe)
    assert error.field == "members[1].id"
    assert "surrogate" in str(error)
    key = json.dumps(VALID)[:-1] + ', "\\udfff": 1}'
    assert "surrogate" in str(_refused(key, karlsruhe))
    raw = json.dumps(VALID).replace('"p2"', '"p\xed\xa0\x80"', 1).encode("utf-8",
                                                                           "surrogatepass")
    _refused(raw.replace(b"\xc3\xad\xc2\xa0\xc2\x80", b"\xed\xa0\x80"), karlsruhe)


def test_a_surrogate_pair_is_an_ordinary_character(karlsruhe: Parameters) -> None:
    text = json.dumps(VALID).replace('"p2"', '"\\ud83d\\ude00"')
    assert rule_input_from_json(json.loads(text), karlsruhe).members[1].id == "\U0001f600"
    assert parse_check_input(text, karlsruhe).members[1].id == "\U0001f600"


def test_long_values_are_not_repeated_whole(karlsruhe: Parameters) -> None:
    huge = "x" * 400_000
    twice = changed("members[1].id", huge)
    twice["members"][0]["id"] = huge
    for data in (changed("application_date", huge), twice,
                 changed("members[0].incomes[0].kind", huge), changed(huge, 1),
                 changed("residence.stadtteil", huge), changed("applicant", huge)):
        error = _refused(json.dumps(data), karlsruhe)
        for message in (str(error), error.message_de, error.field):
            assert "x" * 81 not in message
        assert "x" * 40 + "…" in str(error) + error.field


def test_inputs_above_the_size_limit_are_refused_unread(karlsruhe: Parameters) -> None:
    from kpass.rules.json_io import MAX_INPUT_BYTES

    padded = json.dumps(VALID)[:-1] + ', "x": "' + "y" * MAX_INPUT_BYTES + '"}'
    assert "larger than 1,000,000 bytes" in str(_refused(padded, karlsruhe))
    assert "1.000.000 Bytes" in _refused(padded.encode(), karlsruhe).message_de
    fits = json.dumps(VALID)[:-1] + ', "benefits": []}'
    assert len(fits) < MAX_INPUT_BYTES


@pytest.mark.parametrize("text", ["-Infinity", "[NaN]", '{"a": Infinity}', "1e999999",
                                  '"\\u0000"', "\ufeff{}", "{}" * 3, "\x00"])
def test_odd_documents_are_refused(karlsruhe: Parameters, text: str) -> None:
    _refused(text, karlsruhe)


# --- reading stored decisions back ----------------------------------------------------------


def test_household_figures_read_back(karlsruhe: Parameters) -> None:
    from kpass.rules import decision_to_json, evaluate, household_from_json

    decision = evaluate(rule_input_from_json(VALID, karlsruhe), karlsruhe)
    stored = json.loads(json.dumps(decision_to_json(decision)))
    assert household_from_json(stored["household"]) == decision.household


def test_decisions_stored_before_the_second_edition_are_read(karlsruhe: Parameters) -> None:
    from kpass.rules import HouseholdFigures, household_from_json

    old = {"net_income": "2820.00", "weights": "2.1", "equivalised_income": "1342.86",
           "threshold": "1300.00", "margin": "-42.86", "max_household_income": "2730.00"}
    figures = household_from_json(old)
    assert figures.highest_eligible_income == Decimal("2729.98")
    assert figures.max_household_income == Decimal("2730.00")
    no_adult = {"net_income": "300.00", "weights": None, "equivalised_income": None,
                "threshold": "1300.00", "margin": None, "max_household_income": None}
    assert household_from_json(no_adult) == HouseholdFigures(
        net_income=Decimal("300.00"), threshold=Decimal("1300.00"))
    assert household_from_json({}) == HouseholdFigures()
    assert household_from_json(None) == HouseholdFigures()
    assert household_from_json({"net_income": "viel", "weights": True}) == HouseholdFigures()
