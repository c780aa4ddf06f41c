"""Four-eyes approvals: decisions that wait for a supervisor before letter and passes go out."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from kpass.models.base import Base, Money, UtcDateTime, VersionedMixin, check_in, utcnow

#: why a decision needs a second pair of eyes
APPROVAL_REASONS = ("rejection", "near_limit")
#: wartet → freigegeben / zurückgegeben / durch eine neue Entscheidung ersetzt
APPROVAL_STATES = ("pending", "confirmed", "returned", "superseded")


class DecisionApproval(VersionedMixin, Base):
    """A decision that waits (or waited) for a supervisor's confirmation.

    One row per decision at most (``UNIQUE decision_id``); at most one pending row per
    household (a partial unique index), so that a new decision has to supersede the older
    one. The database itself refuses a confirmation or return by the decision's own author
    (``four_eyes``). The rows go with their decision or household (retention deletes those
    by SQL; ``ON DELETE CASCADE`` takes the approvals along)."""

    __tablename__ = "decision_approval"
    __table_args__ = (
        CheckConstraint(check_in("reason", APPROVAL_REASONS), name="reason"),
        CheckConstraint(check_in("state", APPROVAL_STATES), name="state"),
        CheckConstraint("(state = 'pending') = (resolved_at IS NULL)", name="resolution_dated"),
        CheckConstraint(
            "state NOT IN ('confirmed', 'returned') OR "
            "(resolved_by_id IS NOT NULL AND resolved_by_id <> requested_by_id)",
            name="four_eyes",
        ),
        CheckConstraint(
            "state <> 'returned' OR return_reason IS NOT NULL", name="return_reasoned"
        ),
        CheckConstraint(
            "reason <> 'near_limit' OR income_minus_limit IS NOT NULL", name="near_limit_figure"
        ),
        Index(
            "uq_decision_approval_pending_household",
            "household_id",
            unique=True,
            sqlite_where=text("state = 'pending'"),
            postgresql_where=text("state = 'pending'"),
        ),
        Index("ix_decision_approval_state_requested", "state", "requested_at"),
        Index("ix_decision_approval_household", "household_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decision.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), nullable=False
    )
    reason: Mapped[str] = mapped_column(String(12), nullable=False)
    # household income minus the income limit when the decision was made (negative: below);
    # kept so that the queue can say how close it was even after the rules change
    income_minus_limit: Mapped[Decimal | None] = mapped_column(Money)
    state: Mapped[str] = mapped_column(String(12), nullable=False, default="pending")
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), nullable=False)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    # the supervisor's reason for sending it back to the caseworker
    return_reason: Mapped[str | None] = mapped_column(Text)
    # the decision that replaced a superseded one
    superseded_by_decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="SET NULL")
    )
