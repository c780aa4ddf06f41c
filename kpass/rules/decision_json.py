"""The output JSON of a decision (spec sections 7 and 8).

``{"rule_set": …, "household": {…}, "members": [{"id": …, "eligible", "pass_type", "basis",
"valid_from", "valid_until", "reasons": [{"code", "text"}], "extras": […]}]}`` with money as
strings with two decimals ("1342.86"), weights with one ("2.1") and dates as ISO strings.
Household figures that were not computed are ``null`` (the keys are always there).
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from kpass.rules.model import Decision, HouseholdFigures

_CENT = Decimal("0.01")
_TENTH = Decimal("0.1")


def format_money(amount: Decimal | None) -> str | None:
    """``Decimal("1342.857")`` → ``"1342.86"`` (half up); ``None`` stays ``None``."""
    if amount is None:
        return None
    return str(amount.quantize(_CENT, ROUND_HALF_UP))


def format_weights(weights: Decimal | None) -> str | None:
    """``Decimal("2.1")`` → ``"2.1"``, ``Decimal("1")`` → ``"1.0"``: one decimal, more if needed."""
    if weights is None:
        return None
    if weights == weights.quantize(_TENTH):
        return str(weights.quantize(_TENTH))
    return str(weights.normalize())


def household_to_json(figures: HouseholdFigures) -> dict[str, str | None]:
    """The ``household`` object: every figure, ``null`` where it was not computed."""
    return {
        "net_income": format_money(figures.net_income),
        "weights": format_weights(figures.weights),
        "equivalised_income": format_money(figures.equivalised_income),
        "threshold": format_money(figures.threshold),
        "margin": format_money(figures.margin),
        "max_household_income": format_money(figures.max_household_income),
    }


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
