"""Appending to the hash-chained audit trail, inside the writing transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kpass.models import AuditEvent, AuditHead
from kpass.models.audit_chain import GENESIS, event_hash
from kpass.models.base import utcnow


@dataclass
class ChainHead:
    seq: int
    hash: str


def lock_head(session: Session) -> ChainHead:
    """The newest link, locked until the transaction ends so no other seat appends meanwhile.

    SQLite's writers are already one at a time (BEGIN IMMEDIATE); on PostgreSQL the row
    lock makes concurrent writers queue here instead of forking the chain.
    """
    head = session.scalar(select(AuditHead).where(AuditHead.id == 1).with_for_update())
    if head is None:
        # a register created by create_all (tests, a fresh file) starts its chain here
        head = AuditHead(id=1, seq=0, hash=GENESIS)
        session.add(head)
        session.flush()
    return ChainHead(head.seq, head.hash)


def append_event(
    session: Session,
    head: ChainHead,
    *,
    user_id: int,
    action: str,
    entity: str,
    entity_id: int | None,
    details: dict[str, Any],
) -> AuditEvent:
    """Add one linked event and move the head; ``head`` is updated in place."""
    # what is hashed must be exactly what the database gives back later
    stored = json.loads(json.dumps(details, ensure_ascii=False, allow_nan=False))
    at = utcnow()
    seq = head.seq + 1
    link = event_hash(
        seq=seq,
        prev_hash=head.hash,
        at=at,
        user_id=user_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        details=stored,
    )
    event = AuditEvent(
        at=at,
        user_id=user_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        details=stored,
        seq=seq,
        prev_hash=head.hash,
        hash=link,
    )
    session.add(event)
    row = session.get(AuditHead, 1)
    assert row is not None
    row.seq, row.hash = seq, link
    head.seq, head.hash = seq, link
    return event
