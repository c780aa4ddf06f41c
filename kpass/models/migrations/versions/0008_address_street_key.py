"""street key of addresses for the person search

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 19:10:00.000000

The counter finds persons by the street they live in ("rheinstr 24"). Streets are stored
as written; ``street_key`` holds them folded like names (lower case, umlauts spelled out,
no spaces or punctuation), filled here for the addresses already there.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# The folding of this version; should it ever change, a later migration recomputes the keys.
from kpass.text_keys import street_key

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A default lets SQLite add the NOT NULL column without rebuilding the table.
    op.add_column(
        "household_address",
        sa.Column("street_key", sa.String(length=120), server_default="", nullable=False),
    )
    connection = op.get_bind()
    streets = connection.execute(sa.text("SELECT DISTINCT street FROM household_address")).all()
    update = sa.text("UPDATE household_address SET street_key = :key WHERE street = :street")
    # Street by street: a city has a few thousand, the addresses may be hundreds of thousands.
    rows = [{"key": street_key(street), "street": street} for (street,) in streets]
    if rows:
        connection.execute(update, rows)
    op.create_index(
        "ix_household_address_street_key", "household_address", ["street_key", "household_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_household_address_street_key", table_name="household_address")
    with op.batch_alter_table("household_address") as batch:
        batch.drop_column("street_key")
