"""A job of several steps shown in a modal progress dialog with "Abbrechen".

Only the dialog lives here; the job runs through :mod:`kpass.ui.common.background`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from kpass.ui.common.background import BackgroundJobs, Job, JobOutcome, Step


def start_with_progress(jobs: BackgroundJobs, title: str, steps: Sequence[Step],
                        done: Callable[[JobOutcome], None],
                        on_stop: Callable[[bool], None] | None = None) -> Job:
    """Start ``steps`` on ``jobs`` with a progress dialog over their owner (a widget);
    ``done(outcome)`` runs on the GUI thread when the job ends. A job its owner stops
    (closing) just closes the dialog."""
    owner = jobs.parent()
    assert isinstance(owner, QWidget), "the owner of a job with progress is a widget"
    job = jobs.start(steps, on_stop=on_stop)
    dialog = QProgressDialog(title, QCoreApplication.translate("BatchJob", "&Abbrechen"),
                             0, job.step_count, owner)
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

    def close_dialog() -> None:
        dialog.canceled.disconnect(job.cancel)  # closing the dialog emits canceled
        dialog.close()
        dialog.deleteLater()

    def finished(outcome: JobOutcome) -> None:
        close_dialog()
        done(outcome)

    job.progressed.connect(progress)
    job.finished.connect(finished)
    job.dropped.connect(close_dialog)
    dialog.show()
    return job
