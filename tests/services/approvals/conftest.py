"""Households for the four-eyes rule: one refused, one eligible close to the income limit
(a single adult: the limit is the threshold, 1,300.00 € from 2021 on)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from kpass.models.engine import Database
from kpass.services.applications import apply, decide
from tests.logins import log_in_admin, log_in_as
from tests.register_builder import add_household, add_income, household_of

FUTURE = date(2030, 1, 1)
DAY = date(2026, 3, 16)
LIMIT = "1300.00"


def as_role(database: Database, role: str) -> None:
    """Log in as the test user of ``role`` (added by the admin the first time)."""
    log_in_admin(database)
    if role != "admin":
        log_in_as(database, role)


@dataclass(frozen=True)
class Case:
    person: int
    household: int


def single(database: Database, wages: str, name: str = "Özdemir") -> Case:
    """A single adult in Karlsruhe earning ``wages`` a month."""
    [person] = add_household(database, [(name, "Ayşe", date(1980, 4, 2), "applicant")])
    add_income(database, person, "wages", wages)
    return Case(person, household_of(database, person))


def decide_for(database: Database, case: Case, day: date = DAY) -> int:
    """A caseworker's decision for the household on ``day``; its id."""
    as_role(database, "caseworker")
    application = apply(database, case.household, day, today=FUTURE)
    return decide(database, application.application_id).decision_id


@pytest.fixture
def four_eyes(database: Database) -> Database:
    """The register with the four-eyes rule on and a margin of 50 € (set by the admin)."""
    from kpass.services.approvals import set_approval_settings

    set_approval_settings(database, enabled=True, margin_eur="50")
    return database
