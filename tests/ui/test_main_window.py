"""The main window finds persons as the caseworker types (real widgets, offscreen)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.ui.main_window import MainWindow
from kpass.ui.search.model import PersonSearchModel
from tests.logins import log_in_admin, log_in_as
from tests.register_builder import add_household

pytestmark = pytest.mark.gui


@pytest.fixture
def backend() -> str:
    return "sqlite"  # the widgets do not care which database answers


@pytest.fixture
def window(qtbot: QtBot, database: Database) -> MainWindow:
    add_household(
        database,
        [
            ("Müller", "Anna-Lena", date(1980, 3, 12), "applicant"),
            ("Müller", "Jonas", date(2012, 6, 1), "child"),
        ],
    )
    add_household(
        database,
        [("Schäfer", "Jürgen", date(1950, 5, 5), "applicant")],
        street="Durlacher Allee",
        number="5",
        stadtteil="07",
    )
    win = MainWindow(database)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def type_text(widget: QWidget, text: str) -> None:
    # qtbot.keyClicks aborts on non-ASCII characters; send those one by one.
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def test_results_appear_while_typing(qtbot: QtBot, window: MainWindow) -> None:
    assert window.search_field.hasFocus()
    type_text(window.search_field, "mül")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=3000)
    assert window.model.index(0, 0).data() == "Müller"
    assert window.model.index(0, 2).data() == "12.03.1980"
    assert "2 Treffer" in window.result_info.text()


def test_keyboard_only_search_and_open(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search_field, "schaefer 1950")
    with qtbot.waitSignal(window.person_opened, timeout=3000) as opened:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)  # search now, go to the list
        assert window.results.hasFocus()
        qtbot.keyClick(window.results, Qt.Key.Key_Return)  # open the selected person
    assert window.model.hit(0).family_name == "Schäfer"
    assert opened.args == [window.model.hit(0).person_id]
    qtbot.keyClick(window.results, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()


def test_no_result_is_said(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search_field, "zzzz")
    qtbot.waitUntil(lambda: "Keine Person" in window.result_info.text(), timeout=3000)


def test_a_street_or_a_begun_pass_number_is_typed(qtbot: QtBot, window: MainWindow) -> None:
    type_text(window.search_field, "durlacher allee 5")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)
    assert window.model.hit(0).family_name == "Schäfer"
    assert "Durlacher Allee 5" in window.model.index(0, PersonSearchModel.ADDRESS).data()
    window.search_field.clear()
    type_text(window.search_field, "KA-12")
    qtbot.waitUntil(lambda: "vier Ziffern" in window.result_info.text(), timeout=3000)


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    for widget in (window.search_field, window.results, window.result_info):
        assert widget.accessibleName()
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None:  # the field has a name of its own (Alt+letters: test_mnemonics)
            assert buddy.accessibleName()


def test_fonts_are_available(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert QFontInfo(app.font()).family()


def test_screenshot(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    type_text(window.search_field, "müller")
    window.run_search()
    image = window.grab()
    assert image.width() >= 1280 and image.height() >= 800
    assert image.save(str(tmp_path / "main_window.png"))


def test_reports_are_reached_with_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.dashboard_page
    qtbot.waitUntil(lambda: window.dashboard_page.wait(100), timeout=10000)
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.what_if_page
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.search_page


def test_the_audit_trail_is_one_shortcut_away_for_supervisors(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.audit_page
    # the households just recorded are the newest events, read as the view opened
    qtbot.waitUntil(lambda: window.audit_page.table.rowCount() > 0, timeout=5000)
    assert window.audit_page.date_from.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.search_page


def test_a_caseworker_is_offered_no_reports_and_no_trail(
    qtbot: QtBot, database: Database
) -> None:
    log_in_as(database, "caseworker")
    win = MainWindow(database)
    qtbot.addWidget(win)
    assert not win.audit_action.isVisible() and not win.dashboard_action.isVisible()
    assert not win.report_menu.menuAction().isVisible()
    qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert win.stack.currentWidget() is win.search_page


def test_objections_are_one_shortcut_away_and_open_the_household(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.objections_page
    assert window.objections_page.table.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.search_page


def test_each_role_is_offered_its_own_entries(qtbot: QtBot, database: Database) -> None:
    """Admins take over a register, supervisors the accounting list and the four-eyes
    queue, everyone objections."""
    expected = {
        "admin": (True, True, True, True),
        "supervisor": (False, True, True, True),
        "caseworker": (False, False, True, False),
    }
    for role, (importing, voucher_list, objections, approvals) in expected.items():
        log_in_admin(database)  # who may add the other roles' users
        if role != "admin":
            log_in_as(database, role)
        win = MainWindow(database)
        qtbot.addWidget(win)
        assert win.import_action.isVisible() is importing, role
        assert win.voucher_list_action.isVisible() is voucher_list, role
        assert win.objections_action.isVisible() is objections, role
        assert win.approvals_action.isVisible() is approvals, role


def test_the_four_eyes_queue_is_one_shortcut_away(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.approvals_page
    assert window.approvals_page.table.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.search_page
