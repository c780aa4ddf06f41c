"""The baseline of passes that were written without a recorded state (demo registers; the
migration to schema 0011 writes the same events for the passes it finds)."""

from __future__ import annotations

from sqlalchemy import exists, select

from kpass.models import AuditEvent, Pass
from kpass.services.audit.pass_records import BASELINE, STATE_ACTIONS, STATE_KEY, register_states
from kpass.services.uow import UnitOfWork

_BATCH = 2000


def record_pass_baselines(uow: UnitOfWork, after_pass_id: int = 0) -> int:
    """One "baseline" event with its current state for every pass (id above
    ``after_pass_id``) that no event records yet; returns how many were recorded."""
    session = uow.session
    # NOT EXISTS per pass through ix_audit_event_entity: a NOT IN over every recorded event
    # outgrew PostgreSQL's work_mem in a large register and was then re-read for each pass
    recorded = exists().where(
        AuditEvent.entity == "pass",
        AuditEvent.entity_id == Pass.id,
        AuditEvent.action.in_(STATE_ACTIONS),
    )
    ids = list(session.scalars(
        select(Pass.id).where(Pass.id > after_pass_id, ~recorded).order_by(Pass.id)
    ))
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start:start + _BATCH]
        states = register_states(session, chunk)
        for pass_id in chunk:
            uow.audit(BASELINE, "pass", pass_id, **{STATE_KEY: states[pass_id]})
    return len(ids)
