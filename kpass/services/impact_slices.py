"""One slice of a whole-register what-if: its households' snapshots read and decided.

Kept apart from :mod:`kpass.services.statistics` (which orchestrates the slices in
:mod:`~kpass.services.statistics.impact_batches`) so that a worker process starts with the
rules, the models and a connection only: a worker imports this module, nothing of the
statistics, exports or reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, Select, Text, bindparam, cast, func, select
from sqlalchemy.orm import Session

from kpass.models import Application, Decision
from kpass.models.engine import Database, open_database, translate_errors
from kpass.rules import Parameters
from kpass.rules.impact import ImpactTally, tally_texts

_SNAPSHOT_ID = re.compile(r"[0-9A-Fa-f-]{1,64}")


@dataclass(frozen=True)
class Window:
    """What is decided: the latest decision of each household made after ``since`` up to
    ``on``, decided on ``on`` under ``before`` and under ``after``; ``outside`` is the
    Stadtteil key of households outside the issuer's municipality."""

    since: date
    on: date
    before: Parameters
    after: Parameters
    outside: str


def _snapshots_of_slice() -> Select[tuple[str]]:
    latest = (
        select(func.max(Decision.id))
        .join(Application, Application.id == Decision.application_id)
        .where(
            Application.household_id >= bindparam("first"),
            Application.household_id < bindparam("end"),
            Decision.decided_on > bindparam("since"),
            Decision.decided_on <= bindparam("on"),
        )
        .group_by(Application.household_id)
    )
    # The stored JSON text as it is: it is decoded where it is decided.
    return select(cast(Decision.input_snapshot, Text)).where(Decision.id.in_(latest))


SNAPSHOTS_OF_SLICE = _snapshots_of_slice()


def read_slice(connection: Connection | Session, window: Window, first: int, end: int
               ) -> list[str]:
    """The snapshots of the households with ids from ``first`` up to ``end`` (excluded)."""
    parameters = {"first": first, "end": end, "since": window.since, "on": window.on}
    return list(connection.execute(SNAPSHOTS_OF_SLICE, parameters).scalars())


def tally_slice_texts(texts: list[str], window: Window) -> ImpactTally:
    return tally_texts(texts, window.before, window.after, window.on, window.outside)


@dataclass
class _Worker:
    url: str
    snapshot: str | None
    window: Window
    database: Database | None = None
    connection: Connection | None = None

    def open(self) -> tuple[Database, Connection]:
        if self.database is None or self.connection is None:
            database = open_database(self.url, create_dir=False)
            with translate_errors(database):
                connection = database.engine.connect()
                if self.snapshot is not None:
                    if not _SNAPSHOT_ID.fullmatch(self.snapshot):
                        raise ValueError(f"not a snapshot id: {self.snapshot!r}")
                    connection = connection.execution_options(
                        isolation_level="REPEATABLE READ"
                    )
                    # the first statement of the transaction; it takes no bound parameter
                    connection.exec_driver_sql(f"SET TRANSACTION SNAPSHOT '{self.snapshot}'")
                    # The driver prepares a statement run often; PostgreSQL's generic plan
                    # for "households from … to …" then walks a year of decisions per slice
                    # (250 ms instead of 25). And the workers are the parallelism already.
                    connection.exec_driver_sql("SET plan_cache_mode = force_custom_plan")
                    connection.exec_driver_sql("SET max_parallel_workers_per_gather = 0")
            self.database, self.connection = database, connection
        return self.database, self.connection


_worker: _Worker | None = None  # in a worker process: its connection and what it decides


def start_worker(url: str, snapshot: str | None, window: Window) -> None:
    """The initializer of a worker process; ``snapshot`` is a PostgreSQL snapshot id to read
    in (exported by the parent's transaction), None on SQLite."""
    # Nothing is connected yet: an error here would break the pool without a message,
    # an error in the first slice reaches the caller as what it is.
    global _worker
    _worker = _Worker(url, snapshot, window)


def worker_ready() -> None:
    """Nothing: handed to a new pool so that its processes start while the parent works."""


def tally_slice(first: int, end: int) -> ImpactTally:
    """In a worker process: the households from ``first`` up to ``end`` read and decided."""
    worker = _worker
    assert worker is not None, "called outside a worker process"
    database, connection = worker.open()
    with translate_errors(database):
        texts = read_slice(connection, worker.window, first, end)
    return tally_slice_texts(texts, worker.window)
