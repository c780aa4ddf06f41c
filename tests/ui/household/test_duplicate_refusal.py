"""One person, one pass, at the counter: when the services refuse a person as a likely
duplicate, the counter asks what to do instead — open that person's household (the
default), move the person here (history kept) or save a different person with a reason —
and when issuing is refused because a likely duplicate holds a pass, it names both and
offers to record them as different persons."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kpass.models import Household, HouseholdMember, Pass, Person, PersonDistinction
from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes
from kpass.services.uow import UnitOfWork
from kpass.ui.household.duplicate_dialogs import DistinctionDialog, DuplicateDialog, MoveDialog
from kpass.ui.main_window import MainWindow
from tests.register_builder import add_household, household_of
from tests.ui.keyboard import focused, press, save, tab, type_text
from tests.ui.mnemonics import clashes, window_mnemonics

pytestmark = pytest.mark.gui
TODAY = date.today()
LENA_BORN = date(1980, 1, 1)


class Registered:
    """Lena Lang (applicant) and her daughter, with passes issued today; the household
    lives in Kaiserstraße 1."""

    def __init__(self, database: Database) -> None:
        self.lena, self.lia = add_household(database, [
            ("Lang", "Lena", LENA_BORN, "applicant"),
            ("Lang", "Lia", date(2016, 5, 5), "child"),
        ], since=date(TODAY.year - 3, 1, 1))
        self.household = household_of(database, self.lena)
        application = apply(database, self.household, TODAY, today=TODAY)
        issued = issue_passes(database, decide(database, application.application_id).decision_id)
        self.lena_pass = next(str(i.number) for i in issued if i.person_id == self.lena)


@pytest.fixture
def registered(database: Database) -> Registered:
    return Registered(database)


@pytest.fixture
def window(qtbot: QtBot, database: Database) -> MainWindow:
    win = MainWindow(database, TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def counts(database: Database) -> tuple[int, int, int]:
    """Persons, households, passes."""
    with UnitOfWork(database) as uow:
        return tuple(uow.session.scalar(select(func.count()).select_from(model)) or 0
                     for model in (Person, Household, Pass))  # type: ignore[return-value]


def distinctions(database: Database) -> list[tuple[int, int, str]]:
    with UnitOfWork(database) as uow:
        return [(d.person_id, d.other_person_id, d.reason)
                for d in uow.session.scalars(select(PersonDistinction))]


def memberships(database: Database, person_id: int) -> list[tuple[int, date, date | None, str]]:
    with UnitOfWork(database) as uow:
        rows = uow.session.scalars(select(HouseholdMember).where(
            HouseholdMember.person_id == person_id).order_by(HouseholdMember.valid_from))
        return [(m.household_id, m.valid_from, m.valid_until, m.role) for m in rows]


def when_dialog(qtbot: QtBot, kind: type[QDialog], act: Callable[[QDialog], None]) -> None:
    """Answer the next modal dialog of ``kind`` with ``act`` once it is shown."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, answer)
            return
        dialog.activateWindow()  # offscreen Qt does not activate it itself
        QApplication.processEvents()
        try:
            act(dialog)
        except BaseException as exc:  # a failed check must not leave the dialog waiting
            FAILURES.append(exc)
            dialog.reject()

    QTimer.singleShot(0, answer)


FAILURES: list[BaseException] = []


@pytest.fixture(autouse=True)
def no_failed_answers() -> Iterator[None]:
    FAILURES.clear()
    yield
    if FAILURES:
        raise FAILURES[0]


def back_to(window: QWidget) -> None:
    """The window is active again after a dialog (offscreen Qt does not do that itself)."""
    window.activateWindow()
    QApplication.processEvents()
    assert QApplication.focusWidget() is not None


def start_new_with_lena() -> None:
    """Ctrl+N, an address, then Lena Lang typed and added with Enter at once (before the
    duplicate warning had its pause)."""
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    type_text("Kaiserstraße")
    tab()
    type_text("12")
    tab()
    type_text("76133")
    tab(2)
    type_text("Südst")
    press(Qt.Key.Key_Return)


def type_person(window: MainWindow, family: str, given: str, birth: str) -> None:
    members = window.household_page.members
    members.family.setFocus()
    type_text(family)
    tab()
    type_text(given)
    tab()
    type_text(birth)
    press(Qt.Key.Key_Return)


def test_enter_at_once_then_save_or_decide_asks_and_saves_nothing(
        qtbot: QtBot, window: MainWindow, database: Database, registered: Registered,
        tmp_path: Path) -> None:
    page = window.household_page
    start_new_with_lena()
    type_person(window, "Lang", "Lena", "01.01.1980")
    assert [m.name for m in page.editor.draft.members] == ["Lena Lang"]  # kept on screen
    before = counts(database)
    seen: list[str] = []

    def look_and_cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, DuplicateDialog)
        QApplication.processEvents()
        seen.append(dialog.prompt.text())
        items = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert len(items) == 1
        assert "Lena Lang, geb. 01.01.1980" in items[0]
        assert f"Haushalt {registered.household}, Kaiserstraße 1, 76133 Karlsruhe" in items[0]
        assert "Name und Geburtsdatum stimmen überein" in items[0]
        assert dialog.open_button.isDefault() and focused() is dialog.open_button
        assert dialog.move_button.isVisible() and dialog.different_button.isVisible()
        assert not clashes(window_mnemonics(dialog))
        for button in (dialog.open_button, dialog.move_button, dialog.different_button,
                       dialog.cancel_button):
            assert button.text().replace("&", "").replace(" …", "") in button.accessibleName()
        shot = Path(os.environ.get("KPASS_SHOT_DIR", tmp_path)) / "09-doppelt.png"
        assert dialog.grab().save(str(shot))  # docs/screenshots/09-doppelt.png
        press(Qt.Key.Key_Escape)

    when_dialog(qtbot, DuplicateDialog, look_and_cancel)
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert seen and "Lena Lang, geb. 01.01.1980" in seen[0]
    assert counts(database) == before  # nothing saved, no second pass
    assert page.editor.draft.is_new and [m.name for m in page.editor.draft.members] == [
        "Lena Lang"]  # Esc keeps the input
    assert "bereits registriert" in page.members.error.text()

    back_to(window)
    when_dialog(qtbot, DuplicateDialog, lambda _d: press(Qt.Key.Key_Escape))
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # decide
    assert counts(database) == before and page.last_decision_id is None
    assert "Nicht entschieden" in page.panel.message.text()

    # Enter: the default, "Haushalt dieser Person öffnen"
    back_to(window)
    when_dialog(qtbot, DuplicateDialog, lambda _d: press(Qt.Key.Key_Return))
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is page
    assert page.editor.draft.household_id == registered.household
    assert page.members.selected_key() == registered.lena
    assert counts(database) == before


def test_different_person_with_reason_saves_and_records(
        qtbot: QtBot, window: MainWindow, database: Database, registered: Registered) -> None:
    page = window.household_page
    start_new_with_lena()
    type_person(window, "Lang", "Lena", "01.01.1980")

    def reason_required(reason_dialog: QDialog) -> None:
        assert isinstance(reason_dialog, DistinctionDialog)
        reason_dialog.ok_button.click()  # no reason: refused, stays open
        assert reason_dialog.isVisible() and reason_dialog.error.isVisible()
        type_text("andere Eltern, Ausweis geprüft", reason_dialog.reason)
        press(Qt.Key.Key_Return)

    def different(dialog: QDialog) -> None:
        assert isinstance(dialog, DuplicateDialog)
        when_dialog(qtbot, DistinctionDialog, reason_required)
        dialog.different_button.click()

    when_dialog(qtbot, DuplicateDialog, different)
    assert page.save_everything()
    draft = page.editor.draft
    assert not draft.is_new
    new_lena = draft.members[0].key
    assert new_lena not in (registered.lena, registered.lia)
    low, high = sorted((new_lena, registered.lena))
    assert distinctions(database) == [(low, high, "andere Eltern, Ausweis geprüft")]


def test_move_here_into_a_new_household_keeps_the_history(
        qtbot: QtBot, window: MainWindow, database: Database, registered: Registered) -> None:
    """The daughter (now grown up in the test's eyes: a second person) moves into a new
    household of Bea Berg: the household is saved first, then Lia moves in."""
    page = window.household_page
    start_new_with_lena()
    type_person(window, "Berg", "Bea", "02.02.1970")
    type_person(window, "Lang", "Lia", "05.05.2016")
    since = TODAY + timedelta(days=3)

    def move(dialog: QDialog) -> None:
        assert isinstance(dialog, DuplicateDialog)

        def answer_move(move_dialog: QDialog) -> None:
            assert isinstance(move_dialog, MoveDialog)
            assert str(registered.household) in move_dialog.prompt.text()
            assert move_dialog.role.currentData() == "child"
            move_dialog.day.setText(since.strftime("%d.%m.%Y"))
            move_dialog.ok_button.click()

        when_dialog(qtbot, MoveDialog, answer_move)
        dialog.move_button.click()

    when_dialog(qtbot, DuplicateDialog, move)
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    draft = page.editor.draft
    assert not draft.is_new
    assert {m.key for m in draft.members} >= {registered.lia}
    assert [m.name for m in draft.members] == ["Bea Berg", "Lia Lang"]
    assert memberships(database, registered.lia) == [
        (registered.household, date(TODAY.year - 3, 1, 1), since - timedelta(days=1), "child"),
        (draft.household_id, since, None, "child"),
    ]
    assert "umgezogen" in page.banner.label.text()


def test_move_here_into_a_stored_household(
        qtbot: QtBot, window: MainWindow, database: Database, registered: Registered) -> None:
    other = household_of(database, add_household(
        database, [("Berg", "Bea", date(1970, 2, 2), "applicant")], street="Rheinstraße",
        since=date(TODAY.year - 1, 1, 1))[0])
    page = window.household_page
    window.open_household(other)

    def move(dialog: QDialog) -> None:
        assert isinstance(dialog, DuplicateDialog)
        assert not dialog.move_button.isDefault()
        when_dialog(qtbot, MoveDialog, lambda d: press(Qt.Key.Key_Return))
        dialog.move_button.click()

    when_dialog(qtbot, DuplicateDialog, move)
    type_person(window, "Lang", "Lia", "05.05.2016")  # refused at Enter already
    assert memberships(database, registered.lia)[-1][0] == registered.household
    assert "zieht ein" in page.members.table.item(
        page.members.table.currentRow(), 0).text()
    save(page.members.family)
    assert memberships(database, registered.lia)[-2:] == [
        (registered.household, date(TODAY.year - 3, 1, 1), TODAY - timedelta(days=1), "child"),
        (other, TODAY, None, "child"),
    ]
    assert page.members.selected_key() == registered.lia
    assert not page.members.pending()


def test_issuing_refused_for_a_duplicate_names_both_and_records_the_distinction(
        qtbot: QtBot, window: MainWindow, database: Database, registered: Registered) -> None:
    # registered before the check existed: a second Lena Lang in another household
    twin = add_household(database, [("Lang", "Lena", LENA_BORN, "applicant")],
                         street="Rheinstraße", since=date(TODAY.year - 1, 1, 1))[0]
    other = household_of(database, twin)
    page = window.household_page
    window.open_household(other)
    page.decide_today()
    assert page.panel.issue_button.isEnabled()
    passes_before = counts(database)[2]
    shown: list[str] = []

    def record(dialog: QWidget) -> None:
        text = dialog.prompt.text()  # type: ignore[attr-defined]
        shown.append(text)

        def reason(reason_dialog: QDialog) -> None:
            assert isinstance(reason_dialog, DistinctionDialog)
            type_text("Zwillingsname, andere Steuer-ID", reason_dialog.reason)
            reason_dialog.ok_button.click()

        when_dialog(qtbot, DistinctionDialog, reason)
        dialog.distinct_button.click()  # type: ignore[attr-defined]

    from kpass.ui.household.duplicate_dialogs import DuplicateHolderDialog

    when_dialog(qtbot, DuplicateHolderDialog, record)
    page.issue()
    assert shown, "no question"
    assert f"Nr. {twin}" in shown[0] and f"Nr. {registered.lena}" in shown[0]
    assert registered.lena_pass in shown[0] and shown[0].count("Lena Lang") == 2
    assert counts(database)[2] == passes_before
    low, high = sorted((twin, registered.lena))
    assert distinctions(database) == [(low, high, "Zwillingsname, andere Steuer-ID")]
    assert "verschiedene Personen" in page.panel.message.text()
    page.issue()  # now it works
    assert counts(database)[2] == passes_before + 1


def test_issuing_refused_offers_the_other_household(
        qtbot: QtBot, window: MainWindow, database: Database, registered: Registered) -> None:
    twin = add_household(database, [("Lang", "Lena", LENA_BORN, "applicant")],
                         street="Rheinstraße", since=date(TODAY.year - 1, 1, 1))[0]
    page = window.household_page
    window.open_household(household_of(database, twin))
    page.decide_today()
    from kpass.ui.household.duplicate_dialogs import DuplicateHolderDialog

    when_dialog(qtbot, DuplicateHolderDialog, lambda _d: press(Qt.Key.Key_Return))
    page.issue()
    assert page.editor.draft.household_id == registered.household
    assert page.members.selected_key() == registered.lena
