"""Applications and decisions: apply for a household, decide by the rules in force, and the
counter's live preview of a household on the screen.

The use cases load on first use (PEP 562): what the rules say is at hand at once, the
deciding (households, approvals, statistics) only when an application is made or decided.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

# what the counter and the command line need of the lower layers, through this package
from kpass.rules import (
    Decision,
    HouseholdFigures,
    InputError,
    MemberDecision,
    ParameterError,
    RuleInput,
    completed_years,
    configured_issuers,
    default_parameters,
    dumps_decision,
    evaluate,
    household_from_json,
    last_of_month,
    load_parameters,
    parse_check_input,
    render_reason,
    renewal_possible_from,
)
from kpass.rules.errors import shorten
from kpass.rules.json_io import MAX_INPUT_BYTES

if TYPE_CHECKING:
    from kpass.services.applications.deciding import (
        NO_RULE_SET,
        PROOFS,
        ApplicationResult,
        DecisionResult,
        apply,
        decide,
        preview_decision,
    )
    from kpass.services.applications.education import education_hint

#: each name exported here and the module that defines it
_LAZY: dict[str, str] = {
    **dict.fromkeys(("NO_RULE_SET", "PROOFS", "ApplicationResult", "DecisionResult", "apply",
                     "decide", "preview_decision"), "kpass.services.applications.deciding"),
    "education_hint": "kpass.services.applications.education",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # looked up once
    return value


__all__ = [
    "MAX_INPUT_BYTES",
    "NO_RULE_SET",
    "PROOFS",
    "ApplicationResult",
    "Decision",
    "DecisionResult",
    "HouseholdFigures",
    "InputError",
    "MemberDecision",
    "ParameterError",
    "RuleInput",
    "apply",
    "completed_years",
    "configured_issuers",
    "decide",
    "default_parameters",
    "dumps_decision",
    "education_hint",
    "evaluate",
    "household_from_json",
    "last_of_month",
    "load_parameters",
    "parse_check_input",
    "preview_decision",
    "render_reason",
    "renewal_possible_from",
    "shorten",
]
