"""Who is who: two registered persons a caseworker stated to be different people."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from kpass.models.base import Base, UtcDateTime, utcnow


class PersonDistinction(Base):
    """Two persons the duplicate check takes for one (same or similar name and birth date)
    but who are different people, with the caseworker's reason.

    Each pair is stored once, the lower id first. Saving, issuing and ``kpass db check``
    leave a recorded pair alone (:mod:`kpass.services.household.identity`).
    """

    __tablename__ = "person_distinction"
    __table_args__ = (
        CheckConstraint("person_id < other_person_id", name="ordered"),
        Index("ix_person_distinction_other", "other_person_id"),
    )

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True)
    other_person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True)
    reason: Mapped[str] = mapped_column(String(300), nullable=False)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
