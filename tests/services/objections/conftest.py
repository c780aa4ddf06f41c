"""A household refused for its income, and a decision to object to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from kpass.models import Income
from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.uow import UnitOfWork
from tests.register_builder import add_household, add_income, household_of

FUTURE = date(2030, 1, 1)
DAY = date(2026, 3, 16)  # a Monday: Bekanntgabe (4 days) Friday 20.03., deadline Monday 20.04.


@dataclass(frozen=True)
class Refused:
    person: int
    household: int
    application: int
    decision: int


def correct_income(database: Database, person: int, amount: str) -> None:
    """The counter's correction of the recorded pension (the objection's point)."""
    with UnitOfWork(database) as uow:
        income = uow.session.scalars(select(Income).where(Income.person_id == person)).one()
        income.amount = Decimal(amount)
        uow.commit()


@pytest.fixture
def refused(database: Database) -> Refused:
    [person] = add_household(database, [("Weiß-Özdemir", "Jürgen", date(1950, 5, 5),
                                         "applicant")])
    add_income(database, person, "pension", "2000.00")
    household = household_of(database, person)
    application = apply(database, household, DAY, today=FUTURE)
    decision = decide(database, application.application_id)
    assert not decision.decision.members[0].eligible
    return Refused(person, household, application.application_id, decision.decision_id)
