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
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from kpass.documents import DecisionLetterData, LetterMember, LetterRules, ReminderData
from kpass.documents.data import PASS_CONTINUED, PASS_NEW, PASS_RUNNING
from kpass.errors import InvalidInput
from kpass.models import (
    Application,
    AppUser,
    Decision,
    HouseholdAddress,
    HouseholdMember,
    Pass,
    PassValidity,
    Person,
)
from kpass.models.periods import valid_on
from kpass.rules import (
    Parameters,
    RuleSet,
    configured_issuers,
    default_parameters,
    household_from_json,
    last_of_month,
    load_parameters,
    pass_parameters,
    validity_months,
)
from kpass.rules.pass_lifecycle import plan_issue
from kpass.services.applications.deciding import household_of_person
from kpass.services.household.facts import member_key, person_id_of
from kpass.services.passes.actions import held_pass
from kpass.services.passes.queries import PassRow
from kpass.services.uow import UnitOfWork

KINDERPASS = "kinderpass"
REPRESENTATIVE_SALUTATION = "Sehr geehrte Damen und Herren,"

#: The parameters whose ``reference`` may name the legal basis, in the order they are read.
_DECIDING_PARAMETERS = (
    "threshold",
    "weight_first_adult",
    "weight_older_member",
    "weight_young_member",
    "older_member_age",
    "adult_age",
    "adult_min_age",
    "large_family_min_minors",
    "qualifying_benefits",
    "income_kinds",
    "senior_extra_age",
    "senior_extra_amount",
    "validity_months",
)
#: A part of a reference that names a legal source (not a web page or a press article).
_LEGAL_SOURCE = re.compile(r"\b(Gemeinderat|Richtlinie|Satzung|Beschluss)", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")


# People ---------------------------------------------------------------------------------


def person_name(person: Person) -> str:
    """``"Erika Müller"``."""
    return f"{person.given_names} {person.family_name}"


def salutation(person: Person) -> str:
    """The letter's salutation from the recorded ``Person.salutation``.

    ``"Sehr geehrte Frau Müller,"``, ``"Sehr geehrter Herr Müller,"``; without one recorded
    ``"Guten Tag Max Müller,"`` (the sex is no salutation).
    """
    if person.salutation == "frau":
        return f"Sehr geehrte Frau {person.family_name},"
    if person.salutation == "herr":
        return f"Sehr geehrter Herr {person.family_name},"
    return f"Guten Tag {person_name(person)},"


def address_lines(uow: UnitOfWork, person: Person, on: date) -> tuple[str, ...]:
    """The window address: name (with "Frau"/"Herrn" when recorded), street, postcode town."""
    address = uow.session.execute(
        select(HouseholdAddress)
        .join(HouseholdMember, HouseholdMember.household_id == HouseholdAddress.household_id)
        .where(
            HouseholdMember.person_id == person.id,
            valid_on(HouseholdMember.valid_from, HouseholdMember.valid_until, on),
            valid_on(HouseholdAddress.valid_from, HouseholdAddress.valid_until, on),
        )
        .order_by(HouseholdAddress.valid_from.desc())
        .limit(1)
    ).scalar_one_or_none()
    title = {"frau": "Frau ", "herr": "Herrn "}.get(person.salutation or "", "")
    name = title + person_name(person)
    if address is None:
        return (name,)
    return (
        name,
        f"{address.street} {address.house_number}",
        f"{address.postcode} {address.municipality}",
    )


def caseworker_name(uow: UnitOfWork) -> str:
    """The acting user's printed name: ``AppUser.display_name``, else the user name.

    Only reads (a user without a row yet is named by the user name), so it works in a
    reading unit of work.
    """
    user = uow.session.scalar(select(AppUser).where(AppUser.username == uow.username))
    if user is None:
        return uow.username
    return user.display_name.strip() or user.username


def applicant_of(uow: UnitOfWork, person: Person, on: date) -> Person | None:
    """The applicant of the household ``person`` lives in on ``on`` (a child's parent)."""
    try:
        household_id = household_of_person(uow, person.id, on)
    except InvalidInput:
        return None
    applicant_id = uow.session.scalar(
        select(HouseholdMember.person_id)
        .where(
            HouseholdMember.household_id == household_id,
            HouseholdMember.role == "applicant",
            valid_on(HouseholdMember.valid_from, HouseholdMember.valid_until, on),
        )
        .order_by(HouseholdMember.person_id)
        .limit(1)
    )
    return uow.session.get(Person, applicant_id) if applicant_id else None


def of_age_on(birth_date: date, adult_age: int) -> date:
    """The day a person born on ``birth_date`` reaches ``adult_age`` (29 February: 1 March)."""
    year = birth_date.year + adult_age
    try:
        return birth_date.replace(year=year)
    except ValueError:  # born on 29 February, no such day that year
        return date(year, 3, 1)


# Rules ----------------------------------------------------------------------------------


def rules_of(
    rule_set_id: str, parameters: Parameters | None = None
) -> tuple[Parameters, RuleSet] | None:
    """The parameters and the rule set called ``rule_set_id``; ``None`` if none is known.

    ``parameters`` is searched first (a caller's own parameter file); then every configured
    issuer whose prefix the id carries.
    """
    candidates: list[Parameters] = [] if parameters is None else [parameters]
    for issuer in configured_issuers():
        if rule_set_id.startswith(issuer.rule_set_prefix + "-"):
            candidates.append(load_parameters(issuer.municipality))
    for found in candidates:
        try:
            return found, found.rule_set_by_id(rule_set_id)
        except KeyError:
            continue
    return None


def letter_rules(parameters: Parameters, rule_set: RuleSet) -> LetterRules:
    """The figures of ``rule_set`` a letter explains."""
    in_force = parameters.parameters["threshold"].value_on(rule_set.in_force_from)
    return LetterRules(
        rule_set=rule_set.id,
        threshold_since=in_force[0] if in_force else None,
        weight_first_adult=rule_set.weight_first_adult,
        weight_older_member=rule_set.weight_older_member,
        weight_young_member=rule_set.weight_young_member,
        older_member_age=rule_set.older_member_age,
        adult_age=rule_set.adult_age,
        large_family_min_minors=rule_set.large_family_min_minors,
        senior_extra_age=rule_set.senior_extra_age,
        senior_extra_amount=rule_set.senior_extra_amount,
        validity_months=rule_set.validity_months,
    )


def legal_sources(parameters: Parameters) -> tuple[str, ...]:
    """The legal sources in the parameters' ``reference`` entries, each once.

    A reference lists its sources separated by ``;``; the legal ones name the Gemeinderat, a
    Richtlinie, a Satzung or a Beschluss (web pages and press articles are left out).
    Explanations in parentheses are dropped: ``"Gemeinderat Karlsruhe 19.11.2019, TOP 8.1
    (modifizierte OECD-Skala)"`` → ``"Gemeinderat Karlsruhe 19.11.2019, TOP 8.1"``.
    """
    found: dict[str, None] = {}
    references = [parameters.parameters[name].reference for name in _DECIDING_PARAMETERS
                  if name in parameters.parameters]
    for reference in (*references, parameters.issuer.reference):
        for part in reference.split(";"):
            text = _PARENTHESIS.sub("", part).strip().rstrip(",.")
            if text and _LEGAL_SOURCE.search(text):
                found.setdefault(text, None)
    return tuple(found)


# Passes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _PassFacts:
    number: str | None
    action: str | None  # PASS_NEW | PASS_CONTINUED | PASS_RUNNING; None: not issued yet
    valid_from: date
    valid_until: date
    previous_number: str | None = None
    previous_pass_type: str | None = None
    running_pass_type: str | None = None


def _run_around(periods: list[PassValidity], index: int) -> tuple[date, date]:
    """The unbroken run of periods (sorted by start) that holds ``periods[index]``."""
    start, end = periods[index].valid_from, periods[index].valid_until
    for earlier in reversed(periods[:index]):
        if earlier.valid_until + timedelta(days=1) >= start:
            start = min(start, earlier.valid_from)
    for later in periods[index + 1:]:
        if later.valid_from <= end + timedelta(days=1):
            end = max(end, later.valid_until)
    return start, end


def _type_in_decision(uow: UnitOfWork, decision_id: int, person_id: int) -> str | None:
    decision = uow.session.get(Decision, decision_id)
    if decision is None:
        return None
    for member in decision.output.get("members", ()):
        if member.get("id") == member_key(person_id) and member.get("pass_type"):
            return str(member["pass_type"])
    return None


def _granted(
    uow: UnitOfWork, decision: Decision, person_id: int, card: Pass, granted: PassValidity,
    rows: list[tuple[Pass, PassValidity]],
) -> _PassFacts:
    earlier = [v for p, v in rows if p.id == card.id and v.valid_from < granted.valid_from]
    if earlier:
        before = max(earlier, key=lambda v: v.valid_until)
        return _PassFacts(
            card.number, PASS_CONTINUED, granted.valid_from, granted.valid_until,
            previous_number=card.number,
            previous_pass_type=_type_in_decision(uow, before.decision_id, person_id)
            or card.pass_type,
        )
    # A new card: does it take over from a pass of the other type (the holder came of age)?
    day_before = granted.valid_from - timedelta(days=1)
    superseded = [
        p for p, v in rows
        if p.id != card.id and p.pass_type != card.pass_type and v.decision_id < decision.id
        and v.valid_from <= day_before <= v.valid_until
    ]
    previous = superseded[-1] if superseded else None
    return _PassFacts(
        card.number, PASS_NEW, granted.valid_from, granted.valid_until,
        previous_number=previous.number if previous else None,
        previous_pass_type=previous.pass_type if previous else None,
    )


def _running(
    uow: UnitOfWork, decision: Decision, person_id: int, rows: list[tuple[Pass, PassValidity]]
) -> _PassFacts | None:
    """The pass that keeps running, so that the decision issued nothing new for the person.

    That is the pass valid on the decision day (as the decision knew it: periods granted by
    later decisions do not count) when it runs beyond the decision's month, or when it is
    revoked from a later day (then it runs until the day before, and is not renewed).
    """
    day = decision.decided_on
    by_pass: dict[int, list[PassValidity]] = defaultdict(list)
    cards: dict[int, Pass] = {}
    for card, validity in rows:
        if validity.decision_id <= decision.id:
            by_pass[card.id].append(validity)
            cards[card.id] = card
    for pass_id, periods in by_pass.items():
        card = cards[pass_id]
        if card.revoked_on is not None and card.revoked_on <= day:
            continue  # revoked or replaced by then
        periods.sort(key=lambda v: v.valid_from)
        for index, validity in enumerate(periods):
            if not validity.valid_from <= day <= validity.valid_until:
                continue
            start, end = _run_around(periods, index)
            revoked_later = card.status == "revoked" and card.revoked_on is not None
            if revoked_later:
                assert card.revoked_on is not None
                end = min(end, card.revoked_on - timedelta(days=1))
            if revoked_later or end > last_of_month(day):
                # The card's type then: a Kinderpass may have become a Karlsruher Pass since.
                then = _type_in_decision(uow, validity.decision_id, person_id)
                return _PassFacts(card.number, PASS_RUNNING, start, end,
                                  running_pass_type=then or card.pass_type)
    return None


def _pass_facts(
    uow: UnitOfWork, decision: Decision, eligible: dict[int, str], months: int
) -> dict[int, _PassFacts]:
    """Per eligible person (id → pass type decided): what the letter says of the pass.

    ``months`` is ``validity_months`` of the rule set that decided, for the dates a pass not
    yet issued will get.
    """
    rows_by_person: dict[int, list[tuple[Pass, PassValidity]]] = defaultdict(list)
    for card, validity in uow.session.execute(
        select(Pass, PassValidity)
        .join(PassValidity, PassValidity.pass_id == Pass.id)
        .where(Pass.person_id.in_(list(eligible)))
        .order_by(PassValidity.valid_from, Pass.id)
    ).tuples():
        rows_by_person[card.person_id].append((card, validity))
    facts: dict[int, _PassFacts] = {}
    for person_id, pass_type in eligible.items():
        rows = rows_by_person.get(person_id, [])
        granted = [(p, v) for p, v in rows
                   if v.decision_id == decision.id and v.kind != "replacement"]
        if granted:
            card, validity = granted[0]
            facts[person_id] = _granted(uow, decision, person_id, card, validity, rows)
            continue
        running = _running(uow, decision, person_id, rows)
        if running is not None:
            facts[person_id] = running
            continue
        # Not issued yet: the dates issuing will give (a renewal continues the old period).
        plan = plan_issue(held_pass(uow, person_id), pass_type, decision.decided_on, months)
        if plan.valid_from is not None and plan.valid_until is not None:
            facts[person_id] = _PassFacts(None, None, plan.valid_from, plan.valid_until)
    return facts


# Decision letters -----------------------------------------------------------------------


def _reason_text(text: str) -> str:
    # Decisions stored before the second edition call the rule set "Regelsatz".
    return text.replace("keinen Regelsatz", "kein Regelwerk").replace("Regelsatz", "Regelwerk")


def _letter_member(
    output: dict[str, Any], person: Person, birth: date, facts: _PassFacts | None,
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
    facts = _pass_facts(uow, decision, eligible, months)
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
    )


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
    """
    holder = uow.session.get(Person, row.person_id)
    assert holder is not None
    adult_age = pass_parameters(parameters or default_parameters(), row.valid_until).adult_age
    adult_from = of_age_on(holder.birth_date, adult_age)
    recipient = holder
    if row.type == KINDERPASS and adult_from > letter_date:
        recipient = applicant_of(uow, holder, letter_date) or holder
    return ReminderData(
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
    )

