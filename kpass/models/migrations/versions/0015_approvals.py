"""four-eyes approvals of decisions

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 18:00:00.000000

``decision_approval``: a decision that waits for a supervisor's confirmation (Vier-Augen-
Prinzip) before its letter and passes go out — why (rejection, close to the income limit),
who asked and when, and who confirmed or returned it with which reason, or which newer
decision superseded it. A partial unique index keeps one pending approval per household; a
CHECK refuses a confirmation by the decision's own author. The switch and the margin live in
``register_setting``; without those rows the rule is off. A new table only: every register
upgrades without a data step, and no decision made before is affected.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_REASONS = ("rejection", "near_limit")
_STATES = ("pending", "confirmed", "returned", "superseded")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def upgrade() -> None:
    op.create_table(
        "decision_approval",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=12), nullable=False),
        sa.Column("income_minus_limit", sa.BigInteger(), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.Column("return_reason", sa.Text(), nullable=True),
        sa.Column("superseded_by_decision_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(_in("reason", _REASONS), name=op.f("ck_decision_approval_reason")),
        sa.CheckConstraint(_in("state", _STATES), name=op.f("ck_decision_approval_state")),
        sa.CheckConstraint(
            "(state = 'pending') = (resolved_at IS NULL)",
            name=op.f("ck_decision_approval_resolution_dated"),
        ),
        sa.CheckConstraint(
            "state NOT IN ('confirmed', 'returned') OR "
            "(resolved_by_id IS NOT NULL AND resolved_by_id <> requested_by_id)",
            name=op.f("ck_decision_approval_four_eyes"),
        ),
        sa.CheckConstraint(
            "state <> 'returned' OR return_reason IS NOT NULL",
            name=op.f("ck_decision_approval_return_reasoned"),
        ),
        sa.CheckConstraint(
            "reason <> 'near_limit' OR income_minus_limit IS NOT NULL",
            name=op.f("ck_decision_approval_near_limit_figure"),
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decision.id"],
            name=op.f("fk_decision_approval_decision_id_decision"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"],
            name=op.f("fk_decision_approval_household_id_household"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_id"], ["app_user.id"],
            name=op.f("fk_decision_approval_requested_by_id_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by_id"], ["app_user.id"],
            name=op.f("fk_decision_approval_resolved_by_id_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by_decision_id"], ["decision.id"],
            name=op.f("fk_decision_approval_superseded_by_decision_id_decision"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_approval")),
        sa.UniqueConstraint("decision_id", name=op.f("uq_decision_approval_decision_id")),
    )
    op.create_index(
        "uq_decision_approval_pending_household", "decision_approval", ["household_id"],
        unique=True,
        sqlite_where=sa.text("state = 'pending'"),
        postgresql_where=sa.text("state = 'pending'"),
    )
    op.create_index(
        "ix_decision_approval_state_requested", "decision_approval", ["state", "requested_at"]
    )
    op.create_index("ix_decision_approval_household", "decision_approval", ["household_id"])


def downgrade() -> None:
    for name in ("ix_decision_approval_household", "ix_decision_approval_state_requested",
                 "uq_decision_approval_pending_household"):
        op.drop_index(name, table_name="decision_approval")
    op.drop_table("decision_approval")
