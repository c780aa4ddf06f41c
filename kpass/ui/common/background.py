"""Work off the GUI thread: the one helper every widget uses for it.

A widget makes a :class:`BackgroundJobs` (a child of the widget) and starts jobs on it: one
call (:meth:`BackgroundJobs.call`) or a list of labelled steps with progress and cancel
(:meth:`BackgroundJobs.start`). Each job runs in a pool thread; its outcome comes back on the
GUI thread as a signal of its :class:`Job`, a refusal (``KpassError``) as its German message.

Why it is built this way — a late result used to crash the process:

- A worker thread touches no object of the widgets. It reads a plain-Python record of its
  job (steps, cancel flag) and reports through one dispatcher that lives as long as the
  application; on the GUI thread the report is handed to the job only if the job still
  exists and was not dropped. A widget closed or deleted while its query runs gets nothing.
- The GUI thread keeps that record until the worker has let go of it, so the last reference
  to a step (and to whatever widget the step refers to) is never dropped in a worker thread.
- The owner stops its work when it is closed (:meth:`BackgroundJobs.stop`: no further step,
  wait for the one that runs, deliver nothing); when it is deleted, the same happens on the
  way out. No thread is left running on a database that is about to be closed.
- The jobs of one owner run one after the other: one query at a time per widget (SQLite
  likes that), and a job dropped before its turn never starts.
"""

from __future__ import annotations

import functools
import itertools
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal, Slot

from kpass.ui.common.run_service import Outcome, run_service

T = TypeVar("T")
Step = tuple[str, Callable[[], Any]]  # label shown while it runs, the work

#: How long a closing widget waits for the step that runs. A step is one query or one page;
#: should one hang, the widget closes anyway: the thread can no longer reach it.
STOP_WAIT_MS = 30_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("BackgroundJobs", text)


@dataclass(frozen=True)
class JobOutcome:
    """How a job ended: the results of the steps done, whether it was cancelled, and the
    message of the error that stopped it (in the interface's language; "" when none)."""

    results: list[Any]
    cancelled: bool
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.cancelled and not self.error

    @property
    def value(self) -> Any:
        """The result of the last step done (of a single call: its result), or None."""
        return self.results[-1] if self.results else None


class _Work:
    """A job's steps and outcome, shared with its worker thread: plain Python, no Qt object.

    The worker reads ``steps``, ``on_stop`` and ``cancel`` and writes the outcome before it
    sets ``returned``; everything else belongs to the GUI thread.
    """

    def __init__(self, steps: Sequence[Step], on_stop: Callable[[bool], None] | None) -> None:
        self.key = next(_keys)
        self.steps = list(steps)
        self.on_stop = on_stop
        self.cancel = threading.Event()
        self.returned = threading.Event()
        self.results: list[Any] = []
        self.cancelled = False
        self.error = ""
        self.dropped = False

    def outcome(self) -> JobOutcome:
        return JobOutcome(list(self.results), self.cancelled, self.error)


_keys = itertools.count(1)
# Written on the GUI thread only; a worker looks up its own entry (a dict read is atomic).
_works: dict[int, _Work] = {}
_owners: dict[int, BackgroundJobs] = {}


# -- in the worker thread ------------------------------------------------------------------
def _run(key: int, dispatcher: _Dispatcher) -> None:
    work = _works[key]
    returned = work.returned
    try:
        _perform(work, dispatcher)
    finally:
        del work  # the GUI thread drops the last reference to the steps, never this one
        returned.set()
        dispatcher.returned.emit(key)


def _perform(work: _Work, dispatcher: _Dispatcher) -> None:
    errors: list[str] = []
    for done, (label, step) in enumerate(work.steps):
        if work.cancel.is_set():
            break
        dispatcher.progressed.emit(work.key, done, label)
        outcome = _attempt(step, errors)
        if not outcome:
            break
        work.results.append(outcome.value)
    # Decided once: what on_stop is told is what the outcome says.
    work.cancelled = work.cancel.is_set()
    if work.on_stop is not None:
        _attempt(functools.partial(work.on_stop, not errors and not work.cancelled), errors)
    work.error = errors[0] if errors else ""


def _attempt(call: Callable[[], T], errors: list[str]) -> Outcome[T]:
    try:
        return run_service(call, errors.append)
    except Exception as exc:  # a bug must reach the user as a message, not end the thread
        errors.append(_tr("Unerwarteter Fehler: %1").replace("%1", str(exc)))
        return Outcome(False)


# -- on the GUI thread ---------------------------------------------------------------------
class _Dispatcher(QObject):
    """Carries the reports of the worker threads to the GUI thread; never deleted, so a
    worker always has a live object to report to."""

    progressed = Signal(int, int, str)  # job, steps done, label of the step now running
    returned = Signal(int)  # job; its outcome is written

    def __init__(self) -> None:
        super().__init__()
        self.pool = QThreadPool(self)
        queued = Qt.ConnectionType.QueuedConnection
        self.progressed.connect(self._progressed, queued)
        self.returned.connect(self._returned, queued)

    @Slot(int, int, str)
    def _progressed(self, key: int, done: int, label: str) -> None:
        owner = _owners.get(key)
        if owner is not None and shiboken6.isValid(owner):
            owner._progressed(key, done, label)

    @Slot(int)
    def _returned(self, key: int) -> None:
        _finish(key)


_dispatcher: _Dispatcher | None = None


def _the_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
        app = QCoreApplication.instance()
        if app is not None:
            _dispatcher.moveToThread(app.thread())
    return _dispatcher


def _finish(key: int) -> None:
    """The worker of ``key`` has returned: hand its outcome over, if anybody still wants it."""
    work = _works.pop(key, None)
    if work is None:
        return  # already handed over by a wait()
    owner = _owners.pop(key, None)
    if owner is not None and shiboken6.isValid(owner):
        owner._returned(work)


def _forget(work: _Work) -> None:
    _works.pop(work.key, None)
    _owners.pop(work.key, None)


class _Lane:
    """The jobs of one owner in their order; plain Python, so the owner's destruction can
    still stop them after its Qt object is gone."""

    def __init__(self) -> None:
        self.waiting: deque[_Work] = deque()
        self.running: _Work | None = None

    def drop_all(self) -> None:
        works = [*self.waiting, self.running] if self.running else list(self.waiting)
        for work in works:
            work.dropped = True
            work.cancel.set()


def _owner_destroyed(lane: _Lane, *_args: object) -> None:
    # The owner was deleted without being stopped: stop here, before its thread could
    # outlive the database or anything else the owner was given.
    lane.drop_all()
    while lane.waiting:
        _forget(lane.waiting.popleft())
    if lane.running is not None:
        lane.running.returned.wait(STOP_WAIT_MS / 1000)


class Job(QObject):
    """One job started by :class:`BackgroundJobs`; its signals arrive on the GUI thread.

    ``progressed(done, label)`` before each step; ``finished(JobOutcome)`` once at the end
    (also when cancelled: with the results of the steps done); ``dropped()`` when its owner
    stopped it: then no outcome comes.
    """

    progressed = Signal(int, str)
    finished = Signal(object)
    dropped = Signal()

    def __init__(self, owner: BackgroundJobs, work: _Work) -> None:
        super().__init__(owner)
        self._work = work
        self.step_count = len(work.steps)

    def cancel(self) -> None:
        """Start no further step; the step that runs finishes (no half-written file), then
        the outcome comes, marked cancelled."""
        self._work.cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._work.cancel.is_set()


class BackgroundJobs(QObject):
    """The background work of one widget (its Qt parent), one job after the other.

    ``busy_changed(bool)``: whether an outcome is still awaited (for a busy indicator).
    """

    busy_changed = Signal(bool)

    def __init__(self, owner: QObject) -> None:
        super().__init__(owner)
        self._dispatcher = _the_dispatcher()
        self._lane = _Lane()
        self._jobs: dict[int, Job] = {}  # awaited outcomes, by key
        self._busy = False
        self.destroyed.connect(functools.partial(_owner_destroyed, self._lane))

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self, steps: Sequence[Step], *, on_stop: Callable[[bool], None] | None = None,
              replace: bool = False) -> Job:
        """Run ``steps`` one after the other in a pool thread, after the jobs started before.

        ``on_stop(completed)`` runs in the same thread after the last step, after a cancel
        and after an error (``completed`` is then False): work that spans the steps, such as
        a print job painting page by page, ends where it began. ``replace`` drops the jobs
        started before (their outcome is out of date)."""
        if replace:
            self.drop()
        work = _Work(steps, on_stop)
        job = Job(self, work)
        _works[work.key] = work
        _owners[work.key] = self
        self._jobs[work.key] = job
        self._lane.waiting.append(work)
        self._update_busy()
        self._pump()
        return job

    def call(self, work: Callable[[], T], on_done: Callable[[T], object],
             on_error: Callable[[str], object], *, replace: bool = True) -> Job:
        """Run ``work`` in a pool thread; then ``on_done(result)`` or ``on_error(message)``
        on the GUI thread. By default a new call replaces the one before, so a quick series
        of requests shows only the answer to the last."""
        job = self.start([("", work)], replace=replace)

        def deliver(outcome: JobOutcome) -> None:
            if outcome.error:
                on_error(outcome.error)
            elif not outcome.cancelled:
                on_done(outcome.value)

        job.finished.connect(deliver)
        return job

    def drop(self) -> None:
        """Cancel every job and deliver nothing more; the GUI is free at once (a step that
        runs finishes in its thread, and its result is thrown away)."""
        self._lane.drop_all()
        jobs, self._jobs = self._jobs, {}
        for job in jobs.values():
            job.dropped.emit()
            job.deleteLater()
        self._pump()  # forgets the jobs that had not begun
        self._update_busy()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job has returned and its outcome is delivered (tests, screenshots,
        closing); False when ``msecs`` ran out first."""
        deadline = None if msecs < 0 else time.monotonic() + msecs / 1000
        while self._lane.running is not None:
            running = self._lane.running
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not running.returned.wait(timeout):
                return False
            _finish(running.key)
        return True

    def stop(self, msecs: int = STOP_WAIT_MS) -> bool:
        """What a closing owner does: drop every job and wait for the step that runs."""
        self.drop()
        return self.wait(msecs)

    # -- reports from the dispatcher -------------------------------------------------------
    def _pump(self) -> None:
        lane = self._lane
        while lane.running is None and lane.waiting:
            work = lane.waiting.popleft()
            if work.dropped:
                _forget(work)
                continue
            lane.running = work
            self._dispatcher.pool.start(functools.partial(_run, work.key, self._dispatcher))

    def _progressed(self, key: int, done: int, label: str) -> None:
        job = self._jobs.get(key)
        if job is not None:
            job.progressed.emit(done, label)

    def _returned(self, work: _Work) -> None:
        if self._lane.running is work:
            self._lane.running = None
        job = self._jobs.pop(work.key, None)
        self._pump()
        self._update_busy()
        if job is not None and shiboken6.isValid(job):
            job.finished.emit(work.outcome())
            job.deleteLater()

    def _update_busy(self) -> None:
        busy = bool(self._jobs)
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)


def stop_background_work(root: QObject, msecs: int = STOP_WAIT_MS) -> bool:
    """Stop the jobs of every widget within ``root`` (a window that closes); False when
    one of them did not return in time."""
    stopped = [jobs.stop(msecs) for jobs in root.findChildren(BackgroundJobs)]
    return all(stopped)
