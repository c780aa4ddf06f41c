"""What the letters say, gathered from the register: decision letters and renewal reminders.

Read-only: nothing here writes, so the data can be gathered in a reading unit of work and the
PDF rendered outside any write transaction (see :mod:`kpass.services.printing`).

The letters state what the register holds, not what the rules would give a new pass:

- the period each pass was actually granted by the decision (a renewal continues the old
  period); for a member whose pass already runs beyond the decision's month, that pass with
  its real dates (nothing new is issued);
- a Kinderpass followed by a Karlsruher Pass (the holder is now of age), with both numbers;
- the highest eligible household income (worked out from the stored figures for decisions
  stored before the second edition of the rules);
- the parameters of the rule set that decided (weights, ages, amounts, months) and the legal
  sources named in the parameter file's ``reference`` entries;
- the caseworker's name and the recorded salutation.

This module puts a letter together; what it says of each pass is worked out in
:mod:`~kpass.services.printing.letter_passes`, of the rule set in
:mod:`~kpass.services.printing.legal_basis`, and of the people in
:mod:`~kpass.services.printing.letter_people` (their names stay importable from here).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from kpass.documents import DecisionLetterData, LetterMember, ReminderData
from kpass.documents.reminders import ReminderLetter
from kpass.errors import InvalidInput
from kpass.models import Application, Decision, Pass, Person
from kpass.rules import (
    InputError,
    Parameters,
    default_parameters,
    education_benefits,
    household_from_json,
    pass_parameters,
    rule_input_from_json,
    validity_months,
)
from kpass.services.household.facts import person_id_of
from kpass.services.passes.queries import PassRow
from kpass.services.printing.legal_basis import legal_sources, letter_rules, rules_of
from kpass.services.printing.letter_passes import PassFacts, pass_facts
from kpass.services.printing.letter_people import (
    address_lines,
    applicant_of,
    caseworker_name,
    of_age_on,
    person_name,
    salutation,
)
from kpass.services.printing.letterhead import household_letter_settings
from kpass.services.uow import UnitOfWork
from kpass.vocabulary import BENEFITS, label

__all__ = [
    "KINDERPASS",
    "REPRESENTATIVE_SALUTATION",
    "address_lines",
    "applicant_of",
    "caseworker_name",
    "decision_letter_data",
    "legal_sources",
    "letter_rules",
    "of_age_on",
    "person_name",
    "reminder_data",
    "rules_of",
    "salutation",
]

KINDERPASS = "kinderpass"
REPRESENTATIVE_SALUTATION = "Sehr geehrte Damen und Herren,"


# Decision letters -----------------------------------------------------------------------


def _reason_text(text: str) -> str:
    # Decisions stored before the second edition call the rule set "Regelsatz".
    return text.replace("keinen Regelsatz", "kein Regelwerk").replace("Regelsatz", "Regelwerk")


def _letter_member(
    output: dict[str, Any], person: Person, birth: date, facts: PassFacts | None,
    is_recipient: bool,
) -> LetterMember:
    valid_from = date.fromisoformat(output["valid_from"]) if output["valid_from"] else None
    valid_until = date.fromisoformat(output["valid_until"]) if output["valid_until"] else None
    if facts is not None and output["eligible"]:
        valid_from, valid_until = facts.valid_from, facts.valid_until
    return LetterMember(
        name=person_name(person),
        birth_date=birth,
        eligible=output["eligible"],
        pass_type=output["pass_type"],
        basis=output["basis"],
        valid_from=valid_from,
        valid_until=valid_until,
        reasons=tuple(_reason_text(r["text"]) for r in output["reasons"]),
        extras=tuple(output["extras"]),
        pass_number=facts.number if facts else None,
        pass_action=facts.action if facts else None,
        previous_number=facts.previous_number if facts else None,
        previous_pass_type=facts.previous_pass_type if facts else None,
        running_pass_type=facts.running_pass_type if facts else None,
        is_recipient=is_recipient,
    )


def _recipient(
    uow: UnitOfWork, applicant: Person, on: date, representative: str | None
) -> tuple[str, ...]:
    lines = address_lines(uow, applicant, on)
    if not representative:
        return lines
    given = tuple(line.strip() for line in representative.splitlines() if line.strip())
    if len(given) > 1:  # the representative's own address
        return given
    return (given[0], *lines[1:]) if given else lines


def decision_letter_data(
    uow: UnitOfWork,
    decision_id: int,
    *,
    representative: str | None = None,
    letter_date: date | None = None,
    caseworker: str | None = None,
    parameters: Parameters | None = None,
) -> DecisionLetterData:
    """Everything the Bescheid for decision ``decision_id`` says, read from the register.

    ``representative``: the name (or the address lines, one per line) of a Betreuer/in the
    letter goes to instead of the applicant. ``caseworker``: the name under "Im Auftrag";
    default the acting user's (:func:`caseworker_name`). ``parameters``: the parameter file
    to explain the rule set from; default the configured issuer whose rule set decided.
    """
    decision = uow.session.get(Decision, decision_id)
    if decision is None:
        raise InvalidInput(
            f"There is no decision {decision_id}.", f"Es gibt keine Entscheidung {decision_id}."
        )
    application = uow.session.get(Application, decision.application_id)
    assert application is not None
    output = decision.output
    births = {
        m["id"]: date.fromisoformat(m["birth_date"]) for m in decision.input_snapshot["members"]
    }
    ids = [person_id_of(m["id"]) for m in output["members"]]
    persons = {p.id: p for p in uow.session.scalars(select(Person).where(Person.id.in_(ids)))}
    applicant = persons.get(application.applicant_person_id) or uow.session.get(
        Person, application.applicant_person_id
    )
    assert applicant is not None
    eligible = {
        person_id_of(m["id"]): str(m["pass_type"]) for m in output["members"] if m["eligible"]
    }
    found = rules_of(decision.rule_set, parameters)
    months = (found[1].validity_months if found
              else validity_months(default_parameters(), decision.decided_on))
    facts = pass_facts(uow, decision, eligible, months)
    members = tuple(
        _letter_member(
            m,
            persons[person_id_of(m["id"])],
            births[m["id"]],
            facts.get(person_id_of(m["id"])),
            is_recipient=not representative
            and person_id_of(m["id"]) == application.applicant_person_id,
        )
        for m in output["members"]
    )
    figures = household_from_json(output.get("household"))
    rules = letter_rules(*found) if found else None
    return DecisionLetterData(
        recipient_lines=_recipient(uow, applicant, decision.decided_on, representative),
        representative_of=person_name(applicant) if representative else None,
        salutation=REPRESENTATIVE_SALUTATION if representative else salutation(applicant),
        letter_date=letter_date or date.today(),
        file_reference=f"KP-{application.household_id}-{decision.id}",
        application_date=application.application_date,
        members=members,
        net_income=figures.net_income,
        weights=figures.weights,
        equivalised_income=figures.equivalised_income,
        threshold=figures.threshold,
        margin=figures.margin,
        max_household_income=figures.max_household_income,
        rule_set=decision.rule_set,
        voucher_amount=rules.senior_extra_amount if rules else None,
        highest_eligible_income=figures.highest_eligible_income,
        rules=rules,
        issuer=found[0].issuer.name if found else "",
        legal_sources=legal_sources(found[0]) if found else (),
        caseworker=caseworker_name(uow) if caseworker is None else caseworker,
        education_benefits=_education(decision.input_snapshot),
    )


def _education(snapshot: Any) -> tuple[str, ...]:
    """The labels of the benefits in a decision's input that open Bildung und Teilhabe."""
    try:
        rule_input = rule_input_from_json(snapshot)
    except InputError:
        return ()  # a snapshot today's rules cannot read: the letter goes without the note
    return tuple(label(BENEFITS, kind) for kind in education_benefits(rule_input))


# Renewal reminders ----------------------------------------------------------------------


def reminder_data(
    uow: UnitOfWork,
    row: PassRow,
    *,
    letter_date: date,
    caseworker: str = "",
    parameters: Parameters | None = None,
) -> ReminderData:
    """The renewal reminder for the pass in ``row`` (a row of the renewal queue).

    A Kinderpass reminder goes to the household's applicant while the holder is a minor on
    ``letter_date``, else to the holder. When the holder comes of age by the pass's expiry,
    the reminder says that the next pass is a Karlsruher Pass with the same number.
    ``caseworker``: a name under "Im Auftrag" (default none: a mass mailing is signed by the
    office). ``parameters``: whose ``adult_age`` counts; default the default issuer's.
    The letter comes from the office of the issuer of the holder's household on
    ``letter_date`` (a holder in no household then: the pass's issuer).
    """
    holder = uow.session.get(Person, row.person_id)
    assert holder is not None
    adult_age = pass_parameters(parameters or default_parameters(), row.valid_until).adult_age
    adult_from = of_age_on(holder.birth_date, adult_age)
    recipient = holder
    if row.type == KINDERPASS and adult_from > letter_date:
        recipient = applicant_of(uow, holder, letter_date) or holder
    card = uow.session.get(Pass, row.pass_id)
    return ReminderLetter(
        recipient_lines=address_lines(uow, recipient, letter_date),
        salutation=salutation(recipient),
        holder_name=person_name(holder),
        number=row.number,
        pass_type=row.type,
        valid_until=row.valid_until,
        letter_date=letter_date,
        addressed_to_holder=recipient.id == holder.id,
        of_age_on=adult_from if row.type == KINDERPASS and adult_from <= row.valid_until
        else None,
        caseworker=caseworker,
        settings=household_letter_settings(uow, holder.id, letter_date,
                                           card.issuer if card is not None else None),
    )

