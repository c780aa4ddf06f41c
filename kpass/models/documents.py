"""Signing keys of the office and the record of every print."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from kpass.models.base import Base, UtcDateTime, check_in, utcnow

PRINT_KINDS = ("card", "sheet", "letter", "renewals", "application_form")


class SigningKey(Base):
    """One Ed25519 key pair of this office database (shared by all seats).

    The private key stays here: no command exports it and no log shows it. A rotated key
    is retired, not deleted, so cards signed with it still verify until they expire.
    """

    __tablename__ = "signing_key"

    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    private_key_pem: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    retired_on: Mapped[date | None] = mapped_column(Date)


class PrintRecord(Base):
    """Who printed what when, so a re-print is visible."""

    __tablename__ = "print_record"
    __table_args__ = (
        CheckConstraint(check_in("kind", PRINT_KINDS), name="kind"),
        Index("ix_print_record_at", "printed_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    printed_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    # What was printed: pass numbers, decision id, month …
    subject: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    pages: Mapped[int] = mapped_column(Integer, nullable=False)
    file_name: Mapped[str] = mapped_column(String(260), nullable=False)


class PrintReference(Base):
    """What a print shows, one row per pass, decision or application on it.

    ``PrintRecord.subject`` keeps the same facts for reading; these rows exist so that a
    household's prints are found through indexes rather than by reading every record.
    """

    __tablename__ = "print_reference"
    __table_args__ = (
        CheckConstraint(
            " + ".join(f"(CASE WHEN {c} IS NULL THEN 0 ELSE 1 END)"
                       for c in ("pass_id", "decision_id", "application_id")) + " = 1",
            name="one_subject",
        ),
        Index("ix_print_reference_print", "print_id"),
        Index("ix_print_reference_pass", "pass_id"),
        Index("ix_print_reference_decision", "decision_id"),
        Index("ix_print_reference_application", "application_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    print_id: Mapped[int] = mapped_column(ForeignKey("print_record.id"), nullable=False)
    pass_id: Mapped[int | None] = mapped_column(ForeignKey("pass.id"))
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id"))
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"))
