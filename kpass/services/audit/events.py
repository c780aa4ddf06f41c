"""Reading the audit trail (newest first, page by page) and taking an anchor.

Reading the trail is itself a bulk read of who did what: each page read is recorded as an
event "read_audit" with the filter used (never what was read).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import String, cast, func, or_, select

from kpass.errors import InvalidInput
from kpass.models import AppUser, AuditEvent, AuditHead
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.uow import UnitOfWork

DEFAULT_LIMIT = 200
MAX_LIMIT = 10_000
MAX_TEXT = 200


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    event_id: int
    at: datetime
    username: str
    display_name: str
    action: str
    entity: str
    entity_id: int | None
    details: dict[str, Any]


@dataclass(frozen=True)
class Anchor:
    """A link of the chain to note on paper: later ``verify_trail(anchor=hash)`` proves
    that the trail up to it is unchanged."""

    seq: int
    hash: str
    at: datetime


def _local_midnight(day: date) -> datetime:
    # the office's days: a filter "from 1 March" starts at local midnight, not at UTC's
    return datetime.combine(day, time.min).astimezone()


def _check(limit: int, text: str | None, date_from: date | None, date_to: date | None) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput(
            f"The limit must lie between 1 and {MAX_LIMIT:,}.",
            f"Die Anzahl muss zwischen 1 und {MAX_LIMIT:,} liegen.".replace(",", "."),
        )
    if text is not None and len(text) > MAX_TEXT:
        raise InvalidInput(
            f"The search text is longer than {MAX_TEXT} characters.",
            f"Der Suchtext ist länger als {MAX_TEXT} Zeichen.",
        )
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InvalidInput(
            "The first day lies after the last.", "Der erste Tag liegt nach dem letzten."
        )


@requires(Permission.AUDIT)
def list_events(
    database: Database,
    limit: int = DEFAULT_LIMIT,
    *,
    entity: str | None = None,
    entity_id: int | None = None,
    user: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    text: str | None = None,
    before_seq: int | None = None,
) -> list[AuditEntry]:
    """Events newest first; ``before_seq`` (the last seq of the page before) pages on.
    ``text`` is looked for in the action and the details."""
    text = text.strip() if text and text.strip() else None
    _check(limit, text, date_from, date_to)
    statement = (
        select(AuditEvent, AppUser.username, AppUser.display_name)
        .join(AppUser, AppUser.id == AuditEvent.user_id)
        .order_by(AuditEvent.seq.desc())
        .limit(limit)
    )
    if entity:
        statement = statement.where(AuditEvent.entity == entity.strip())
    if entity_id is not None:
        statement = statement.where(AuditEvent.entity_id == entity_id)
    if user:
        statement = statement.where(func.lower(AppUser.username) == user.strip().lower())
    if date_from is not None:
        statement = statement.where(AuditEvent.at >= _local_midnight(date_from))
    if date_to is not None:
        statement = statement.where(
            AuditEvent.at < _local_midnight(date_to + timedelta(days=1))
        )
    if before_seq is not None:
        statement = statement.where(AuditEvent.seq < before_seq)
    if text is not None:
        # the details are stored as JSON, where "ü" may be written "\u00fc"
        escaped = json.dumps(text)[1:-1]
        patterns = {f"%{_like(text)}%", f"%{_like(escaped)}%"}
        details = cast(AuditEvent.details, String)
        statement = statement.where(or_(
            *(AuditEvent.action.ilike(p, escape="\\") for p in patterns),
            *(details.ilike(p, escape="\\") for p in patterns),
        ))
    with UnitOfWork(database) as uow:
        entries = [
            AuditEntry(event.seq, event.id, event.at, username, display_name or username,
                       event.action, event.entity, event.entity_id, dict(event.details or {}))
            for event, username, display_name in uow.session.execute(statement)
        ]
        shown = {
            "limit": limit, "entity": entity, "entity_id": entity_id, "user": user,
            "from": date_from.isoformat() if date_from else None,
            "to": date_to.isoformat() if date_to else None,
            "text": text, "before_seq": before_seq,
        }
        uow.audit("read_audit", "audit", None,
                  filter={k: v for k, v in shown.items() if v is not None}, rows=len(entries))
        uow.commit()
    return entries


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@requires(Permission.AUDIT)
def audit_entities(database: Database) -> list[str]:
    """The entities (Bereiche) that occur in the trail, for a filter's choices."""
    with UnitOfWork(database, write=False) as uow:
        return list(uow.session.scalars(
            select(AuditEvent.entity).distinct().order_by(AuditEvent.entity)
        ))


@requires(Permission.AUDIT)
def anchor_head(database: Database) -> Anchor:
    """Record an event "anchor" and return it as the newest link: its seq, hash and time.

    Taking an anchor is written into the trail itself (who noted one, when), and the
    hash returned is that event's own: the head right after it, so a hash noted on paper
    always names an event that says it was noted. Verifying never writes anything.
    """
    with UnitOfWork(database) as uow:
        uow.audit("anchor", "audit", None)
        uow.flush_audit()
        uow.session.flush()
        head = uow.session.get(AuditHead, 1)
        assert head is not None
        at = uow.session.scalar(select(AuditEvent.at).where(AuditEvent.seq == head.seq))
        assert at is not None
        anchor = Anchor(head.seq, head.hash, at)
        uow.commit()
    return anchor
