"""The day's cards on A4 sheets, from the Vorgang menu: made off the GUI thread, then shown
in the preview; a day without passes says so."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.ui.common import dialogs
from kpass.ui.common.dialogs import DayDialog
from kpass.ui.main_window import MainWindow
from tests.ui.keyboard import press, type_text
from tests.ui.printing.test_printing import issued  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui
TODAY = date.today()


@pytest.fixture
def window(qtbot: QtBot, database: Database) -> MainWindow:
    win = MainWindow(database, TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_days_cards_are_made_in_the_background_and_previewed(
    qtbot: QtBot, window: MainWindow, issued: tuple[list[str], int],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    numbers, _ = issued
    asked: list[date] = []

    def answer(_parent: object, _title: str, _prompt: str, day: date) -> date:
        asked.append(day)
        return day

    monkeypatch.setattr(dialogs, "ask_day", answer)
    window.day_sheet_action.trigger()
    assert asked == [TODAY]
    printer = window.day_sheet
    assert printer.job is not None
    qtbot.waitUntil(lambda: printer.job is None, timeout=60_000)
    assert printer.previews, printer.message
    preview = printer.previews[-1]
    assert preview.isVisible() and preview.pdf.name.startswith("tagesbogen-")
    text = subprocess.run(["pdftotext", str(preview.pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert all(number in text for number in numbers)
    assert "Kartenbögen gespeichert" in window.statusBar().currentMessage()
    preview.close()


def test_a_day_without_passes_is_a_message(
    qtbot: QtBot, window: MainWindow, issued: tuple[list[str], int],  # noqa: F811
) -> None:
    yesterday = TODAY - timedelta(days=1)
    job = window.day_sheet.print_day(yesterday)
    assert job is not None
    qtbot.waitUntil(lambda: window.day_sheet.job is None, timeout=30_000)
    assert not window.day_sheet.previews
    assert f"Am {yesterday:%d.%m.%Y} wurden keine Pässe ausgestellt." in \
        window.statusBar().currentMessage()


def test_the_day_dialog_by_keyboard(qtbot: QtBot) -> None:
    dialog = DayDialog(None, "Karten des Tages", "Welcher Tag?", date(2026, 11, 25))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.day)
    assert dialog.day.text() == "25.11.2026" and dialog.day.selectedText() == "25.11.2026"
    type_text("31.02.2026")  # the proposed day is selected: typing replaces it
    press(Qt.Key.Key_Return)
    assert dialog.isVisible() and "TT.MM.JJJJ" in dialog.error.text()
    dialog.day.selectAll()
    type_text("24.11.2026")
    press(Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.result_value() == date(2026, 11, 24)
