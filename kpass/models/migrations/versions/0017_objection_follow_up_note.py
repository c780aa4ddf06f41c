"""the Wiedervorlage note of an objection in a column of its own

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 19:00:00.000000

Until now the note of an objection's Wiedervorlage (what to look at on the day) was kept only
in the details of the trail's ``follow_up_objection`` event and read back from there. The
trail is hash-chained and kept for ever, so free text in it outlived the objection's
retention and an erasure (Art. 17 DSGVO). The note now lives in ``objection.follow_up_note``
and goes with the objection; the trail records only that a note was set and its length.

Existing registers: an open objection on Wiedervorlage gets the note of its latest
``follow_up_objection`` event (an empty note stays ``NULL``). The events themselves keep
their notes: changing them would break the chain, which is what makes the trail evidence.
The details are read as JSON through SQLAlchemy's type, the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The states of an objection not yet decided when this migration was written.
_OPEN_STATES = ("received", "in_review")
#: Longest note the service accepted when this migration was written.
_MAX_NOTE = 500

_EVENTS = sa.table(
    "audit_event",
    sa.column("seq", sa.Integer()),
    sa.column("action", sa.String()),
    sa.column("entity", sa.String()),
    sa.column("entity_id", sa.Integer()),
    sa.column("details", sa.JSON()),
)
_OBJECTIONS = sa.table(
    "objection",
    sa.column("id", sa.Integer()),
    sa.column("state", sa.String()),
    sa.column("follow_up_on", sa.Date()),
    sa.column("follow_up_note", sa.Text()),
)


def _note_of(details: Any) -> str:
    note = details.get("note") if isinstance(details, dict) else None
    return note.strip()[:_MAX_NOTE] if isinstance(note, str) else ""


def upgrade() -> None:
    op.add_column("objection", sa.Column("follow_up_note", sa.Text(), nullable=True))
    connection = op.get_bind()
    waiting = set(connection.execute(
        sa.select(_OBJECTIONS.c.id).where(_OBJECTIONS.c.state.in_(_OPEN_STATES),
                                          _OBJECTIONS.c.follow_up_on.is_not(None))
    ).scalars())
    if not waiting:
        return
    latest: dict[int, str] = {}
    # oldest first: the last event read for an objection is its latest Wiedervorlage
    for entity_id, details in connection.execute(
        sa.select(_EVENTS.c.entity_id, _EVENTS.c.details)
        .where(_EVENTS.c.action == "follow_up_objection", _EVENTS.c.entity == "objection")
        .order_by(_EVENTS.c.seq)
    ):
        if entity_id in waiting:
            latest[entity_id] = _note_of(details)
    for objection_id, note in sorted(latest.items()):
        if note:
            connection.execute(
                sa.update(_OBJECTIONS).where(_OBJECTIONS.c.id == objection_id)
                .values(follow_up_note=note))


def downgrade() -> None:
    with op.batch_alter_table("objection") as batch:
        batch.drop_column("follow_up_note")
