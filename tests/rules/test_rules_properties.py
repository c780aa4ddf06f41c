"""Properties that hold for every household (Hypothesis), and agreement with a second,
plain implementation of the specification (``tests/rules/plain_reference.py``)."""

from __future__ import annotations

import copy
import importlib
import json
from datetime import date, timedelta
from decimal import Decimal
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpass.rules import (
    Parameters,
    decision_to_json,
    evaluate,
    load_parameters,
    parse_check_input,
    rule_input_from_json,
    rule_input_to_json,
)
from kpass.rules.age import is_last_of_month
from kpass.rules.income_test import equivalised_income, highest_eligible_income
from tests.rules.plain_reference import plain_decision

KARLSRUHE = load_parameters()
INCOME_KINDS = sorted(KARLSRUHE.known_income_kinds)
BENEFIT_KINDS = sorted(KARLSRUHE.known_benefit_kinds)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@st.composite
def amounts(draw: st.DrawFn, high: int = 400_000) -> str:
    cents = draw(st.integers(min_value=0, max_value=high))
    return f"{cents // 100}.{cents % 100:02d}"


@st.composite
def households(draw: st.DrawFn) -> dict[str, Any]:
    """Valid section-8 inputs, dates around the rule changes, ages 0 to 95."""
    day = draw(st.dates(min_value=date(2019, 10, 1), max_value=date(2027, 12, 31)))
    count = draw(st.integers(min_value=1, max_value=7))
    members = []
    for n in range(count):
        birth = day - timedelta(days=draw(st.integers(min_value=0, max_value=95 * 366)))
        incomes = [
            {"kind": draw(st.sampled_from(INCOME_KINDS)), "amount": draw(amounts()),
             "period": draw(st.sampled_from(["month", "month", "year"]))}
            for _ in range(draw(st.integers(min_value=0, max_value=3)))
        ]
        flags = draw(st.sampled_from([[], [], [], [], ["disability"], ["foster_child"],
                                      ["disability", "foster_child"]]))
        members.append({"id": f"p{n + 1}", "birth_date": birth.isoformat(), "flags": flags,
                        "incomes": incomes})
    ids = [f"p{n + 1}" for n in range(count)]
    benefits = [draw(benefit_notices(day, ids))
                for _ in range(draw(st.integers(min_value=0, max_value=2)))]
    residence = draw(st.sampled_from([
        {"municipality": "Karlsruhe", "stadtteil": "19"},
        {"municipality": "Karlsruhe", "stadtteil": "01"},
        {"municipality": "Karlsruhe", "stadtteil": "27"},
        {"municipality": "Rheinstetten", "stadtteil": None},
        {"municipality": "karlsruhe"},  # not the issuer's name exactly: elsewhere
    ]))
    return {"application_date": day.isoformat(), "residence": residence,
            "applicant": draw(st.sampled_from(ids)), "members": members, "benefits": benefits}


@st.composite
def benefit_notices(draw: st.DrawFn, day: date, ids: list[str]) -> dict[str, Any]:
    start = day + timedelta(days=draw(st.integers(min_value=-400, max_value=45)))
    end = start + timedelta(days=draw(st.integers(min_value=0, max_value=400)))
    covered = draw(st.one_of(st.none(), st.lists(st.sampled_from(ids), min_size=1,
                                                 unique=True)))
    notice: dict[str, Any] = {"kind": draw(st.sampled_from(BENEFIT_KINDS)),
                              "from": start.isoformat(), "until": end.isoformat(),
                              "members": covered}
    open_end = draw(st.sampled_from(["dated", "dated", "dated", "null", "absent"]))
    if open_end == "null":
        notice["until"] = None
    elif open_end == "absent":
        del notice["until"]
    return notice


def decide(data: dict[str, Any], parameters: Parameters = KARLSRUHE) -> Any:
    return evaluate(rule_input_from_json(data, parameters), parameters)


def eligible_ids(decision: Any) -> set[str]:
    return {m.id for m in decision.members if m.eligible}


@SETTINGS
@given(data=households(), which=st.integers(min_value=0), raise_by=amounts(high=300_000))
def test_raising_an_income_never_makes_anyone_eligible(data: dict[str, Any], which: int,
                                                       raise_by: str) -> None:
    before = eligible_ids(decide(data))
    richer = copy.deepcopy(data)
    member = richer["members"][which % len(richer["members"])]
    if member["incomes"]:
        income = member["incomes"][which % len(member["incomes"])]
        income["amount"] = str(Decimal(income["amount"]) + Decimal(raise_by))
    else:
        member["incomes"].append({"kind": "wages", "amount": raise_by, "period": "month"})
    assert eligible_ids(decide(richer)) <= before


@SETTINGS
@given(data=households(), notice=st.data())
def test_adding_a_qualifying_benefit_never_takes_eligibility_away(data: dict[str, Any],
                                                                  notice: st.DataObject) -> None:
    before = decide(data)
    ids = [m["id"] for m in data["members"]]
    extra = notice.draw(benefit_notices(date.fromisoformat(data["application_date"]), ids))
    more = copy.deepcopy(data)
    more["benefits"].append(extra)
    after = decide(more)
    assert eligible_ids(before) <= eligible_ids(after)
    assert after.household == before.household  # a notice is not income


@SETTINGS
@given(data=households())
def test_output_invariants(data: dict[str, Any]) -> None:
    decision = decide(data)
    day = date.fromisoformat(data["application_date"])
    for member in decision.members:
        granted = (member.pass_type, member.basis, member.valid_from, member.valid_until)
        if member.eligible:
            assert None not in granted
            assert member.valid_from == day
            assert member.valid_until is not None and is_last_of_month(member.valid_until)
        else:
            assert granted == (None, None, None, None)
            assert member.extras == ()
        assert len(member.reasons) == 1
        assert member.reasons[0].text()
    figures = decision.household
    if figures.equivalised_income is not None:
        assert figures.threshold is not None
        assert figures.margin == figures.threshold - figures.equivalised_income
        assert figures.weights is not None and figures.max_household_income is not None
        highest = figures.highest_eligible_income
        assert highest is not None and highest <= figures.max_household_income
        passes = figures.equivalised_income < figures.threshold
        assert passes == (figures.net_income is not None and figures.net_income <= highest)


@SETTINGS
@given(data=households())
def test_json_round_trip_gives_the_same_decision(data: dict[str, Any]) -> None:
    rule_input = parse_check_input(json.dumps(data), KARLSRUHE)
    first = evaluate(rule_input, KARLSRUHE)
    assert evaluate(rule_input, KARLSRUHE) == first
    again = parse_check_input(json.dumps(rule_input_to_json(rule_input)), KARLSRUHE)
    assert again == rule_input
    second = evaluate(again, KARLSRUHE)
    assert second == first
    assert json.dumps(decision_to_json(second)) == json.dumps(decision_to_json(first))


# --- agreement with the plain reference implementation --------------------------------------


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return importlib.import_module("bench.rules_throughput")


@SETTINGS
@given(data=households())
def test_agrees_with_the_plain_reading_of_the_spec(data: dict[str, Any]) -> None:
    for parameters in (KARLSRUHE, load_parameters("Ettlingen")):
        if parameters.issuer.municipality == "Ettlingen":
            data = {**data, "residence": {"municipality": "Ettlingen", "stadtteil": None}}
        rule_input = rule_input_from_json(data, parameters)
        assert decision_to_json(evaluate(rule_input, parameters)) == plain_decision(
            rule_input, parameters)


def test_benchmark_households_agree_and_look_like_the_register(bench: ModuleType) -> None:
    households = bench.build_households(3_000)
    persons = sum(len(h.members) for h in households) / len(households)
    with_notice = sum(bool(h.benefits) for h in households) / len(households)
    alone = sum(len(h.members) == 1 for h in households) / len(households)
    assert 1.9 <= persons <= 2.3
    assert 0.50 <= with_notice <= 0.60
    assert 0.40 <= alone <= 0.50
    for household in households[:1_000]:
        assert decision_to_json(evaluate(household, KARLSRUHE)) == plain_decision(
            household, KARLSRUHE)



# --- the highest eligible income ------------------------------------------------------------


@st.composite
def weight_sums(draw: st.DrawFn) -> Decimal:
    """Sums of weights: of the shipped scale, or any factor with one or two decimals."""
    if draw(st.booleans()):
        older = draw(st.integers(min_value=1, max_value=12))
        young = draw(st.integers(min_value=0, max_value=12))
        return Decimal("1.0") + (older - 1) * Decimal("0.5") + young * Decimal("0.3")
    return Decimal(draw(st.integers(min_value=1, max_value=3000))) / 100


@settings(max_examples=500, deadline=None)
@given(weights=weight_sums(),
       threshold_cents=st.integers(min_value=1, max_value=1_000_000))
def test_highest_eligible_income_passes_and_one_cent_more_fails(
        weights: Decimal, threshold_cents: int) -> None:
    threshold = Decimal(threshold_cents) / 100
    highest = highest_eligible_income(threshold, weights)
    assert highest is not None and highest >= 0
    assert highest == highest.quantize(Decimal("0.01"))
    assert equivalised_income(highest, weights) < threshold
    assert equivalised_income(highest + Decimal("0.01"), weights) >= threshold
    assert highest < threshold * weights  # never above the limit


@pytest.mark.parametrize(
    ("weights", "threshold", "limit", "highest"),
    [
        ("2.1", "1300.00", "2730.00", "2729.98"),  # the spec's example
        ("1.0", "1300.00", "1300.00", "1299.99"),
        ("1.3", "1300.00", "1690.00", "1689.99"),
        ("1.5", "1300.00", "1950.00", "1949.99"),
        ("2.4", "1300.00", "3120.00", "3119.98"),
        ("3.3", "1300.00", "4290.00", "4289.98"),
        ("2.1", "1200.00", "2520.00", "2519.98"),
        ("1.65", "1300.01", "2145.02", "2145.00"),
    ],
)
def test_highest_eligible_income_examples(weights: str, threshold: str, limit: str,
                                          highest: str) -> None:
    from kpass.rules import max_household_income

    assert max_household_income(Decimal(threshold), Decimal(weights)) == Decimal(limit)
    assert highest_eligible_income(Decimal(threshold), Decimal(weights)) == Decimal(highest)


def test_no_income_passes_a_threshold_of_zero() -> None:
    assert highest_eligible_income(Decimal("0.00"), Decimal("2.1")) is None
    with pytest.raises(ValueError):
        highest_eligible_income(Decimal("1300.00"), Decimal("0"))
