"""objections (Widerspruch) against decisions

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 10:00:00.000000

``objection``: who lodged a Widerspruch when against which decision, its deemed notification
day (Bekanntgabe) and deadline, whether it came in time, its state (eingegangen, in Prüfung,
abgeholfen, zurückgewiesen, zurückgenommen), the remedial decision of an Abhilfe and the
Wiedervorlage. A new table only: every register upgrades without a data step.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_STATES = ("received", "in_review", "remedied", "rejected", "withdrawn")


def upgrade() -> None:
    op.create_table(
        "objection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("lodged_by_person_id", sa.Integer(), nullable=True),
        sa.Column("representative", sa.String(length=200), nullable=True),
        sa.Column("bekanntgabe_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("in_time", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("outcome_reason", sa.Text(), nullable=True),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.Column("remedial_decision_id", sa.Integer(), nullable=True),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "state IN (" + ", ".join(f"'{s}'" for s in _STATES) + ")",
            name=op.f("ck_objection_state"),
        ),
        sa.CheckConstraint(
            "deadline > bekanntgabe_on", name=op.f("ck_objection_deadline_after_notification")
        ),
        sa.CheckConstraint(
            "(state IN ('received', 'in_review')) = (outcome_on IS NULL)",
            name=op.f("ck_objection_outcome_dated"),
        ),
        sa.CheckConstraint(
            "remedial_decision_id IS NULL OR state = 'remedied'",
            name=op.f("ck_objection_remedy_only_remedied"),
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decision.id"],
            name=op.f("fk_objection_decision_id_decision"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"],
            name=op.f("fk_objection_household_id_household"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lodged_by_person_id"], ["person.id"],
            name=op.f("fk_objection_lodged_by_person_id_person"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["remedial_decision_id"], ["decision.id"],
            name=op.f("fk_objection_remedial_decision_id_decision"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["app_user.id"], name=op.f("fk_objection_created_by_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objection")),
    )
    op.create_index("ix_objection_household", "objection", ["household_id"])
    op.create_index("ix_objection_decision", "objection", ["decision_id"])
    op.create_index("ix_objection_remedial_decision", "objection", ["remedial_decision_id"])
    op.create_index("ix_objection_lodged_by", "objection", ["lodged_by_person_id"])
    op.create_index("ix_objection_state_deadline", "objection", ["state", "deadline"])


def downgrade() -> None:
    for name in ("ix_objection_state_deadline", "ix_objection_lodged_by",
                 "ix_objection_remedial_decision", "ix_objection_decision",
                 "ix_objection_household"):
        op.drop_index(name, table_name="objection")
    op.drop_table("objection")
