"""The whole-register what-if decides like deciding every household twice."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from kpass.rules import age_group, evaluate, rule_input_from_json
from kpass.rules.impact import income_decides, tally, tally_texts, with_threshold
from tests.rules.test_rules_properties import KARLSRUHE, SETTINGS, households

OUTSIDE = "außerhalb"


def slow_tally(inputs: list[dict[str, Any]], threshold: Decimal, on: date) -> dict[str, Any]:
    """Every household decided twice, nothing skipped: what the shortcut must equal."""
    after = with_threshold(KARLSRUHE, threshold, on)
    gained: Counter[tuple[str, str]] = Counter()
    lost: Counter[tuple[str, str]] = Counter()
    before_count = after_count = persons = 0
    for data in inputs:
        rule_input = rule_input_from_json({**data, "application_date": on.isoformat()},
                                          KARLSRUHE)
        was, now = evaluate(rule_input, KARLSRUHE), evaluate(rule_input, after)
        for member, a, b in zip(rule_input.members, was.outcomes, now.outcomes, strict=True):
            persons += 1
            before_count += a.eligible
            after_count += b.eligible
            if a.eligible != b.eligible:
                key = (rule_input.residence.stadtteil or OUTSIDE,
                       age_group(member.birth_date, on))
                (gained if b.eligible else lost)[key] += 1
    return {"persons": persons, "before": before_count, "after": after_count,
            "gained": gained, "lost": lost}


@SETTINGS
@given(st.lists(households(), min_size=1, max_size=6),
       st.integers(min_value=1, max_value=300_000), st.integers(min_value=0, max_value=400))
def test_the_shortcut_counts_what_deciding_twice_counts(
    inputs: list[dict[str, Any]], cents: int, days_later: int
) -> None:
    on = max(date.fromisoformat(d["application_date"]) for d in inputs) + timedelta(days_later)
    threshold = Decimal(cents) / 100
    expected = slow_tally(inputs, threshold, on)
    counted = tally_texts([json.dumps(d) for d in inputs], KARLSRUHE,
                          with_threshold(KARLSRUHE, threshold, on), on, OUTSIDE)
    assert counted.households == len(inputs)
    assert (counted.persons, counted.eligible_before, counted.eligible_after) == (
        expected["persons"], expected["before"], expected["after"])
    assert counted.gained == expected["gained"]
    assert counted.lost == expected["lost"]


@SETTINGS
@given(households(), st.integers(min_value=1, max_value=300_000))
def test_without_an_income_reason_no_limit_changes_anyone(data: dict[str, Any],
                                                          cents: int) -> None:
    rule_input = rule_input_from_json(data, KARLSRUHE)
    was = evaluate(rule_input, KARLSRUHE)
    if income_decides(was):
        return
    on = rule_input.application_date
    now = evaluate(rule_input, with_threshold(KARLSRUHE, Decimal(cents) / 100, on))
    assert now.outcomes == was.outcomes


def test_a_higher_limit_gains_the_household_just_above_it() -> None:
    on = date(2026, 11, 1)
    single = {"application_date": "2026-10-01",
              "residence": {"municipality": "Karlsruhe", "stadtteil": "05"},
              "applicant": "p1",
              "members": [{"id": "p1", "birth_date": "1980-05-05",
                           "incomes": [{"kind": "wages", "amount": "1500.00",
                                        "period": "month"}]}]}
    rule_set = KARLSRUHE.rule_set_on(on)
    assert rule_set is not None and Decimal(str(rule_set.threshold)) < Decimal("1500.00")
    parsed = [rule_input_from_json(single, KARLSRUHE)]
    raised = tally(parsed, KARLSRUHE, with_threshold(KARLSRUHE, Decimal("1600.00"), on), on,
                   OUTSIDE)
    assert (raised.eligible_before, raised.eligible_after) == (0, 1)
    assert raised.gained == Counter({("05", age_group(date(1980, 5, 5), on)): 1})
    lowered = tally(parsed, KARLSRUHE, with_threshold(KARLSRUHE, Decimal("1400.00"), on), on,
                    OUTSIDE)
    assert lowered.gained == lowered.lost == Counter()


def test_households_on_both_sides_of_both_limits_are_counted_as_deciding_twice() -> None:
    """Incomes from far below to far above the limits, one and two adults with children:
    only those between the old and the new limit change, whichever way the limit moves."""
    on = date(2026, 11, 1)
    inputs = []
    for n, cents in enumerate(range(60_000, 360_000, 1_517)):
        members = [{"id": "a", "birth_date": "1980-05-05",
                    "incomes": [{"kind": "wages", "amount": f"{cents / 100:.2f}",
                                 "period": "month"}]}]
        members += [{"id": f"k{k}", "birth_date": "2015-03-03"} for k in range(n % 3)]
        if n % 2:
            members.append({"id": "b", "birth_date": "1982-01-01"})
        inputs.append({"application_date": "2026-10-01",
                       "residence": {"municipality": "Karlsruhe",
                                     "stadtteil": f"{n % 27 + 1:02d}"},
                       "applicant": "a", "members": members})
    texts = [json.dumps(d) for d in inputs]
    for threshold in (Decimal("1100.00"), Decimal("1600.00"), Decimal("2400.00")):
        expected = slow_tally(inputs, threshold, on)
        counted = tally_texts(texts, KARLSRUHE, with_threshold(KARLSRUHE, threshold, on), on,
                              OUTSIDE)
        assert (counted.persons, counted.eligible_before, counted.eligible_after) == (
            expected["persons"], expected["before"], expected["after"])
        assert (counted.gained, counted.lost) == (expected["gained"], expected["lost"])
        assert sum(expected["gained"].values()) + sum(expected["lost"].values()) > 5
