"""The audit trail's entries about one person, with only their own details.

An entry is the person's when it is about them (entity "person" and their id), one of their
passes, incomes, applications or decisions, a benefit notice that covers them, an objection
of their report (one they lodged, or one their household received while they belonged to
it), or one of their households while they belonged to it. Household entries record changes
of every member: of a save at the counter only the changes concerning the person are kept —
their own, those of their incomes, and the household's notices and moves only while they
belonged to it (a move after they left, recorded even while they were still registered
there, tells where the others live now). Ids of other persons (the persons a notice names,
the look-alike of a distinction, another member an income was moved to) and other members'
pass numbers and values are removed from the details (also the other members' pass numbers
a remedied objection issued, and how many members it made eligible); who of the staff made
an entry is not given (see
:mod:`~kpass.services.privacy.subject_access`).

Found through the trail's index on (entity, entity_id) only: incomes and notices that were
removed since are found through the ids their household's saves name, and whose an income
was when it was ended is read back from the entries that name its person (added, corrected,
removed). A distinction recorded from the other person's side is found through the
distinctions stored for the person; it says only that and when.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import and_, or_, select

from kpass.documents.subject_report import SubjectEvent
from kpass.models import AuditEvent, BenefitNotice, PersonDistinction
from kpass.services.privacy.periods import Period, contains
from kpass.services.uow import UnitOfWork

#: Keys whose values name other persons by id: never part of someone else's report.
OTHER_PERSONS_KEYS = frozenset({"persons", "other_person_ids"})
#: The action recording that two persons are different people.
DISTINCTION = "record_distinction"
#: The values of an income as the trail keeps them (besides its person).
_INCOME_VALUES = ("kind", "amount", "period", "valid_from", "valid_until", "evidence")


@dataclass
class Scope:
    """What is the person's: their id, households (with the periods they belonged), and the
    ids of their incomes, notices, passes, decisions, applications and objections."""

    person_id: int
    households: dict[int, list[Period]]
    income_ids: set[int] = field(default_factory=set)
    notice_ids: set[int] = field(default_factory=set)
    pass_ids: set[int] = field(default_factory=set)
    pass_numbers: set[str] = field(default_factory=set)
    decision_ids: set[int] = field(default_factory=set)
    application_ids: set[int] = field(default_factory=set)
    #: the objections of the person's report (see ``subject_access._objections``)
    objection_ids: set[int] = field(default_factory=set)
    #: entries (seq, index of the change in a save or None) ending one of the person's
    #: incomes; they name no person (see :func:`_ended_incomes`)
    ended_incomes: set[tuple[int, int | None]] = field(default_factory=set)

    def member_on(self, household_id: Any, day: date) -> bool:
        """Whether the person belonged to the household on ``day``."""
        return any(contains(p, day) for p in self.households.get(household_id, ()))

    def member_then(self, household_id: Any, event: AuditEvent) -> bool:
        """Whether the person belonged to the household on the day of ``event``."""
        return self.member_on(household_id, event.at.astimezone().date())


def _without_others(value: Any) -> Any:
    """``value`` with every list of other persons' ids taken out, at any depth."""
    if isinstance(value, Mapping):
        return {k: _without_others(v) for k, v in value.items() if k not in OTHER_PERSONS_KEYS}
    if isinstance(value, list):
        return [_without_others(v) for v in value]
    return value


def _cleaned(details: Mapping[str, Any], scope: Scope) -> dict[str, Any]:
    """The details without other persons' ids (see :func:`_without_others`), at the top and
    in "before" and "after" also without another person's ``person_id``."""
    result = {k: _without_others(v) for k, v in details.items() if k not in OTHER_PERSONS_KEYS}
    for part in (result, result.get("before"), result.get("after")):
        if isinstance(part, dict) and part.get("person_id", scope.person_id) != scope.person_id:
            del part["person_id"]
    return result


def _names(details: Mapping[str, Any], key: str) -> set[Any]:
    """The values of ``key`` in the details and in their "before" and "after"."""
    found = {details.get(key)}
    for part in ("before", "after"):
        inner = details.get(part)
        if isinstance(inner, Mapping):
            found.add(inner.get(key))
    return found - {None}


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _move_is_mine(details: Mapping[str, Any], household_id: Any, event: AuditEvent,
                  scope: Scope) -> bool:
    """A move of the household: the person's only if they belonged to it both when it was
    recorded and on the day it took effect (else the new address is where others live)."""
    since = _day(details.get("since"))
    return scope.member_then(household_id, event) and (
        since is None or scope.member_on(household_id, since))


def _notice_is_mine(details: Mapping[str, Any], household_id: Any, event: AuditEvent,
                    scope: Scope) -> bool:
    """A notice naming the person, or naming nobody (the household), of a household they
    belonged to when the entry was made."""
    if household_id not in scope.households or not scope.member_then(household_id, event):
        return False
    named: set[int] = set()
    for part in (details, details.get("before"), details.get("after")):
        if isinstance(part, Mapping):
            named.update(part.get("persons") or ())
    return not named or scope.person_id in named


def _own_notice_parts(details: dict[str, Any], original: Mapping[str, Any],
                      scope: Scope) -> dict[str, Any]:
    """Without a "before" or "after" of the notice that named only others (their notice)."""
    for part in ("before", "after"):
        inner = original.get(part)
        if isinstance(inner, Mapping) and inner.get("persons") and (
                scope.person_id not in inner["persons"]):
            details.pop(part, None)
    return details


def _own_income(details: Mapping[str, Any], scope: Scope) -> dict[str, Any]:
    """An income's entry or change without the values it had as another member's income or
    got as one (a correction that moved it between persons); a save's change holds the new
    values at its top, beside the new person."""
    result = _cleaned(details, scope)
    for part in ("before", "after"):
        inner = details.get(part)
        if isinstance(inner, Mapping) and inner.get("person_id") not in (None, scope.person_id):
            result.pop(part, None)
    if details.get("person_id") not in (None, scope.person_id):
        for key in _INCOME_VALUES:
            result.pop(key, None)
    return result


def _income_change(change: Mapping[str, Any], seq: int, index: int,
                   scope: Scope) -> dict[str, Any] | None:
    """An income's change in a save: the person's when it names them (added, corrected from
    or to them, removed) or ended their income."""
    if scope.person_id not in _names(change, "person_id") and (
            (seq, index) not in scope.ended_incomes):
        return None
    return _own_income(change, scope)


def _change(change: Mapping[str, Any], seq: int, index: int, event: AuditEvent,
            scope: Scope) -> dict[str, Any] | None:
    """One change of a household save as far as it is the person's, else None."""
    household_id = event.entity_id
    if "income_id" in change or change.get("change") == "add_income":
        return _income_change(change, seq, index, scope)
    if "person_id" in change:  # a member's own change (joined, left, role, photo …)
        return dict(change) if change["person_id"] == scope.person_id else None
    if "notice_id" in change:
        covers_now = change["notice_id"] in scope.notice_ids
        mine = _notice_is_mine(change, household_id, event, scope) or (
            covers_now and scope.member_then(household_id, event))
        if not mine:
            return None
        result = _own_notice_parts(_cleaned(change, scope), change, scope)
        if not covers_now:  # a correction's new values (the persons are not in the change)
            result = {k: v for k, v in result.items()
                      if k in ("change", "notice_id", "reason", "before")}
        return result
    if change.get("change") == "move_household":
        return _cleaned(change, scope) if _move_is_mine(change, household_id, event,
                                                        scope) else None
    # a new notice is judged by its own entry (it names persons); anything else is not known
    # to be the person's
    return None


def _details(event: AuditEvent, scope: Scope) -> dict[str, Any] | None:
    """The entry's details as far as they are the person's; None: not the person's entry."""
    details: Mapping[str, Any] = event.details or {}
    entity, action = event.entity, event.action
    if entity == "person" and event.entity_id != scope.person_id:
        # found through the person's distinctions: that one was recorded, nothing of the other
        mine = action == DISTINCTION and scope.person_id in (
            details.get("other_person_ids") or ())
        return {} if mine else None
    if entity in ("person", "pass", "application"):
        return _cleaned(details, scope)  # found by the person's own ids
    if entity == "decision":
        if action == "issue":  # a household's passes: only the person's own numbers
            issued: dict[str, Any] = {
                "passes": [n for n in details.get("passes", ()) if n in scope.pass_numbers]}
            changed = [c for c in details.get("type_changed", ())
                       if c.get("number") in scope.pass_numbers]
            if changed:
                issued["type_changed"] = changed
            return issued
        # the counts of eligible members are about the others too
        return {k: v for k, v in details.items() if k in ("application_id", "rule_set")}
    if entity == "objection":
        if event.entity_id not in scope.objection_ids:
            return None
        # a remedy issues the household's passes: only the person's own numbers; how many
        # members it made eligible is about the others
        objection = {k: v for k, v in _cleaned(details, scope).items()
                     if k != "newly_eligible"}
        if "passes" in details:
            objection["passes"] = [n for n in details.get("passes") or ()
                                   if n in scope.pass_numbers]
        return objection
    if entity == "income":
        own_income = scope.person_id in _names(details, "person_id") or (
            (event.seq, None) in scope.ended_incomes)
        if not own_income:
            return None
        return _own_income(details, scope)
    if entity == "benefit_notice":
        if not _notice_is_mine(details, details.get("household_id"), event, scope):
            return None
        return _own_notice_parts(_cleaned(details, scope), details, scope)
    if entity == "household":
        if action == "save_household_changes":
            changes = [kept for index, change in enumerate(details.get("changes", ()))
                       if (kept := _change(change, event.seq, index, event, scope)) is not None]
            return {"changes": changes} if changes else None
        if "person_id" in details:
            return dict(details) if details["person_id"] == scope.person_id else None
        if action == "create_household":
            if scope.person_id not in (details.get("persons") or ()):
                return None
            return {k: v for k, v in details.items() if k == "since"}
        if action == "move_household":
            return _cleaned(details, scope) if _move_is_mine(
                details, event.entity_id, event, scope) else None
        return _cleaned(details, scope) if scope.member_then(event.entity_id, event) else None
    return None


def _referenced(events: list[AuditEvent], key: str) -> set[int]:
    """Ids (``income_id``, ``notice_id``) that the households' saves name."""
    found: set[int] = set()
    for event in events:
        if event.entity == "household":
            for change in (event.details or {}).get("changes", ()):
                if isinstance(change.get(key), int):
                    found.add(change[key])
    return found


def _owner_before(details: Mapping[str, Any]) -> Any:
    before = details.get("before")
    return before.get("person_id") if isinstance(before, Mapping) else None


def _ended_incomes(events: Iterable[AuditEvent], scope: Scope) -> set[tuple[int, int | None]]:
    """The entries ending an income (they name no person) while it was the person's.

    Read backwards from now: an income still stored is the person's if it is among theirs;
    going back, a correction or a removal names whose it was before, and before it was added
    it was nobody's. An income removed since is found so, through its removal. A save's
    changes are read back from the state after the save, which its single entries (recorded
    before it) give."""
    owner: dict[int, Any] = {income_id: scope.person_id for income_id in scope.income_ids}
    found: set[tuple[int, int | None]] = set()
    for event in sorted(events, key=lambda e: e.seq, reverse=True):
        details: Mapping[str, Any] = event.details or {}
        if event.entity == "income" and event.entity_id is not None:
            if event.action == "end_income":
                if owner.get(event.entity_id) == scope.person_id:
                    found.add((event.seq, None))
            elif event.action == "add_income":
                owner[event.entity_id] = None
            elif event.action in ("correct_income", "remove_income"):
                owner[event.entity_id] = _owner_before(details)
        elif event.entity == "household" and event.action == "save_household_changes":
            local = dict(owner)  # the single entries of this save come next, going back
            changes = list(details.get("changes", ()))
            for index in range(len(changes) - 1, -1, -1):
                change = changes[index]
                income_id = change.get("income_id")
                if not isinstance(income_id, int):
                    continue
                if change.get("change") == "end_income":
                    if local.get(income_id) == scope.person_id:
                        found.add((event.seq, index))
                elif change.get("change") in ("correct_income", "remove_income"):
                    local[income_id] = _owner_before(change)
    return found


def subject_events(uow: UnitOfWork, scope: Scope) -> tuple[SubjectEvent, ...]:
    """The person's entries of the trail, oldest first (three indexed queries)."""
    session = uow.session
    by_id = [
        ("person", {scope.person_id}), ("pass", scope.pass_ids),
        ("decision", scope.decision_ids), ("application", scope.application_ids),
        ("household", set(scope.households)), ("objection", scope.objection_ids),
    ]
    first = list(session.scalars(
        select(AuditEvent).where(or_(*(
            and_(AuditEvent.entity == entity, AuditEvent.entity_id.in_(sorted(ids)))
            for entity, ids in by_id if ids)))))
    # the households' notices now, and every income or notice their saves named
    notices = set(session.scalars(select(BenefitNotice.id).where(
        BenefitNotice.household_id.in_(sorted(scope.households)))))
    incomes = scope.income_ids | _referenced(first, "income_id")
    notices |= scope.notice_ids | _referenced(first, "notice_id")
    # the persons the person was recorded as different from: their entry may name them
    distinct = {a if b == scope.person_id else b for a, b in session.execute(
        select(PersonDistinction.person_id, PersonDistinction.other_person_id).where(or_(
            PersonDistinction.person_id == scope.person_id,
            PersonDistinction.other_person_id == scope.person_id))).tuples()}
    second = list(session.scalars(
        select(AuditEvent).where(or_(
            and_(AuditEvent.entity == "income", AuditEvent.entity_id.in_(sorted(incomes))),
            and_(AuditEvent.entity == "benefit_notice",
                 AuditEvent.entity_id.in_(sorted(notices))),
            and_(AuditEvent.entity == "person", AuditEvent.action == DISTINCTION,
                 AuditEvent.entity_id.in_(sorted(distinct - {scope.person_id})))))))
    everything = sorted(first + second, key=lambda e: e.seq)
    scope.ended_incomes = _ended_incomes(everything, scope)
    result = []
    for event in everything:
        details = _details(event, scope)
        if details is not None:
            # an entry about the other person of a distinction is told as one about the person
            entity_id = scope.person_id if event.entity == "person" else event.entity_id
            result.append(SubjectEvent(event.at, event.action, event.entity, entity_id,
                                       details))
    return tuple(result)
