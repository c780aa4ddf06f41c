"""Casework: applications, decisions, passes and their validity periods."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kpass.models.base import Base, UtcDateTime, VersionedMixin, check_in, utcnow

APPLICATION_KINDS = ("new", "renewal")
APPLICATION_STATUSES = ("open", "decided", "withdrawn")
PASS_TYPES = ("karlsruher_pass", "kinderpass")
PASS_STATUSES = ("active", "revoked", "replaced")
VALIDITY_KINDS = ("new", "renewal", "replacement")


class Application(VersionedMixin, Base):
    """A household's application on a date; its data is snapshotted by each decision."""

    __tablename__ = "application"
    __table_args__ = (
        CheckConstraint(check_in("kind", APPLICATION_KINDS), name="kind"),
        CheckConstraint(check_in("status", APPLICATION_STATUSES), name="status"),
        Index("ix_application_household", "household_id", "application_date"),
        # Deleting a person (retention) checks that no application names them.
        Index("ix_application_applicant", "applicant_person_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("household.id"), nullable=False)
    applicant_person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), nullable=False)
    application_date: Mapped[date] = mapped_column(Date, nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False, default="new")
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="open")
    # Proofs the caseworker saw (identity card, benefit notice, pay slips, rent ...).
    proofs: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), nullable=False)

    decisions: Mapped[list[Decision]] = relationship(
        back_populates="application", order_by="Decision.id"
    )


class Decision(Base):
    """The rules' verdict, with the exact input it saw, so it can be re-explained years later."""

    __tablename__ = "decision"
    __table_args__ = (
        Index("ix_decision_decided_on", "decided_on"),
        Index("ix_decision_application", "application_id"),
        Index("ix_decision_issuer", "issuer", "decided_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), nullable=False)
    decided_on: Mapped[date] = mapped_column(Date, nullable=False)
    decided_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    rule_set: Mapped[str] = mapped_column(String(40), nullable=False)
    # The issuer whose rules decided (the household's issuer then), schema 0016.
    issuer: Mapped[str] = mapped_column(String(8), nullable=False)
    input_snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    output: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), nullable=False)
    # The household type its statistics rows were counted under, so that a later decision
    # of the same application can take exactly those rows back (null before schema 0009).
    household_type: Mapped[str | None] = mapped_column(String(16))

    application: Mapped[Application] = relationship(back_populates="decisions")


class Pass(VersionedMixin, Base):
    """A pass card's identity: its number stays across renewals, a replacement gets a new one."""

    __tablename__ = "pass"
    __table_args__ = (
        CheckConstraint(check_in("pass_type", PASS_TYPES), name="pass_type"),
        CheckConstraint(check_in("status", PASS_STATUSES), name="status"),
        CheckConstraint(
            "(status = 'active' AND revoked_on IS NULL) OR "
            "(status <> 'active' AND revoked_on IS NOT NULL)",
            name="revocation_dated",
        ),
        Index("ix_pass_person", "person_id"),
        Index("ix_pass_replaces", "replaces_pass_id"),
        Index("ix_pass_issuer", "issuer"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(20), nullable=False, unique=True)
    # The issuer whose prefix the number carries, schema 0016.
    issuer: Mapped[str] = mapped_column(String(8), nullable=False)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), nullable=False)
    pass_type: Mapped[str] = mapped_column(String(20), nullable=False)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="active")
    revoked_on: Mapped[date | None] = mapped_column(Date)
    revocation_reason: Mapped[str | None] = mapped_column(Text)
    replaces_pass_id: Mapped[int | None] = mapped_column(ForeignKey("pass.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)

    validities: Mapped[list[PassValidity]] = relationship(
        back_populates="pass_", order_by="PassValidity.valid_from", cascade="all, delete-orphan"
    )


class PassValidity(Base):
    """One validity period of a pass, granted by one decision.

    The periods of one pass never overlap: migration 0009 adds an exclusion constraint on
    PostgreSQL and triggers on SQLite, so that no writer, however it got there, can store two.
    """

    __tablename__ = "pass_validity"
    __table_args__ = (
        CheckConstraint(check_in("kind", VALIDITY_KINDS), name="kind"),
        CheckConstraint("valid_until >= valid_from", name="period"),
        Index("ix_pass_validity_pass", "pass_id", "valid_until"),
        Index("ix_pass_validity_until", "valid_until", "valid_from"),
        Index("ix_pass_validity_decision", "decision_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pass_id: Mapped[int] = mapped_column(ForeignKey("pass.id", ondelete="CASCADE"), nullable=False)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id"), nullable=False)
    kind: Mapped[str] = mapped_column(String(12), nullable=False)
    valid_from: Mapped[date] = mapped_column(Date, nullable=False)
    valid_until: Mapped[date] = mapped_column(Date, nullable=False)

    pass_: Mapped[Pass] = relationship(back_populates="validities")


class Counter(Base):
    """Monotonic counters (pass serials): a number once handed out is never reused."""

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, nullable=False)
