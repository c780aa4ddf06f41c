"""The audit trail's entries about one person, with only their own details.

An entry is the person's when it is about them (entity "person" and their id), one of their
passes, incomes, applications or decisions, a benefit notice that covers them, or one of
their households while they belonged to it. Household entries record changes of every member:
of a save at the counter only the changes concerning the person or the household as a whole
are kept, and an entry about another member is left out. Ids of other persons (the persons
a notice names, the look-alike of a distinction) and other members' pass numbers are removed
from the details; who of the staff made an entry is not given (see
:mod:`~kpass.services.privacy.subject_access`).

Found through the trail's index on (entity, entity_id) only: incomes and notices that were
removed since are found through the ids their household's saves name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, or_, select

from kpass.documents.subject_report import SubjectEvent
from kpass.models import AuditEvent, BenefitNotice
from kpass.services.privacy.periods import Period, contains
from kpass.services.uow import UnitOfWork

#: Keys whose values name other persons by id: never part of someone else's report.
OTHER_PERSONS_KEYS = frozenset({"persons", "other_person_ids"})


@dataclass
class Scope:
    """What is the person's: their id, households (with the periods they belonged), and the
    ids of their incomes, notices, passes, decisions and applications."""

    person_id: int
    households: dict[int, list[Period]]
    income_ids: set[int] = field(default_factory=set)
    notice_ids: set[int] = field(default_factory=set)
    pass_ids: set[int] = field(default_factory=set)
    pass_numbers: set[str] = field(default_factory=set)
    decision_ids: set[int] = field(default_factory=set)
    application_ids: set[int] = field(default_factory=set)

    def member_then(self, household_id: Any, event: AuditEvent) -> bool:
        """Whether the person belonged to the household on the day of ``event``."""
        day = event.at.astimezone().date()
        return any(contains(p, day) for p in self.households.get(household_id, ()))


def _without_others(value: Any) -> Any:
    """``value`` with every list of other persons' ids taken out, at any depth."""
    if isinstance(value, Mapping):
        return {k: _without_others(v) for k, v in value.items() if k not in OTHER_PERSONS_KEYS}
    if isinstance(value, list):
        return [_without_others(v) for v in value]
    return value


def _cleaned(details: Mapping[str, Any]) -> dict[str, Any]:
    """The details without other persons' ids (see :func:`_without_others`)."""
    return {k: _without_others(v) for k, v in details.items() if k not in OTHER_PERSONS_KEYS}


def _names(details: Mapping[str, Any], key: str) -> set[Any]:
    """The values of ``key`` in the details and in their "before" and "after"."""
    found = {details.get(key)}
    for part in ("before", "after"):
        inner = details.get(part)
        if isinstance(inner, Mapping):
            found.add(inner.get(key))
    return found - {None}


def _notice_is_mine(details: Mapping[str, Any], scope: Scope) -> bool:
    """A notice naming the person, or naming nobody (the household) of their household."""
    if details.get("household_id") not in scope.households:
        return False
    named: set[int] = set()
    for part in (details, details.get("before"), details.get("after")):
        if isinstance(part, Mapping):
            named.update(part.get("persons") or ())
    return not named or scope.person_id in named


def _change_is_mine(change: Mapping[str, Any], scope: Scope) -> bool:
    """One change of a household save: the person's or the household's as a whole."""
    if "person_id" in change:
        return bool(change["person_id"] == scope.person_id)
    if "income_id" in change:
        return change["income_id"] in scope.income_ids or (
            scope.person_id in _names(change, "person_id"))
    if "notice_id" in change:
        return change["notice_id"] in scope.notice_ids
    # a move of the household; a new notice is judged by its own entry (it names persons)
    return change.get("change") == "move_household"


def _details(event: AuditEvent, scope: Scope) -> dict[str, Any] | None:
    """The entry's details as far as they are the person's; None: not the person's entry."""
    details: Mapping[str, Any] = event.details or {}
    entity, action = event.entity, event.action
    if entity in ("person", "pass", "application"):
        return _cleaned(details)  # found by the person's own ids
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
    if entity == "income":
        own_income = event.entity_id in scope.income_ids or scope.person_id in _names(
            details, "person_id")
        return _cleaned(details) if own_income else None
    if entity == "benefit_notice":
        own_notice = _notice_is_mine(details, scope) and scope.member_then(
            details.get("household_id"), event)
        return _cleaned(details) if own_notice else None
    if entity == "household":
        if action == "save_household_changes":
            changes = [c for c in details.get("changes", ()) if _change_is_mine(c, scope)]
            return {"changes": _without_others(changes)} if changes else None
        if "person_id" in details:
            return dict(details) if details["person_id"] == scope.person_id else None
        if action == "create_household":
            if scope.person_id not in (details.get("persons") or ()):
                return None
            return {k: v for k, v in details.items() if k == "since"}
        return _cleaned(details) if scope.member_then(event.entity_id, event) else None
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


def subject_events(uow: UnitOfWork, scope: Scope) -> tuple[SubjectEvent, ...]:
    """The person's entries of the trail, oldest first (two indexed queries)."""
    session = uow.session
    by_id = [
        ("person", {scope.person_id}), ("pass", scope.pass_ids),
        ("decision", scope.decision_ids), ("application", scope.application_ids),
        ("household", set(scope.households)),
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
    second = list(session.scalars(
        select(AuditEvent).where(or_(
            and_(AuditEvent.entity == "income", AuditEvent.entity_id.in_(sorted(incomes))),
            and_(AuditEvent.entity == "benefit_notice",
                 AuditEvent.entity_id.in_(sorted(notices)))))))
    result = []
    for event in sorted(first + second, key=lambda e: e.seq):
        details = _details(event, scope)
        if details is not None:
            result.append(SubjectEvent(event.at, event.action, event.entity, event.entity_id,
                                       details))
    return tuple(result)
