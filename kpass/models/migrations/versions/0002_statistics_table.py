"""statistics table, pass stat_ref, pass serial counter

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 16:13:29.490988
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "stat_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_kind", sa.String(length=16), nullable=False),
        sa.Column("event", sa.String(length=10), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("revoked_on", sa.Date(), nullable=True),
        sa.Column("pass_type", sa.String(length=20), nullable=True),
        sa.Column("basis", sa.String(length=32), nullable=True),
        sa.Column("stadtteil", sa.String(length=12), nullable=False),
        sa.Column("household_type", sa.String(length=16), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("birth_month", sa.Integer(), nullable=True),
        sa.Column("born_feb_29", sa.Boolean(), nullable=False),
        sa.Column("rule_set", sa.String(length=40), nullable=True),
        sa.Column("pass_ref", sa.String(length=32), nullable=True),
        sa.CheckConstraint(
            "event IN ('decided', 'eligible', 'rejected', 'new', 'renewed', 'replaced')",
            name=op.f("ck_stat_record_event"),
        ),
        sa.CheckConstraint(
            "household_type IN ('single', 'single_parent', 'couple', 'couple_children', 'other')",
            name=op.f("ck_stat_record_household_type"),
        ),
        sa.CheckConstraint(
            "record_kind IN ('application', 'decision_person', 'pass_validity')",
            name=op.f("ck_stat_record_record_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stat_record")),
    )
    with op.batch_alter_table("stat_record", schema=None) as batch_op:
        batch_op.create_index("ix_stat_record_decided", ["record_kind", "decided_on"], unique=False)
        batch_op.create_index("ix_stat_record_pass_ref", ["pass_ref"], unique=False)
        batch_op.create_index(
            "ix_stat_record_validity", ["record_kind", "valid_from", "valid_until"], unique=False
        )

    # Existing passes get a token of their own before the column becomes NOT NULL.
    with op.batch_alter_table("pass", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stat_ref", sa.String(length=32), nullable=True))
    connection = op.get_bind()
    pass_table = sa.table("pass", sa.column("id", sa.Integer), sa.column("stat_ref", sa.String))
    for (pass_id,) in connection.execute(sa.select(pass_table.c.id)).all():
        connection.execute(
            pass_table.update()
            .where(pass_table.c.id == pass_id)
            .values(stat_ref=secrets.token_hex(16))
        )
    with op.batch_alter_table("pass", schema=None) as batch_op:
        batch_op.alter_column("stat_ref", existing_type=sa.String(length=32), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_pass_stat_ref"), ["stat_ref"])

    # Pass serials start at 100000 so every number has six significant digits.
    counter = sa.table("counter", sa.column("name", sa.String), sa.column("value", sa.Integer))
    op.bulk_insert(counter, [{"name": "pass_serial", "value": 100000}])


def downgrade() -> None:
    op.execute("DELETE FROM counter WHERE name = 'pass_serial'")
    with op.batch_alter_table("pass", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_pass_stat_ref"), type_="unique")
        batch_op.drop_column("stat_ref")

    with op.batch_alter_table("stat_record", schema=None) as batch_op:
        batch_op.drop_index("ix_stat_record_validity")
        batch_op.drop_index("ix_stat_record_pass_ref")
        batch_op.drop_index("ix_stat_record_decided")

    op.drop_table("stat_record")
