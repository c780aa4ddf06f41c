"""street directory

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 17:15:44.493011
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "street_directory",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("street", sa.String(length=120), nullable=False),
        sa.Column("street_key", sa.String(length=120), nullable=False),
        sa.Column("number_from", sa.Integer(), nullable=False),
        sa.Column("number_to", sa.Integer(), nullable=False),
        sa.Column("stadtteil_code", sa.String(length=2), nullable=False),
        sa.CheckConstraint("number_to >= number_from", name=op.f("ck_street_directory_range")),
        sa.ForeignKeyConstraint(
            ["stadtteil_code"],
            ["stadtteil.code"],
            name=op.f("fk_street_directory_stadtteil_code_stadtteil"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_street_directory")),
    )
    with op.batch_alter_table("street_directory", schema=None) as batch_op:
        batch_op.create_index(
            "ix_street_directory_key", ["street_key", "number_from"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("street_directory", schema=None) as batch_op:
        batch_op.drop_index("ix_street_directory_key")

    op.drop_table("street_directory")
