"""Widgets stop their own background work when they close: the dashboard's query, the
what-if calculation, a preview printing, and everything at once when the main window closes.
Nothing is shown in a closed widget afterwards, and no thread is left on the database."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

import kpass.ui.dashboard.dashboard_data as dashboard_data
from kpass.models.engine import Database
from kpass.ui.dashboard import DashboardWidget, WhatIfPanel, what_if_panel
from kpass.ui.main_window import MainWindow
from kpass.ui.printing import outbox as print_outbox
from kpass.ui.printing import pdf_printing, preview_dialog
from kpass.ui.printing.preview_dialog import PreviewDialog
from tests.ui.printing.test_printing import FakePrintDialog, cards, issued  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    # A query still holding its connection when the widget closes: both kinds of database.
    return str(request.param)


class Gate:
    """Wraps a function so that its first call, in the worker, waits until released."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real = real
        self.release = threading.Event()
        self.started = threading.Event()
        self.returned = threading.Event()
        self.calls = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        if not self.started.is_set():
            self.started.set()
            assert self.release.wait(20), "the test never released the work"
            try:
                return self.real(*args, **kwargs)
            finally:
                self.returned.set()
        return self.real(*args, **kwargs)

    def open_soon(self) -> None:
        """Release while the GUI thread waits in close()."""
        threading.Timer(0.3, self.release.set).start()


def test_closing_the_dashboard_while_its_query_runs(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(dashboard_data.count_rows)
    monkeypatch.setattr(dashboard_data, "count_rows", gate)
    dashboard = DashboardWidget(database, today=date(2026, 6, 15))
    qtbot.addWidget(dashboard)
    dashboard.show()
    loaded: list[bool] = []
    dashboard.loaded.connect(lambda: loaded.append(True))
    dashboard.reload()
    assert gate.started.wait(10) and dashboard.busy.isVisible()
    gate.open_soon()
    dashboard.close()
    assert gate.returned.is_set()  # close() waited for the query
    assert not dashboard.is_busy
    qtbot.wait(200)  # the query's report arrives, and is thrown away
    assert loaded == [] and dashboard.data is None


def test_deleting_the_what_if_panel_while_it_calculates(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(what_if_panel.policy_impact)
    monkeypatch.setattr(what_if_panel, "policy_impact", gate)
    panel = WhatIfPanel(database, today=date(2026, 6, 15))
    panel.show()
    panel.threshold_field.setText("1.500,00 €")
    assert panel.calculate()
    assert gate.started.wait(10)
    gate.open_soon()
    panel.deleteLater()  # e.g. the window goes away without closing the panel first
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert gate.returned.is_set()
    qtbot.wait(200)  # a late result would touch the deleted panel (and fail the test)


def test_closing_a_preview_while_it_prints_leaves_no_half_file(
    qtbot: QtBot, database: Database, cards: list[str], tmp_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pdf = print_outbox.print_cards(database, cards)  # three pages
    gate = Gate(pdf_printing.render_page)
    monkeypatch.setattr(pdf_printing, "render_page", gate)
    dialog = PreviewDialog(pdf, "Karten")
    qtbot.addWidget(dialog)
    dialog.show()
    out = tmp_path / "geschlossen.pdf"
    monkeypatch.setattr(preview_dialog, "choose_printer", FakePrintDialog(out))
    printed: list[object] = []
    dialog.printed.connect(lambda *args: printed.append(args))
    assert dialog.print_document() is not None
    assert gate.started.wait(10)
    gate.open_soon()
    dialog.close()
    assert gate.returned.is_set()
    assert gate.calls == 1  # the page being painted was finished, no further page begun
    assert not out.exists()  # the print job was aborted: no file with one page of three
    qtbot.wait(200)
    assert printed == [] and dialog.job is None and dialog.print_button.isEnabled()
    assert not [d for d in dialog.findChildren(QProgressDialog) if d.isVisible()]


def test_closing_the_main_window_stops_the_work_of_every_page(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    counting = Gate(dashboard_data.count_rows)
    monkeypatch.setattr(dashboard_data, "count_rows", counting)
    calculating = Gate(what_if_panel.policy_impact)
    monkeypatch.setattr(what_if_panel, "policy_impact", calculating)
    window = MainWindow(database, date(2026, 6, 15))
    qtbot.addWidget(window)
    window.show()
    window.show_dashboard()
    window.what_if_page.threshold_field.setText("1.500,00 €")
    assert window.what_if_page.calculate()
    letters = threading.Event()
    second_month: list[bool] = []
    page = window.renewals_page
    assert page.print_reminders([
        ("Juni", lambda: letters.wait(20) and Path("juni.pdf")),
        ("Juli", lambda: second_month.append(True)),
    ]) is not None
    for gate in (counting, calculating):
        assert gate.started.wait(10)
        gate.open_soon()
    threading.Timer(0.3, letters.set).start()
    window.close()
    assert counting.returned.is_set() and calculating.returned.is_set() and letters.is_set()
    qtbot.wait(200)
    assert window.dashboard_page.data is None and window.what_if_page.report is None
    assert second_month == [] and page.printed == []
    assert page.message.text() == "Erinnerungen werden gedruckt …"  # no outcome shown
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
