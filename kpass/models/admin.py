"""Users and the audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from kpass.models.base import Base, UtcDateTime, check_in, utcnow

#: Roles of people who log in; "system" names the database owner's commands (``db``,
#: ``demo-data``) that run without a login and can never log in themselves.
LOGIN_ROLES = ("caseworker", "supervisor", "admin")
USER_ROLES = (*LOGIN_ROLES, "system")


class AppUser(Base):
    """A person who works with kpass, or the "system" actor of owner commands.

    Rows without a password hash cannot log in: the authors of events written before
    logins existed, and the system actor.
    """

    __tablename__ = "app_user"
    __table_args__ = (CheckConstraint(check_in("role", USER_ROLES), name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), nullable=False, unique=True)
    display_name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    role: Mapped[str] = mapped_column(String(12), nullable=False, default="caseworker")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    failed_logins: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0, server_default="0"
    )
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The issuer whose staff the user is (``ka``); None: the whole register (a single office,
    # or the Sozialregion's regional staff). Schema 0016.
    issuer: Mapped[str | None] = mapped_column(String(8))


class KeySlot(Base):
    """A user's copy of the key-encryption key, sealed with a key derived from their
    password (kpass.services.access.key_encryption); one per user who may sign."""

    __tablename__ = "key_slot"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    salt: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    sealed: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    kdf: Mapped[str] = mapped_column(String(60), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)


class AuditEvent(Base):
    """Who did what, when; written in the same transaction as the change it describes.

    ``seq`` orders the trail; ``hash`` links each event to the one before
    (:mod:`kpass.models.audit_chain`).
    """

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_at", "at"),
        Index("ix_audit_event_entity", "entity", "entity_id"),
        Index("ix_audit_event_user", "user_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), nullable=False)
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    entity: Mapped[str] = mapped_column(String(40), nullable=False)
    entity_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    seq: Mapped[int] = mapped_column(Integer, nullable=False, unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)


class AuditHead(Base):
    """The newest event's place and hash, one row: every write locks it before appending.

    Two seats on PostgreSQL append one after the other, so the chain never forks.
    """

    __tablename__ = "audit_head"
    __table_args__ = (CheckConstraint("id = 1", name="single"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)


#: Set when demo data first goes into a database: demo data is refused anywhere else.
DEMO_REGISTER = "demo_register"


class RegisterSetting(Base):
    """Facts about the register itself (e.g. that it is a demo database), as key and value."""

    __tablename__ = "register_setting"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)
