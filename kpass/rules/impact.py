"""Many stored rule inputs decided under two parameter sets, counted: the what-if over a
whole register.

The inputs are JSON texts (decision snapshots), decided on one day under ``before`` and
``after`` parameters that differ only in the income limit. Only the counts leave this
module, so a batch can be decided in another process (:func:`tally_texts` takes and returns
plain picklable values).

Speed: the limit enters a decision only through the household's income test, ``equivalised
income < limit`` (:mod:`kpass.rules.evaluate`). A decision in which nobody was decided by
that test is the same under any limit, and so is one whose equivalised income lies on the
same side of both limits; such a household is decided once. Only the households between
the two limits (and the first of each municipality, which tells the new limit there) are
decided twice.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kpass.rules.age_groups import age_group
from kpass.rules.evaluate import evaluate
from kpass.rules.json_fast import QuickReader
from kpass.rules.json_io import rule_input_from_json
from kpass.rules.model import Decision, RuleInput
from kpass.rules.parameters import Parameters

Key = tuple[str, str]  # (stadtteil, age group)
INCOME_REASONS = frozenset({"income_below", "income_above"})


@dataclass
class ImpactTally:
    households: int = 0
    persons: int = 0
    eligible_before: int = 0
    eligible_after: int = 0
    gained: Counter[Key] = field(default_factory=Counter)
    lost: Counter[Key] = field(default_factory=Counter)

    def add(self, other: ImpactTally) -> None:
        self.households += other.households
        self.persons += other.persons
        self.eligible_before += other.eligible_before
        self.eligible_after += other.eligible_after
        self.gained.update(other.gained)
        self.lost.update(other.lost)


def income_decides(decision: Decision) -> bool:
    """Whether the income test decided for anybody, i.e. whether the limit can matter."""
    return any(
        reason.code in INCOME_REASONS for reasons in decision.member_reasons for reason in reasons
    )


def with_threshold(base: Parameters, threshold: Decimal, on: date) -> Parameters:
    """``base`` with the income limit ``threshold`` from ``on`` (earlier values kept)."""
    values = dict(base.parameters["threshold"].values)
    values[on] = threshold
    return base.with_values("threshold", values)


def tally(
    inputs: Iterable[RuleInput], before: Parameters, after: Parameters, on: date, outside: str
) -> ImpactTally:
    """Decide every input on ``on`` (its own application date is replaced) under both
    parameter sets; ``outside`` is the Stadtteil key of households outside the issuer's."""
    result = ImpactTally()
    # the limit ``after`` applies on ``on``, per municipality (its issuer's parameters),
    # learnt from the first household there decided under it
    limits: dict[str, Decimal | None] = {}
    for stored in inputs:
        rule_input = stored.on_day(on)
        was = evaluate(rule_input, before)
        if not income_decides(was):
            now = was
        else:
            municipality = rule_input.residence.municipality
            limit = limits.get(municipality)
            figures = was.household
            equivalised = figures.equivalised_income
            if (limit is not None and equivalised is not None
                    and figures.threshold is not None
                    and (equivalised < figures.threshold) == (equivalised < limit)):
                now = was  # the test comes out the same under both limits
            else:
                now = evaluate(rule_input, after)
                limits[municipality] = now.household.threshold
        stadtteil = rule_input.residence.stadtteil or outside
        result.households += 1
        result.persons += len(rule_input.members)
        for member, then, later in zip(rule_input.members, was.outcomes, now.outcomes,
                                       strict=True):
            result.eligible_before += then.eligible
            result.eligible_after += later.eligible
            if then.eligible != later.eligible:
                key = (stadtteil, age_group(member.birth_date, on))
                (result.gained if later.eligible else result.lost)[key] += 1
    return result


def tally_texts(
    texts: list[str], before: Parameters, after: Parameters, on: date, outside: str
) -> ImpactTally:
    """:func:`tally` of JSON texts: the unit of work of one process."""
    reader = QuickReader(before)

    def read(text: str) -> RuleInput:
        data = json.loads(text)
        return reader.read(data) or rule_input_from_json(data, before)

    return tally(map(read, texts), before, after, on, outside)
