"""What a restore drill compares: the rows of every table, and the audit trail."""

from __future__ import annotations

import json

from sqlalchemy import inspect, text

from kpass.models.engine import Database
from kpass.services.audit import verify_trail


def table_counts(database: Database) -> dict[str, int]:
    """Rows of every table of the register (Alembic's included)."""
    with database.engine.connect() as connection:
        names = sorted(inspect(connection).get_table_names())
        return {
            name: int(connection.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one())
            for name in names
        }


def run_sql(database: Database, *statements: str) -> None:
    with database.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def last_event(database: Database) -> tuple[str, str, str, dict[str, object]]:
    """Action, entity, author and details of the newest audit event."""
    with database.engine.connect() as connection:
        row = connection.execute(text(
            "SELECT e.action, e.entity, u.username, e.details FROM audit_event e "
            "JOIN app_user u ON u.id = e.user_id ORDER BY e.seq DESC LIMIT 1")).one()
    details = row[3]
    if isinstance(details, str):  # SQLite hands JSON back as text
        details = json.loads(details)
    return str(row[0]), str(row[1]), str(row[2]), dict(details)


def trail_events(database: Database) -> int:
    report = verify_trail(database)
    assert report.intact, report
    return report.events
