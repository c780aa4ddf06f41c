"""indexes for deleting by the retention schedule

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04 16:30:00.000000

Deleting a person, a pass or a decision makes the database check every row that refers to
it; without an index on the referring column that is a scan of the whole table per deleted
row (a retention run over 15,000 households took 40 s on SQLite, almost all of it here).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_application_applicant", "application", ["applicant_person_id"]),
    ("ix_pass_replaces", "pass", ["replaces_pass_id"]),
    ("ix_pass_validity_decision", "pass_validity", ["decision_id"]),
    ("ix_benefit_notice_person_person", "benefit_notice_person", ["person_id"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
