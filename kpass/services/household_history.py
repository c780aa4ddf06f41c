"""A household's history for the counter: applications with their decisions, passes, and
what was printed for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Text, and_, cast, or_, select

from kpass.models import Application, AppUser, Decision, HouseholdMember, Pass, PrintRecord
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
        for decision in uow.session.scalars(
            select(Decision)
            .where(Decision.application_id.in_([a.id for a in applications]))
            .order_by(Decision.id.desc())
        ):
            decisions.setdefault(decision.application_id, []).append(
                DecisionSummary(
                    decision.id, decision.decided_on, decision.rule_set, decision.output
                )
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
# Clocks of several seats writing to one PostgreSQL database need not agree to the second.
_CLOCK_SLACK = timedelta(days=1)


def household_prints(database: Database, household_id: int) -> tuple[PrintSummary, ...]:
    """Every print of the household's pass cards, decision letters, application forms and
    renewal reminders, newest first.

    Prints record what they show (pass numbers, a decision, an application) rather than a
    household, so they are found through those. Nothing can be printed before the
    application or pass it shows was created, which bounds the search in time.
    """
    with UnitOfWork(database, write=False) as uow:
        session = uow.session
        applications = dict(
            session.execute(
                select(Application.id, Application.created_at).where(
                    Application.household_id == household_id
                )
            ).tuples().all()
        )
        decision_ids = list(
            session.scalars(select(Decision.id).where(Decision.application_id.in_(applications)))
        )
        members = select(HouseholdMember.person_id).where(
            HouseholdMember.household_id == household_id
        )
        passes = dict(
            session.execute(
                select(Pass.number, Pass.created_at).where(Pass.person_id.in_(members))
            ).tuples().all()
        )
        created = [*applications.values(), *passes.values()]
        if not created:
            return ()
        subject = PrintRecord.subject
        wanted = []
        if decision_ids:
            wanted.append(
                and_(PrintRecord.kind == "letter",
                     subject["decision"].as_integer().in_(decision_ids))
            )
        if applications:
            wanted.append(
                and_(PrintRecord.kind == "application_form",
                     subject["application"].as_integer().in_(list(applications)))
            )
        if passes:
            # The JSON text holds each number in quotes; the exact list is checked below.
            text = cast(subject, Text)
            wanted.append(
                and_(PrintRecord.kind.in_(PASS_PRINT_KINDS),
                     or_(*(text.contains(f'"{n}"', autoescape=True) for n in passes)))
            )
        rows = session.execute(
            select(PrintRecord, AppUser.display_name, AppUser.username)
            .join(AppUser, AppUser.id == PrintRecord.user_id)
            .where(PrintRecord.printed_at >= min(created) - _CLOCK_SLACK, or_(*wanted))
            .order_by(PrintRecord.printed_at.desc(), PrintRecord.id.desc())
        ).tuples()
        result = []
        for record, display_name, username in rows:
            data = record.subject
            numbers = tuple(n for n in data.get("passes", ()) if n in passes)
            if record.kind in PASS_PRINT_KINDS and not numbers:
                continue
            result.append(
                PrintSummary(
                    print_id=record.id,
                    printed_at=record.printed_at,
                    kind=record.kind,
                    passes=numbers,
                    decision_id=data.get("decision"),
                    application_id=data.get("application"),
                    month=data.get("month"),
                    pages=record.pages,
                    user=display_name or username,
                )
            )
        return tuple(result)
