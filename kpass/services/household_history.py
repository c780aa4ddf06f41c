"""A household's history for the counter: applications with their decisions, passes, and
what was printed for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, union

from kpass.models import (
    Application,
    AppUser,
    Decision,
    HouseholdMember,
    Pass,
    PrintRecord,
    PrintReference,
)
from kpass.models.engine import Database
from kpass.services.pass_queries import PassRow, list_passes
from kpass.services.uow import UnitOfWork


@dataclass(frozen=True)
class DecisionSummary:
    decision_id: int
    decided_on: date
    rule_set: str
    output: dict[str, Any]


@dataclass(frozen=True)
class ApplicationSummary:
    application_id: int
    application_date: date
    kind: str
    proofs: tuple[str, ...]
    decisions: tuple[DecisionSummary, ...]


@dataclass(frozen=True)
class HouseholdHistory:
    applications: tuple[ApplicationSummary, ...]  # newest first
    passes: tuple[PassRow, ...]  # of everybody who ever belonged to the household


def household_history(database: Database, household_id: int) -> HouseholdHistory:
    """Everything decided and issued for a household, newest first (three queries)."""
    with UnitOfWork(database, write=False) as uow:
        applications = list(
            uow.session.scalars(
                select(Application)
                .where(Application.household_id == household_id)
                .order_by(Application.application_date.desc(), Application.id.desc())
            )
        )
        decisions: dict[int, list[DecisionSummary]] = {}
        # Columns only: the input snapshot of a decision is large and not shown here.
        for decision_id, application_id, decided_on, rule_set, output in uow.session.execute(
            select(Decision.id, Decision.application_id, Decision.decided_on, Decision.rule_set,
                   Decision.output)
            .where(Decision.application_id.in_([a.id for a in applications]))
            .order_by(Decision.id.desc())
        ).tuples():
            decisions.setdefault(application_id, []).append(
                DecisionSummary(decision_id, decided_on, rule_set, output)
            )
        person_ids = sorted(
            set(
                uow.session.scalars(
                    select(HouseholdMember.person_id).where(
                        HouseholdMember.household_id == household_id
                    )
                )
            )
        )
        summaries = tuple(
            ApplicationSummary(
                a.id, a.application_date, a.kind, tuple(a.proofs), tuple(decisions.get(a.id, ()))
            )
            for a in applications
        )
    passes = list_passes(database, every_status=True, person_ids=person_ids, limit=10_000)
    return HouseholdHistory(summaries, tuple(passes))


@dataclass(frozen=True)
class PrintSummary:
    """One print (a PDF made for printing) that concerns the household."""

    print_id: int
    printed_at: datetime  # aware, UTC
    kind: str  # card, sheet, letter, renewals, application_form
    passes: tuple[str, ...]  # the household's pass numbers on it (a sheet may hold others)
    decision_id: int | None  # letter
    application_id: int | None  # application form
    month: str | None  # renewals: the month of expiry, "YYYY-MM"
    pages: int
    user: str  # display name of who printed it


PASS_PRINT_KINDS = ("card", "sheet", "renewals")


def household_prints(database: Database, household_id: int) -> tuple[PrintSummary, ...]:
    """Every print of the household's pass cards, decision letters, application forms and
    renewal reminders, newest first.

    Prints are found through what they show (:class:`PrintReference`: passes, a decision,
    an application), each by index.
    """
    with UnitOfWork(database, write=False) as uow:
        session = uow.session
        applications = select(Application.id).where(Application.household_id == household_id)
        decisions = select(Decision.id).where(Decision.application_id.in_(applications))
        members = select(HouseholdMember.person_id).where(
            HouseholdMember.household_id == household_id
        )
        passes = dict(
            session.execute(select(Pass.id, Pass.number).where(Pass.person_id.in_(members)))
            .tuples()
            .all()
        )
        found = union(
            select(PrintReference.print_id).where(PrintReference.pass_id.in_(list(passes))),
            select(PrintReference.print_id).where(PrintReference.decision_id.in_(decisions)),
            select(PrintReference.print_id).where(
                PrintReference.application_id.in_(applications)
            ),
        ).subquery()
        rows = session.execute(
            select(PrintRecord, AppUser.display_name, AppUser.username)
            .join(found, found.c.print_id == PrintRecord.id)
            .join(AppUser, AppUser.id == PrintRecord.user_id)
            .order_by(PrintRecord.printed_at.desc(), PrintRecord.id.desc())
        ).tuples().all()
        numbers_on: dict[int, list[str]] = {}
        if rows and passes:
            for print_id, pass_id in session.execute(
                select(PrintReference.print_id, PrintReference.pass_id)
                .where(PrintReference.print_id.in_([r[0].id for r in rows]),
                       PrintReference.pass_id.in_(list(passes)))
                .order_by(PrintReference.id)
            ).tuples():
                assert pass_id is not None
                numbers_on.setdefault(print_id, []).append(passes[pass_id])
        return tuple(
            PrintSummary(
                print_id=record.id,
                printed_at=record.printed_at,
                kind=record.kind,
                passes=tuple(numbers_on.get(record.id, ())),
                decision_id=record.subject.get("decision"),
                application_id=record.subject.get("application"),
                month=record.subject.get("month"),
                pages=record.pages,
                user=display_name or username,
            )
            for record, display_name, username in rows
        )
