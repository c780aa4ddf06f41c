"""logins and a hash-chained audit trail

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 05:00:00.000000

- ``app_user`` gets an argon2id password hash, a failed-login count and a lock time; the
  role "system" names the database owner's commands, which run without a login. Users
  written before this revision have no password and cannot log in until an admin sets one.
- ``audit_event`` gets ``seq``, ``prev_hash`` and ``hash``: every event is linked to the one
  before it (kpass.models.audit_chain); the events already in the register are chained
  here in the order they were written. ``audit_head`` holds the newest link.
- every pass gets a "baseline" event (author "system") recording its state as found here:
  number, type, status, revocation day, validity periods (the form of
  kpass.services.audit.pass_records.state_of, written out here so that this revision does
  not change with later code). From now on ``kpass audit verify`` compares every pass with
  the trail, the passes from before the upgrade too.
- ``key_slot``: each user's copy of the key-encryption key under which the signing keys are
  sealed (kpass.services.access.key_encryption). The first admin created on an upgraded
  register seals the keys that were stored in the clear until then.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

from kpass.models.audit_chain import GENESIS, event_hash
from kpass.models.base import UtcDateTime

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ROLES_BEFORE = ("caseworker", "supervisor", "admin")
_ROLES = (*_ROLES_BEFORE, "system")


# the event table as this revision knows it (timestamps read and written as aware UTC)
_EVENTS = sa.table(
    "audit_event",
    sa.column("id", sa.Integer()),
    sa.column("at", UtcDateTime()),
    sa.column("user_id", sa.Integer()),
    sa.column("action", sa.String()),
    sa.column("entity", sa.String()),
    sa.column("entity_id", sa.Integer()),
    sa.column("details", sa.JSON()),
    sa.column("seq", sa.Integer()),
    sa.column("prev_hash", sa.String()),
    sa.column("hash", sa.String()),
)


def _check_in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.add_column(sa.Column("password_hash", sa.String(length=200), nullable=True))
        batch.add_column(
            sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
        batch.drop_constraint(op.f("ck_app_user_role"), type_="check")
        batch.create_check_constraint("role", _check_in("role", _ROLES))
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_head_single")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    seq, head = _chain_existing_events()
    seq, head = _record_pass_baselines(seq, head)
    op.get_bind().execute(
        sa.text("INSERT INTO audit_head (id, seq, hash) VALUES (1, :seq, :hash)"),
        {"seq": seq, "hash": head},
    )
    with op.batch_alter_table("audit_event") as batch:
        batch.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch.create_unique_constraint(op.f("uq_audit_event_seq"), ["seq"])
    op.create_index("ix_audit_event_user", "audit_event", ["user_id"])
    op.create_table(
        "key_slot",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("salt", sa.LargeBinary(), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.Column("kdf", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_key_slot_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_key_slot")),
    )


def _chain_existing_events() -> tuple[int, str]:
    """Link the events written before this revision, oldest first; the new head."""
    connection = op.get_bind()
    events = _EVENTS
    rows = connection.execute(
        sa.select(
            events.c.id,
            events.c.at,
            events.c.user_id,
            events.c.action,
            events.c.entity,
            events.c.entity_id,
            events.c.details,
        ).order_by(events.c.id)
    ).all()
    previous = GENESIS
    for seq, row in enumerate(rows, start=1):
        at = row.at if row.at.tzinfo is not None else row.at.replace(tzinfo=UTC)
        link = event_hash(
            seq=seq,
            prev_hash=previous,
            at=at,
            user_id=row.user_id,
            action=row.action,
            entity=row.entity,
            entity_id=row.entity_id,
            details=row.details or {},
        )
        connection.execute(
            sa.update(events)
            .where(events.c.id == row.id)
            .values(seq=seq, prev_hash=previous, hash=link)
        )
        previous = link
    return len(rows), previous


def _day(value: Any) -> str:
    # SQLite gives the stored text, PostgreSQL a date
    return value.isoformat() if isinstance(value, date) else str(value)


def _system_user_id(connection: sa.Connection) -> int:
    found = connection.execute(
        sa.text("SELECT id FROM app_user WHERE username = 'system'")
    ).scalar()
    if found is not None:
        return int(found)
    users = sa.table(
        "app_user",
        sa.column("id", sa.Integer()),
        sa.column("username", sa.String()),
        sa.column("display_name", sa.String()),
        sa.column("role", sa.String()),
        sa.column("active", sa.Boolean()),
        sa.column("created_at", UtcDateTime()),
    )
    return int(
        connection.execute(
            sa.insert(users)
            .values(
                username="system",
                display_name="Datenbankverwaltung (ohne Anmeldung)",
                role="system",
                active=True,
                created_at=datetime.now(UTC),
            )
            .returning(users.c.id)
        ).scalar_one()
    )


def _record_pass_baselines(seq: int, previous: str) -> tuple[int, str]:
    """A "baseline" event per pass with its state as found; the new head."""
    connection = op.get_bind()
    passes = connection.execute(
        sa.text("SELECT id, number, pass_type, status, revoked_on FROM pass ORDER BY id")
    ).all()
    if not passes:
        return seq, previous
    periods: dict[int, list[list[str]]] = defaultdict(list)
    for pass_id, start, end in connection.execute(
        sa.text("SELECT pass_id, valid_from, valid_until FROM pass_validity")
    ):
        periods[pass_id].append([_day(start), _day(end)])
    user_id = _system_user_id(connection)
    at = datetime.now(UTC)
    events = _EVENTS
    rows = []
    for row in passes:
        seq += 1
        details = {
            "state": {
                "number": row.number,
                "type": row.pass_type,
                "status": row.status,
                "revoked_on": None if row.revoked_on is None else _day(row.revoked_on),
                "periods": sorted(periods[row.id]),
            }
        }
        link = event_hash(
            seq=seq, prev_hash=previous, at=at, user_id=user_id, action="baseline",
            entity="pass", entity_id=row.id, details=details,
        )
        rows.append({
            "at": at, "user_id": user_id, "action": "baseline", "entity": "pass",
            "entity_id": row.id, "details": details, "seq": seq, "prev_hash": previous,
            "hash": link,
        })
        previous = link
    for start in range(0, len(rows), 5000):
        connection.execute(sa.insert(events), rows[start:start + 5000])
    return seq, previous


def downgrade() -> None:
    # sealed signing keys cannot go back to a schema that stores them in the clear
    stored = op.get_bind().execute(sa.text("SELECT private_key_pem FROM signing_key")).scalars()
    if any(not bytes(key).startswith(b"-----BEGIN") for key in stored):
        raise RuntimeError(
            "the signing keys are sealed under the users' key slots; a downgrade below 0011 "
            "would lose them (restore a backup from before the upgrade instead)"
        )
    op.drop_table("key_slot")
    op.drop_index("ix_audit_event_user", table_name="audit_event")
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_constraint(op.f("uq_audit_event_seq"), type_="unique")
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
        batch.drop_column("seq")
    op.drop_table("audit_head")
    op.execute("UPDATE app_user SET role = 'caseworker' WHERE role = 'system'")
    with op.batch_alter_table("app_user") as batch:
        batch.drop_constraint(op.f("ck_app_user_role"), type_="check")
        batch.create_check_constraint("role", _check_in("role", _ROLES_BEFORE))
        batch.drop_column("locked_until")
        batch.drop_column("failed_logins")
        batch.drop_column("password_hash")
