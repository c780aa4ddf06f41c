"""A register with a few passes, and tampering with it by raw SQL as an intruder would."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import text

from kpass.models.engine import Database
from kpass.services.applications import apply, decide
from kpass.services.passes import issue_passes
from tests.register_builder import add_household, add_income, household_of

DAY = date.today() - timedelta(days=1)


_made = 0


def issue_passes_for(database: Database, households: int) -> list[str]:
    """One pensioner's pass per household (each a new person), issued yesterday through
    the services."""
    global _made
    numbers = []
    for index in range(_made, _made + households):
        [person] = add_household(
            database, [(f"Weiß{index}", "Jürgen", date(1930 + index % 60, 5, 5), "applicant")],
            number=str(index + 1),
        )
        add_income(database, person, "pension", "1000.00")
        application = apply(database, household_of(database, person), DAY)
        [card] = issue_passes(database, decide(database, application.application_id).decision_id)
        assert card.number is not None
        numbers.append(card.number)
    _made += households
    return numbers


def raw(database: Database, sql: str, **params: Any) -> Any:
    """A statement run behind kpass's back, committed at once."""
    with database.engine.begin() as connection:
        return connection.execute(text(sql), params)


def one(database: Database, sql: str, **params: Any) -> Any:
    with database.engine.connect() as connection:
        return connection.execute(text(sql), params).first()
