"""60plus vouchers handed out per person and calendar year

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 16:00:00.000000

``voucher_issue``: who got the yearly 60plus vouchers (Bildungs- und Kulturgutscheine) on
which day, on which pass, granted by which decision, and the amount. ``UNIQUE (person_id,
year)`` refuses a second hand-out in a calendar year even from two seats at once. A new table
only: every register upgrades without a data step.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "voucher_issue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("pass_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("handed_out_on", sa.Date(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"],
            name=op.f("fk_voucher_issue_person_id_person"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["pass_id"], ["pass.id"],
            name=op.f("fk_voucher_issue_pass_id_pass"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decision.id"],
            name=op.f("fk_voucher_issue_decision_id_decision"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["app_user.id"],
            name=op.f("fk_voucher_issue_created_by_id_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voucher_issue")),
        sa.UniqueConstraint("person_id", "year", name="uq_voucher_issue_person_year"),
    )
    op.create_index("ix_voucher_issue_handed_out_on", "voucher_issue", ["handed_out_on"])
    op.create_index("ix_voucher_issue_pass", "voucher_issue", ["pass_id"])
    op.create_index("ix_voucher_issue_decision", "voucher_issue", ["decision_id"])


def downgrade() -> None:
    for name in ("ix_voucher_issue_decision", "ix_voucher_issue_pass",
                 "ix_voucher_issue_handed_out_on"):
        op.drop_index(name, table_name="voucher_issue")
    op.drop_table("voucher_issue")
