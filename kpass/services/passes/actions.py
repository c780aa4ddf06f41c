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

Issuing and renewing live here, replacing and revoking in :mod:`~kpass.services.passes.endings`;
what they share is in :mod:`~kpass.services.passes.pass_numbers`,
:mod:`~kpass.services.passes.row_locks`, :mod:`~kpass.services.passes.pass_state` and
:mod:`~kpass.services.passes.pass_results`. The names other modules import from here are
re-exported. Issuing and renewing call ``held_pass``, ``create_application`` and
``refuse_duplicate_pass_holder`` through this module's names, so that the lock tests can stop
a seat at them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select

from kpass.errors import InvalidInput
from kpass.models import Application, Decision, Pass, PassValidity, StatRecord
from kpass.models.engine import Database
from kpass.rules.pass_lifecycle import IssuePlan, period_months, plan_issue
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.applications.deciding import (
    DecisionResult,
    check_application_date,
    create_application,
    decide_application,
    household_of_person,
    open_application,
)
from kpass.services.approvals.gate import refuse_unless_released
from kpass.services.audit.pass_records import pass_state
from kpass.services.household.facts import person_id_of
from kpass.services.household.identity import likely_duplicates_of, refuse_duplicate_pass_holder
from kpass.services.passes.endings import replace_pass as replace_pass
from kpass.services.passes.endings import revoke_pass as revoke_pass
from kpass.services.passes.pass_numbers import SERIAL_COUNTER as SERIAL_COUNTER
from kpass.services.passes.pass_numbers import find_pass as find_pass
from kpass.services.passes.pass_numbers import next_pass_number as next_pass_number
from kpass.services.passes.pass_results import IssuedPass as IssuedPass
from kpass.services.passes.pass_results import RenewalResult as RenewalResult
from kpass.services.passes.pass_state import held_pass as held_pass
from kpass.services.passes.pass_state import refuse_early_renewal, refuse_ended
from kpass.services.passes.row_locks import household_person_ids, lock_pass, lock_persons
from kpass.services.statistics.writes import validity_stat_row
from kpass.services.uow import UnitOfWork


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
    # four-eyes rule: nothing of a decision that waits for (or was refused) confirmation
    refuse_unless_released(uow.session, [decision.id])
    holders = [person_id_of(m["id"]) for m in eligible]
    # Their likely duplicates too: two seats must not issue to one person under two records.
    lock_persons(uow, [*holders, *likely_duplicates_of(uow, holders)])
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
        # the number of the issuer that decided, under its prefix and from its counter
        card = Pass(number=next_pass_number(uow, decision.issuer), person_id=person_id,
                    pass_type=plan.pass_type, issuer=decision.issuer)
        uow.session.add(card)
    validity = PassValidity(
        decision_id=decision.id,
        kind=plan.kind,
        valid_from=plan.valid_from,
        valid_until=plan.valid_until,
    )
    card.validities.append(validity)
    uow.session.flush()
    # the pass's whole state after the change: what the register is checked against
    uow.audit(
        "extend_pass" if plan.action == "extend" else "issue_pass",
        "pass",
        card.id,
        decision_id=decision.id,
        state=pass_state(card),
    )
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


@requires(Permission.ISSUE)
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


@requires(Permission.ISSUE)
def decide_and_issue(
    database: Database, application_id: int
) -> tuple[DecisionResult, list[IssuedPass]]:
    """Decide and issue in one transaction: no decision stays behind without its passes —
    except one that waits for a supervisor (``approval``): it is kept, and issued after
    the confirmation."""
    with UnitOfWork(database) as uow:
        decided = decide_application(uow, open_application(uow, application_id))
        stored = uow.session.get(Decision, decided.decision_id)
        assert stored is not None
        issued = [] if decided.approval else _issue_for_decision(uow, stored)
        uow.commit()
    return decided, issued


@requires(Permission.ISSUE)
def renew_pass(
    database: Database, number: str, on: date, *, today: date | None = None
) -> RenewalResult:
    """A renewal: a new application and decision for the holder's household, then issuing
    (none while the decision waits for a supervisor: ``decision.approval``)."""
    check_application_date(on, today)
    with UnitOfWork(database) as uow:
        found = find_pass(uow, number)
        household_id = household_of_person(uow, found.person_id, on)
        # The whole household: the decision issues for every eligible member.
        lock_persons(uow, [found.person_id, *household_person_ids(uow, household_id)])
        card = lock_pass(uow, found)
        refuse_ended(card, on, "renewed", "verlängert")
        refuse_early_renewal(uow, card, on)
        application = create_application(uow, household_id, on, kind="renewal")
        decided = decide_application(uow, application)
        stored = uow.session.get(Decision, decided.decision_id)
        assert stored is not None
        issued = [] if decided.approval else _issue_for_decision(uow, stored)
        holder = next((i for i in issued if i.person_id == card.person_id), None)
        uow.commit()
    return RenewalResult(decided, issued, holder)


@requires(Permission.ISSUE)
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
        lock_persons(uow, [*holders, *household_person_ids(uow, household_id)])
        cards = {card.id: lock_pass(uow, card) for card in sorted(found, key=lambda c: c.id)}
        for card in cards.values():
            refuse_ended(card, on, "renewed", "verlängert")
            refuse_early_renewal(uow, card, on)
        application = create_application(uow, household_id, on, kind="renewal")
        decided = decide_application(uow, application)
        stored = uow.session.get(Decision, decided.decision_id)
        assert stored is not None
        issued = [] if decided.approval else _issue_for_decision(uow, stored, set(holders))
        holder = next((i for i in issued if i.person_id == holders[0]), None)
        uow.commit()
    return RenewalResult(decided, issued, holder)
