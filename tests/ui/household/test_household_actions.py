"""What a caseworker does with a stored household: renew, replace and revoke a pass, end a
membership (moved out, died) and move the household — through the page, mostly by keyboard.
The modal questions are answered by replacing ``dialogs.ask_reason``; the dialog itself is
tested at the end."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.household.details import household_details
from kpass.services.passes.actions import issue_passes
from kpass.services.passes.queries import list_passes
from kpass.ui.common import dialogs
from kpass.ui.household.page import HouseholdPage
from kpass.ui.main_window import MainWindow
from tests.register_builder import add_household, household_of
from tests.ui.keyboard import focused, press, save, tab, type_text

pytestmark = pytest.mark.gui
TODAY = date.today()


def first_of_month(months_back: int) -> date:
    month = TODAY.month - months_back
    return date(TODAY.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def last_of_this_month(year: int) -> date:
    following = date(year + (TODAY.month == 12), TODAY.month % 12 + 1, 1)
    return following - timedelta(days=1)


def open_window(qtbot: QtBot, database: Database, household_id: int) -> MainWindow:
    window = MainWindow(database, TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.open_household(household_id)
    page = window.household_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.members.table)
    return window


class Answers:
    """Stands in for ``dialogs.ask_reason``: records the question, gives a fixed answer."""

    def __init__(self, answer: tuple[date, str] | None) -> None:
        self.answer = answer
        self.asked: list[dict[str, Any]] = []

    def __call__(self, _parent: object, title: str, prompt: str,
                 choices: dict[str, str] | None = None,
                 day: date | None = None) -> tuple[date, str] | None:
        self.asked.append({"title": title, "prompt": prompt, "choices": choices, "day": day})
        return self.answer


# -- passes ----------------------------------------------------------------------------------
@pytest.fixture
def pass_holder(database: Database) -> tuple[int, str]:
    """Lena Lang's household and her pass, issued twelve months ago on the first of the
    month: it expires at the end of this month, so it can be renewed today."""
    [lena] = add_household(database, [("Lang", "Lena", date(1970, 1, 1), "applicant")],
                           since=date(TODAY.year - 3, 1, 1))
    household = household_of(database, lena)
    application = apply(database, household, first_of_month(12), today=TODAY)
    [issued] = issue_passes(database, decide(database, application.application_id).decision_id)
    assert issued.number is not None and issued.valid_until == last_of_this_month(TODAY.year)
    return household, issued.number


def pass_status(database: Database, number: str) -> str:
    [row] = [r for r in list_passes(database, every_status=True, limit=100)
             if r.number == number]
    return row.status


def combo_text(page: HouseholdPage, number: str) -> str:
    return page.panel.passes.itemText(page.panel.passes.findData(number))


def activate(button: Any) -> None:
    """Tab to a button and press Space, as with the keyboard."""
    button.setFocus()
    assert focused() is button
    press(Qt.Key.Key_Space)


def test_renew_extends_the_pass_and_records_the_decision(
    qtbot: QtBot, database: Database, pass_holder: tuple[int, str]
) -> None:
    household, number = pass_holder
    window = open_window(qtbot, database, household)
    page = window.household_page
    assert page.panel.chosen_pass() == number
    decisions_before = page.history.decisions.topLevelItemCount()
    assert decisions_before == 1
    assert page.panel.renew_button.isEnabled()

    activate(page.panel.renew_button)
    until = last_of_this_month(TODAY.year + 1)
    assert page.panel.message.text() == (
        f"Pass {number} verlängert bis {until:%m/%Y} (Lena Lang).")
    assert page.history.decisions.topLevelItemCount() == decisions_before + 1
    newest = page.history.decisions.topLevelItem(0)
    assert "Verlängerung" in newest.text(1) or "Verlängerung" in newest.text(0)
    passes = page.history.passes
    row = next(r for r in range(passes.rowCount()) if passes.item(r, 0).text() == number)
    assert f"{until:%d.%m.%Y}" in [passes.item(row, c).text() for c in range(
        passes.columnCount())]
    assert f"bis {until:%m/%Y}" in combo_text(page, number)
    assert page.panel.chosen_pass() == number  # the same number, longer valid

    # a second renewal today is refused with the reason
    activate(page.panel.renew_button)
    message = page.panel.message.text()
    possible = until.replace(day=1)
    assert message.startswith("Kein Pass ist zur Verlängerung fällig") and number in message
    assert f"noch nicht fällig (verlängerbar ab {possible:%d.%m.%Y})" in message
    assert page.panel.message_bar.kind == "error"
    assert page.history.decisions.topLevelItemCount() == decisions_before + 1


def test_replacement_gets_a_new_number_and_is_chosen(
    qtbot: QtBot, database: Database, pass_holder: tuple[int, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    household, number = pass_holder
    window = open_window(qtbot, database, household)
    page = window.household_page
    answers = Answers((TODAY, "Karte verloren"))
    monkeypatch.setattr(dialogs, "ask_reason", answers)
    activate(page.panel.replace_button)
    [question] = answers.asked
    assert question["title"] == "Ersatzausweis" and number in question["prompt"]
    assert question["day"] == TODAY and question["choices"] is None

    new = page.panel.chosen_pass()
    assert new is not None and new != number
    assert page.panel.message.text() == (
        f"Ersatzausweis {new} ausgestellt; Pass {number} ist ab {TODAY:%d.%m.%Y} ungültig.")
    assert combo_text(page, number).endswith("(ersetzt)")
    assert combo_text(page, new).endswith("(gültig)")
    assert (pass_status(database, number), pass_status(database, new)) == (
        "replaced", "active")
    assert page.history.passes.rowCount() == 2

    # cancelled: nothing happens
    answers.answer = None
    activate(page.panel.replace_button)
    assert page.panel.passes.count() == 2


def test_revoke_from_a_day_with_a_reason(
    qtbot: QtBot, database: Database, pass_holder: tuple[int, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    household, number = pass_holder
    window = open_window(qtbot, database, household)
    page = window.household_page
    # without a reason the pass stays valid
    page.revoke(number, TODAY, "   ")
    assert page.panel.message.text() == "Bitte einen Grund angeben."
    assert pass_status(database, number) == "active"

    answers = Answers((TODAY, "Missbrauch"))
    monkeypatch.setattr(dialogs, "ask_reason", answers)
    activate(page.panel.revoke_button)
    assert answers.asked[0]["title"] == "Pass sperren"
    assert page.panel.message.text() == f"Pass {number} ist ab {TODAY:%d.%m.%Y} gesperrt."
    assert pass_status(database, number) == "revoked"
    assert combo_text(page, number).endswith("(gesperrt)")
    # a revoked pass is not renewed
    activate(page.panel.renew_button)
    assert "nicht verlängerbar (gesperrt)" in page.panel.message.text()
    assert page.panel.message_bar.kind == "error"


# -- members ---------------------------------------------------------------------------------
@pytest.fixture
def family(database: Database) -> list[int]:
    return add_household(database, [
        ("Müller", "Anna-Lena", date(1980, 3, 12), "applicant"),
        ("Müller", "Bernd", date(1978, 7, 1), "partner"),
        ("Müller", "Max", date(2015, 6, 15), "child"),
    ])


def test_end_membership_moved_out_and_died(
    qtbot: QtBot, database: Database, family: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, database, household_of(database, family[0]))
    page = window.household_page
    members = page.members
    preview = [line.name for line in page.panel.lines]
    assert preview == ["Anna-Lena Müller", "Bernd Müller", "Max Müller"]

    yesterday = TODAY - timedelta(days=1)
    answers = Answers((yesterday, "moved_out"))
    monkeypatch.setattr(dialogs, "ask_reason", answers)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Down)  # Max
    assert members.selected_key() == family[2]
    press(Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # "A&ustragen …"
    qtbot.waitUntil(lambda: bool(answers.asked))  # a mnemonic clicks with a short animation
    assert answers.asked[0]["choices"] == {"moved_out": "Wegzug", "died": "Tod"}
    assert answers.asked[0]["day"] == TODAY
    assert "Max Müller austragen" in answers.asked[0]["prompt"]
    # the row stays (history), with the last day; the preview no longer counts him
    assert members.table.rowCount() == 3
    assert members.table.item(2, 4).text() == f"bis {yesterday:%d.%m.%Y}"
    assert members.table.item(2, 0).foreground().color() == Qt.GlobalColor.darkGray
    assert [line.name for line in page.panel.lines] == ["Anna-Lena Müller", "Bernd Müller"]
    assert "ausgetragen, ungespeichert" in members.table.item(2, 0).text()
    save(members.table)  # Ctrl+S: nothing is in the database before
    details = household_details(database, household_of(database, family[0]), TODAY)
    max_row = next(m for m in details.members if m.person_id == family[2])
    assert (max_row.valid_until, max_row.present) == (yesterday, False)

    died = TODAY - timedelta(days=5)
    answers.answer = (died, "died")
    members.table.selectRow(1)
    members.end_button.click()
    assert members.table.item(1, 4).text() == f"bis {died:%d.%m.%Y}"
    assert [line.name for line in page.panel.lines] == ["Anna-Lena Müller"]
    save(members.table)
    details = household_details(database, household_of(database, family[0]), TODAY)
    bernd = next(m for m in details.members if m.person_id == family[1])
    assert bernd.died_on == died and bernd.valid_until == died

    # a day of death in the future is refused with a message, nothing changes
    answers.answer = (TODAY + timedelta(days=2), "died")
    members.table.selectRow(0)
    members.end_button.click()
    assert "Todestag" in members.error.text() and "Zukunft" in members.error.text()
    assert [line.name for line in page.panel.lines] == ["Anna-Lena Müller"]


# -- moving ----------------------------------------------------------------------------------
def test_move_keeps_the_old_address_and_updates_the_stadtteil(
    qtbot: QtBot, database: Database, family: list[int]
) -> None:
    household = household_of(database, family[0])
    window = open_window(qtbot, database, household)
    page = window.household_page
    address = page.address
    assert address.stadtteil.code() == "01"
    assert not address.history.isVisible()
    assert not address.move_button.isEnabled()  # nothing typed: no move

    address.street.setFocus()
    address.street.selectAll()
    type_text("Hardtstraße")
    tab()
    type_text("40")
    tab()
    type_text("76185")
    tab(2)
    address.stadtteil.lineEdit().selectAll()
    type_text("Grünwinkel")
    assert address.move_button.isEnabled() and page.is_dirty()
    tab()
    assert focused() is address.move_from
    since = first_of_month(0)
    type_text(f"{since:%d.%m.%Y}")
    press(Qt.Key.Key_Return)

    assert address.errors.messages() == []
    assert (address.street.text(), address.number.text(), address.postcode.text()) == (
        "Hardtstraße", "40", "76185")
    assert address.stadtteil.code() == "11"
    assert page.editor.draft.address.stadtteil_code == "11"
    assert address.move_from.text() == "" and not address.move_button.isEnabled()
    assert page.is_dirty()  # the move is taken, saved with Ctrl+S
    save(address.street)
    assert not page.is_dirty()
    before = since - timedelta(days=1)
    assert address.history.isVisible()
    assert address.history.text() == (
        f"bis {before:%d.%m.%Y}: Kaiserstraße 1, 76133 Karlsruhe (01 Innenstadt-Ost)")
    details = household_details(database, household, TODAY)
    assert [(a.street, a.stadtteil_code, a.valid_until) for a in details.addresses] == [
        ("Kaiserstraße", "01", before), ("Hardtstraße", "11", None)]


def test_a_move_needs_a_date_and_a_later_one_is_shown_ahead(
    qtbot: QtBot, database: Database, family: list[int]
) -> None:
    household = household_of(database, family[0])
    window = open_window(qtbot, database, household)
    page = window.household_page
    address = page.address
    address.street.setText("Hardtstraße")
    address.stadtteil.set_code("11")
    address.move_from.setFocus()
    press(Qt.Key.Key_Return)  # no date yet
    label = address.errors.label_for("since")
    assert label is not None and label.text() == "Umzug ab: bitte als TT.MM.JJJJ eingeben."
    assert len(household_details(database, household, TODAY).addresses) == 1

    later = TODAY + timedelta(days=30)
    type_text(f"{later:%d.%m.%Y}")
    press(Qt.Key.Key_Return)
    save()
    # today the household still lives at the old address; the move is shown ahead
    assert address.street.text() == "Kaiserstraße" and address.stadtteil.code() == "01"
    assert address.history.text() == (
        f"ab {later:%d.%m.%Y}: Hardtstraße 1, 76133 Karlsruhe (11 Grünwinkel)")


# -- the question itself ---------------------------------------------------------------------
def shown(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def test_reason_dialog_requires_a_reason(qtbot: QtBot) -> None:
    dialog = dialogs.ReasonDialog(None, "Pass sperren", "Pass KA-1 sperren ab:",
                                  day=date(2025, 5, 1))
    shown(qtbot, dialog)
    assert focused() is dialog.day and dialog.day.text() == "01.05.2025"
    tab()
    assert focused() is dialog.reason
    press(Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() == "Bitte einen Grund angeben."
    assert focused() is dialog.reason
    type_text("Missbrauch")
    press(Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_value() == (date(2025, 5, 1), "Missbrauch")


def test_reason_dialog_checks_the_date_and_esc_cancels(qtbot: QtBot) -> None:
    dialog = dialogs.ReasonDialog(None, "Person austragen", "Max austragen:",
                                  {"moved_out": "Wegzug", "died": "Tod"}, day=date(2025, 5, 1))
    shown(qtbot, dialog)
    dialog.day.selectAll()
    type_text("32.05.2025")
    press(Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.text() == "Bitte ein Datum als TT.MM.JJJJ eingeben."
    dialog.day.selectAll()
    type_text("02.05.2025")
    tab()
    assert focused() is dialog.choice
    press(Qt.Key.Key_Down)
    assert dialog.result_value() == (date(2025, 5, 2), "died")
    press(Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_the_dialogs_name_every_control(qtbot: QtBot) -> None:
    from tests.ui.test_accessibility_and_queue import unnamed_controls

    reason = dialogs.ReasonDialog(None, "Pass sperren", "Pass KA-1 sperren ab:")
    role = dialogs.RoleDialog(None, "Max Müller", "child",
                              {"applicant": "Antragsteller/in", "other": "sonstige Person"},
                              TODAY)
    for dialog in (reason, role):
        shown(qtbot, dialog)
        assert unnamed_controls(dialog) == []
