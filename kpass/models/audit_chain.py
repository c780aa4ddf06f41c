"""The audit trail's hash chain: the canonical form of an event and its SHA-256 link.

Each event's hash covers its own fields and the previous event's hash, so an event changed,
deleted or inserted behind kpass's back breaks every link after it. The serialisation is a
published format (docs/audit-trail.md): it must never change for existing events; a new
form would get a new ``v`` and be used only for events written after it.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

CHAIN_VERSION = 1
#: The "previous hash" of the first event of a register.
GENESIS = "0" * 64


def canonical_time(at: datetime) -> str:
    """UTC with microseconds: what both databases store and give back unchanged."""
    if at.tzinfo is None:
        raise ValueError("naive datetime in the audit trail")
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_event(
    *,
    seq: int,
    prev_hash: str,
    at: datetime,
    user_id: int,
    action: str,
    entity: str,
    entity_id: int | None,
    details: dict[str, Any],
) -> bytes:
    """The bytes the hash is taken over: sorted-key, compact, UTF-8 JSON."""
    document = {
        "v": CHAIN_VERSION,
        "seq": seq,
        "prev": prev_hash,
        "at": canonical_time(at),
        "user": user_id,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "details": details,
    }
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def event_hash(**fields: Any) -> str:
    """The hex SHA-256 of :func:`canonical_event` for these fields."""
    return hashlib.sha256(canonical_event(**fields)).hexdigest()
