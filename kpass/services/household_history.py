"""A household's history for the counter: applications with their decisions, and passes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from kpass.models import Application, Decision, HouseholdMember
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
