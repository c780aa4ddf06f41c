"""Applications and decisions: ``apply`` and ``decide``, one transaction each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from kpass.errors import InvalidInput
from kpass.models import Application, Decision, Household, HouseholdMember, Person
from kpass.models.engine import Database
from kpass.models.periods import valid_on
from kpass.rules import Decision as RuleDecision
from kpass.rules import (
    RuleInput,
    decision_to_json,
    evaluate,
    rule_input_to_json,
)
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.approvals.need import ApprovalNeed
from kpass.services.approvals.requests import request_approval
from kpass.services.household.facts import (
    HouseholdFacts,
    build_rule_input,
    household_type,
    load_facts,
    members_on,
    stadtteil_on,
)
from kpass.services.issuers import issuer_code, residence_parameters
from kpass.services.uow import UnitOfWork

NO_RULE_SET = "keine"
PROOFS = (
    "personalausweis",
    "leistungsbescheid",
    "lohnabrechnungen",
    "rentenbescheid",
    "mietvertrag",
    "lichtbild",
)


@dataclass(frozen=True)
class ApplicationResult:
    application_id: int
    household_id: int
    applicant_id: int
    application_date: date
    kind: str


@dataclass(frozen=True)
class DecisionResult:
    decision_id: int
    application_id: int
    application_date: date
    decision: RuleDecision
    output: dict[str, Any]
    # why the decision waits for a supervisor (four-eyes rule); None: it may go out now
    approval: ApprovalNeed | None = None


def check_application_date(
    day: date, today: date | None = None, *,
    what: tuple[str, str] = ("The application date", "Das Antragsdatum"),
) -> None:
    """``day`` is not after today; ``what`` names the date in the message (English,
    German), e.g. a replacement's day."""
    if day > (today or date.today()):
        raise InvalidInput(
            f"{what[0]} {day:%d.%m.%Y} lies in the future.",
            f"{what[1]} {day:%d.%m.%Y} liegt in der Zukunft.",
        )


def _applicant_on(facts: HouseholdFacts, day: date) -> int:
    members = members_on(facts, day)
    for member in members:
        if member.role == "applicant":
            return member.person_id
    raise InvalidInput(
        f"Nobody in household {facts.household_id} is marked as applicant on {day:%d.%m.%Y}.",
        f"Im Haushalt {facts.household_id} ist am {day:%d.%m.%Y} niemand als "
        "antragstellende Person eingetragen.",
    )


def create_application(
    uow: UnitOfWork,
    household_id: int,
    application_date: date,
    *,
    kind: str = "new",
    applicant_id: int | None = None,
    proofs: tuple[str, ...] = (),
) -> Application:
    """Add an application inside the caller's transaction."""
    if uow.session.get(Household, household_id) is None:
        raise InvalidInput(
            f"There is no household {household_id}.", f"Es gibt keinen Haushalt {household_id}."
        )
    unknown = sorted(set(proofs) - set(PROOFS))
    if unknown:
        raise InvalidInput(
            f"Unknown proof(s): {', '.join(unknown)} (known: {', '.join(PROOFS)}).",
            f"Unbekannte Nachweise: {', '.join(unknown)} (bekannt: {', '.join(PROOFS)}).",
        )
    facts = load_facts(uow.session, household_id)
    applicant = applicant_id if applicant_id is not None else _applicant_on(facts, application_date)
    build_rule_input(facts, application_date, applicant)  # refuses incomplete households early
    same_day = _same_day_application(uow, household_id, application_date, kind, applicant)
    if same_day is not None:
        # Deciding again the same day (a correction, a second click) is the same
        # application: it is counted once, its decisions replace each other.
        same_day.proofs = sorted(set(same_day.proofs) | set(proofs))
        return same_day
    application = Application(
        household_id=household_id,
        applicant_person_id=applicant,
        application_date=application_date,
        kind=kind,
        proofs=list(proofs),
        created_by_id=uow.user_id(),
    )
    uow.session.add(application)
    uow.session.flush()
    uow.audit(
        "apply",
        "application",
        application.id,
        household_id=household_id,
        application_date=application_date.isoformat(),
        kind=kind,
    )
    return application


def _same_day_application(
    uow: UnitOfWork, household_id: int, day: date, kind: str, applicant: int
) -> Application | None:
    return uow.session.scalars(
        select(Application)
        .where(
            Application.household_id == household_id,
            Application.application_date == day,
            Application.kind == kind,
            Application.applicant_person_id == applicant,
            Application.status != "withdrawn",
        )
        .order_by(Application.id.desc())
        .limit(1)
        .with_for_update()
    ).first()


@requires(Permission.DECIDE)
def apply(
    database: Database,
    household_id: int,
    application_date: date,
    *,
    kind: str = "new",
    applicant_id: int | None = None,
    proofs: tuple[str, ...] = (),
    today: date | None = None,
) -> ApplicationResult:
    """Record an application of a household on a date."""
    check_application_date(application_date, today)
    with UnitOfWork(database) as uow:
        application = create_application(
            uow,
            household_id,
            application_date,
            kind=kind,
            applicant_id=applicant_id,
            proofs=proofs,
        )
        result = ApplicationResult(
            application.id, household_id, application.applicant_person_id, application_date, kind
        )
        uow.commit()
    return result


def preview_decision(facts: HouseholdFacts, day: date,
                     applicant_key: int) -> tuple[RuleInput, RuleDecision]:
    """What the rules see in ``facts`` on ``day`` and what they would decide, with the same
    parameters as a stored decision (:func:`decide`) — the counter's live preview of a
    household on the screen, nothing stored. The rules are those of the issuer of the
    household's residence on ``day``."""
    rule_input = build_rule_input(facts, day, applicant_key)
    parameters = residence_parameters(rule_input.residence.municipality)
    return rule_input, evaluate(rule_input, parameters)


def decide_application(
    uow: UnitOfWork, application: Application, *, review: bool = True
) -> DecisionResult:
    """Evaluate the stored household for an application and keep the decision.

    It replaces the household's decision still waiting for a supervisor, and waits itself
    when the four-eyes rule asks for it (``review=False``: a supervisor's own decision, the
    Abhilfe of an objection, never waits)."""
    # the statistics package brings the report writers (openpyxl): loaded with the first
    # decision, not with every module that imports this one (the app's start)
    from kpass.services.statistics.records import as_records, decision_rows
    from kpass.services.statistics.writes import take_back_earlier_decision

    facts = load_facts(uow.session, application.household_id)
    day = application.application_date
    rule_input, decision = preview_decision(facts, day, application.applicant_person_id)
    output = decision_to_json(decision)
    earlier = uow.session.scalars(
        select(Decision)
        .where(Decision.application_id == application.id)
        .order_by(Decision.id.desc())
        .limit(1)
    ).first()
    if earlier is not None:
        # A correction: the application counts once, as this decision found it.
        take_back_earlier_decision(uow, earlier)
    counted_type = household_type(facts, day)
    stored = Decision(
        application_id=application.id,
        issuer=issuer_code(rule_input.residence.municipality),
        decided_on=day,
        rule_set=decision.rule_set or NO_RULE_SET,
        input_snapshot=rule_input_to_json(rule_input),
        output=output,
        decided_by_id=uow.user_id(),
        household_type=counted_type,
    )
    uow.session.add(stored)
    application.status = "decided"
    uow.session.flush()
    births = {m.id: m.birth_date for m in rule_input.members}
    uow.session.add_all(
        as_records(
            decision_rows(
                decision.members,
                day,
                births,
                stadtteil_on(facts, day),
                counted_type,
                rule_input.applicant,
                decision.rule_set,
                stored.issuer,
            )
        )
    )
    eligible = sum(1 for m in decision.members if m.eligible)
    uow.audit(
        "decide",
        "decision",
        stored.id,
        application_id=application.id,
        eligible=eligible,
        members=len(decision.members),
        rule_set=decision.rule_set,
    )
    need = request_approval(uow, stored, decision, application.household_id, review=review)
    return DecisionResult(stored.id, application.id, day, decision, output, need)


def open_application(uow: UnitOfWork, application_id: int) -> Application:
    """An application that may be decided (it exists and was not withdrawn), locked.

    Two seats deciding the same application one after the other: the later decision sees
    the earlier one and takes its statistics back."""
    application = uow.session.scalars(
        select(Application).where(Application.id == application_id).with_for_update()
    ).first()
    if application is None:
        raise InvalidInput(
            f"There is no application {application_id}.",
            f"Es gibt keinen Antrag {application_id}.",
        )
    if application.status == "withdrawn":
        raise InvalidInput(
            f"Application {application_id} was withdrawn.",
            f"Der Antrag {application_id} wurde zurückgenommen.",
        )
    return application


@requires(Permission.DECIDE)
def decide(database: Database, application_id: int) -> DecisionResult:
    """Decide an application (again, if its data changed): one new decision row."""
    with UnitOfWork(database) as uow:
        result = decide_application(uow, open_application(uow, application_id))
        uow.commit()
    return result


def household_of_person(uow: UnitOfWork, person_id: int, day: date) -> int:
    """The household a person belongs to on ``day``."""
    household_id = uow.session.scalar(
        select(HouseholdMember.household_id)
        .where(
            HouseholdMember.person_id == person_id,
            valid_on(HouseholdMember.valid_from, HouseholdMember.valid_until, day),
        )
        .order_by(HouseholdMember.valid_from.desc())
        .limit(1)
    )
    if household_id is None:
        person = uow.session.get(Person, person_id)
        name = f"{person.given_names} {person.family_name}" if person else str(person_id)
        raise InvalidInput(
            f"{name} belongs to no household on {day:%d.%m.%Y}.",
            f"{name} gehört am {day:%d.%m.%Y} zu keinem Haushalt.",
        )
    return int(household_id)
