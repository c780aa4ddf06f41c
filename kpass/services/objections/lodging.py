"""Recording an objection and the counter's steps on it: lodge, review, withdraw, follow-up."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from kpass.errors import InvalidInput
from kpass.models import OBJECTION_OPEN_STATES, Application, Decision, HouseholdMember, Objection
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.objections.records import (
    MAX_FOLLOW_UP_NOTE,
    MAX_REASON,
    MAX_REPRESENTATIVE,
    checked_text,
    deadline_of,
    locked_objection,
    not_in_future,
)
from kpass.services.objections.states import next_state
from kpass.services.objections.views import ObjectionView, view_of
from kpass.services.uow import UnitOfWork


def _locked_decision(uow: UnitOfWork, decision_id: int) -> Decision:
    decision = uow.session.scalars(
        select(Decision).where(Decision.id == decision_id).with_for_update()
    ).first()
    if decision is None:
        raise InvalidInput(
            f"There is no decision {decision_id}.", f"Es gibt keine Entscheidung {decision_id}."
        )
    return decision


def _check_member(uow: UnitOfWork, household_id: int, person_id: int) -> None:
    member = uow.session.scalar(
        select(func.count()).select_from(HouseholdMember).where(
            HouseholdMember.household_id == household_id,
            HouseholdMember.person_id == person_id,
        )
    )
    if not member:
        raise InvalidInput(
            f"Person {person_id} is not a member of household {household_id}; name another "
            "objector as representative.",
            f"Die Person {person_id} gehört nicht zum Haushalt {household_id}; eine andere "
            "Person bitte als Vertretung eintragen.",
        )


@requires(Permission.DECIDE)
def lodge_objection(
    database: Database,
    decision_id: int,
    received_on: date,
    *,
    lodged_by_person_id: int | None = None,
    representative: str | None = None,
    reason: str = "",
    follow_up_on: date | None = None,
    applicant_if_unnamed: bool = False,
    today: date | None = None,
) -> ObjectionView:
    """Record a Widerspruch received on ``received_on`` against a decision, with its
    Bekanntgabe, deadline and whether it came in time (see
    :mod:`~kpass.services.objections.deadlines`). One open objection per decision.
    ``applicant_if_unnamed``: with neither a person nor a representative named, the
    objected application's applicant lodged it (``kpass objection add``)."""
    today = today or date.today()
    not_in_future(received_on, today, "receipt date", "Das Eingangsdatum")
    agent = checked_text(representative, MAX_REPRESENTATIVE, "representative",
                         "Die Vertretung") or None
    text = checked_text(reason, MAX_REASON, "reason", "Die Begründung")
    if lodged_by_person_id is None and agent is None and not applicant_if_unnamed:
        raise InvalidInput(
            "Who lodged the objection? Name a household member or a representative.",
            "Wer hat Widerspruch eingelegt? Bitte ein Haushaltsmitglied oder eine Vertretung "
            "angeben.",
        )
    if follow_up_on is not None and follow_up_on < received_on:
        raise InvalidInput(
            "The follow-up date lies before the receipt date.",
            "Die Wiedervorlage liegt vor dem Eingangsdatum.",
        )
    with UnitOfWork(database) as uow:
        # Two seats recording the same letter: the second waits here and then finds the first.
        decision = _locked_decision(uow, decision_id)
        application = uow.session.get(Application, decision.application_id)
        assert application is not None
        if received_on < decision.decided_on:
            raise InvalidInput(
                f"The objection cannot have come in ({received_on:%d.%m.%Y}) before the "
                f"decision ({decision.decided_on:%d.%m.%Y}).",
                f"Der Widerspruch kann nicht vor der Entscheidung "
                f"({decision.decided_on:%d.%m.%Y}) eingegangen sein ({received_on:%d.%m.%Y}).",
            )
        if lodged_by_person_id is None and agent is None:  # applicant_if_unnamed
            lodged_by_person_id = application.applicant_person_id
        if lodged_by_person_id is not None:
            _check_member(uow, application.household_id, lodged_by_person_id)
        already = uow.session.scalar(
            select(Objection.id).where(
                Objection.decision_id == decision_id,
                Objection.state.in_(OBJECTION_OPEN_STATES),
            ).limit(1)
        )
        if already is not None:
            raise InvalidInput(
                f"Objection {already} against decision {decision_id} is still open; add this "
                "letter to it.",
                f"Gegen die Entscheidung {decision_id} ist der Widerspruch {already} noch "
                "offen; dieses Schreiben bitte dort zuordnen.",
            )
        notified, deadline = deadline_of(uow, decision)
        objection = Objection(
            decision_id=decision_id,
            household_id=application.household_id,
            received_on=received_on,
            lodged_by_person_id=lodged_by_person_id,
            representative=agent,
            bekanntgabe_on=notified,
            deadline=deadline,
            in_time=received_on <= deadline,
            state="received",
            reason=text,
            follow_up_on=follow_up_on,
            created_by_id=uow.user_id(),
        )
        uow.session.add(objection)
        uow.session.flush()
        uow.audit(
            "lodge_objection",
            "objection",
            objection.id,
            decision_id=decision_id,
            household_id=application.household_id,
            received_on=received_on.isoformat(),
            bekanntgabe_on=notified.isoformat(),
            deadline=deadline.isoformat(),
            in_time=objection.in_time,
        )
        result = view_of(uow, objection)
        uow.commit()
    return result


#: Free text set by a step that stays out of the trail (kept for ever): the trail records
#: only its length (``noted``).
_NOT_IN_TRAIL = frozenset({"follow_up_note"})


def _step(
    database: Database,
    objection_id: int,
    step: str,
    expected_version: int | None,
    *,
    noted: dict[str, object] | None = None,
    **details: object,
) -> ObjectionView:
    """One step on an objection; ``details`` are set on it, ``noted`` only go into the trail.
    A step that takes the Wiedervorlage off also drops its note."""
    with UnitOfWork(database) as uow:
        objection = locked_objection(uow, objection_id, expected_version)
        before = objection.state
        objection.state = next_state(objection_id, objection.state, step)
        for name, value in details.items():
            setattr(objection, name, value)
        if objection.follow_up_on is None:
            objection.follow_up_note = None
        if objection.outcome_on is not None and objection.outcome_on < objection.received_on:
            raise InvalidInput(
                "The day of the outcome lies before the receipt date.",
                "Der Tag der Erledigung liegt vor dem Eingangsdatum.",
            )
        uow.session.flush()
        uow.audit(
            f"{step}_objection",
            "objection",
            objection.id,
            before=before,
            after=objection.state,
            **{k: (v.isoformat() if isinstance(v, date) else v) for k, v in details.items()
               if k not in _NOT_IN_TRAIL},
            **(noted or {}),
        )
        result = view_of(uow, objection)
        uow.commit()
    return result


@requires(Permission.DECIDE)
def start_review(
    database: Database, objection_id: int, *, expected_version: int | None = None
) -> ObjectionView:
    """eingegangen → in Prüfung."""
    return _step(database, objection_id, "start_review", expected_version)


@requires(Permission.DECIDE)
def withdraw_objection(
    database: Database,
    objection_id: int,
    *,
    on: date | None = None,
    note: str = "",
    today: date | None = None,
    expected_version: int | None = None,
) -> ObjectionView:
    """The objector took the objection back (on ``on``, default today)."""
    day = on or today or date.today()
    not_in_future(day, today or date.today(), "withdrawal date", "Das Datum der Rücknahme")
    text = checked_text(note, MAX_REASON, "note", "Der Vermerk") or None
    return _step(database, objection_id, "withdraw", expected_version,
                 outcome_on=day, outcome_reason=text, follow_up_on=None)


@requires(Permission.DECIDE)
def set_follow_up(
    database: Database,
    objection_id: int,
    follow_up_on: date | None,
    *,
    note: str = "",
    expected_version: int | None = None,
) -> ObjectionView:
    """Put an open objection on Wiedervorlage (``None``: take it off, and its note) with what
    is to be looked at then (``note``, kept with the objection and shown with it; the trail
    records only its length, since free text there would outlive the objection)."""
    text = checked_text(note, MAX_FOLLOW_UP_NOTE, "note", "Der Vermerk")
    if follow_up_on is None:
        text = ""
    return _step(database, objection_id, "follow_up", expected_version,
                 noted={"note_length": len(text)}, follow_up_on=follow_up_on,
                 follow_up_note=text or None)
