"""``kpass db refold``: the monthly statistics counts rebuilt from the statistics rows."""

from __future__ import annotations

from sqlalchemy import text

from kpass.models.engine import Database
from kpass.services.access.guard import owner_command
from kpass.services.month_counts import refold
from kpass.services.uow import UnitOfWork


@owner_command
def refold_statistics(database: Database) -> int:
    """Rebuild ``stat_month`` in one transaction; returns the keys written.

    On PostgreSQL the table is locked first: a seat committing statistics rows meanwhile
    waits and adds them afterwards, so none is counted twice or lost."""
    with UnitOfWork(database) as uow:
        connection = uow.session.connection()
        if connection.dialect.name == "postgresql":
            connection.execute(text("LOCK TABLE stat_month IN EXCLUSIVE MODE"))
        keys = refold(connection)
        uow.audit("refold_statistics", "stat_month", None, keys=keys)
        uow.commit()
    return keys
