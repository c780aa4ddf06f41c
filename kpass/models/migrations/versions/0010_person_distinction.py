"""persons recorded as different despite a likely duplicate

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-10 09:30:00.000000

A caseworker who saves a person that the duplicate check takes for a registered one states
that they are different people, with a reason; ``person_distinction`` keeps that statement
for the pair (lower id first), so that issuing a pass and ``kpass db check`` respect it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "person_distinction",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("other_person_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "person_id < other_person_id", name=op.f("ck_person_distinction_ordered")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_person_distinction_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["other_person_id"],
            ["person.id"],
            name=op.f("fk_person_distinction_other_person_id_person"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["app_user.id"],
            name=op.f("fk_person_distinction_created_by_id_app_user"),
        ),
        sa.PrimaryKeyConstraint(
            "person_id", "other_person_id", name=op.f("pk_person_distinction")
        ),
    )
    op.create_index("ix_person_distinction_other", "person_distinction", ["other_person_id"])


def downgrade() -> None:
    op.drop_index("ix_person_distinction_other", table_name="person_distinction")
    op.drop_table("person_distinction")
