"""A register with objections in every state, as the objections page shows them on TODAY
(also used for the screenshots)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.objections import (
    lodge_objection,
    reject_objection,
    remedy_objection,
    set_follow_up,
    start_review,
)
from tests.register_builder import add_household, add_income, household_of
from tests.services.objections.conftest import correct_income

TODAY = date(2026, 12, 4)  # a Friday


@dataclass(frozen=True)
class Refusal:
    person: int
    household: int
    decision: int


def refusal(database: Database, family: str, given: str, applied: date) -> Refusal:
    """A pensioner refused for an income recorded too high."""
    [person] = add_household(database, [(family, given, date(1950, 5, 5), "applicant")])
    add_income(database, person, "pension", "2000.00")
    household = household_of(database, person)
    application = apply(database, household, applied, today=TODAY)
    return Refusal(person, household, decide(database, application.application_id).decision_id)


@dataclass(frozen=True)
class Objections:
    overdue_follow_up: int  # in review, Wiedervorlage two days ago
    due_today: int  # received, Wiedervorlage today
    open_three_months: int  # late, by a representative, in review since August
    rejected: int
    remedied: int
    households: dict[int, Refusal]  # objection → its refusal


def objections(database: Database) -> Objections:
    a = refusal(database, "Weiß-Özdemir", "Jürgen", date(2026, 10, 5))
    b = refusal(database, "Lang", "Emil", date(2026, 11, 2))
    c = refusal(database, "Kowalski", "Irena", date(2026, 6, 1))
    d = refusal(database, "Berger", "Hans", date(2026, 9, 1))
    e = refusal(database, "Yılmaz", "Ayşe", date(2026, 9, 14))

    first = lodge_objection(database, a.decision, date(2026, 10, 20),
                            lodged_by_person_id=a.person, reason="Die Rente ist niedriger.",
                            today=TODAY)
    start_review(database, first.id)
    set_follow_up(database, first.id, date(2026, 12, 2), note="Rentenbescheid angefordert")
    second = lodge_objection(database, b.decision, date(2026, 11, 30),
                             lodged_by_person_id=b.person, follow_up_on=TODAY, today=TODAY)
    third = lodge_objection(database, c.decision, date(2026, 8, 3),
                            representative="Betreuerin Anna Muster", today=TODAY)
    start_review(database, third.id)
    fourth = lodge_objection(database, d.decision, date(2026, 9, 10),
                             lodged_by_person_id=d.person, today=TODAY)
    start_review(database, fourth.id)
    reject_objection(database, fourth.id, "Das Einkommen ist richtig erfasst.",
                     on=date(2026, 10, 1), today=TODAY)
    fifth = lodge_objection(database, e.decision, date(2026, 9, 20),
                            lodged_by_person_id=e.person, today=TODAY)
    start_review(database, fifth.id)
    correct_income(database, e.person, "900.00")
    remedy_objection(database, fifth.id, on=date(2026, 10, 15), today=TODAY)
    return Objections(first.id, second.id, third.id, fourth.id, fifth.id,
                      {first.id: a, second.id: b, third.id: c, fourth.id: d, fifth.id: e})
