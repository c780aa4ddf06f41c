"""Slow work off the GUI thread: a list of steps, a progress dialog and a cancel button."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from kpass.errors import KpassError
from kpass.ui.translation import user_message

Step = tuple[str, Callable[[], Any]]


class JobSignals(QObject):
    progress = Signal(int, str)  # steps done, label of the next one
    finished = Signal(list, bool, str)  # results, cancelled, error message (German)


class BatchJob(QRunnable):
    """Runs ``steps`` one after the other in a pool thread; stops before the next step once
    cancelled (a step already running finishes, so no half-written file is left).

    ``on_stop(completed)`` runs in the same thread after the last step, after a cancel and
    after an error (``completed`` is then False): work that spans the steps, such as a
    print job painting page by page, is finished or aborted where it was started.
    """

    def __init__(self, steps: Sequence[Step],
                 on_stop: Callable[[bool], None] | None = None) -> None:
        super().__init__()
        self.steps = list(steps)
        self.on_stop = on_stop
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        results: list[Any] = []
        error = ""
        for done, (label, step) in enumerate(self.steps):
            if self._cancel.is_set():
                break
            self.signals.progress.emit(done, label)
            try:
                results.append(step())
            except Exception as exc:
                error = _message(exc)
                break
        if self.on_stop is not None:
            try:
                self.on_stop(not error and not self._cancel.is_set())
            except Exception as exc:
                error = error or _message(exc)
        self.signals.progress.emit(len(results), "")
        self.signals.finished.emit(results, self._cancel.is_set(), error)


def _message(exc: Exception) -> str:
    if isinstance(exc, KpassError):
        return user_message(exc)
    return QCoreApplication.translate("BatchJob", "Unerwarteter Fehler: %1").replace(
        "%1", str(exc))


def start_with_progress(parent: QWidget, title: str, steps: Sequence[Step],
                        done: Callable[[list[Any], bool, str], None],
                        on_stop: Callable[[bool], None] | None = None) -> BatchJob:
    """Start ``steps`` in the global thread pool with a modal progress dialog."""
    job = BatchJob(steps, on_stop)
    dialog = QProgressDialog(title, QCoreApplication.translate("BatchJob", "&Abbrechen"),
                             0, len(job.steps), parent)
    dialog.setObjectName("batchProgress")
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.cancel)

    def progress(count: int, label: str) -> None:
        dialog.setValue(count)
        if label:
            dialog.setLabelText(label)

    def finished(results: list[Any], cancelled: bool, error: str) -> None:
        dialog.canceled.disconnect(job.cancel)  # closing the dialog emits canceled
        dialog.close()
        dialog.deleteLater()
        done(results, cancelled, error)

    job.signals.progress.connect(progress, Qt.ConnectionType.QueuedConnection)
    job.signals.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
    _running.append(job)
    job.signals.finished.connect(lambda *_: _running.remove(job) if job in _running else None)
    dialog.show()
    QThreadPool.globalInstance().start(job)
    return job


_running: list[BatchJob] = []  # keeps jobs (autoDelete off) alive until they report
