"""The letter that ends an objection: Widerspruchsbescheid (rejected) or Abhilfebescheid
(remedied), printed like a decision letter (read, draw outside any transaction, record).

The letter goes to whoever lodged the objection: the representative named with it (at the
household's address, "Sehr geehrte Damen und Herren,"), else the household member who
lodged it. The print record is a "letter" whose subject names the objection, so the
objected decision's Bekanntgabe (:func:`kpass.services.objections.records.posted_on`) is not
taken from it.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from kpass.documents import ObjectionLetterData, render_objection_letter
from kpass.documents.data import OBJECTION_REJECTED, OBJECTION_REMEDIED, LetterMember
from kpass.errors import InvalidInput
from kpass.models import Application, Decision, Objection, Person
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.objections.records import posted_on
from kpass.services.objections.states import STATE_DE, STATE_EN
from kpass.services.printing.letter_data import REPRESENTATIVE_SALUTATION, decision_letter_data
from kpass.services.printing.letter_people import (
    address_lines,
    caseworker_name,
    person_name,
    salutation,
)
from kpass.services.printing.letterhead import issuer_letter_settings
from kpass.services.printing.record import PrintResult, finish_print
from kpass.services.uow import UnitOfWork

_PRINTABLE = (OBJECTION_REJECTED, OBJECTION_REMEDIED)


def _decision_reference(household_id: int, decision_id: int) -> str:
    return f"KP-{household_id}-{decision_id}"  # as the decision letter prints it


def _recipient(
    uow: UnitOfWork, objection: Objection, applicant: Person, on: date
) -> tuple[tuple[str, ...], str, str | None]:
    """(address lines, salutation, the person represented) of the objection's author."""
    lodged_by = (uow.session.get(Person, objection.lodged_by_person_id)
                 if objection.lodged_by_person_id is not None else None)
    household_person = lodged_by or applicant
    lines = address_lines(uow, household_person, on)
    if objection.representative:
        given = tuple(line.strip() for line in objection.representative.splitlines()
                      if line.strip())
        recipient = given if len(given) > 1 else (*given, *lines[1:])
        represented = person_name(lodged_by) if lodged_by is not None else None
        return recipient, REPRESENTATIVE_SALUTATION, represented
    return lines, salutation(household_person), None


def objection_letter_data(
    uow: UnitOfWork, objection_id: int, *, letter_date: date | None = None
) -> ObjectionLetterData:
    """Everything the letter ending objection ``objection_id`` says, read from the register.
    Refused unless the objection was rejected or remedied."""
    objection = uow.session.get(Objection, objection_id)
    if objection is None:
        raise InvalidInput(
            f"There is no objection {objection_id}.", f"Es gibt keinen Widerspruch {objection_id}."
        )
    if objection.state not in _PRINTABLE:
        raise InvalidInput(
            f"Objection {objection_id} is {STATE_EN[objection.state]}; a letter is printed only "
            "for an objection that was rejected or remedied.",
            f"Der Widerspruch {objection_id} ist {STATE_DE[objection.state]}; ein Bescheid wird "
            "nur für einen zurückgewiesenen oder abgeholfenen Widerspruch gedruckt.",
        )
    assert objection.outcome_on is not None  # the outcome_dated constraint
    day = letter_date or date.today()
    decision = uow.session.get(Decision, objection.decision_id)
    assert decision is not None
    application = uow.session.get(Application, decision.application_id)
    assert application is not None
    applicant = uow.session.get(Person, application.applicant_person_id)
    assert applicant is not None
    recipient, greeting, represented = _recipient(uow, objection, applicant, day)
    members: tuple[LetterMember, ...] = ()
    remedial_reference = None
    if objection.state == OBJECTION_REMEDIED and objection.remedial_decision_id is not None:
        # "Ihr Pass" only when the letter speaks to the applicant herself.
        to_applicant = (not objection.representative
                        and objection.lodged_by_person_id == application.applicant_person_id)
        remedial = decision_letter_data(
            uow, objection.remedial_decision_id, letter_date=day, caseworker=""
        )
        members = tuple(dataclasses.replace(m, is_recipient=m.is_recipient and to_applicant)
                        for m in remedial.members)
        remedial_reference = remedial.file_reference
    return ObjectionLetterData(
        recipient_lines=recipient,
        representative_of=represented,
        salutation=greeting,
        letter_date=day,
        file_reference=f"KP-{objection.household_id}-W{objection.id}",
        outcome=objection.state,
        received_on=objection.received_on,
        decision_reference=_decision_reference(application.household_id, decision.id),
        decision_date=posted_on(uow, decision),
        application_date=application.application_date,
        in_time=objection.in_time,
        bekanntgabe_on=objection.bekanntgabe_on,
        deadline=objection.deadline,
        outcome_on=objection.outcome_on,
        reasons=objection.outcome_reason or "",
        members=members,
        remedial_reference=remedial_reference,
        caseworker=caseworker_name(uow),
    )


@requires(Permission.PRINT)
def print_objection_letter(
    database: Database, objection_id: int, out: Path, *, letter_date: date | None = None
) -> PrintResult:
    """The Widerspruchsbescheid or Abhilfebescheid of an objection that was decided."""
    with UnitOfWork(database, write=False) as uow:
        data = objection_letter_data(uow, objection_id, letter_date=letter_date)
        objection = uow.session.get(Objection, objection_id)
        assert objection is not None
        # the decision the letter is about: the one that stands, or the remedial one
        decision_id = objection.remedial_decision_id or objection.decision_id
        decision = uow.session.get(Decision, decision_id)
        settings = issuer_letter_settings(decision.issuer if decision is not None else None)
    return finish_print(
        database,
        out,
        "letter",
        {"objection": objection_id, "decision": decision_id},
        1,
        lambda s: render_objection_letter(data, s, settings),
        decision_id=decision_id,
    )
