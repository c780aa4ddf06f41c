"""Which case files may go: households past their period, with everything that is only theirs.

A household is due when its last event lies before the cutoff. It is deleted together with
the persons who belong to no other household, their passes, its applications and decisions.
What another, kept household still needs holds a due household back: a pass whose periods
were granted by decisions of both, a person who also lives in a kept household and holds a
pass granted here, a notice or an application of a kept household naming a person who
would go. Holding one back can hold others back, so the selection is repeated until it
stands still. Nothing is ever cut out of a pass or a decision that stays.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from kpass.models import (
    Application,
    BenefitNotice,
    BenefitNoticePerson,
    Decision,
    HouseholdMember,
    Pass,
    PassValidity,
)
from kpass.services.retention.last_events import last_events, open_objection_households

CHUNK = 500


def chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start:start + CHUNK]


def rows_in(session: Session, statement: Select[Any], column: Any,
            ids: Iterable[int]) -> list[Any]:
    """``statement`` for ids in chunks (SQLite limits the parameters of one statement)."""
    found: list[Any] = []
    for part in chunks(ids):
        found.extend(session.execute(statement.where(column.in_(part))).all())
    return found


@dataclass
class CaseFiles:
    """The households to delete with everything that goes with them."""

    households: dict[int, date] = field(default_factory=dict)  # id -> last event
    held_back: dict[int, date] = field(default_factory=dict)  # due, but needed by a kept one
    persons: set[int] = field(default_factory=set)
    passes: set[int] = field(default_factory=set)
    applications: set[int] = field(default_factory=set)
    decisions: set[int] = field(default_factory=set)
    notices: set[int] = field(default_factory=set)


def due_households(session: Session, cutoff: date,
                   among: Iterable[int] | None = None) -> dict[int, date]:
    pending = open_objection_households(session)
    return {household: day for household, day in last_events(session, among).items()
            if day < cutoff and household not in pending}


def select_case_files(session: Session, due: dict[int, date]) -> CaseFiles:
    """Close ``due`` over what the households share with kept ones (module docstring)."""
    households = set(due)
    links = _Links.read(session, households)
    while True:
        persons = {person for person in links.persons_of(households)
                   if links.households_of[person] <= households}
        blocked: set[int] = set()
        for holder, granting in links.passes.values():
            if not granting & households and holder not in persons:
                continue
            if holder in persons and granting <= households:
                continue
            # the pass stays, so do the decisions that granted it and its holder's files
            blocked |= granting & households
            if holder in persons:
                blocked |= links.households_of[holder]
        for person in persons & links.named_by_kept(households):
            blocked |= links.households_of[person]
        if not blocked:
            break
        households -= blocked
    files = CaseFiles(
        households={h: due[h] for h in households},
        held_back={h: due[h] for h in set(due) - households},
        persons=persons,
    )
    files.passes = {card for card, (holder, _) in links.passes.items() if holder in persons}
    files.applications = {a for a, h in links.applications.items() if h in households}
    files.decisions = {d for d, a in links.decisions.items() if a in files.applications}
    files.notices = {n for n, h in links.notices.items() if h in households}
    return files


@dataclass
class _Links:
    households_of: dict[int, set[int]]
    #: pass -> (holder, households whose decisions granted its periods)
    passes: dict[int, tuple[int, set[int]]]
    applications: dict[int, int]  # application -> household
    applicants: dict[int, int]  # application -> applicant
    decisions: dict[int, int]  # decision -> application
    notices: dict[int, int]  # notice -> household
    covered: dict[int, set[int]]  # notice -> persons

    @classmethod
    def read(cls, session: Session, due: set[int]) -> _Links:
        members = {person for (person,) in rows_in(
            session, select(HouseholdMember.person_id), HouseholdMember.household_id, due)}
        households_of: dict[int, set[int]] = defaultdict(set)
        for person, household in rows_in(
            session, select(HouseholdMember.person_id, HouseholdMember.household_id),
            HouseholdMember.person_id, members,
        ):
            households_of[person].add(household)
        cards: dict[int, tuple[int, set[int]]] = {
            card: (holder, set()) for card, holder in rows_in(
                session, select(Pass.id, Pass.person_id), Pass.person_id, members)
        }
        granted = rows_in(
            session,
            select(PassValidity.pass_id, Pass.person_id, Application.household_id)
            .join(Pass, Pass.id == PassValidity.pass_id)
            .join(Decision, Decision.id == PassValidity.decision_id)
            .join(Application, Application.id == Decision.application_id),
            Application.household_id, due,
        )
        touched = set(cards) | {card for card, _, _ in granted}
        for card, holder, household in [*granted, *rows_in(
            session,
            select(PassValidity.pass_id, Pass.person_id, Application.household_id)
            .join(Pass, Pass.id == PassValidity.pass_id)
            .join(Decision, Decision.id == PassValidity.decision_id)
            .join(Application, Application.id == Decision.application_id),
            PassValidity.pass_id, touched,
        )]:
            cards.setdefault(card, (holder, set()))[1].add(household)
        applications: dict[int, int] = {}
        applicants: dict[int, int] = {}
        for application, household, applicant in [
            *rows_in(session, select(Application.id, Application.household_id,
                                     Application.applicant_person_id),
                     Application.household_id, due),
            *rows_in(session, select(Application.id, Application.household_id,
                                     Application.applicant_person_id),
                     Application.applicant_person_id, members),
        ]:
            applications[application] = household
            applicants[application] = applicant
        decisions = dict(rows_in(session, select(Decision.id, Decision.application_id),
                                 Decision.application_id, applications))
        notices = dict(rows_in(session, select(BenefitNotice.id, BenefitNotice.household_id),
                               BenefitNotice.household_id, due))
        covered: dict[int, set[int]] = defaultdict(set)
        for notice, person, household in rows_in(
            session,
            select(BenefitNoticePerson.notice_id, BenefitNoticePerson.person_id,
                   BenefitNotice.household_id)
            .join(BenefitNotice, BenefitNotice.id == BenefitNoticePerson.notice_id),
            BenefitNoticePerson.person_id, members,
        ):
            covered[notice].add(person)
            notices.setdefault(notice, household)
        return cls(households_of, cards, applications, applicants, decisions, notices, covered)

    def persons_of(self, households: set[int]) -> set[int]:
        return {person for person, theirs in self.households_of.items() if theirs & households}

    def named_by_kept(self, households: set[int]) -> set[int]:
        """Persons named by an application or a notice of a household that stays."""
        named = {person for application, person in self.applicants.items()
                 if self.applications[application] not in households}
        for notice, persons in self.covered.items():
            if self.notices[notice] not in households:
                named |= persons
        return named

