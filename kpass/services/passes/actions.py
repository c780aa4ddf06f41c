"""Pass lifecycle at the counter: issue, renew, replace, revoke — one transaction each.

Several seats may work on one register at once (PostgreSQL). Every use case that changes a
pass takes row locks first, always in the same order — the application or decision, then
the persons (ascending ids), then the pass — and checks the pass's state only after it holds
them, so two seats can never both renew, replace or revoke one pass, nor both issue for one
person. On SQLite writers take the whole database up front (BEGIN IMMEDIATE), so the locks
are no-ops there. The exclusion constraint (PostgreSQL) and triggers (SQLite) on the
validity periods are the last wall; :class:`kpass.services.uow.UnitOfWork` turns their
refusal into a clear message.

A revocation may be dated in the future (spec 5, second edition): the pass is then stored
as revoked with that day, and it counts as active on every day before it (see
:func:`kpass.services.passes.queries.not_revoked_on`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select, update

from kpass.errors import InvalidInput
from kpass.models import (
    Application,
    Counter,
    Decision,
    HouseholdMember,
    Pass,
    PassValidity,
    Person,
    StatRecord,
)
from kpass.models.engine import Database
from kpass.models.periods import valid_on
from kpass.rules import (
    PassNumberError,
    format_pass_number,
    normalise_pass_number,
    renewal_possible_from,
)
from kpass.rules.pass_lifecycle import HeldPass, IssuePlan, period_months, plan_issue
from kpass.services.applications.deciding import (
    DecisionResult,
    check_application_date,
    create_application,
    decide_application,
    household_of_person,
    open_application,
)
from kpass.services.household.facts import member_key, person_id_of
from kpass.services.household.identity import likely_duplicates_of, refuse_duplicate_pass_holder
from kpass.services.statistics.writes import take_back_from, validity_stat_row
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
    # For "extend": the card's type before this period when it changed (a Kinderpass holder
    # turned 18: "Die Passnummer bleibt", only the card is new); None when it did not.
    previous_type: str | None = None

    @property
    def type_changed(self) -> bool:
        return self.previous_type is not None and self.previous_type != self.pass_type


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


# -- row locks (PostgreSQL; nothing on SQLite, whose writers serialize at BEGIN) -------------


def _lock_persons(uow: UnitOfWork, person_ids: Iterable[int]) -> None:
    """Lock the persons' rows, in ascending order so that two seats cannot deadlock."""
    ids = sorted(set(person_ids))
    if ids:
        uow.session.execute(
            select(Person.id).where(Person.id.in_(ids)).order_by(Person.id).with_for_update()
        ).all()


def _lock_pass(uow: UnitOfWork, card: Pass) -> Pass:
    """Lock the pass row (after its holder's) and read it afresh: another seat may have
    renewed, replaced or revoked it while this one waited."""
    return uow.session.scalars(
        select(Pass)
        .where(Pass.id == card.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()


def _locked_pass(uow: UnitOfWork, number: str) -> Pass:
    """The pass with this number, locked together with its holder."""
    card = find_pass(uow, number)
    _lock_persons(uow, [card.person_id])
    return _lock_pass(uow, card)


def _household_person_ids(uow: UnitOfWork, household_id: int) -> list[int]:
    return list(
        uow.session.scalars(
            select(HouseholdMember.person_id)
            .where(HouseholdMember.household_id == household_id)
            .distinct()
        )
    )


# -- state of a pass -----------------------------------------------------------------------


def _latest_validity(uow: UnitOfWork, card: Pass) -> PassValidity:
    validity = uow.session.scalars(
        select(PassValidity)
        .where(PassValidity.pass_id == card.id)
        .order_by(PassValidity.valid_until.desc())
        .limit(1)
    ).one()
    return validity


def _status_de(card: Pass) -> str:
    return "gesperrt" if card.status == "revoked" else "ersetzt"


def _refuse_ended(card: Pass, on: date, doing_en: str, doing_de: str) -> None:
    """Refuse to work on a pass that is revoked or replaced — already, or from a later day."""
    if card.revoked_on is None:
        return
    if card.revoked_on <= on:
        raise InvalidInput(
            f"Pass {card.number} was {card.status} on {card.revoked_on:%d.%m.%Y} and cannot "
            f"be {doing_en}.",
            f"Der Pass {card.number} wurde am {card.revoked_on:%d.%m.%Y} {_status_de(card)} "
            f"und kann nicht {doing_de} werden.",
        )
    last = card.revoked_on - timedelta(days=1)
    raise InvalidInput(
        f"Pass {card.number} is {card.status} from {card.revoked_on:%d.%m.%Y} (valid until "
        f"{last:%d.%m.%Y}); a pass with a revocation cannot be {doing_en}.",
        f"Der Pass {card.number} ist ab {card.revoked_on:%d.%m.%Y} {_status_de(card)} "
        f"(gültig bis {last:%d.%m.%Y}); ein Pass mit Sperrung kann nicht {doing_de} werden.",
    )


def _issue_for_decision(
    uow: UnitOfWork, decision: Decision, only_person_ids: Collection[int] | None = None
) -> list[IssuedPass]:
    """Issue for everybody the decision found eligible (``only_person_ids``: for those only)."""
    application = uow.session.get(Application, decision.application_id)
    assert application is not None
    eligible = [
        m
        for m in decision.output["members"]
        if m["eligible"] and (only_person_ids is None or person_id_of(m["id"]) in only_person_ids)
    ]
    # Another seat may issue for the same decision or the same persons right now: take the
    # locks first, then look at what is already there.
    uow.session.execute(
        select(Decision.id).where(Decision.id == decision.id).with_for_update()
    ).all()
    holders = [person_id_of(m["id"]) for m in eligible]
    # Their likely duplicates too: two seats must not issue to one person under two records.
    _lock_persons(uow, [*holders, *likely_duplicates_of(uow, holders)])
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
    months = period_months(day, decision.rule_set)
    issued: list[IssuedPass] = []
    for member in eligible:
        person_id = person_id_of(member["id"])
        plan = plan_issue(held_pass(uow, person_id), member["pass_type"], day, months)
        issued.append(_carry_out(uow, plan, person_id, decision, str(member["id"])))
    details: dict[str, Any] = {"passes": [i.number for i in issued if i.action != "none"]}
    changed = [
        {"number": i.number, "from": i.previous_type, "to": i.pass_type}
        for i in issued
        if i.type_changed
    ]
    if changed:
        details["type_changed"] = changed
    uow.audit("issue", "decision", decision.id, **details)
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
    refuse_duplicate_pass_holder(uow, person_id, plan.valid_from, plan.valid_until)
    if plan.action == "extend":
        card = uow.session.get(Pass, plan.pass_id)
        assert card is not None
        if card.pass_type != plan.pass_type:
            # The Kinderpass holder turned 18: same number, a card of the new type. The
            # type of each earlier period stays in its decision and statistics row.
            card.pass_type = plan.pass_type
    else:
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
        person_id,
        plan.action,
        card.number,
        plan.pass_type,
        plan.valid_from,
        plan.valid_until,
        previous_type=plan.previous_type,
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


def _refuse_early_renewal(uow: UnitOfWork, card: Pass, on: date) -> None:
    until = _latest_validity(uow, card).valid_until
    possible = renewal_possible_from(until)
    if on >= possible:
        return
    periods = uow.session.execute(
        select(PassValidity.valid_from, PassValidity.valid_until)
        .where(PassValidity.pass_id == card.id)
        .order_by(PassValidity.valid_until.desc())
        .limit(2)
    ).all()
    if len(periods) == 2 and renewal_possible_from(periods[1][1]) <= on:
        # The period that was due on this day has been renewed already — perhaps a moment
        # ago at another seat.
        raise InvalidInput(
            f"Pass {card.number} has been renewed already (perhaps just now by somebody "
            f"else): it is valid until {until:%d.%m.%Y} and can be renewed again from "
            f"{possible:%d.%m.%Y}.",
            f"Der Pass {card.number} wurde bereits verlängert (vielleicht gerade eben von "
            f"jemand anderem): er ist gültig bis {until:%d.%m.%Y} und kann ab "
            f"{possible:%d.%m.%Y} wieder verlängert werden.",
        )
    raise InvalidInput(
        f"Pass {card.number} is valid until {until:%d.%m.%Y}; it can be renewed from "
        f"{possible:%d.%m.%Y}.",
        f"Der Pass {card.number} ist gültig bis {until:%d.%m.%Y}; verlängert werden "
        f"kann er ab {possible:%d.%m.%Y}.",
    )


def renew_pass(
    database: Database, number: str, on: date, *, today: date | None = None
) -> RenewalResult:
    """A renewal: a new application and decision for the holder's household, then issuing."""
    check_application_date(on, today)
    with UnitOfWork(database) as uow:
        found = find_pass(uow, number)
        household_id = household_of_person(uow, found.person_id, on)
        # The whole household: the decision issues for every eligible member.
        _lock_persons(uow, [found.person_id, *_household_person_ids(uow, household_id)])
        card = _lock_pass(uow, found)
        _refuse_ended(card, on, "renewed", "verlängert")
        _refuse_early_renewal(uow, card, on)
        application = create_application(uow, household_id, on, kind="renewal")
        decided = decide_application(uow, application)
        stored = uow.session.get(Decision, decided.decision_id)
        assert stored is not None
        issued = _issue_for_decision(uow, stored)
        holder = next((i for i in issued if i.person_id == card.person_id), None)
        uow.commit()
    return RenewalResult(decided, issued, holder)


def renew_passes(
    database: Database, numbers: Sequence[str], on: date, *, today: date | None = None
) -> RenewalResult:
    """A renewal of some passes of one household, chosen at the counter: one application and
    decision for the whole household (the rules look at everybody), issued only for the
    holders of ``numbers``. ``holder_pass`` is what happened to the first of them."""
    check_application_date(on, today)
    if not numbers:
        raise InvalidInput("Choose at least one pass to renew.",
                           "Bitte mindestens einen Pass zum Verlängern wählen.")
    with UnitOfWork(database) as uow:
        found = [find_pass(uow, number) for number in numbers]
        households = {household_of_person(uow, card.person_id, on) for card in found}
        if len(households) != 1:
            raise InvalidInput(
                "The passes belong to different households; renew them one household at a "
                "time.",
                "Die Pässe gehören zu verschiedenen Haushalten; bitte je Haushalt verlängern.",
            )
        household_id = households.pop()
        holders = [card.person_id for card in found]
        if len(set(holders)) != len(holders):
            raise InvalidInput("Choose one pass per person.", "Bitte je Person nur einen Pass.")
        _lock_persons(uow, [*holders, *_household_person_ids(uow, household_id)])
        cards = {card.id: _lock_pass(uow, card) for card in sorted(found, key=lambda c: c.id)}
        for card in cards.values():
            _refuse_ended(card, on, "renewed", "verlängert")
            _refuse_early_renewal(uow, card, on)
        application = create_application(uow, household_id, on, kind="renewal")
        decided = decide_application(uow, application)
        stored = uow.session.get(Decision, decided.decision_id)
        assert stored is not None
        issued = _issue_for_decision(uow, stored, set(holders))
        holder = next((i for i in issued if i.person_id == holders[0]), None)
        uow.commit()
    return RenewalResult(decided, issued, holder)


def _covered(uow: UnitOfWork, card: Pass, on: date) -> bool:
    return bool(
        uow.session.scalar(
            select(func.count())
            .select_from(PassValidity)
            .where(
                PassValidity.pass_id == card.id,
                valid_on(PassValidity.valid_from, PassValidity.valid_until, on),
            )
        )
    )


def _end_pass(uow: UnitOfWork, card: Pass, status: str, on: date, reason: str) -> None:
    """The pass is not valid from ``on`` (which may lie in the future) on."""
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
    """A lost or damaged pass: a new number with the same expiry; the old number is revoked.

    A pass whose revocation is dated in the future is not replaced: the new card would have
    to carry that revocation too (the holder keeps the old card until then).
    """
    check_application_date(on, today)
    reason = _check_reason(reason)
    with UnitOfWork(database) as uow:
        card = _locked_pass(uow, number)
        if card.revoked_on is not None and card.revoked_on > on:
            _refuse_ended(card, on, "replaced", "ersetzt")
        # A renewed pass is valid through its old period too: any period may cover the day.
        if card.revoked_on is not None or not _covered(uow, card, on):
            raise InvalidInput(
                f"Pass {card.number} is not valid on {on:%d.%m.%Y}; only a valid pass can be "
                "replaced (otherwise apply anew).",
                f"Der Pass {card.number} ist am {on:%d.%m.%Y} nicht gültig; ersetzt werden kann "
                "nur ein gültiger Pass (sonst neu beantragen).",
            )
        validity = _latest_validity(uow, card)
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

    The day must lie within the pass's validity; it may lie in the future (a known move-out
    on the 1st of next month, spec 5): until then the pass stays valid in every list, count
    and check, but it can no longer be renewed or replaced.
    """
    reason = _check_reason(reason)
    with UnitOfWork(database) as uow:
        card = _locked_pass(uow, number)
        if card.revoked_on is not None:
            when = "from" if card.revoked_on > (today or date.today()) else "since"
            raise InvalidInput(
                f"Pass {card.number} is already {card.status} ({when} "
                f"{card.revoked_on:%d.%m.%Y}).",
                f"Der Pass {card.number} ist bereits {_status_de(card)} "
                f"({'ab' if when == 'from' else 'seit'} {card.revoked_on:%d.%m.%Y}).",
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
        uow.audit(
            "revoke",
            "pass",
            card.id,
            number=card.number,
            on=on.isoformat(),
            reason=reason,
            future=on > (today or date.today()),
        )
        uow.commit()
        return card.number
