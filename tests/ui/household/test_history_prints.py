"""The household's Verlauf lists what was printed for it: the card just printed at the
counter, then a letter while the Verlauf is open."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes
from kpass.ui.main_window import MainWindow
from tests.register_builder import add_household, add_income, household_of
from tests.ui.keyboard import press, type_text

pytestmark = pytest.mark.gui
TODAY = date.today()


def rows(window: MainWindow) -> list[list[str]]:
    table = window.household_page.history.prints
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def test_the_verlauf_shows_each_print(qtbot: QtBot, database: Database) -> None:
    [person] = add_household(database, [("Brandt", "Greta", date(1948, 4, 2), "applicant")])
    add_income(database, person, "pension", "950.00")
    application = apply(database, household_of(database, person), TODAY, today=TODAY)
    decision = decide(database, application.application_id)
    [card] = issue_passes(database, decision.decision_id)
    window = MainWindow(database, TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search_field)
    type_text("brandt greta")
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Return)
    page = window.household_page
    assert window.stack.currentWidget() is page
    history = page.history

    # nothing printed yet
    page.tabs.setCurrentWidget(history)
    assert rows(window) == [] and history.prints_heading.text() == "Drucke (0)"
    page.tabs.setCurrentIndex(0)

    before = datetime.now().replace(second=0, microsecond=0)
    page.panel.card_button.setFocus()
    press(Qt.Key.Key_Space)
    assert page.preview_windows, page.panel.message.text()
    for dialog in page.preview_windows:
        dialog.close()
    window.activateWindow()

    page.tabs.setCurrentWidget(history)  # the print shows when the Verlauf is opened
    [[printed_at, kind, subject, pages, user]] = rows(window)
    assert (kind, subject, pages, user) == ("Karte", f"Pass {card.number}", "1", "testerin")
    assert before <= datetime.strptime(printed_at, "%d.%m.%Y %H:%M") <= datetime.now()
    assert history.prints_heading.text() == "Drucke (1)"
    assert history.prints.accessibleName() == "Drucke für den Haushalt"

    # with the Verlauf open, the letter appears as soon as it is printed, on top
    assert page.print_letter() is not None
    for dialog in page.preview_windows:
        dialog.close()
    qtbot.waitUntil(lambda: len(rows(window)) == 2)
    assert [r[1:3] for r in rows(window)] == [
        ["Bescheid", f"Entscheidung {decision.decision_id}"],
        ["Karte", f"Pass {card.number}"],
    ]
