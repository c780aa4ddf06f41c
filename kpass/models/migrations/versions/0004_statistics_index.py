"""statistics index by end of validity

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 16:47:29.540835
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain index operations: no table rebuild on SQLite, the table can be large.
    op.drop_index("ix_stat_record_validity", table_name="stat_record")
    op.create_index(
        "ix_stat_record_until", "stat_record", ["record_kind", "valid_until", "valid_from"]
    )


def downgrade() -> None:
    op.drop_index("ix_stat_record_until", table_name="stat_record")
    op.create_index(
        "ix_stat_record_validity", "stat_record", ["record_kind", "valid_from", "valid_until"]
    )
