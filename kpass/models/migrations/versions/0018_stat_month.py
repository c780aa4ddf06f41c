"""monthly counts beside the statistics rows

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 12:00:00.000000

A month's breakdown summed every validity row active in the month: at a million persons
(several million statistics rows) one month took seconds and the dashboard's 24 months
twenty. ``stat_month`` holds the sums per month and key, added to in the transaction that
writes the rows (kpass.services.month_counts), so a breakdown reads a few thousand sums.

Existing registers: the sums of every row written so far, read in slices of the table by
id and added with the same upsert the services use (bounded memory at any size;
kpass.services.month_counts.refold, also behind ``kpass db refold``).
Downgrade drops the table; the rows themselves were never changed.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from kpass.services.month_counts import refold

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MEASURES = ("active", "new", "renewed", "replaced", "rejected", "applications")


def upgrade() -> None:
    op.create_table(
        "stat_month",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("measure", sa.String(12), nullable=False),
        sa.Column("stadtteil", sa.String(12), nullable=False),
        sa.Column("age_group", sa.String(8), nullable=False),
        sa.Column("household_type", sa.String(16), nullable=False),
        sa.Column("basis", sa.String(32), nullable=False),
        sa.Column("pass_type", sa.String(20), nullable=False),
        sa.Column("issuer", sa.String(8), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.CheckConstraint("measure IN ({})".format(", ".join(f"'{m}'" for m in _MEASURES)),
                           name=op.f("ck_stat_month_measure")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stat_month")),
        sa.UniqueConstraint("month", "measure", "stadtteil", "age_group", "household_type",
                            "basis", "pass_type", "issuer", name=op.f("uq_stat_month_key")),
    )
    refold(op.get_bind())


def downgrade() -> None:
    op.drop_table("stat_month")
