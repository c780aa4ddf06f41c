"""print references and the decisions of an application by index

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 19:20:00.000000

A household's Verlauf lists its prints. Prints name what they show only inside their JSON
``subject``, so finding them meant reading every print record; ``print_reference`` holds the
same facts as rows with indexes, filled here from the records already there. The decisions
of an application were found by reading the whole decision table; now by index.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ONE_SUBJECT = " + ".join(
    f"(CASE WHEN {c} IS NULL THEN 0 ELSE 1 END)" for c in ("pass_id", "decision_id", "application_id")
) + " = 1"


def upgrade() -> None:
    op.create_index("ix_decision_application", "decision", ["application_id"])
    op.create_table(
        "print_reference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("print_id", sa.Integer(), nullable=False),
        sa.Column("pass_id", sa.Integer(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(_ONE_SUBJECT, name=op.f("ck_print_reference_one_subject")),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"],
                                name=op.f("fk_print_reference_application_id_application")),
        sa.ForeignKeyConstraint(["decision_id"], ["decision.id"],
                                name=op.f("fk_print_reference_decision_id_decision")),
        sa.ForeignKeyConstraint(["pass_id"], ["pass.id"],
                                name=op.f("fk_print_reference_pass_id_pass")),
        sa.ForeignKeyConstraint(["print_id"], ["print_record.id"],
                                name=op.f("fk_print_reference_print_id_print_record")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_reference")),
    )
    _fill_from_subjects()
    for column in ("print", "pass", "decision", "application"):
        op.create_index(f"ix_print_reference_{column}", "print_reference", [f"{column}_id"])


def _fill_from_subjects() -> None:
    connection = op.get_bind()
    pass_ids = dict(connection.execute(sa.text("SELECT number, id FROM pass")).tuples().all())
    decisions = set(connection.scalars(sa.text("SELECT id FROM decision")))
    applications = set(connection.scalars(sa.text("SELECT id FROM application")))
    insert = sa.text(
        "INSERT INTO print_reference (print_id, pass_id, decision_id, application_id) "
        "VALUES (:print_id, :pass_id, :decision_id, :application_id)"
    )

    def rows() -> Iterator[dict[str, Any]]:
        records = connection.execute(sa.text("SELECT id, subject FROM print_record")).all()
        for print_id, subject in records:
            data = json.loads(subject) if isinstance(subject, str) else subject
            empty = {"print_id": print_id, "pass_id": None, "decision_id": None,
                     "application_id": None}
            for number in data.get("passes", ()):
                if number in pass_ids:
                    yield {**empty, "pass_id": pass_ids[number]}
            if data.get("decision") in decisions:
                yield {**empty, "decision_id": data["decision"]}
            if data.get("application") in applications:
                yield {**empty, "application_id": data["application"]}

    batch: list[dict[str, Any]] = []
    for row in rows():
        batch.append(row)
        if len(batch) == 5_000:
            connection.execute(insert, batch)
            batch = []
    if batch:
        connection.execute(insert, batch)


def downgrade() -> None:
    for column in ("print", "pass", "decision", "application"):
        op.drop_index(f"ix_print_reference_{column}", table_name="print_reference")
    op.drop_table("print_reference")
    op.drop_index("ix_decision_application", table_name="decision")
