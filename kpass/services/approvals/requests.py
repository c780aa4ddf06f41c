"""A new decision asks for a supervisor's confirmation when the rule says so, and replaces
whatever older decision of the household still waited."""

from __future__ import annotations

from sqlalchemy import select

from kpass.models import Decision, DecisionApproval
from kpass.models.base import utcnow
from kpass.rules import Decision as RuleDecision
from kpass.services.approvals.need import ApprovalNeed, approval_need
from kpass.services.approvals.settings import read_settings
from kpass.services.uow import UnitOfWork


def request_approval(
    uow: UnitOfWork,
    stored: Decision,
    decision: RuleDecision,
    household_id: int,
    *,
    review: bool = True,
) -> ApprovalNeed | None:
    """Inside the deciding transaction, after its audit event (whose lock on the trail's
    head orders two seats deciding for one household): the household's waiting decision is
    superseded, and ``stored`` waits itself when the four-eyes rule asks for it.
    ``review=False``: a decision that is itself a supervisor's (the Abhilfe of an objection)
    replaces a waiting one but does not wait."""
    session = uow.session
    waiting = session.scalars(
        select(DecisionApproval)
        .where(DecisionApproval.household_id == household_id,
               DecisionApproval.state == "pending")
        .with_for_update()
    ).all()
    for row in waiting:
        row.state = "superseded"
        row.resolved_at = utcnow()
        row.superseded_by_decision_id = stored.id
        session.flush()  # the one pending row per household is free before the next
        uow.audit("supersede_approval", "decision", row.decision_id, approval_id=row.id,
                  superseded_by=stored.id)
    if not review:
        return None
    need = approval_need(decision, read_settings(session))
    if need is None:
        return None
    row = DecisionApproval(
        decision_id=stored.id,
        household_id=household_id,
        reason=need.reason,
        income_minus_limit=need.income_minus_limit,
        requested_by_id=stored.decided_by_id,
    )
    session.add(row)
    session.flush()
    uow.audit("request_approval", "decision", stored.id, approval_id=row.id,
              reason=need.reason,
              income_minus_limit=None if need.income_minus_limit is None
              else f"{need.income_minus_limit:.2f}")
    return need
