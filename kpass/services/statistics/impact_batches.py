"""Deciding a whole-register what-if slice by slice, in worker processes when it pays.

The register is cut into slices of ``BATCH`` consecutive household ids. For each slice the
input snapshots of its households' latest decisions in the window are read and decided
(:mod:`kpass.services.impact_slices`); only counts leave a slice.

A large register's slices are read *and* decided by worker processes, each on its own
connection: the parent only cuts the slices, so the reading is shared out as well as the
deciding and no snapshot text travels between processes (reading everything in the parent
cost as much as one worker's deciding). On PostgreSQL every worker reads in the parent's
snapshot (exported, as pg_dump's parallel jobs do), so all slices see the same register. On
SQLite each worker reads the state committed when it starts; a household belongs to one
slice, so a decision committed during the run is counted once or not at all, never twice.

Workers are started fresh ("spawn"), never forked: the application runs Qt and database
threads whose locks a fork would copy in an unknown state.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from decimal import Decimal
from multiprocessing import get_context

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from kpass.models import Household
from kpass.models.engine import Database
from kpass.rules import Parameters
from kpass.rules.impact import ImpactTally, with_threshold
from kpass.services.impact_slices import (
    Window,
    read_slice,
    start_worker,
    tally_slice,
    tally_slice_texts,
    worker_ready,
)

BATCH = 4_000  # households per slice
# Below this many households starting processes costs more than it saves (≈ 0.3 s each).
PARALLEL_FROM = 24_000
MAX_WORKERS = 8


def worker_count() -> int:
    """Processes for deciding: the cores this process may use, at most ``MAX_WORKERS``."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def household_slices(session: Session) -> list[tuple[int, int]]:
    """Half-open id ranges of ``BATCH`` households each, covering every household."""
    numbered = select(
        Household.id, func.row_number().over(order_by=Household.id).label("n")
    ).subquery()
    starts = list(session.scalars(
        select(numbered.c.id).where((numbered.c.n - 1) % BATCH == 0).order_by(numbered.c.id)
    ))
    if not starts:
        return []
    last = session.scalar(select(func.max(Household.id)))
    ends = [*starts[1:], (last or starts[-1]) + 1]
    return list(zip(starts, ends, strict=True))


def tally_register(
    session: Session, database: Database, base: Parameters, threshold: Decimal, on: date,
    since: date, outside: str,
) -> ImpactTally:
    """The households of the register decided on ``on`` under ``base`` and under ``base``
    with the income limit ``threshold`` from ``on``."""
    window = Window(since, on, base, with_threshold(base, threshold, on), outside)
    households = session.scalar(select(func.count(Household.id))) or 0
    workers = min(worker_count(), -(-households // BATCH))
    total = ImpactTally()
    # an in-memory SQLite database is this connection's alone: no worker can read it
    separate = not database.is_sqlite or database.sqlite_path is not None
    if households < PARALLEL_FROM or workers < 2 or not separate:
        for first, end in household_slices(session):
            total.add(tally_slice_texts(read_slice(session, window, first, end), window))
        return total
    snapshot = None if database.is_sqlite else export_snapshot(session)
    url = database.url.render_as_string(hide_password=False)
    pool = ProcessPoolExecutor(
        workers, mp_context=get_context("spawn"), initializer=start_worker,
        initargs=(url, snapshot, window),
    )
    try:
        for _ in range(workers):  # the processes start (≈ 0.4 s) while the slices are cut
            pool.submit(worker_ready)
        running = [pool.submit(tally_slice, first, end)
                   for first, end in household_slices(session)]
        for future in running:
            total.add(future.result())
    finally:
        # after a failure (a broken snapshot) nobody waits for the slices still queued
        pool.shutdown(wait=True, cancel_futures=True)
    return total


def export_snapshot(session: Session) -> str:
    """The id of the snapshot of the session's transaction, for other connections to read
    the same register in (valid while this transaction is open)."""
    identifier = session.execute(text("SELECT pg_export_snapshot()")).scalar_one()
    return str(identifier)
