"""Work off the GUI thread for the dashboard: one job at a time, the latest one wins.

A statistics query cannot be interrupted half-way without closing the connection, so
"Abbrechen" lets the running query finish in its thread and drops its result; a newer
request does the same to an older one, so a quick series of changes shows only the
figures of the last. The window never waits for the database.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from kpass.errors import KpassError
from kpass.ui.translation import user_message


class _Signals(QObject):
    done = Signal(int, object)  # ticket, result
    failed = Signal(int, str)  # ticket, German message


class _Job(QRunnable):
    def __init__(self, ticket: int, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.ticket = ticket
        self.work = work
        self.signals = signals
        self.setAutoDelete(False)  # the runner keeps it until its signal has arrived

    def run(self) -> None:
        try:
            result = self.work()
        except KpassError as exc:
            self.signals.failed.emit(self.ticket, user_message(exc))
        except Exception as exc:  # a bug must reach the user as a message, not a dead thread
            message = QCoreApplication.translate("BackgroundRunner", "Unerwarteter Fehler: %1")
            self.signals.failed.emit(self.ticket, message.replace("%1", str(exc)))
        else:
            self.signals.done.emit(self.ticket, result)


class BackgroundRunner(QObject):
    """Runs ``work`` in a pool thread and calls back on the GUI thread.

    ``busy_changed(bool)`` tells a busy indicator when to show. Only the result of the most
    recent :meth:`start` is delivered; :meth:`cancel` drops it too.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one query at a time per widget; SQLite likes that
        self._signals = _Signals()
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self._jobs: dict[int, _Job] = {}
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[str], None]]] = {}
        self._latest = 0
        self._busy = False
        _runners.add(self)

    @property
    def busy(self) -> bool:
        return self._busy

    def start(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
    ) -> int:
        """Queue ``work``; a job still waiting for its turn is dropped (it is out of date)."""
        self._pool.clear()
        self._forget_unstarted()
        self._latest += 1
        job = _Job(self._latest, work, self._signals)
        self._jobs[job.ticket] = job
        self._callbacks[job.ticket] = (on_done, on_error)
        self._set_busy(True)
        self._pool.start(job)
        return job.ticket

    def cancel(self) -> None:
        """Drop the result of the running job; the GUI is free at once."""
        self._pool.clear()
        self._forget_unstarted()
        self._callbacks.clear()
        self._set_busy(False)

    def wait(self, milliseconds: int = -1) -> bool:
        """Block until every started job has returned (closing, tests)."""
        finished = bool(self._pool.waitForDone(milliseconds))
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall.value)
        return finished

    def _forget_unstarted(self) -> None:
        # With one thread, at most the oldest job runs; the cleared ones never report.
        running = min(self._jobs, default=None)
        for ticket in list(self._jobs):
            if ticket != running:
                self._jobs.pop(ticket)
                self._callbacks.pop(ticket, None)

    def _done(self, ticket: int, result: object) -> None:
        callbacks = self._finish(ticket)
        if callbacks is not None:
            callbacks[0](result)

    def _failed(self, ticket: int, message: str) -> None:
        callbacks = self._finish(ticket)
        if callbacks is not None:
            callbacks[1](message)

    def _finish(self, ticket: int) -> tuple[Callable[[Any], None], Callable[[str], None]] | None:
        self._jobs.pop(ticket, None)
        callbacks = self._callbacks.pop(ticket, None)
        if ticket != self._latest:
            return None
        self._set_busy(False)
        return callbacks

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)


class BusyIndicator(QWidget):
    """A running bar with a label and "Abbrechen", shown while a runner works."""

    def __init__(self, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # no steps to count: a single query
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(runner.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        runner.busy_changed.connect(self.setVisible)
        self.setVisible(runner.busy)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.label.setText(self.tr("Wird berechnet …"))
        self.bar.setAccessibleName(self.tr("Berechnung läuft"))
        self.cancel_button.setText(self.tr("Abbrechen"))
        self.cancel_button.setAccessibleName(self.tr("Berechnung abbrechen"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
        super().changeEvent(event)


_runners: weakref.WeakSet[BackgroundRunner] = weakref.WeakSet()


def wait_for_all_runners(msecs: int = 30_000) -> None:
    """Let every running query finish (before its database is closed, e.g. between tests)."""
    for runner in list(_runners):
        # RuntimeError: its widget is gone, and destroying a pool waits for its threads
        with contextlib.suppress(RuntimeError):
            runner._pool.waitForDone(msecs)
