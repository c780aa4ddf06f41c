"""Fixtures for the rules tests: parameters and a short way to decide a JSON household."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from kpass.rules import Decision, Parameters, evaluate, load_parameters, rule_input_from_json

Decide = Callable[..., Decision]


@pytest.fixture(scope="session")
def karlsruhe() -> Parameters:
    return load_parameters()


@pytest.fixture(scope="session")
def ettlingen() -> Parameters:
    return load_parameters("Ettlingen")


@pytest.fixture
def decide(karlsruhe: Parameters) -> Decide:
    """``decide(input_dict, parameters=None)`` → Decision, through the JSON input checks."""

    def run(data: dict[str, Any], parameters: Parameters | None = None) -> Decision:
        chosen = parameters or karlsruhe
        return evaluate(rule_input_from_json(copy.deepcopy(data), chosen), chosen)

    return run


def household(
    application_date: str,
    *members: dict[str, Any],
    benefits: list[dict[str, Any]] | None = None,
    municipality: str = "Karlsruhe",
    stadtteil: str | None = "19",
) -> dict[str, Any]:
    """A section-8 input; the first member is the applicant."""
    data: dict[str, Any] = {
        "application_date": application_date,
        "residence": {"municipality": municipality, "stadtteil": stadtteil},
        "applicant": members[0]["id"],
        "members": list(members),
    }
    if benefits is not None:
        data["benefits"] = benefits
    return data


def person(
    member_id: str, birth_date: str, *incomes: tuple[str, str] | tuple[str, str, str],
    flags: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A member; incomes as (kind, amount) monthly or (kind, amount, period)."""
    return {
        "id": member_id,
        "birth_date": birth_date,
        "flags": list(flags),
        "incomes": [
            {"kind": i[0], "amount": i[1], "period": i[2] if len(i) > 2 else "month"}
            for i in incomes
        ],
    }


@pytest.fixture(scope="session")
def make() -> Any:
    """The builders ``household`` and ``person`` (fixtures, so test modules need no imports)."""

    class Builders:
        household = staticmethod(household)
        person = staticmethod(person)

    return Builders
