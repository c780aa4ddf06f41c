"""How an approval is shown: in the supervisors' queue, beside a decision, on the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from kpass.models import Application, AppUser, Decision, DecisionApproval, Person
from kpass.services.approvals.need import reason_text_de, reason_text_en

STATE_LABELS_DE = {
    "pending": "wartet auf Freigabe",
    "confirmed": "freigegeben",
    "returned": "zurückgegeben",
    "superseded": "durch neue Entscheidung ersetzt",
}


@dataclass(frozen=True)
class ApprovalView:
    id: int
    decision_id: int
    household_id: int
    decided_on: date
    requested_at: datetime
    applicant: str
    caseworker: str  # who made the decision
    reason: str  # rejection | near_limit
    income_minus_limit: Decimal | None
    state: str  # pending | confirmed | returned | superseded
    resolved_by: str | None
    resolved_at: datetime | None
    return_reason: str | None
    superseded_by: int | None
    version: int
    own: bool  # the logged-in user made the decision: they may not confirm it

    @property
    def reason_de(self) -> str:
        return reason_text_de(self.reason, self.income_minus_limit)

    @property
    def reason_en(self) -> str:
        return reason_text_en(self.reason, self.income_minus_limit)

    @property
    def state_de(self) -> str:
        return STATE_LABELS_DE[self.state]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "decision_id": self.decision_id, "household_id": self.household_id,
            "decided_on": self.decided_on.isoformat(),
            "requested_at": self.requested_at.isoformat(), "applicant": self.applicant,
            "caseworker": self.caseworker, "reason": self.reason, "reason_de": self.reason_de,
            "income_minus_limit": None if self.income_minus_limit is None
            else f"{self.income_minus_limit:.2f}",
            "state": self.state, "resolved_by": self.resolved_by,
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
            "return_reason": self.return_reason, "superseded_by": self.superseded_by,
            "own": self.own,
        }


def _name(user: AppUser | None) -> str | None:
    if user is None:
        return None
    return user.display_name or user.username


def view_query() -> Select[tuple[DecisionApproval, Decision, Person, AppUser, AppUser]]:
    requester = aliased(AppUser)
    resolver = aliased(AppUser)
    return (
        select(DecisionApproval, Decision, Person, requester, resolver)
        .join(Decision, Decision.id == DecisionApproval.decision_id)
        .join(Application, Application.id == Decision.application_id)
        .join(Person, Person.id == Application.applicant_person_id)
        .join(requester, requester.id == DecisionApproval.requested_by_id)
        .outerjoin(resolver, resolver.id == DecisionApproval.resolved_by_id)
    )


def views(session: Session, statement: Select[Any], username: str) -> list[ApprovalView]:
    result = []
    for row, decision, applicant, requester, resolver in session.execute(statement):
        result.append(ApprovalView(
            id=row.id, decision_id=row.decision_id, household_id=row.household_id,
            decided_on=decision.decided_on, requested_at=row.requested_at,
            applicant=f"{applicant.given_names} {applicant.family_name}",
            caseworker=_name(requester) or "?", reason=row.reason,
            income_minus_limit=row.income_minus_limit, state=row.state,
            resolved_by=_name(resolver), resolved_at=row.resolved_at,
            return_reason=row.return_reason, superseded_by=row.superseded_by_decision_id,
            version=row.version, own=requester.username == username,
        ))
    return result
