"""search rows for short prefixes

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 18:10:00.000000

``person_search_token`` also holds each name word's prefixes of up to three letters
(see kpass.models.person_keys), so the first page for "m" or "sch" comes in name order
straight from the index. No table changes: the rows are derived from the rows already
there, in plain SQL that SQLite and PostgreSQL both run.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The value of kpass.models.person_keys.SHORT_PREFIX when this migration was written;
# a migration must not change when that constant does.
SHORT_PREFIX = 3


def upgrade() -> None:
    for length in range(SHORT_PREFIX, 0, -1):
        op.execute(
            sa.text(
                "INSERT INTO person_search_token (person_id, token, sort_key) "
                "SELECT DISTINCT word.person_id, substr(word.token, 1, :length), word.sort_key "
                "FROM person_search_token AS word "
                "WHERE length(word.token) > :length AND NOT EXISTS ("
                " SELECT 1 FROM person_search_token AS known"
                " WHERE known.person_id = word.person_id"
                " AND known.token = substr(word.token, 1, :length))"
            ).bindparams(length=length)
        )


def downgrade() -> None:
    # A short row that begins a longer row of the same person finds nobody the longer
    # row does not find; the short words of a name that stand alone stay.
    op.execute(
        sa.text(
            "DELETE FROM person_search_token "
            "WHERE length(token) <= :length AND EXISTS ("
            " SELECT 1 FROM person_search_token AS longer"
            " WHERE longer.person_id = person_search_token.person_id"
            " AND length(longer.token) > length(person_search_token.token)"
            " AND substr(longer.token, 1, length(person_search_token.token))"
            " = person_search_token.token)"
        ).bindparams(length=SHORT_PREFIX)
    )
