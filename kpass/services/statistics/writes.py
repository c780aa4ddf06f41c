"""The statistics rows of stored decisions and pass validities, written and taken back.

A row is rebuilt from what the register keeps of the decision behind it (its input
snapshot, its output and the household type it was counted under), so a later change can
write the exact rows of weight -1 that cancel it, without any key linking the statistics
table back to a person.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from kpass.models import Decision, Pass, PassValidity, StatRecord
from kpass.models.periods import not_ended_before
from kpass.models.statistics import OUTSIDE
from kpass.services.household.facts import household_type, load_facts, member_key
from kpass.services.statistics.records import (
    StoredOutcome,
    as_records,
    decision_rows,
    revoked_rest,
    taken_back,
    validity_row,
)
from kpass.services.uow import UnitOfWork

VALIDITY_EVENTS = {"new": "new", "renewal": "renewed", "replacement": "replaced"}


def _births(decision: Decision) -> dict[str, date]:
    return {
        str(m["id"]): date.fromisoformat(m["birth_date"])
        for m in decision.input_snapshot["members"]
    }


def _stadtteil(decision: Decision) -> str:
    residence = decision.input_snapshot.get("residence") or {}
    return str(residence.get("stadtteil") or OUTSIDE)


def counted_household_type(uow: UnitOfWork, decision: Decision) -> str:
    """The household type the decision's rows were counted under."""
    if decision.household_type is None:  # decided before schema 0009 kept it
        application = decision.application
        facts = load_facts(uow.session, application.household_id)
        decision.household_type = household_type(facts, decision.decided_on)
    return decision.household_type


def rows_of_decision(uow: UnitOfWork, decision: Decision) -> list[dict[str, object]]:
    """The application row and the person rows of a stored decision."""
    return decision_rows(
        [StoredOutcome.of(m) for m in decision.output["members"]],
        decision.decided_on,
        _births(decision),
        _stadtteil(decision),
        counted_household_type(uow, decision),
        str(decision.input_snapshot["applicant"]),
        decision.rule_set,
        decision.issuer,
    )


def take_back_earlier_decision(uow: UnitOfWork, decision: Decision) -> None:
    """A newer decision of the same application replaces this one in every count."""
    uow.session.add_all(as_records(taken_back(rows_of_decision(uow, decision))))


def validity_stat_row(
    uow: UnitOfWork, validity: PassValidity, person_member_id: str
) -> dict[str, object]:
    """The row written for a validity period, rebuilt from its decision."""
    decision = uow.session.get(Decision, validity.decision_id)
    assert decision is not None
    member = next(m for m in decision.output["members"] if str(m["id"]) == person_member_id)
    return validity_row(
        event=VALIDITY_EVENTS[validity.kind],
        decided_on=decision.decided_on,
        valid_from=validity.valid_from,
        valid_until=validity.valid_until,
        pass_type=str(member["pass_type"]),
        basis=member["basis"],
        birth_date=_births(decision)[person_member_id],
        stadtteil=_stadtteil(decision),
        household_type=counted_household_type(uow, decision),
        rule_set=decision.rule_set,
        issuer=decision.issuer,
    )


def take_back_from(uow: UnitOfWork, card: Pass, on: date) -> None:
    """A pass ends on ``on``: its periods' days from then on leave the counts."""
    member_id = member_key(card.person_id)
    validities = uow.session.scalars(
        select(PassValidity).where(PassValidity.pass_id == card.id,
                                   not_ended_before(PassValidity.valid_until, on))
    ).all()
    for validity in validities:
        rest = revoked_rest(validity_stat_row(uow, validity, member_id), on)
        if rest is not None:
            uow.session.add(StatRecord(**rest))
