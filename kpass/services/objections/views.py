"""What the services hand out about an objection (no session needed to read it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kpass.models import Objection, Person
from kpass.services.objections.deadlines import inaction_day
from kpass.services.objections.states import STATE_DE
from kpass.services.uow import UnitOfWork


@dataclass(frozen=True)
class ObjectionView:
    id: int
    decision_id: int
    household_id: int
    received_on: date
    lodged_by_person_id: int | None
    lodged_by: str  # the person's name, the representative, or both
    representative: str | None
    bekanntgabe_on: date
    deadline: date
    in_time: bool
    state: str
    reason: str
    outcome_reason: str | None
    outcome_on: date | None
    remedial_decision_id: int | None
    follow_up_on: date | None
    version: int
    follow_up_note: str = ""  # what to look at on the Wiedervorlage day

    @property
    def state_de(self) -> str:
        return STATE_DE[self.state]

    @property
    def inaction_from(self) -> date:
        """From this day the objector may sue for a decision (§ 75 VwGO)."""
        return inaction_day(self.received_on)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "decision": self.decision_id,
            "household": self.household_id,
            "received_on": self.received_on.isoformat(),
            "lodged_by_person": self.lodged_by_person_id,
            "lodged_by": self.lodged_by,
            "representative": self.representative,
            "bekanntgabe_on": self.bekanntgabe_on.isoformat(),
            "deadline": self.deadline.isoformat(),
            "in_time": self.in_time,
            "state": self.state,
            "state_de": self.state_de,
            "reason": self.reason,
            "outcome_reason": self.outcome_reason,
            "outcome_on": self.outcome_on.isoformat() if self.outcome_on else None,
            "remedial_decision": self.remedial_decision_id,
            "follow_up_on": self.follow_up_on.isoformat() if self.follow_up_on else None,
            "follow_up_note": self.follow_up_note,
            "inaction_from": self.inaction_from.isoformat(),
            "version": self.version,
        }


@dataclass(frozen=True)
class OpenObjection:
    """A row of the list of open objections."""

    objection: ObjectionView
    due_on: date  # the Wiedervorlage, else the deadline: the list is sorted by it
    follow_up_due: bool  # the Wiedervorlage day has come
    overdue: bool  # three months without a decision (§ 75 VwGO)

    def as_json(self) -> dict[str, Any]:
        return {
            **self.objection.as_json(),
            "due_on": self.due_on.isoformat(),
            "follow_up_due": self.follow_up_due,
            "overdue": self.overdue,
        }


def view_of(uow: UnitOfWork, objection: Objection) -> ObjectionView:
    """The objection as handed out."""
    name = ""
    if objection.lodged_by_person_id is not None:
        person = uow.session.get(Person, objection.lodged_by_person_id)
        if person is not None:
            name = f"{person.given_names} {person.family_name}"
    if objection.representative:
        name = (f"{objection.representative} für {name}" if name
                else objection.representative)
    return ObjectionView(
        id=objection.id,
        decision_id=objection.decision_id,
        household_id=objection.household_id,
        received_on=objection.received_on,
        lodged_by_person_id=objection.lodged_by_person_id,
        lodged_by=name,
        representative=objection.representative,
        bekanntgabe_on=objection.bekanntgabe_on,
        deadline=objection.deadline,
        in_time=objection.in_time,
        state=objection.state,
        reason=objection.reason,
        outcome_reason=objection.outcome_reason,
        outcome_on=objection.outcome_on,
        remedial_decision_id=objection.remedial_decision_id,
        follow_up_on=objection.follow_up_on,
        version=objection.version,
        # a note without a Wiedervorlage is not shown (none is written since 0017)
        follow_up_note=(objection.follow_up_note or "") if objection.follow_up_on else "",
    )
