"""One run of the import (dry or real) in the background, with progress and "Abbrechen".

The service reports progress and asks whether to stop between households, from the worker
thread. Following the rule of :mod:`kpass.ui.common.background` (a worker touches no Qt
object), it talks to a plain-Python record only; a timer on the GUI thread reads the
record and shows the progress. Cancelling sets the record's flag: the service stops before
the next household and rolls back (all or nothing) or keeps what it saved (per household);
either way the report comes back, marked cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kpass.services.register_import import Cancelled, ImportReport, Progress
from kpass.ui.common.background import BackgroundJobs, JobOutcome

ImportWork = Callable[[Progress, Cancelled], ImportReport]
POLL_MS = 100


class _Shared:
    """What the worker writes and the GUI thread reads: no Qt in here."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.done = 0
        self.total = 0
        self.stop = threading.Event()

    def progress(self, done: int, total: int) -> None:
        with self.lock:
            self.done, self.total = done, total

    def cancelled(self) -> bool:
        return self.stop.is_set()

    def read(self) -> tuple[int, int]:
        with self.lock:
            return self.done, self.total


class ImportRun(QObject):
    """``progressed(done, total)`` while it runs; then ``finished(report)`` or
    ``failed(message)`` (a refusal in the interface's language)."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.jobs = BackgroundJobs(self)
        self._shared: _Shared | None = None
        self._shown = (-1, -1)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def running(self) -> bool:
        return self._shared is not None

    @property
    def cancelling(self) -> bool:
        return self._shared is not None and self._shared.stop.is_set()

    def start(self, work: ImportWork) -> None:
        assert self._shared is None, "one run at a time"
        shared = _Shared()
        self._shared = shared
        self._shown = (-1, -1)
        job = self.jobs.start([("", lambda: work(shared.progress, shared.cancelled))])
        job.finished.connect(self._finished)
        job.dropped.connect(self._dropped)
        self._timer.start()

    def cancel(self) -> None:
        """Stop before the next household (the service decides what is kept)."""
        if self._shared is not None:
            self._shared.stop.set()

    def stop(self) -> None:
        """The wizard closes: cancel, wait for the service to return, deliver nothing."""
        self.cancel()
        self.jobs.stop()
        self._dropped()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the run has ended and its outcome is delivered (tests)."""
        return self.jobs.wait(msecs)

    def _poll(self) -> None:
        if self._shared is None:
            return
        now = self._shared.read()
        if now != self._shown:
            self._shown = now
            self.progressed.emit(*now)

    def _dropped(self) -> None:
        self._timer.stop()
        self._shared = None

    def _finished(self, outcome: JobOutcome) -> None:
        self._poll()
        self._dropped()
        if outcome.error:
            self.failed.emit(outcome.error)
        elif outcome.results:
            self.finished.emit(outcome.value)
