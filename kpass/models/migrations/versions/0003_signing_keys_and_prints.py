"""signing keys and print records

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 16:37:42.902547
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "signing_key",
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("public_key", sa.LargeBinary(), nullable=False),
        sa.Column("private_key_pem", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_signing_key")),
    )
    op.create_table(
        "print_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.JSON(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.CheckConstraint(
            "kind IN ('card', 'sheet', 'letter', 'renewals', 'application_form')",
            name=op.f("ck_print_record_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_print_record_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_record")),
    )
    with op.batch_alter_table("print_record", schema=None) as batch_op:
        batch_op.create_index("ix_print_record_at", ["printed_at"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("print_record", schema=None) as batch_op:
        batch_op.drop_index("ix_print_record_at")

    op.drop_table("print_record")
    op.drop_table("signing_key")
