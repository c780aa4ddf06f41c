"""Deciding the batches of a whole-register what-if, in worker processes when it pays.

The reading process fetches the stored snapshots as text and hands batches to workers that
decode and decide them (:func:`kpass.rules.impact.tally_texts`); only counts come back.
Workers are started fresh ("spawn"), never forked: the application runs Qt and database
threads whose locks a fork would copy in an unknown state.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from decimal import Decimal
from multiprocessing import get_context

from kpass.rules import Parameters
from kpass.rules.impact import ImpactTally, tally_texts, with_threshold

BATCH = 4_000  # households per batch handed to a worker
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


def tally_batches(
    batches: Iterable[Sequence[str]], base: Parameters, threshold: Decimal, on: date,
    outside: str,
) -> ImpactTally:
    """The households of all ``batches`` decided on ``on`` under ``base`` and under ``base``
    with the income limit ``threshold`` from ``on``."""
    after = with_threshold(base, threshold, on)
    pending = iter(batches)
    head: list[list[str]] = []
    seen = 0
    for batch in pending:
        head.append(list(batch))
        seen += len(batch)
        if seen >= PARALLEL_FROM:
            break
    workers = worker_count()
    total = ImpactTally()
    if seen < PARALLEL_FROM or workers < 2:
        for texts in _chain(head, pending):
            total.add(tally_texts(texts, base, after, on, outside))
        return total
    pool = ProcessPoolExecutor(workers, mp_context=get_context("spawn"))
    try:
        running: deque[Future[ImpactTally]] = deque()
        for texts in _chain(head, pending):
            # a few batches ahead per worker: enough to keep them busy, little memory
            if len(running) >= 2 * workers:
                total.add(running.popleft().result())
            running.append(pool.submit(tally_texts, texts, base, after, on, outside))
        while running:
            total.add(running.popleft().result())
    finally:
        # after a failure (a broken snapshot) nobody waits for the batches still queued
        pool.shutdown(wait=True, cancel_futures=True)
    return total


def _chain(head: list[list[str]], rest: Iterator[Sequence[str]]) -> Iterator[list[str]]:
    yield from head
    for batch in rest:
        yield list(batch)
