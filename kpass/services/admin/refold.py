"""``kpass db refold``: the monthly statistics counts rebuilt from the statistics rows."""

from __future__ import annotations

from sqlalchemy import text

from kpass.models.engine import Database
from kpass.services.access.guard import owner_command
from kpass.services.audit_log import lock_head
from kpass.services.month_counts import refold
from kpass.services.uow import UnitOfWork


@owner_command
def refold_statistics(database: Database) -> int:
    """Rebuild ``stat_month`` in one transaction; returns the keys written.

    On PostgreSQL the audit chain's head is locked first, then the table, in the order every
    writing seat takes them (the head at its commit, then its sums): a seat committing
    meanwhile waits, up to its lock timeout, and adds its rows afterwards; none is counted
    twice or lost. A rebuild of a large register takes about a minute: run it with the
    office closed."""
    with UnitOfWork(database) as uow:
        connection = uow.session.connection()
        if connection.dialect.name == "postgresql":
            lock_head(uow.session)
            connection.execute(text("LOCK TABLE stat_month IN EXCLUSIVE MODE"))
        keys = refold(connection)
        uow.audit("refold_statistics", "stat_month", None, keys=keys)
        uow.commit()
    return keys
