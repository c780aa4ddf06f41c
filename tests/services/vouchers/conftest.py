"""A 60+ pass holder (pension 1000: Karlsruher Pass with 60plus) and a younger one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes
from tests.register_builder import add_household, add_income, household_of

FUTURE = date(2030, 1, 1)
DAY = date(2026, 3, 16)  # the pass is valid from here to 31.03.2027


@dataclass(frozen=True)
class Holder:
    person: int
    number: str
    decision: int
    household: int


def holder(database: Database, family: str, given: str, born: date) -> Holder:
    [person] = add_household(database, [(family, given, born, "applicant")])
    add_income(database, person, "pension", "1000.00")
    household = household_of(database, person)
    application = apply(database, household, DAY, today=FUTURE)
    decision = decide(database, application.application_id)
    [card] = issue_passes(database, decision.decision_id)
    assert card.number is not None
    return Holder(person, card.number, decision.decision_id, household)


@pytest.fixture
def senior(database: Database) -> Holder:
    return holder(database, "Weiß-Özdemir", "Jürgen", date(1950, 5, 5))


@pytest.fixture
def younger(database: Database) -> Holder:
    return holder(database, "Müller", "Anna", date(1980, 4, 2))
