"""Users and the audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kpass.models.base import Base, UtcDateTime, check_in, utcnow

USER_ROLES = ("caseworker", "supervisor", "admin")


class AppUser(Base):
    """A person who works with kpass; until login exists, the OS or KPASS_USER name."""

    __tablename__ = "app_user"
    __table_args__ = (CheckConstraint(check_in("role", USER_ROLES), name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), nullable=False, unique=True)
    display_name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    role: Mapped[str] = mapped_column(String(12), nullable=False, default="caseworker")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)


class AuditEvent(Base):
    """Who did what, when; written in the same transaction as the change it describes."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_at", "at"),
        Index("ix_audit_event_entity", "entity", "entity_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, nullable=False, default=utcnow)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), nullable=False)
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    entity: Mapped[str] = mapped_column(String(40), nullable=False)
    entity_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)


#: Set when demo data first goes into a database: demo data is refused anywhere else.
DEMO_REGISTER = "demo_register"


class RegisterSetting(Base):
    """Facts about the register itself (e.g. that it is a demo database), as key and value."""

    __tablename__ = "register_setting"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)
