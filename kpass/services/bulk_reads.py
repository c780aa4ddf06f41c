"""Reading personal data in bulk leaves a trace: who listed, searched or exported how much.

Called after the read, in a transaction of its own: a read never holds the writers' lock
(SQLite) while it runs, and the note is kept even when the caller stops reading.
"""

from __future__ import annotations

from typing import Any

from kpass.models.engine import Database
from kpass.services.uow import UnitOfWork

BULK_READ = "bulk_read"


def record_bulk_read(database: Database, what: str, rows: int, **filters: Any) -> None:
    with UnitOfWork(database) as uow:
        uow.audit(BULK_READ, what, None, rows=rows, **filters)
        uow.commit()
