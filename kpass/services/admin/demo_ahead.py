"""Drawing the next batch of demo households in a helper process while this one writes.

Drawing a household (names, ages, incomes, addresses) is about half of writing a register
without history, and needs nothing from the database; only keeping its persons apart from
the register (:func:`kpass.demo.generator.kept_apart`) must happen here, in order. The
helper is started fresh ("spawn"): a fork would copy the database connections and threads
of this process.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from multiprocessing import get_context

from kpass.demo.generator import DemoHousehold, drawn_households


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


class DrawAhead:
    """One batch drawn ahead: :meth:`ask` for the households of the next batch, :meth:`take`
    them when that batch is written (``None`` if another batch was asked for, e.g. because
    a concurrent run took those households)."""

    def __init__(self, seed: int, as_of: date) -> None:
        self.seed = seed
        self.as_of = as_of
        self._pool = ProcessPoolExecutor(1, mp_context=get_context("spawn"))
        self._asked: tuple[int, int, Future[list[DemoHousehold]]] | None = None

    def ask(self, start: int, count: int) -> None:
        self._drop()
        future = self._pool.submit(drawn_households, count, self.seed, self.as_of, start)
        self._asked = (start, count, future)

    def take(self, start: int, count: int) -> list[DemoHousehold] | None:
        if self._asked is None or self._asked[:2] != (start, count):
            self._drop()
            return None
        future = self._asked[2]
        self._asked = None
        return future.result()

    def _drop(self) -> None:
        if self._asked is not None:
            self._asked[2].cancel()
            self._asked = None

    def close(self) -> None:
        self._drop()
        self._pool.shutdown(wait=True, cancel_futures=True)
