"""The background-job helper: work off the GUI thread, owned by a widget, on real databases.

What a caseworker relies on: the window never waits for the database, a refusal comes back
as its German message, "Abbrechen" stops before the next step, and a window closed (or
deleted) while its work runs neither crashes nor shows anything any more.
"""

from __future__ import annotations

import gc
import threading
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.admin.status import database_status
from kpass.ui.common.background import BackgroundJobs, JobOutcome
from kpass.ui.printing import outbox as print_outbox
from tests.register_builder import add_household

pytestmark = pytest.mark.gui


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    # The jobs hold a connection while the owner closes: both kinds of database, unlike the
    # other widget tests.
    return str(request.param)


@pytest.fixture
def owner(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


class Step:
    """A step that counts the households (a real query), optionally only once released."""

    def __init__(self, database: Database, release: threading.Event | None = None) -> None:
        self.database = database
        self.release = release
        self.started = threading.Event()
        self.threads: list[threading.Thread] = []
        self.finished = threading.Event()

    def __call__(self) -> int:
        self.threads.append(threading.current_thread())
        self.started.set()
        if self.release is not None:
            assert self.release.wait(20), "the test never released the step"
        count = database_status(self.database, date.today()).counts["households"]
        self.finished.set()
        return count


def release_soon(release: threading.Event) -> None:
    """Let a blocked step go on while the GUI thread waits in close() or deletion."""
    threading.Timer(0.3, release.set).start()


def test_the_result_comes_back_on_the_gui_thread(
    qtbot: QtBot, owner: QWidget, database: Database
) -> None:
    add_household(database, [("Berg", "Bea", date(1970, 2, 2), "applicant")])
    jobs = BackgroundJobs(owner)
    step = Step(database)
    delivered: list[tuple[object, threading.Thread]] = []
    with qtbot.waitSignal(jobs.busy_changed, timeout=10000,
                          check_params_cb=lambda busy: not busy):
        jobs.call(step, lambda n: delivered.append((n, threading.current_thread())),
                  lambda message: delivered.append((message, threading.current_thread())))
        assert jobs.busy
    assert step.threads[0] is not threading.main_thread()
    assert delivered == [(1, threading.main_thread())]


def test_a_refusal_in_a_job_is_its_german_message(
    qtbot: QtBot, owner: QWidget, database: Database
) -> None:
    jobs = BackgroundJobs(owner)
    errors: list[str] = []
    with qtbot.waitSignal(jobs.busy_changed, timeout=10000,
                          check_params_cb=lambda busy: not busy):
        # nothing expires in that month: the service refuses
        jobs.call(lambda: print_outbox.print_renewal_reminders(database, 2030, 2),
                  lambda _path: None, errors.append)
    assert errors == ["Im Monat 02/2030 laufen keine Pässe ab."]
    assert not list(print_outbox.outbox().glob("*.pdf"))


def test_an_unexpected_error_is_a_message_and_the_next_job_still_runs(
    qtbot: QtBot, owner: QWidget, database: Database
) -> None:
    jobs = BackgroundJobs(owner)
    outcomes: list[JobOutcome] = []

    def broken() -> None:
        raise ValueError("kaputt")

    job = jobs.start([("eins", broken), ("zwei", Step(database))])
    job.finished.connect(outcomes.append)
    assert jobs.wait(10000)
    assert outcomes == [JobOutcome([], cancelled=False, error="Unerwarteter Fehler: kaputt")]
    later: list[int] = []
    jobs.call(Step(database), later.append, lambda message: None)
    assert jobs.wait(10000) and later == [0]


def test_cancel_stops_before_the_next_step(
    qtbot: QtBot, owner: QWidget, database: Database
) -> None:
    jobs = BackgroundJobs(owner)
    release = threading.Event()
    first, second = Step(database, release), Step(database)
    stopped: list[bool] = []
    progress: list[tuple[int, str]] = []
    job = jobs.start([("eins", first), ("zwei", second)], on_stop=stopped.append)
    job.progressed.connect(lambda done, label: progress.append((done, label)))
    with qtbot.waitSignal(job.finished, timeout=10000) as ended:
        assert first.started.wait(10)
        job.cancel()
        release.set()
    outcome: JobOutcome = ended.args[0]
    # The step that ran finished (nothing half done); the next one never began.
    assert outcome.cancelled and outcome.results == [0] and not outcome.error
    assert not second.threads
    assert stopped == [False]
    assert progress == [(0, "eins")]


def test_jobs_of_one_widget_run_one_after_the_other_and_replace_drops_the_older(
    qtbot: QtBot, owner: QWidget, database: Database
) -> None:
    jobs = BackgroundJobs(owner)
    release = threading.Event()
    older, newer = Step(database, release), Step(database)
    results: list[str] = []
    jobs.call(older, lambda _n: results.append("older"), results.append)
    assert older.started.wait(10)
    jobs.call(newer, lambda _n: results.append("newer"), results.append)  # replaces
    assert jobs.busy
    qtbot.wait(100)
    assert not newer.started.is_set()  # waits for its turn: one query at a time
    release.set()
    assert jobs.wait(10000)
    assert results == ["newer"]


def test_closing_the_owner_waits_for_the_step_and_delivers_nothing(
    qtbot: QtBot, database: Database
) -> None:
    class Owner(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.jobs = BackgroundJobs(self)

        def closeEvent(self, event: Any) -> None:
            self.jobs.stop()
            super().closeEvent(event)

    window = Owner()
    qtbot.addWidget(window)
    window.show()
    release = threading.Event()
    first, second = Step(database, release), Step(database)
    delivered: list[object] = []
    job = window.jobs.start([("eins", first), ("zwei", second)], on_stop=delivered.append)
    job.finished.connect(delivered.append)
    dropped: list[bool] = []
    job.dropped.connect(lambda: dropped.append(True))
    assert first.started.wait(10)
    release_soon(release)
    window.close()
    # close() returned after the step that ran: no thread is left on the database
    assert first.finished.is_set() and not second.threads
    assert dropped == [True] and not window.jobs.busy
    qtbot.wait(200)  # the worker's report arrives and is thrown away
    assert delivered == [False]  # only on_stop, in the worker, told that it did not complete


def test_deleting_the_owner_while_a_step_runs_neither_crashes_nor_delivers(
    qtbot: QtBot, database: Database
) -> None:
    window = QWidget()
    jobs = BackgroundJobs(window)
    release = threading.Event()
    step = Step(database, release)
    delivered: list[object] = []

    def on_done(count: int) -> None:
        delivered.append(count)
        window.setWindowTitle("too late")  # would touch a deleted widget

    jobs.call(step, on_done, delivered.append)
    assert step.started.wait(10)
    release_soon(release)
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert step.finished.is_set()  # the deletion waited for the thread
    gc.collect()
    qtbot.wait(200)
    assert delivered == []
