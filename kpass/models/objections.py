"""Objections (Widerspruch, §§ 68 ff. VwGO) against a decision, and how each ended."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kpass.models.base import Base, UtcDateTime, VersionedMixin, check_in, utcnow

#: eingegangen → in Prüfung → abgeholfen / zurückgewiesen / zurückgenommen
OBJECTION_STATES = ("received", "in_review", "remedied", "rejected", "withdrawn")
OBJECTION_OPEN_STATES = ("received", "in_review")


class Objection(VersionedMixin, Base):
    """A Widerspruch: who lodged it when against which decision, its deadline and outcome.

    The case file's rows go with their household (retention deletes decisions and households
    by SQL; ``ON DELETE CASCADE`` takes the objections along). A person erased on request
    leaves the objection without its author (``SET NULL``)."""

    __tablename__ = "objection"
    __table_args__ = (
        CheckConstraint(check_in("state", OBJECTION_STATES), name="state"),
        CheckConstraint("deadline > bekanntgabe_on", name="deadline_after_notification"),
        CheckConstraint(
            "(state IN ('received', 'in_review')) = (outcome_on IS NULL)", name="outcome_dated"
        ),
        CheckConstraint(
            "remedial_decision_id IS NULL OR state = 'remedied'", name="remedy_only_remedied"
        ),
        Index("ix_objection_household", "household_id"),
        Index("ix_objection_decision", "decision_id"),
        Index("ix_objection_remedial_decision", "remedial_decision_id"),
        Index("ix_objection_lodged_by", "lodged_by_person_id"),
        Index("ix_objection_state_deadline", "state", "deadline"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decision.id", ondelete="CASCADE"), nullable=False
    )
    household_id: Mapped[int] = mapped_column(
        ForeignKey("household.id", ondelete="CASCADE"), nullable=False
    )
    received_on: Mapped[date] = mapped_column(Date, nullable=False)
    # who: a member of the household, or a representative named in free text (or both)
    lodged_by_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL")
    )
    representative: Mapped[str | None] = mapped_column(String(200))
    # the decision letter's deemed notification day (§ 41 Abs. 2 LVwVfG) and the end of the
    # one-month period (§ 70 Abs. 1 VwGO) computed from it
    bekanntgabe_on: Mapped[date] = mapped_column(Date, nullable=False)
    deadline: Mapped[date] = mapped_column(Date, nullable=False)
    in_time: Mapped[bool] = mapped_column(Boolean, nullable=False)
    state: Mapped[str] = mapped_column(String(12), nullable=False, default="received")
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # why it was rejected, remedied or withdrawn (the Widerspruchsbescheid's reasons)
    outcome_reason: Mapped[str | None] = mapped_column(Text)
    outcome_on: Mapped[date | None] = mapped_column(Date)
    remedial_decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="CASCADE")
    )
    follow_up_on: Mapped[date | None] = mapped_column(Date)  # Wiedervorlage
    # what to look at on the Wiedervorlage day: free text about the case, so here (deleted
    # with the objection) and never in the audit trail, which is kept for ever
    follow_up_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), nullable=False)
