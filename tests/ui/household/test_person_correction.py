"""Correcting a stored person and changing a role in the household editor, by keyboard:
F2 on a row loads the person into the member fields, Enter saves, Esc cancels."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.household.details import household_details
from kpass.services.search.persons import search_persons
from kpass.ui.common import dialogs
from kpass.ui.household.page import HouseholdPage
from kpass.ui.main_window import MainWindow
from tests.register_builder import add_household, household_of
from tests.ui.keyboard import focused, press, save, tab, type_text

pytestmark = pytest.mark.gui
TODAY = date.today()


def age(birth: date) -> int:
    return TODAY.year - birth.year - ((TODAY.month, TODAY.day) < (birth.month, birth.day))


@pytest.fixture
def ids(database: Database) -> list[int]:
    return add_household(database, [
        ("Müller", "Anna-Lena", date(1980, 3, 12), "applicant"),
        ("Müller", "Bernd", date(1978, 7, 1), "partner"),
        ("Müller", "Max", date(2015, 6, 15), "child"),
    ])


@pytest.fixture
def window(qtbot: QtBot, database: Database, ids: list[int]) -> MainWindow:
    win = MainWindow(database, TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.open_household(household_of(database, ids[0]))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.household_page.members.table)
    return win


def stored(database: Database, person_id: int) -> tuple[str, str, date]:
    details = household_details(database, household_of(database, person_id), TODAY)
    m = next(m for m in details.members if m.person_id == person_id)
    return m.family_name, m.given_names, m.birth_date


def preview_row(page: HouseholdPage, name: str) -> tuple[str, str]:
    table = page.panel.table
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == name:
            return table.item(row, 1).text(), table.item(row, 2).text()
    raise AssertionError(f"{name} is not in the decision preview")


def start_new_household_of_nora_and_nils(page: HouseholdPage) -> None:
    """Ctrl+N, an address, and two persons typed into the member fields (not saved)."""
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    for field, text in ((page.address.street, "Kaiserstraße"), (page.address.number, "3"),
                        (page.address.postcode, "76133")):
        field.setText(text)
    page.address.stadtteil.set_code("01")
    page.members.family.setFocus()
    for family, given, birth in (("Neu", "Nora", "01.02.1985"), ("Neu", "Nils", "03.04.2012")):
        type_text(family)
        tab()
        type_text(given)
        tab()
        type_text(birth)
        press(Qt.Key.Key_Return)


def edit_row(page: HouseholdPage, row: int) -> None:
    """Select ``row`` of the members table with the arrow keys and press F2."""
    page.members.table.setFocus()
    press(Qt.Key.Key_Home)
    for _ in range(row):
        press(Qt.Key.Key_Down)
    press(Qt.Key.Key_F2)
    assert focused() is page.members.family


def test_correcting_the_birth_date_changes_the_pass_type(
    window: MainWindow, database: Database, ids: list[int]
) -> None:
    page = window.household_page
    members = page.members
    assert preview_row(page, "Max Müller")[1].startswith("Karlsruher Kinderpass – ")
    edit_row(page, 2)
    assert members.editing == ids[2]
    assert (members.family.text(), members.given.text(), members.birth.text()) == (
        "Müller", "Max", "15.06.2015")
    assert members.mode_label.isVisible() and "Max Müller" in members.mode_label.text()
    assert members.add_button.text() == "Änderung übernehmen (Enter)"
    assert not members.role.isEnabled()  # a stored role changes from a day on, not here
    assert members.birth.accessibleName() == "Geburtsdatum von Max Müller"

    tab(2)
    assert focused() is members.birth
    type_text("15.06.2000")  # Tab selected the old date: typing replaces it
    press(Qt.Key.Key_Return)

    assert members.editing is None and not members.mode_label.isVisible()
    assert members.family.text() == "" and members.birth.text() == ""
    assert focused() is members.table
    assert stored(database, ids[2]) == ("Müller", "Max", date(2015, 6, 15))  # not yet
    assert "berichtigt, ungespeichert" in members.table.item(2, 0).text()
    save()
    assert stored(database, ids[2]) == ("Müller", "Max", date(2000, 6, 15))
    assert members.table.item(2, 2).text() == f"15.06.2000 ({age(date(2000, 6, 15))} Jahre)"
    assert members.selected_key() == ids[2]
    # the preview follows: an adult gets the Karlsruher Pass, not the Kinderpass
    assert preview_row(page, "Max Müller")[1].startswith("Karlsruher Pass – ")


def test_the_name_is_corrected_in_title_and_table(
    window: MainWindow, database: Database, ids: list[int]
) -> None:
    page = window.household_page
    edit_row(page, 0)
    tab()
    type_text("Anna-Lena Sophie")
    press(Qt.Key.Key_Return)
    save()
    assert stored(database, ids[0])[1] == "Anna-Lena Sophie"
    assert "Anna-Lena Sophie Müller" in page.title.text()
    assert page.members.table.item(0, 1).text() == "Anna-Lena Sophie"
    assert [hit.given_names for hit in search_persons(database, "sophie").hits] == [
        "Anna-Lena Sophie"]


def test_invalid_input_is_shown_at_the_field_and_nothing_is_stored(
    window: MainWindow, database: Database, ids: list[int]
) -> None:
    page = window.household_page
    members = page.members
    edit_row(page, 2)
    tab(2)
    type_text("01.01.2090")
    press(Qt.Key.Key_Return)
    label = members.errors.label_for("birth_date")
    assert label is not None and label.isVisible()
    assert label.text() == "Person: Geburtsdatum liegt in der Zukunft (01.01.2090)."
    assert focused() is members.birth
    assert members.editing == ids[2]  # still correcting
    assert stored(database, ids[2]) == ("Müller", "Max", date(2015, 6, 15))

    members.birth.setText("15.06.2015")
    members.family.setFocus()
    members.family.clear()
    press(Qt.Key.Key_Return)
    family_label = members.errors.label_for("family_name")
    assert family_label is not None and family_label.isVisible()
    assert "Familienname" in family_label.text()
    assert focused() is members.family
    assert not label.isVisible()
    assert stored(database, ids[2]) == ("Müller", "Max", date(2015, 6, 15))

    # Esc cancels the correction (and does not leave the page)
    type_text("Schulz")
    assert page.is_dirty()
    press(Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is page
    assert members.editing is None and not members.mode_label.isVisible()
    assert members.family.text() == "" and not family_label.isVisible()
    assert members.add_button.text() == "&Person hinzufügen"
    assert focused() is members.table and members.selected_key() == ids[2]
    assert not page.is_dirty()
    assert stored(database, ids[2]) == ("Müller", "Max", date(2015, 6, 15))
    press(Qt.Key.Key_Escape)  # now Esc goes back to the search as usual
    assert window.stack.currentWidget() is window.search_page


def test_a_concurrent_change_is_reported_and_the_fresh_data_shown(
    qtbot: QtBot, window: MainWindow, database: Database, ids: list[int]
) -> None:
    page = window.household_page
    members = page.members
    edit_row(page, 2)
    tab()
    type_text("Maxi")

    # meanwhile a colleague corrects the same person in another window
    other = HouseholdPage(database, TODAY)
    qtbot.addWidget(other)
    other.open(household_of(database, ids[2]))
    other.members.table.selectRow(2)
    other.members.start_edit()
    other.members.given.setText("Maximilian")
    assert other.members.save_edit()
    assert other.save_changes()
    assert stored(database, ids[2])[1] == "Maximilian"

    press(Qt.Key.Key_Return)
    assert "Jemand anderes hat die Daten von Max Müller inzwischen geändert" in (
        page.banner.text())
    assert page.banner.isVisible()
    assert "gespeichert ist jetzt: Maximilian Müller, geb. 15.06.2015" in members.error.text()
    assert members.table.item(2, 1).text() == "Maximilian"  # the fresh data
    assert members.editing == ids[2] and members.given.text() == "Maxi"  # input kept
    assert stored(database, ids[2])[1] == "Maximilian"  # nothing overwritten

    press(Qt.Key.Key_Return)  # checked: taken again, now on the fresh version
    assert members.editing is None
    save()
    assert stored(database, ids[2])[1] == "Maxi"


def test_a_draft_member_of_a_new_household_is_edited_in_the_draft(
    window: MainWindow, database: Database
) -> None:
    page = window.household_page
    members = page.members
    start_new_household_of_nora_and_nils(page)
    # Nils is a minor: a child by default
    assert [m.role for m in page.editor.draft.members] == ["applicant", "child"]
    members.table.setFocus()
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Return)  # Enter on a row works like F2
    assert focused() is members.family
    assert members.role.isEnabled()  # nothing stored yet: the role is just a field
    assert members.role.currentData() == "child"
    assert members.add_button.text() == "Änderung übernehmen (Enter)"

    # a second applicant is refused at the role field
    members.role.setCurrentIndex(members.role.findData("applicant"))
    press(Qt.Key.Key_Return)
    role_error = members.errors.label_for("role")
    assert role_error is not None and role_error.isVisible()
    assert "„Antragsteller/in“ ist schon vergeben" in role_error.text()
    assert page.editor.draft.members[1].role == "child"

    assert focused() is members.role
    members.role.setCurrentIndex(members.role.findData("child"))
    press(Qt.Key.Key_Backtab)
    press(Qt.Key.Key_Backtab)
    assert focused() is members.given
    type_text("Nils Erik")
    press(Qt.Key.Key_Return)
    second = page.editor.draft.members[1]
    assert (second.given_names, second.role) == ("Nils Erik", "child")
    assert members.table.item(1, 1).text() == "Nils Erik"
    assert preview_row(page, "Nils Erik Neu")[1].startswith("Karlsruher Kinderpass – ")
    assert len(search_persons(database, "nils").hits) == 0  # nothing stored
    assert page.editor.draft.is_new


def role_answer(answer: tuple[str, date] | None, asked: list[dict[str, Any]]) -> Any:
    def ask(_parent: object, name: str, current: str, roles: dict[str, str], day: date,
            with_date: bool = True) -> tuple[str, date] | None:
        asked.append({"name": name, "current": current, "day": day, "with_date": with_date,
                      "roles": roles})
        return answer
    return ask


def test_role_change_after_the_applicant_died(
    qtbot: QtBot, window: MainWindow, database: Database, ids: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = window.household_page
    members = page.members
    died = TODAY - timedelta(days=10)
    asked: list[dict[str, Any]] = []

    # while Anna-Lena is the applicant, Bernd cannot become applicant too
    monkeypatch.setattr(dialogs, "ask_role", role_answer(("applicant", TODAY), asked))
    members.table.setFocus()
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # "Rolle we&chseln …"
    qtbot.waitUntil(lambda: bool(asked))  # a mnemonic clicks with a short animation
    assert asked[-1]["name"] == "Bernd Müller" and asked[-1]["current"] == "partner"
    assert asked[-1]["day"] == TODAY and asked[-1]["with_date"] is True
    assert asked[-1]["roles"]["applicant"] == "Antragsteller/in"
    assert members.error.isVisible()
    assert "„Antragsteller/in“ ist ab" in members.error.text()
    assert "schon vergeben" in members.error.text()
    assert [m.role for m in household_details(
        database, household_of(database, ids[0]), TODAY).members] == [
        "applicant", "partner", "child"]

    # Anna-Lena died ten days ago
    monkeypatch.setattr(dialogs, "ask_reason", lambda *_a, **_k: (died, "died"))
    members.table.selectRow(0)
    members.end_button.click()
    assert members.table.item(0, 4).text() == f"bis {died:%d.%m.%Y}"
    assert "Anna-Lena Müller" not in [line.name for line in page.panel.lines]

    # a child as applicant while an adult lives in the household: refused
    monkeypatch.setattr(dialogs, "ask_role",
                        role_answer(("applicant", died + timedelta(days=1)), asked))
    members.table.selectRow(2)
    members.role_button.click()
    assert "muss volljährig sein" in members.error.text()

    # the partner applies from the day after
    members.table.selectRow(1)
    members.role_button.click()
    assert asked[-1]["name"] == "Bernd Müller"
    assert not members.error.isVisible()
    since = died + timedelta(days=1)
    rows = [(members.table.item(r, 1).text(), members.table.item(r, 3).text(),
             members.table.item(r, 4).text()) for r in range(members.table.rowCount())]
    assert ("Bernd", "Partner/in", f"bis {died:%d.%m.%Y}") in rows  # the old role on record
    assert ("Bernd", "Antragsteller/in", f"seit {since:%d.%m.%Y}") in rows
    assert "Bernd Müller" in page.title.text()
    assert page.panel.lines and "Bernd Müller" in [line.name for line in page.panel.lines]
    assert focused() is members.table


def test_role_change_of_a_draft_member_asks_no_date(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.household_page
    page.start_new()
    page.members.family.setText("Neu")
    page.members.given.setText("Nora")
    page.members.birth.setText("01.02.1985")
    assert page.members.add_member()
    page.members.family.setText("Neu")
    page.members.given.setText("Nina")
    page.members.birth.setText("01.02.2000")
    assert page.members.add_member()
    asked: list[dict[str, Any]] = []
    monkeypatch.setattr(dialogs, "ask_role", role_answer(("other", TODAY), asked))
    page.members.table.selectRow(1)
    page.members.role_button.click()
    assert asked[-1]["with_date"] is False
    assert page.editor.draft.members[1].role == "other"
    assert "sonstige Person" in page.members.table.item(1, 3).text()


# -- the dialog itself -----------------------------------------------------------------------
ROLES = {"applicant": "Antragsteller/in", "partner": "Partner/in", "child": "Kind",
         "other": "sonstige Person"}


def test_role_dialog_by_keyboard(qtbot: QtBot) -> None:
    dialog = dialogs.RoleDialog(None, "Bernd Müller", "partner", ROLES, date(2025, 5, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.role)
    assert "Bernd Müller (bisher: Partner/in)" in dialog.prompt.text()
    assert [dialog.role.itemData(i) for i in range(dialog.role.count())] == [
        "applicant", "partner", "child", "other"]
    assert dialog.role.currentData() == "partner"  # it starts on the current role
    assert focused() is dialog.role
    press(Qt.Key.Key_Up)  # partner → applicant
    assert dialog.day.text() == "01.05.2025"
    tab()
    assert focused() is dialog.day
    type_text("31.02.2025")
    press(Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text() == "Gilt ab: bitte als TT.MM.JJJJ eingeben."
    assert focused() is dialog.day
    type_text("02.05.2025")
    press(Qt.Key.Key_Return)
    assert dialog.result() == dialogs.QDialog.DialogCode.Accepted
    assert dialog.result_value() == ("applicant", date(2025, 5, 2))


def test_role_dialog_esc_cancels(qtbot: QtBot) -> None:
    dialog = dialogs.RoleDialog(None, "Max Müller", "child", ROLES, date(2025, 5, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.role)
    assert dialog.role.currentData() == "child"  # the current role
    press(Qt.Key.Key_Down)  # child → other
    assert dialog.role.currentData() == "other"
    press(Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == dialogs.QDialog.DialogCode.Rejected


def test_role_dialog_without_date(qtbot: QtBot) -> None:
    dialog = dialogs.RoleDialog(None, "Nina Neu", "partner", ROLES, date(2025, 5, 1),
                                with_date=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.role)
    assert not dialog.day.isVisible()
    press(Qt.Key.Key_End)
    press(Qt.Key.Key_Return)
    assert dialog.result() == dialogs.QDialog.DialogCode.Accepted
    assert dialog.result_value()[0] == "other"


def test_an_open_correction_is_saved_with_the_new_household(
    window: MainWindow, database: Database
) -> None:
    # F2, a new birth date, then Ctrl+S without Enter: the household must be stored with
    # what the caseworker sees, not with the date before the correction.
    page = window.household_page
    members = page.members
    start_new_household_of_nora_and_nils(page)
    edit_row(page, 0)
    members.birth.clear()
    members.birth.setFocus()
    type_text("01.02.1950")
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.editor.draft.is_new
    nora = next(p for p in search_persons(database, "neu nora").hits)
    assert nora.birth_date == date(1950, 2, 1)
    assert members.editing is None and not members.pending()


def test_deciding_saves_an_open_correction_first(
    window: MainWindow, database: Database, ids: list[int]
) -> None:
    page = window.household_page
    edit_row(page, 2)  # Max, born 2015
    page.members.birth.clear()
    page.members.birth.setFocus()
    type_text("15.06.2000")
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # decide, no Enter before
    assert stored(database, ids[2])[2] == date(2000, 6, 15)
    assert "gespeichert" in page.panel.heading.text()
    # the stored decision counts Max as an adult: no Kinderpass
    assert "Kinderpass" not in preview_row(page, "Max Müller")[1]


def test_a_correction_that_cannot_be_taken_stops_the_decision(
    window: MainWindow, database: Database, ids: list[int]
) -> None:
    page = window.household_page
    edit_row(page, 2)
    page.members.birth.clear()
    page.members.birth.setFocus()
    type_text("15.06.2090")  # in the future
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    label = page.members.errors.label_for("birth_date")
    assert label is not None and label.isVisible()
    assert "gespeichert" not in page.panel.heading.text()
    assert stored(database, ids[2])[2] == date(2015, 6, 15)


def test_f2_does_not_store_a_typed_new_person_as_a_side_effect(
    window: MainWindow, database: Database, ids: list[int]
) -> None:
    page = window.household_page
    members = page.members
    members.family.setText("Neu")
    members.given.setText("Nina")
    members.birth.setText("01.01.2001")
    members.table.setFocus()
    press(Qt.Key.Key_F2)
    assert members.editing is None
    assert "Erst die neue Person mit Enter hinzufügen" in members.error.text()
    assert search_persons(database, "neu nina").hits == ()
    assert members.family.text() == "Neu"  # what was typed stays


def test_a_decision_stopped_by_unfinished_input_says_so(
    window: MainWindow, database: Database, ids: list[int]
) -> None:
    page = window.household_page
    page.incomes.amount.setText("zwölf")  # no amount: it cannot be added
    page.tabs.setCurrentIndex(1)  # the caseworker looks at the Verlauf
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == 0
    assert "Nicht entschieden" in page.panel.message.text()
    assert "gespeichert" not in page.panel.heading.text()
