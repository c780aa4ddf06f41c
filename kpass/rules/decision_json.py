"""The output JSON of a decision (spec sections 7 and 8).

``{"rule_set": …, "household": {…}, "members": [{"id": …, "eligible", "pass_type", "basis",
"valid_from", "valid_until", "reasons": [{"code", "text"}], "extras": […]}]}`` with money as
strings with two decimals ("1342.86"), weights with one ("2.1") and dates as ISO strings.

``household`` is ``{}`` in the three cases where the spec lets the figures be omitted
(residence fails, no rule set applies, nobody old enough to be weighted as an adult);
otherwise it has every key: ``net_income``, ``weights``, ``equivalised_income``, ``threshold``,
``margin``, ``max_household_income`` and ``highest_eligible_income`` (second edition).

:func:`household_from_json` reads the object back, also from decisions stored before the
second edition (no ``highest_eligible_income``: it is worked out from the stored threshold
and weights).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from kpass.rules.income_test import highest_eligible_income, max_household_income
from kpass.rules.model import NO_FIGURES, Decision, HouseholdFigures

_CENT = Decimal("0.01")
_TENTH = Decimal("0.1")


def json_money(amount: Decimal | None) -> str | None:
    """``Decimal("1342.857")`` → ``"1342.86"`` (half up); ``None`` stays ``None``."""
    if amount is None:
        return None
    return str(amount.quantize(_CENT, ROUND_HALF_UP))


def json_weights(weights: Decimal | None) -> str | None:
    """``Decimal("2.1")`` → ``"2.1"``, ``Decimal("1")`` → ``"1.0"``: one decimal, more if needed."""
    if weights is None:
        return None
    if weights == weights.quantize(_TENTH):
        return str(weights.quantize(_TENTH))
    return str(weights.normalize())


#: The keys of a ``household`` object with figures, in output order.
HOUSEHOLD_KEYS: tuple[str, ...] = (
    "net_income",
    "weights",
    "equivalised_income",
    "threshold",
    "margin",
    "max_household_income",
    "highest_eligible_income",
)


def household_to_json(figures: HouseholdFigures) -> dict[str, str | None]:
    """The ``household`` object: every figure, or ``{}`` when the income test was not made.

    The test is not made when residence fails, no rule set applies or nobody is old enough to
    be weighted as an adult (spec sections 7 and its clarifications).
    """
    if figures.weights is None:
        return {}
    return {
        "net_income": json_money(figures.net_income),
        "weights": json_weights(figures.weights),
        "equivalised_income": json_money(figures.equivalised_income),
        "threshold": json_money(figures.threshold),
        "margin": json_money(figures.margin),
        "max_household_income": json_money(figures.max_household_income),
        "highest_eligible_income": json_money(figures.highest_eligible_income),
    }


def _decimal(value: object) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def household_from_json(data: Mapping[str, Any] | None) -> HouseholdFigures:
    """The figures of a stored ``household`` object (the inverse of :func:`household_to_json`).

    Tolerant of what older versions stored: a missing or unreadable figure is ``None``, and
    ``highest_eligible_income``, absent from decisions made before the second edition, is
    worked out from the stored ``threshold`` and ``weights`` (the same figure the rules give).
    """
    if not data:
        return NO_FIGURES
    figures = {key: _decimal(data.get(key)) for key in HOUSEHOLD_KEYS}
    threshold, weights = figures["threshold"], figures["weights"]
    if (
        "highest_eligible_income" not in data
        and threshold is not None
        and weights is not None
        and weights > 0
    ):
        figures["highest_eligible_income"] = highest_eligible_income(threshold, weights)
    if figures["max_household_income"] is None and threshold is not None and weights is not None:
        figures["max_household_income"] = max_household_income(threshold, weights)
    return HouseholdFigures(**figures)


def decision_to_json(decision: Decision) -> dict[str, Any]:
    """The output object of a decision (spec sections 7 and 8), reason texts included."""
    return {
        "rule_set": decision.rule_set,
        "household": household_to_json(decision.household),
        "members": [
            {
                "id": member.id,
                "eligible": member.eligible,
                "pass_type": member.pass_type,
                "basis": member.basis,
                "valid_from": None if member.valid_from is None else member.valid_from.isoformat(),
                "valid_until": (
                    None if member.valid_until is None else member.valid_until.isoformat()
                ),
                "reasons": [{"code": r.code, "text": r.text()} for r in member.reasons],
                "extras": list(member.extras),
            }
            for member in decision.members
        ],
    }


def dumps_decision(decision: Decision) -> str:
    """The decision as UTF-8-ready JSON text (umlauts kept, two-space indent)."""
    return json.dumps(decision_to_json(decision), ensure_ascii=False, indent=2)
