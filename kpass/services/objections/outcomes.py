"""The supervisor's outcome of an objection: reject it, or remedy it (Abhilfe, § 72 VwGO).

A remedy decides the application again with the household's data as it is recorded now
(corrected at the counter before), and issues the passes that follow — one transaction: a
refusal while issuing leaves no new decision, no pass and the objection in review.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kpass.errors import InvalidInput
from kpass.models import Decision
from kpass.models.engine import Database
from kpass.services.access import Permission, requires
from kpass.services.applications.deciding import decide_application, open_application
from kpass.services.household.facts import person_id_of
from kpass.services.objections.lodging import _step
from kpass.services.objections.records import (
    MAX_REASON,
    checked_text,
    locked_objection,
    not_in_future,
    required_text,
)
from kpass.services.objections.states import next_state
from kpass.services.objections.views import ObjectionView, view_of
from kpass.services.passes import IssuedPass
from kpass.services.passes.actions import _issue_for_decision
from kpass.services.passes.row_locks import household_person_ids, lock_persons
from kpass.services.uow import UnitOfWork


@dataclass(frozen=True)
class RemedyResult:
    objection: ObjectionView
    decision_id: int  # the remedial decision
    newly_eligible: list[int]  # person ids the objected decision had refused
    issued: list[IssuedPass]

    def as_json(self) -> dict[str, Any]:
        return {
            "objection": self.objection.as_json(),
            "decision": self.decision_id,
            "newly_eligible": self.newly_eligible,
            "issued": [
                {"person": i.person_id, "action": i.action, "number": i.number,
                 "pass_type": i.pass_type,
                 "valid_from": i.valid_from.isoformat() if i.valid_from else None,
                 "valid_until": i.valid_until.isoformat() if i.valid_until else None}
                for i in self.issued
            ],
        }


def _eligible(decision: Decision) -> set[int]:
    return {person_id_of(m["id"]) for m in decision.output["members"] if m["eligible"]}


@requires(Permission.DECIDE_OBJECTIONS)
def reject_objection(
    database: Database,
    objection_id: int,
    reasons: str,
    *,
    on: date | None = None,
    today: date | None = None,
    expected_version: int | None = None,
) -> ObjectionView:
    """Zurückweisen: the decision stands; ``reasons`` are the Widerspruchsbescheid's."""
    day = on or today or date.today()
    not_in_future(day, today or date.today(), "day of the outcome", "Der Tag der Erledigung")
    text = required_text(reasons, MAX_REASON, "reasons of the rejection",
                         "Die Begründung der Zurückweisung")
    return _step(database, objection_id, "reject", expected_version,
                 outcome_on=day, outcome_reason=text, follow_up_on=None)


@requires(Permission.DECIDE_OBJECTIONS)
def remedy_objection(
    database: Database,
    objection_id: int,
    *,
    note: str = "",
    on: date | None = None,
    today: date | None = None,
    expected_version: int | None = None,
) -> RemedyResult:
    """Abhilfe: decide the objected decision's application again with the data as now
    recorded and issue what follows, in one transaction. Refused when the new decision
    grants nobody a pass the objected one refused (then there is nothing to remedy: correct
    the household's data first, or reject the objection)."""
    day = on or today or date.today()
    not_in_future(day, today or date.today(), "day of the outcome", "Der Tag der Erledigung")
    text = checked_text(note, MAX_REASON, "note", "Der Vermerk") or None
    with UnitOfWork(database) as uow:
        objection = locked_objection(uow, objection_id, expected_version)
        target = next_state(objection_id, objection.state, "remedy")
        if day < objection.received_on:
            raise InvalidInput(
                "The day of the outcome lies before the receipt date.",
                "Der Tag der Erledigung liegt vor dem Eingangsdatum.",
            )
        objected = uow.session.get(Decision, objection.decision_id)
        assert objected is not None
        # lock order of the pass use cases: application, persons (ascending), passes
        application = open_application(uow, objected.application_id)
        lock_persons(uow, household_person_ids(uow, application.household_id))
        # the Abhilfe is the supervisor's own decision: it never waits for a second look
        decided = decide_application(uow, application, review=False)
        remedial = uow.session.get(Decision, decided.decision_id)
        assert remedial is not None
        newly = sorted(_eligible(remedial) - _eligible(objected))
        if not newly:
            raise InvalidInput(
                f"Decided again with the data as now recorded, nobody of household "
                f"{application.household_id} gets a pass that decision {objected.id} refused: "
                "there is nothing to remedy. Correct the data first, or reject the objection. "
                "Nothing was saved.",
                f"Mit den jetzt erfassten Daten erhält niemand im Haushalt "
                f"{application.household_id} einen Pass, den die Entscheidung {objected.id} "
                "abgelehnt hat: es gibt nichts abzuhelfen. Bitte zuerst die Daten berichtigen "
                "oder den Widerspruch zurückweisen. Nichts wurde gespeichert.",
            )
        issued = _issue_for_decision(uow, remedial)
        before = objection.state
        objection.state = target
        objection.outcome_on = day
        objection.outcome_reason = text
        objection.remedial_decision_id = remedial.id
        objection.follow_up_on = None
        objection.follow_up_note = None
        uow.session.flush()
        uow.audit(
            "remedy_objection",
            "objection",
            objection.id,
            before=before,
            after=target,
            outcome_on=day.isoformat(),
            decision_id=remedial.id,
            newly_eligible=len(newly),
            passes=[i.number for i in issued if i.action != "none"],
        )
        result = RemedyResult(view_of(uow, objection), remedial.id, newly, issued)
        uow.commit()
    return result
