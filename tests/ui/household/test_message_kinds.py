"""Messages by kind: success, warning and error each have their own colour AND their own
symbol and word (colour is never the only signal), enough contrast, and an error is announced
to a screen reader. Refusals are errors; an input error (no Stadtteil) stops the decision at
the field instead of showing "nicht berechtigt"."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes
from kpass.ui.common.style import MESSAGE_KINDS, MessageBar, contrast_ratio
from kpass.ui.main_window import MainWindow
from tests.register_builder import add_household, household_of
from tests.ui.keyboard import focused, press, tab, type_text

pytestmark = pytest.mark.gui
TODAY = date.today()


@pytest.fixture
def window(qtbot: QtBot, database: Database) -> MainWindow:
    win = MainWindow(database, TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def test_each_kind_has_its_own_look_symbol_and_word(qtbot: QtBot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show()
    seen = {}
    for kind in ("success", "info", "warning", "error"):
        bar.say("Pass KA-1 ist gesperrt.", kind)
        assert bar.kind == kind and bar.isVisible()
        assert bar.text() == "Pass KA-1 ist gesperrt."  # the message itself is unchanged
        seen[kind] = (bar.icon.text(), bar.label.styleSheet())
        assert kind_word(kind) in bar.icon.text()
        assert bar.label.accessibleDescription().startswith(kind_word(kind))
    assert len({icon for icon, _ in seen.values()}) == 4  # not the colour alone
    assert len({style for _, style in seen.values()}) == 4
    bar.say("")
    assert not bar.isVisible() and bar.kind is None


def kind_word(kind: str) -> str:
    return {"success": "Erledigt", "info": "Hinweis", "warning": "Achtung",
            "error": "Fehler"}[kind]


def test_the_colours_have_enough_contrast() -> None:
    for kind, look in MESSAGE_KINDS.items():
        assert contrast_ratio(look.foreground, look.background) >= 4.5, kind
        assert contrast_ratio(look.foreground, "#ffffff") >= 4.5, kind
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)


def test_an_error_is_announced(qtbot: QtBot) -> None:
    bar = MessageBar()
    qtbot.addWidget(bar)
    with qtbot.waitSignal(bar.announced) as signal:
        bar.say("Der Pass KA-1 ist gesperrt und kann nicht gedruckt werden.", "error")
    assert signal.args == ["Fehler: Der Pass KA-1 ist gesperrt und kann nicht gedruckt werden."]


def test_refusals_are_errors_and_success_differs(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    [lena] = add_household(database, [("Lang", "Lena", date(1970, 1, 1), "applicant")])
    household = household_of(database, lena)
    application = apply(database, household, TODAY, today=TODAY)
    [card] = issue_passes(database, decide(database, application.application_id).decision_id)
    assert card.number is not None
    window.open_household(household)
    page = window.household_page
    bar = page.panel.message_bar

    page.revoke(card.number, TODAY, "Missbrauch")
    assert bar.kind == "success" and "gesperrt" in bar.text()
    success_look = bar.label.styleSheet()
    assert page.print_card() is None
    assert "kann nicht gedruckt werden" in bar.text()
    assert bar.kind == "error" and bar.label.styleSheet() != success_look
    assert "Fehler" in bar.icon.text()
    page.revoke(card.number, TODAY, "noch einmal")
    assert "bereits gesperrt" in bar.text() and bar.kind == "error"
    for _ in range(3):  # the layouts settle (a wrapped message asks for its height)
        QApplication.processEvents()
    message = bar.label
    assert message.height() >= message.heightForWidth(message.width())  # nothing cut off
    assert bar.contentsRect().contains(message.geometry())
    page.grab().save("/tmp/kpass-message-error.png")


def test_a_missing_stadtteil_stops_the_decision_at_the_field(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    page = window.household_page
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    type_text("Kaiserstraße")
    tab()
    type_text("12")
    tab()
    type_text("76133")  # no Stadtteil
    page.members.family.setFocus()
    type_text("Neu")
    tab()
    type_text("Nora")
    tab()
    type_text("01.02.1985")
    press(Qt.Key.Key_Return)
    assert len(page.editor.draft.members) == 1

    # the preview says what is missing, not "nicht berechtigt"
    summary = page.panel.summary.text()
    assert "Stadtteil" in summary and "berechtigt" not in summary
    assert page.panel.table.rowCount() == 0

    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # decide
    assert page.editor.draft.is_new and page.last_decision_id is None  # not decided
    label = page.address.errors.label_for("stadtteil_code")
    assert label is not None and label.isVisible() and "Stadtteil" in label.text()
    assert focused() in (page.address.stadtteil, page.address.stadtteil.lineEdit())
    bar = page.panel.message_bar
    assert bar.kind == "error" and "Stadtteil" in bar.text()
    assert "berechtigt" not in page.panel.summary.text()
    QApplication.processEvents()
    page.grab().save("/tmp/kpass-missing-stadtteil.png")

    # with the Stadtteil the decision is made
    type_text("Innenstadt-Ost")
    QApplication.processEvents()
    assert "berechtigt" in page.panel.summary.text()
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.last_decision_id is not None and not page.editor.draft.is_new
