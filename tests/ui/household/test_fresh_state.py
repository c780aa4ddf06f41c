"""Each household starts from defaults: nothing of the previous one (passes, field values,
scroll position) is left on the screen, and the mouse wheel does not change a field the
caseworker is not in. Defaults that invite mistakes are gone: the role of a new person
follows the age and the household, the role dialog starts on the current role, and the
income kind picker finds "Kindergeld" by its first letters."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.household.validation import PersonInput
from kpass.services.passes.actions import issue_passes
from kpass.ui.common import dialogs
from kpass.ui.household.page import HouseholdPage
from kpass.ui.main_window import MainWindow
from tests.register_builder import add_household, household_of
from tests.ui.keyboard import focused, press, tab, type_text

pytestmark = pytest.mark.gui
TODAY = date.today()


@pytest.fixture
def window(qtbot: QtBot, database: Database) -> MainWindow:
    win = MainWindow(database, TODAY)
    qtbot.addWidget(win)
    win.resize(1000, 600)  # the form does not fit: it scrolls
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


@pytest.fixture
def with_pass(database: Database) -> int:
    [lena] = add_household(database, [("Lang", "Lena", date(1970, 1, 1), "applicant")])
    household = household_of(database, lena)
    application = apply(database, household, TODAY, today=TODAY)
    issue_passes(database, decide(database, application.application_id).decision_id)
    return household


def visible_in_form(page: HouseholdPage, widget: QWidget) -> bool:
    viewport = page.form_scroll.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return top_left.y() >= 0 and top_left.y() + widget.height() <= viewport.height()


def test_ctrl_n_starts_from_defaults(qtbot: QtBot, window: MainWindow, with_pass: int) -> None:
    page = window.household_page
    window.open_household(with_pass)
    assert page.panel.passes.count() == 1
    assert page.history.passes.rowCount() == 1
    # values the caseworker chose for the previous household, and the form scrolled down
    page.incomes.kind.setCurrentIndex(page.incomes.kind.findData("bafoeg"))
    page.incomes.period.setCurrentIndex(1)
    page.incomes.amount.setText("12,00")
    page.notices.kind.setCurrentIndex(page.notices.kind.findData("wohngeld"))
    page.notices.valid_from.setText("01.01.2020")
    page.members.salutation.setCurrentIndex(2)
    page.proofs["lichtbild"].setChecked(True)
    page.incomes.amount.clear()  # nothing unsaved (no question when leaving)
    bar = page.form_scroll.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())

    window.activateWindow()
    page.members.table.setFocus()
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is page and page.editor.draft.is_new
    p = page.panel
    assert p.passes.count() == 0 and p.chosen_pass() is None
    assert page.history.passes.rowCount() == 0
    assert page.history.decisions.topLevelItemCount() == 0
    assert not any(b.isEnabled() for b in (p.card_button, p.sheet_button, p.renew_button,
                                            p.replace_button, p.revoke_button, p.issue_button))
    assert p.message.text() == ""
    assert page.incomes.kind.currentIndex() == 0 and page.incomes.period.currentIndex() == 0
    assert page.notices.kind.currentIndex() == 0
    assert page.notices.valid_from.text() == f"{TODAY.replace(day=1):%d.%m.%Y}"
    assert page.members.salutation.currentIndex() == 0
    assert page.members.role.currentData() == "applicant"
    assert not page.proofs["lichtbild"].isChecked()
    assert page.tabs.currentIndex() == 0
    assert bar.value() == 0
    assert focused() is page.address.street
    assert visible_in_form(page, page.address.street)
    window.grab().save("/tmp/kpass-fresh-ctrl-n.png")


def test_another_household_starts_from_defaults(
    qtbot: QtBot, window: MainWindow, database: Database, with_pass: int
) -> None:
    other = household_of(database, add_household(database, [
        ("Brandt", "Greta", date(1948, 4, 2), "applicant")])[0])
    page = window.household_page
    window.open_household(with_pass)
    page.incomes.kind.setCurrentIndex(page.incomes.kind.findData("bafoeg"))
    bar = page.form_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    page.tabs.setCurrentIndex(1)

    window.open_household(other)
    assert page.panel.passes.count() == 0 and page.history.passes.rowCount() == 0
    assert page.incomes.kind.currentIndex() == 0
    assert bar.value() == 0 and page.tabs.currentIndex() == 0
    assert focused() is page.members.table and visible_in_form(page, page.members.table)
    assert page.members.selected_key() is not None


def wheel(widget: QWidget, down: bool = True) -> bool:
    """One notch of the wheel over ``widget``; whether the widget took it (an event not
    taken goes on to the parents, up to the scroll area — Qt does that only for a real
    wheel, not for one sent by a test)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, widget.mapToGlobal(centre), QPoint(0, 0),
                        QPoint(0, -120 if down else 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_the_wheel_over_a_field_not_in_use_scrolls_the_form(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.household_page
    window.new_application()
    kind = page.incomes.kind
    assert focused() is page.address.street
    page.form_scroll.ensureWidgetVisible(kind)
    assert not wheel(kind)  # not taken: the form scrolls instead
    assert kind.currentIndex() == 0  # not "Minijob", not "BAföG"
    assert focused() is page.address.street  # the wheel gives no focus
    assert kind.focusPolicy() == Qt.FocusPolicy.StrongFocus
    # every combo box and spin box of the page is guarded alike
    boxes = [*page.findChildren(QComboBox), *page.findChildren(QAbstractSpinBox)]
    assert len(boxes) >= 6
    for box in boxes:
        before = box.currentIndex() if isinstance(box, QComboBox) else box.text()
        assert not wheel(box), box.objectName()
        after = box.currentIndex() if isinstance(box, QComboBox) else box.text()
        assert after == before, box.objectName()
    # in the field the caseworker is in, the wheel chooses as usual
    kind.setFocus()
    assert wheel(kind)
    assert kind.currentIndex() == 1


# -- defaults ----------------------------------------------------------------------------------
def enter_person(page: HouseholdPage, family: str, given: str, birth: str) -> None:
    page.members.family.setFocus()
    type_text(family)
    tab()
    type_text(given)
    tab()
    type_text(birth)


def test_the_role_of_a_new_person_follows_age_and_household(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.household_page
    members = page.members
    window.new_application()
    assert members.role.currentData() == "applicant"
    enter_person(page, "Neu", "Nora", "01.02.1985")
    assert members.role.currentData() == "applicant"
    press(Qt.Key.Key_Return)
    assert members.role.currentData() == "partner"  # an adult, before the birth date
    eight = TODAY.year - 8
    enter_person(page, "Neu", "Nils", f"01.01.{eight}")
    assert members.role.currentData() == "child"  # an 8-year-old is no partner
    press(Qt.Key.Key_Return)
    enter_person(page, "Neu", "Paul", "03.04.1983")
    assert members.role.currentData() == "partner"
    press(Qt.Key.Key_Return)
    # a second partner is not offered by default
    enter_person(page, "Neu", "Oma", "03.04.1950")
    assert members.role.currentData() == "other"
    press(Qt.Key.Key_Return)
    assert [m.role for m in page.editor.draft.members] == [
        "applicant", "child", "partner", "other"]

    # a role chosen by the caseworker stays when the birth date is typed after it
    members.family.setFocus()
    type_text("Neu")
    tab(3)
    assert focused() is members.role
    assert members.role.currentData() == "other"
    type_text("p")  # "Partner/in", chosen on purpose
    members.birth.setText("01.01.1990")
    assert members.role.currentData() == "partner"


def test_role_dialog_starts_on_the_current_role(qtbot: QtBot) -> None:
    dialog = dialogs.RoleDialog(None, "Max Müller", "child",
                                {"applicant": "Antragsteller/in", "partner": "Partner/in",
                                 "child": "Kind", "other": "sonstige Person"}, TODAY)
    qtbot.addWidget(dialog)
    assert dialog.role.currentData() == "child"
    dialog.show()
    dialog.ok_button.click()  # unchanged: not taken
    assert dialog.isVisible() and dialog.result() != dialogs.QDialog.DialogCode.Accepted
    assert "andere Rolle" in dialog.error.text()


def test_typing_k_in_the_income_kind_finds_kindergeld(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = window.household_page
    window.new_application()
    editor = page.editor
    editor.add_member(PersonInput("Neu", "Nora", date(1985, 2, 1)), "applicant")
    kind = page.incomes.kind
    kind.setFocus()
    type_text("k")
    assert kind.currentData() == "kindergeld"
    qtbot.wait(QApplication.keyboardInputInterval() + 100)  # a new search begins
    kind.setCurrentIndex(0)
    type_text("ki")
    assert kind.currentData() == "kindergeld"
    labels = [kind.itemText(i) for i in range(kind.count())]
    assert labels.index("Kindergeld") < labels.index("Kranken-/Mutterschaftsgeld")
