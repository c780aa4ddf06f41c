"""Pass lifecycle at the counter: issue, renew, replace, revoke — one transaction each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, update

from kpass.errors import InvalidInput
from kpass.models import Application, Counter, Decision, Pass, PassValidity, StatRecord
from kpass.models.engine import Database
from kpass.rules import (
    PassNumberError,
    format_pass_number,
    normalise_pass_number,
    renewal_possible_from,
)
from kpass.services.applications import (
    DecisionResult,
    check_application_date,
    create_application,
    decide_application,
    household_of_person,
    open_application,
)
from kpass.services.household_facts import member_key, person_id_of
from kpass.services.pass_lifecycle import HeldPass, IssuePlan, plan_issue
from kpass.services.statistics_writes import take_back_from, validity_stat_row
from kpass.services.uow import UnitOfWork

SERIAL_COUNTER = "pass_serial"


@dataclass(frozen=True)
class IssuedPass:
    person_id: int
    action: str  # new_pass | extend | none
    number: str | None
    pass_type: str
    valid_from: date | None
    valid_until: date | None
    held_until: date | None = None  # for "none": until when the running pass is valid


def next_pass_number(uow: UnitOfWork) -> str:
    """A fresh number: the counter only grows, so no number is ever handed out twice."""
    session = uow.session
    value = session.execute(
        update(Counter)
        .where(Counter.name == SERIAL_COUNTER)
        .values(value=Counter.value + 1)
        .returning(Counter.value)
    ).scalar_one_or_none()
    if value is None:
        highest = session.scalar(select(func.count()).select_from(Pass)) or 0
        value = 100001 + int(highest)
        session.add(Counter(name=SERIAL_COUNTER, value=value))
    return format_pass_number(int(value))


def held_pass(uow: UnitOfWork, person_id: int) -> HeldPass | None:
    """The person's most recent pass with the end of its latest validity."""
    row = uow.session.execute(
        select(Pass, func.max(PassValidity.valid_until))
        .join(PassValidity, PassValidity.pass_id == Pass.id)
        .where(Pass.person_id == person_id)
        .group_by(Pass.id)
        .order_by(func.max(PassValidity.valid_until).desc(), Pass.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    card, until = row
    return HeldPass(card.id, card.number, card.pass_type, card.status, card.revoked_on, until)


def find_pass(uow: UnitOfWork, number_text: str) -> Pass:
    """The pass with this number; typed numbers are checked by their check digits first."""
    try:
        number = normalise_pass_number(number_text)
    except PassNumberError as exc:
        raise InvalidInput(exc.message_en, exc.message_de) from exc
    card = uow.session.scalar(select(Pass).where(Pass.number == number))
    if card is None:
        raise InvalidInput(f"There is no pass {number}.", f"Es gibt keinen Pass {number}.")
    return card


def _latest_validity(uow: UnitOfWork, card: Pass) -> PassValidity:
    validity = uow.session.scalars(
        select(PassValidity)
        .where(PassValidity.pass_id == card.id)
        .order_by(PassValidity.valid_until.desc())
        .limit(1)
    ).one()
    return validity


def _issue_for_decision(uow: UnitOfWork, decision: Decision) -> list[IssuedPass]:
    application = uow.session.get(Application, decision.application_id)
    assert application is not None
    already = uow.session.scalar(
        select(func.count())
        .select_from(PassValidity)
        .where(PassValidity.decision_id == decision.id)
    )
    if already:
        raise InvalidInput(
            f"Passes were already issued for decision {decision.id}.",
            f"Für die Entscheidung {decision.id} wurden bereits Pässe ausgestellt.",
        )
    day = decision.decided_on
    issued: list[IssuedPass] = []
    for member in decision.output["members"]:
        if not member["eligible"]:
            continue
        person_id = person_id_of(member["id"])
        plan = plan_issue(held_pass(uow, person_id), member["pass_type"], day)
        issued.append(_carry_out(uow, plan, person_id, decision, str(member["id"])))
    uow.audit(
        "issue", "decision", decision.id, passes=[i.number for i in issued if i.action != "none"]
    )
    return issued


def _carry_out(
    uow: UnitOfWork,
    plan: IssuePlan,
    person_id: int,
    decision: Decision,
    member_id: str,
) -> IssuedPass:
    if plan.action == "none":
        return IssuedPass(person_id, "none", None, plan.pass_type, None, None, plan.held_until)
    assert plan.valid_from is not None and plan.valid_until is not None
    if plan.action == "extend":
        card = uow.session.get(Pass, plan.pass_id)
        assert card is not None
    else:
        if plan.supersedes is not None:
            # The Kinderpass ends with its period; marked replaced, it leaves the renewal
            # queue and cannot be renewed beside the new Karlsruher Pass.
            old = uow.session.get(Pass, plan.supersedes)
            assert old is not None
            _end_pass(uow, old, "replaced", plan.valid_from, "Passart gewechselt (volljährig)")
        card = Pass(number=next_pass_number(uow), person_id=person_id, pass_type=plan.pass_type)
        uow.session.add(card)
    validity = PassValidity(
        decision_id=decision.id,
        kind=plan.kind,
        valid_from=plan.valid_from,
        valid_until=plan.valid_until,
    )
    card.validities.append(validity)
    uow.session.flush()
    row = validity_stat_row(uow, validity, member_id)
    # "new" in the statistics when nobody held a valid pass the day before, whatever kind
    # of period it is for the card.
    uow.session.add(StatRecord(**{**row, "event": plan.event}))
    return IssuedPass(
        person_id, plan.action, card.number, plan.pass_type, plan.valid_from, plan.valid_until
    )


def issue_passes(database: Database, decision_id: int) -> list[IssuedPass]:
    """Issue (or extend) the passes of everybody a decision found eligible."""
    with UnitOfWork(database) as uow:
        decision = uow.session.get(Decision, decision_id)
        if decision is None:
            raise InvalidInput(
                f"There is no decision {decision_id}.", f"Es gibt keine Entscheidung {decision_id}."
            )
        issued = _issue_for_decision(uow, decision)
        uow.commit()
    return issued


def decide_and_issue(
    database: Database, application_id: int
) -> tuple[DecisionResult, list[IssuedPass]]:
    """Decide and issue in one transaction: no decision stays behind without its passes."""
    with UnitOfWork(database) as uow:
        decided = decide_application(uow, open_application(uow, application_id))
        stored = uow.session.get(Decision, decided.decision_id)
        assert stored is not None
        issued = _issue_for_decision(uow, stored)
        uow.commit()
    return decided, issued


@dataclass(frozen=True)
class RenewalResult:
    decision: DecisionResult
    issued: list[IssuedPass]
    holder_pass: IssuedPass | None  # what happened to the pass that was renewed


def renew_pass(
    database: Database, number: str, on: date, *, today: date | None = None
) -> RenewalResult:
    """A renewal: a new application and decision for the holder's household, then issuing."""
    check_application_date(on, today)
    with UnitOfWork(database) as uow:
        card = find_pass(uow, number)
        if card.status != "active":
            raise InvalidInput(
                f"Pass {card.number} was {card.status} on {card.revoked_on:%d.%m.%Y} and cannot "
                "be renewed.",
                f"Der Pass {card.number} wurde am {card.revoked_on:%d.%m.%Y} "
                f"{'gesperrt' if card.status == 'revoked' else 'ersetzt'} und kann nicht "
                "verlängert werden.",
            )
        until = _latest_validity(uow, card).valid_until
        possible = renewal_possible_from(until)
        if on < possible:
            raise InvalidInput(
                f"Pass {card.number} is valid until {until:%d.%m.%Y}; it can be renewed from "
                f"{possible:%d.%m.%Y}.",
                f"Der Pass {card.number} ist gültig bis {until:%d.%m.%Y}; verlängert werden "
                f"kann er ab {possible:%d.%m.%Y}.",
            )
        household_id = household_of_person(uow, card.person_id, on)
        application = create_application(uow, household_id, on, kind="renewal")
        decided = decide_application(uow, application)
        stored = uow.session.get(Decision, decided.decision_id)
        assert stored is not None
        issued = _issue_for_decision(uow, stored)
        holder = next((i for i in issued if i.person_id == card.person_id), None)
        uow.commit()
    return RenewalResult(decided, issued, holder)


def _covered(uow: UnitOfWork, card: Pass, on: date) -> bool:
    return bool(
        uow.session.scalar(
            select(func.count())
            .select_from(PassValidity)
            .where(
                PassValidity.pass_id == card.id,
                PassValidity.valid_from <= on,
                PassValidity.valid_until >= on,
            )
        )
    )


def _end_pass(uow: UnitOfWork, card: Pass, status: str, on: date, reason: str) -> None:
    card.status = status
    card.revoked_on = on
    card.revocation_reason = reason
    take_back_from(uow, card, on)


def _check_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise InvalidInput("A reason is required.", "Bitte einen Grund angeben.")
    return reason


def replace_pass(
    database: Database, number: str, on: date, reason: str, *, today: date | None = None
) -> IssuedPass:
    """A lost or damaged pass: a new number with the same expiry; the old number is revoked."""
    check_application_date(on, today)
    reason = _check_reason(reason)
    with UnitOfWork(database) as uow:
        card = find_pass(uow, number)
        validity = _latest_validity(uow, card)
        # A renewed pass is valid through its old period too: any period may cover the day.
        if card.status != "active" or not _covered(uow, card, on):
            raise InvalidInput(
                f"Pass {card.number} is not valid on {on:%d.%m.%Y}; only a valid pass can be "
                "replaced (otherwise apply anew).",
                f"Der Pass {card.number} ist am {on:%d.%m.%Y} nicht gültig; ersetzt werden kann "
                "nur ein gültiger Pass (sonst neu beantragen).",
            )
        _end_pass(uow, card, "replaced", on, reason)
        new = Pass(
            number=next_pass_number(uow),
            person_id=card.person_id,
            pass_type=card.pass_type,
            replaces_pass_id=card.id,
        )
        new.validities.append(
            PassValidity(
                decision_id=validity.decision_id,
                kind="replacement",
                valid_from=on,
                valid_until=validity.valid_until,
            )
        )
        uow.session.add(new)
        uow.session.flush()
        replacement = new.validities[0]
        row = validity_stat_row(uow, replacement, member_key(card.person_id))
        uow.session.add(StatRecord(**{**row, "decided_on": on}))
        uow.audit("replace", "pass", card.id, old=card.number, new=new.number, reason=reason)
        result = IssuedPass(
            new.person_id, "new_pass", new.number, new.pass_type, on, validity.valid_until
        )
        uow.commit()
    return result


def revoke_pass(
    database: Database, number: str, on: date, reason: str, *, today: date | None = None
) -> str:
    """Revoke a pass from a date on (it is not valid from that day).

    The day may not lie in the future (the status changes at once, so a future date would
    end the pass early everywhere) nor outside the pass's validity.
    """
    reason = _check_reason(reason)
    if on > (today or date.today()):
        raise InvalidInput(
            f"A pass cannot be revoked from a future day ({on:%d.%m.%Y}).",
            f"Ein Pass kann nicht ab einem künftigen Tag gesperrt werden ({on:%d.%m.%Y}).",
        )
    with UnitOfWork(database) as uow:
        card = find_pass(uow, number)
        if card.status != "active":
            raise InvalidInput(
                f"Pass {card.number} is already {card.status}.",
                f"Der Pass {card.number} ist bereits "
                f"{'gesperrt' if card.status == 'revoked' else 'ersetzt'}.",
            )
        first = uow.session.scalar(
            select(func.min(PassValidity.valid_from)).where(PassValidity.pass_id == card.id)
        )
        until = _latest_validity(uow, card).valid_until
        if first is None or on < first or on > until:
            raise InvalidInput(
                f"Pass {card.number} is valid only from {first:%d.%m.%Y} to {until:%d.%m.%Y}.",
                f"Der Pass {card.number} gilt nur vom {first:%d.%m.%Y} bis {until:%d.%m.%Y}.",
            )
        _end_pass(uow, card, "revoked", on, reason)
        uow.audit("revoke", "pass", card.id, number=card.number, on=on.isoformat(), reason=reason)
        uow.commit()
        return card.number
