"""One model of saving for a stored household: what the caseworker adds, corrects, ends or
removes collects on the screen and Ctrl+S saves it in one transaction; a saved income or
notice is corrected with a reason or removed when entered by mistake, and the Verlauf says
what changed. Driven by keyboard where a caseworker would."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kpass.models import AuditEvent, Income
from kpass.models.engine import Database
from kpass.services.household.changes import add_income, add_notice
from kpass.services.household.creation import create_household
from kpass.services.household.details import household_details
from kpass.services.household.validation import (
    AddressInput,
    IncomeInput,
    MemberInput,
    NoticeInput,
    PersonInput,
)
from kpass.services.uow import UnitOfWork
from kpass.ui.common import dialogs
from kpass.ui.household import duplicate_dialogs
from kpass.ui.household.duplicate_dialogs import DuplicateAnswer
from kpass.ui.household.page import HouseholdPage
from kpass.ui.main_window import MainWindow
from tests.register_builder import add_household, household_of
from tests.ui.keyboard import focused, press, save, type_text

pytestmark = pytest.mark.gui
TODAY = date.today()
FIRST = TODAY.replace(day=1)


@pytest.fixture
def stored(database: Database) -> dict[str, int]:
    """Anna (applicant) with wages of 2.310,00 € and a Wohngeld notice, her son Ben."""
    anna, ben = add_household(database, [
        ("Arndt", "Anna", date(1980, 3, 12), "applicant"),
        ("Arndt", "Ben", date(2015, 6, 15), "child"),
    ])
    household = household_of(database, anna)
    version = household_details(database, household, TODAY).version
    wages = add_income(database, household, version,
                       IncomeInput(anna, "wages", Decimal("2310.00"), "month", FIRST))
    notice = add_notice(database, household, wages.version,
                        NoticeInput("wohngeld", FIRST, None, "WG-1", ()))
    assert wages.record_id is not None and notice.record_id is not None
    return {"household": household, "anna": anna, "ben": ben, "wages": wages.record_id,
            "notice": notice.record_id}


@pytest.fixture
def window(qtbot: QtBot, database: Database, stored: dict[str, int]) -> MainWindow:
    win = MainWindow(database, TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.open_household(stored["household"])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.household_page.members.table)
    return win


class Why:
    """Stands in for ``dialogs.ask_why``: records the question, gives a fixed reason."""

    def __init__(self, reason: str | None) -> None:
        self.reason = reason
        self.asked: list[str] = []

    def __call__(self, _parent: object, title: str, prompt: str) -> str | None:
        self.asked.append(f"{title}: {prompt}")
        return self.reason


def incomes_in_database(database: Database, household: int) -> list[tuple[str, Decimal]]:
    return sorted((i.kind, i.amount)
                  for i in household_details(database, household, TODAY).incomes)


def audit_count(database: Database, action: str) -> int:
    with UnitOfWork(database, write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(AuditEvent)
                                      .where(AuditEvent.action == action)) or 0)


def test_changes_collect_on_the_screen_and_ctrl_s_saves_them_at_once(
    window: MainWindow, database: Database, stored: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = window.household_page
    household = stored["household"]
    incomes = page.incomes
    # a new income for Ben, typed and entered with Enter
    incomes.person.setCurrentIndex(incomes.person.findData(stored["ben"]))
    incomes.kind.setCurrentIndex(incomes.kind.findData("kindergeld"))
    incomes.amount.setFocus()
    type_text("255")
    press(Qt.Key.Key_Return)
    # the Wohngeld notice was entered by mistake
    why = Why("Bescheid gehört zum Nachbarhaushalt")
    monkeypatch.setattr(dialogs, "ask_why", why)
    page.notices.table.selectRow(0)
    page.notices.remove_button.click()
    assert "Wohngeld" in why.asked[0] and "irrtümlich" in why.asked[0]

    # nothing is in the database yet, and the screen says so
    assert incomes_in_database(database, household) == [("wages", Decimal("2310.00"))]
    assert len(household_details(database, household, TODAY).notices) == 1
    assert "2 ungespeicherte Änderung(en)" in page.title.text()
    assert "neu, ungespeichert" in incomes.table.item(1, 1).text()
    assert page.notices.table.rowCount() == 0
    assert page.is_dirty() and page.save_button.isVisible()
    assert page.save_button.text() == "Änderungen &speichern"
    saves_before = audit_count(database, "save_household_changes")

    save(incomes.amount)

    assert incomes_in_database(database, household) == [
        ("kindergeld", Decimal("255.00")), ("wages", Decimal("2310.00"))]
    assert household_details(database, household, TODAY).notices == ()
    assert audit_count(database, "save_household_changes") == saves_before + 1  # one save
    assert not page.is_dirty()
    assert "ungespeichert" not in page.title.text()
    assert "Gespeichert: 2 Änderung(en)" in page.banner.text()
    assert page.banner.kind == "success"


def test_a_saved_income_is_corrected_with_a_reason_by_keyboard(
    qtbot: QtBot, window: MainWindow, database: Database, stored: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = window.household_page
    incomes = page.incomes
    why = Why("Zahlendreher vom Lohnzettel")
    monkeypatch.setattr(dialogs, "ask_why", why)
    incomes.table.setFocus()
    incomes.table.selectRow(0)
    press(Qt.Key.Key_F2)  # the selected income into the fields
    assert focused() is incomes.amount
    assert incomes.amount.text() == "2.310,00"
    assert incomes.mode_label.isVisible() and "Anna Arndt" in incomes.mode_label.text()
    assert incomes.add_button.text() == "Berichtigung übernehmen (Enter)"
    incomes.amount.selectAll()
    type_text("2.130,00")
    press(Qt.Key.Key_Return)
    assert why.asked and "von Anfang an" in why.asked[0]
    assert not incomes.mode_label.isVisible() and incomes.amount.text() == ""
    assert incomes.table.item(0, 2).text() == "2.130,00 €"
    assert "berichtigt, ungespeichert" in incomes.table.item(0, 1).text()
    # the preview already counts the corrected amount
    assert page.editor.draft.incomes[0].amount == Decimal("2130.00")
    assert incomes_in_database(database, stored["household"]) == [
        ("wages", Decimal("2310.00"))]

    save(incomes.table)
    with UnitOfWork(database, write=False) as uow:
        income = uow.session.get(Income, stored["wages"])
        assert income is not None and income.amount == Decimal("2130.00")
    # the Verlauf says what was corrected, from what, and why
    page.refresh_history()
    lines = page.history.change_lines()
    assert any("Einkommen berichtigt" in line and "2.130,00 €" in line
               and "vorher" in line and "2.310,00 €" in line
               and "Zahlendreher vom Lohnzettel" in line for line in lines), lines


def test_esc_ends_a_correction_without_leaving_the_page(
    window: MainWindow, stored: dict[str, int],
) -> None:
    page = window.household_page
    notices = page.notices
    notices.table.setFocus()
    notices.table.selectRow(0)
    press(Qt.Key.Key_F2)
    assert notices.correcting == stored["notice"] and notices.reference.text() == "WG-1"
    press(Qt.Key.Key_Escape)
    assert notices.correcting is None and window.stack.currentWidget() is page
    assert focused() is notices.table
    assert not page.is_dirty()


def test_removing_a_saved_income_asks_why_and_cancel_keeps_it(
    window: MainWindow, database: Database, stored: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = window.household_page
    monkeypatch.setattr(dialogs, "ask_why", Why(None))  # Esc in the question
    page.incomes.table.selectRow(0)
    page.incomes.remove_button.click()
    assert not page.editor.has_changes() and page.incomes.table.rowCount() == 1
    monkeypatch.setattr(dialogs, "ask_why", Why("beim falschen Haushalt erfasst"))
    page.incomes.remove_button.click()
    assert page.incomes.table.rowCount() == 0
    assert page.save_everything()
    assert incomes_in_database(database, stored["household"]) == []
    page.refresh_history()
    assert any("Einkommen entfernt" in line and "beim falschen Haushalt erfasst" in line
               for line in page.history.change_lines())


def test_another_seat_saved_first_the_changes_stay_and_are_saved_on_top(
    qtbot: QtBot, window: MainWindow, database: Database, stored: dict[str, int],
) -> None:
    page = window.household_page
    household = stored["household"]
    page.editor.add_income(stored["ben"], "kindergeld", Decimal("255"), "month", FIRST)
    # meanwhile a colleague ends Anna's wages and saves
    other = HouseholdPage(database, TODAY)
    qtbot.addWidget(other)
    other.open(household)
    other.editor.end_income(stored["wages"], TODAY)
    assert other.save_changes()

    assert not page.save_changes()  # refused: the screen was stale
    assert page.banner.kind == "warning"
    assert "Ihre Änderungen stehen jetzt auf der aktuellen Fassung" in page.banner.text()
    assert page.editor.has_changes()  # nothing typed is lost
    wages = next(i for i in page.editor.draft.incomes if i.key == stored["wages"])
    assert wages.valid_until == TODAY  # the colleague's end is on the screen now
    assert page.save_changes()
    assert incomes_in_database(database, household) == [
        ("kindergeld", Decimal("255.00")), ("wages", Decimal("2310.00"))]


def test_a_person_registered_elsewhere_meanwhile_is_asked_about_when_saving(
    qtbot: QtBot, window: MainWindow, database: Database, stored: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The duplicate check runs again at Ctrl+S: a colleague registered the same person in
    another household after she was typed here. The question comes, nothing is lost."""
    page = window.household_page
    lena = PersonInput("Lang", "Lena", date(1990, 4, 4))
    key = page.editor.add_member(lena, "partner")
    page.editor.add_income(key, "minijob", Decimal("520"), "month", FIRST)
    create_household(database, AddressInput("Rheinstraße", "3", "76185", "Karlsruhe", "11"),
                     [MemberInput.new(lena, "applicant")], since=TODAY, today=TODAY)
    asked: list[str] = []

    def different(_parent: object, typed: str, candidates: Any, *_a: Any,
                  **_k: Any) -> DuplicateAnswer:
        asked.append(typed)
        return DuplicateAnswer("different", reason="andere Lena, Mutter bestätigt")

    monkeypatch.setattr(duplicate_dialogs, "ask_duplicate", different)
    assert page.save_changes()
    assert asked == ["Lena Lang, geb. 04.04.1990"]
    members = household_details(database, stored["household"], TODAY).members
    assert [m.given_names for m in members] == ["Anna", "Ben", "Lena"]
    assert ("minijob", Decimal("520.00")) in incomes_in_database(database,
                                                                  stored["household"])


def test_leaving_with_unsaved_changes_asks_and_can_save(
    window: MainWindow, database: Database, stored: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = window.household_page
    page.editor.add_income(stored["ben"], "kindergeld", Decimal("255"), "month", FIRST)
    asked: list[Any] = []

    def answer(_parent: object) -> str:
        asked.append(True)
        return "save"

    monkeypatch.setattr(dialogs, "ask_unsaved", answer)
    press(Qt.Key.Key_Escape)  # back to the search
    assert asked and window.stack.currentWidget() is window.search_page
    assert ("kindergeld", Decimal("255.00")) in incomes_in_database(database,
                                                                    stored["household"])
