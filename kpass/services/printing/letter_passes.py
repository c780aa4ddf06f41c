"""What a decision letter says of each eligible person's pass: granted by the decision (new
or continued), still running from before, or not issued yet (with the dates issuing will
give).

The letter states what the register holds, not what the rules would give a new pass; working
that out from the passes and their periods is the intricate part of a letter, so it lives
apart from :mod:`~kpass.services.printing.letter_data`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from kpass.documents.data import PASS_CONTINUED, PASS_NEW, PASS_RUNNING
from kpass.models import Decision, Pass, PassValidity
from kpass.rules import last_of_month
from kpass.rules.pass_lifecycle import plan_issue
from kpass.services.household.facts import member_key
from kpass.services.passes.actions import held_pass
from kpass.services.uow import UnitOfWork


@dataclass(frozen=True)
class PassFacts:
    """What a letter says of one person's pass: its number, what the decision did with it
    (``None``: not issued yet) and the period; the earlier or running pass where there is one."""

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
) -> PassFacts:
    earlier = [v for p, v in rows if p.id == card.id and v.valid_from < granted.valid_from]
    if earlier:
        before = max(earlier, key=lambda v: v.valid_until)
        return PassFacts(
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
    return PassFacts(
        card.number, PASS_NEW, granted.valid_from, granted.valid_until,
        previous_number=previous.number if previous else None,
        previous_pass_type=previous.pass_type if previous else None,
    )


def _running(
    uow: UnitOfWork, decision: Decision, person_id: int, rows: list[tuple[Pass, PassValidity]]
) -> PassFacts | None:
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
                return PassFacts(card.number, PASS_RUNNING, start, end,
                                  running_pass_type=then or card.pass_type)
    return None


def pass_facts(
    uow: UnitOfWork, decision: Decision, eligible: dict[int, str], months: int
) -> dict[int, PassFacts]:
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
    facts: dict[int, PassFacts] = {}
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
            facts[person_id] = PassFacts(None, None, plan.valid_from, plan.valid_until)
    return facts
