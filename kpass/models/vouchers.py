"""60plus vouchers (Bildungs- und Kulturgutscheine) handed out per person and calendar year."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kpass.models.base import Base, Money, UtcDateTime, utcnow


class VoucherIssue(Base):
    """One hand-out of the yearly 60plus vouchers to a pass holder.

    ``UNIQUE (person_id, year)``: a second hand-out in the same calendar year is refused by
    the database too (two seats at once). The rows go with their person, pass or decision
    (retention deletes those by SQL; ``ON DELETE CASCADE`` takes the hand-outs along)."""

    __tablename__ = "voucher_issue"
    __table_args__ = (
        UniqueConstraint("person_id", "year", name="uq_voucher_issue_person_year"),
        Index("ix_voucher_issue_handed_out_on", "handed_out_on"),
        Index("ix_voucher_issue_pass", "pass_id"),
        Index("ix_voucher_issue_decision", "decision_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False
    )
    pass_id: Mapped[int] = mapped_column(ForeignKey("pass.id", ondelete="CASCADE"), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money, nullable=False)
    handed_out_on: Mapped[date] = mapped_column(Date, nullable=False)
    # the decision that granted 60plus to the person
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decision.id", ondelete="CASCADE"), nullable=False
    )
    created_by_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
