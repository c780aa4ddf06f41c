"""The tamper-evident audit trail: verifying its hash chain and the register against it,
anchors for a paper log, and reading the trail (docs/audit-trail.md)."""

from kpass.services.audit.chain_walk import ChainProblem
from kpass.services.audit.events import (
    Anchor,
    AuditEntry,
    anchor_head,
    audit_entities,
    list_events,
)
from kpass.services.audit.verify import PassProblem, TrailReport, verify_trail

__all__ = [
    "Anchor",
    "AuditEntry",
    "ChainProblem",
    "PassProblem",
    "TrailReport",
    "anchor_head",
    "audit_entities",
    "list_events",
    "verify_trail",
]
