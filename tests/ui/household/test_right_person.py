"""Every pass action names its person and acts on the person selected in the person table —
not on the household's lowest pass number. A household opened from the search starts on the
person searched for; "Verlängern" asks which passes to renew."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes
from kpass.services.passes.queries import list_passes
from kpass.ui.common import dialogs
from kpass.ui.common.dialogs import RenewalChoice
from kpass.ui.household.page import HouseholdPage
from kpass.ui.main_window import MainWindow
from tests.register_builder import add_household, household_of
from tests.ui.keyboard import focused, press, tab, type_text

pytestmark = pytest.mark.gui
TODAY = date.today()


def first_of_month(months_back: int) -> date:
    month = TODAY.month - months_back
    return date(TODAY.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


class Couple:
    """Anna-Lena (applicant) and Bernd Müller (partner), both with a pass; Anna-Lena got the
    lower number (she is first in the decision)."""

    def __init__(self, database: Database, issued_on: date) -> None:
        self.anna, self.bernd = add_household(database, [
            ("Müller", "Anna-Lena", date(1980, 3, 12), "applicant"),
            ("Müller", "Bernd", date(1978, 7, 1), "partner"),
        ], since=date(TODAY.year - 3, 1, 1))
        self.household = household_of(database, self.anna)
        application = apply(database, self.household, issued_on, today=TODAY)
        issued = issue_passes(database,
                              decide(database, application.application_id).decision_id)
        numbers = {i.person_id: i.number for i in issued}
        self.anna_pass, self.bernd_pass = str(numbers[self.anna]), str(numbers[self.bernd])
        assert self.anna_pass < self.bernd_pass


@pytest.fixture
def window(qtbot: QtBot, database: Database) -> MainWindow:
    win = MainWindow(database, TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def open_by_search(qtbot: QtBot, window: MainWindow, text: str) -> HouseholdPage:
    window.search_field.setFocus()
    type_text(text)
    press(Qt.Key.Key_Return)
    assert focused() is window.results
    press(Qt.Key.Key_Return)
    page = window.household_page
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.members.table)
    return page


class Asked:
    """Stands in for a ``dialogs.ask_*`` function: records the arguments, gives ``answer``."""

    def __init__(self, answer: Any) -> None:
        self.answer = answer
        self.calls: list[tuple[Any, ...]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls.append(args + tuple(kwargs.values()))
        return self.answer


def valid_until(database: Database, number: str) -> date:
    [row] = [r for r in list_passes(database, every_status=True, limit=100)
             if r.number == number]
    return row.valid_until


def test_the_person_searched_is_selected_and_the_revoke_question_names_him(
    qtbot: QtBot, window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    couple = Couple(database, TODAY)
    page = open_by_search(qtbot, window, "mueller bernd")
    assert page.members.selected_key() == couple.bernd
    assert page.panel.chosen_pass() == couple.bernd_pass

    asked = Asked(None)
    monkeypatch.setattr(dialogs, "ask_reason", asked)
    page.panel.revoke_button.click()
    [(_, title, prompt, *_)] = asked.calls
    assert title == "Pass sperren"
    assert "Bernd Müller" in prompt and "01.07.1978" in prompt
    assert couple.bernd_pass in prompt and "Karlsruher Pass" in prompt
    assert "gültig" in prompt
    assert "Anna-Lena" not in prompt and couple.anna_pass not in prompt

    # the question as the caseworker sees it
    dialog = dialogs.ReasonDialog(window, title, prompt, day=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.prompt.isVisible() and "Bernd Müller" in dialog.prompt.accessibleName()
    dialog.grab().save("/tmp/kpass-revoke-question.png")
    dialog.reject()

    # the replacement question, too
    page.panel.replace_button.click()
    prompt = asked.calls[-1][2]
    assert "Bernd Müller" in prompt and couple.bernd_pass in prompt
    # the buttons say whom they act on (for a screen reader as well)
    assert "Bernd Müller" in page.panel.revoke_button.accessibleName()
    assert "Sperren" in page.panel.revoke_button.accessibleName()


def test_the_selection_drives_the_pass_actions(
    qtbot: QtBot, window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    couple = Couple(database, TODAY)
    page = open_by_search(qtbot, window, "mueller anna")
    assert page.members.selected_key() == couple.anna
    assert page.panel.chosen_pass() == couple.anna_pass
    press(Qt.Key.Key_Down)  # Bernd
    assert page.members.selected_key() == couple.bernd
    assert page.panel.chosen_pass() == couple.bernd_pass
    # choosing a pass in the list selects its holder
    page.panel.passes.setCurrentIndex(page.panel.passes.findData(couple.anna_pass))
    assert page.members.selected_key() == couple.anna

    # the card printed is the selected person's
    page.members.select_person(couple.bernd)
    preview = page.print_card()
    assert preview is not None and couple.bernd_pass in preview.windowTitle()
    assert "Bernd Müller" in preview.windowTitle()
    preview.close()


def test_a_person_without_a_pass_has_no_pass_actions(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    [anna] = add_household(database, [
        ("Müller", "Anna-Lena", date(1980, 3, 12), "applicant")])
    household = household_of(database, anna)
    application = apply(database, household, TODAY, today=TODAY)
    issue_passes(database, decide(database, application.application_id).decision_id)
    window.open_household(household)
    page = window.household_page
    page.members.family.setText("Müller")
    page.members.given.setText("Carla")
    page.members.birth.setText("01.02.1990")
    assert page.members.add_member()
    carla = next(m.key for m in page.editor.draft.members if m.given_names == "Carla")
    page.members.select_person(carla)
    p = page.panel
    assert p.chosen_pass() is None
    assert not p.card_button.isEnabled() and not p.revoke_button.isEnabled()
    assert not p.replace_button.isEnabled()
    assert "kein" in p.passes.placeholderText()
    page.members.select_person(anna)
    assert p.chosen_pass() is not None and p.revoke_button.isEnabled()


def test_renewal_asks_which_passes_and_renews_only_those(
    qtbot: QtBot, window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    couple = Couple(database, first_of_month(12))  # both expire at the end of this month
    page = open_by_search(qtbot, window, "mueller anna")
    before = valid_until(database, couple.anna_pass)
    asked = Asked([couple.bernd_pass])
    monkeypatch.setattr(dialogs, "ask_renewal", asked)
    page.panel.renew_button.click()

    [(_, choices)] = asked.calls
    assert [(c.number, c.due, c.preselected) for c in choices] == [
        (couple.anna_pass, True, True), (couple.bernd_pass, True, True)]
    anna = choices[0]
    assert anna.current and "Anna-Lena Müller" in anna.person and "12.03.1980" in anna.person
    assert "Karlsruher Pass" in anna.pass_text and f"{before:%d.%m.%Y}" in anna.pass_text

    renewed = valid_until(database, couple.bernd_pass)
    assert renewed > before
    assert valid_until(database, couple.anna_pass) == before  # not chosen: unchanged
    message = page.panel.message.text()
    assert "Bernd Müller" in message and couple.bernd_pass in message
    assert f"{renewed:%m/%Y}" in message and "Anna-Lena" not in message
    assert page.panel.message_bar.kind == "success"
    # the heading names what is shown: the stored renewal decision; nothing left to issue
    heading = page.panel.heading.text()
    assert "Verlängerung" in heading and "gespeichert" in heading
    assert "Vorschau" not in heading and "noch nicht entschieden" not in heading
    assert not page.panel.issue_button.isEnabled()
    table = page.panel.table  # the decision: both eligible, only Bernd got a new period
    until = {table.item(r, 0).text(): table.item(r, 3).text() for r in range(table.rowCount())}
    assert until == {"Anna-Lena Müller": "nicht verlängert",
                     "Bernd Müller": f"{renewed:%m/%Y}"}
    QApplication.processEvents()
    window.grab().save("/tmp/kpass-renewed-one.png")

    # her pass is still due: asked again, only hers is offered now
    asked.answer = [couple.anna_pass]
    page.panel.renew_button.click()
    choices = asked.calls[-1][1]
    assert [(c.number, c.due) for c in choices] == [
        (couple.anna_pass, True), (couple.bernd_pass, False)]
    assert "noch nicht fällig" in choices[1].why_not
    assert valid_until(database, couple.anna_pass) == renewed


def test_renewal_with_nothing_due_says_why_without_asking(
    qtbot: QtBot, window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    couple = Couple(database, TODAY)
    page = open_by_search(qtbot, window, "mueller bernd")
    asked = Asked(None)
    monkeypatch.setattr(dialogs, "ask_renewal", asked)
    page.panel.renew_button.click()
    assert asked.calls == []
    message = page.panel.message.text()
    assert "fällig" in message and couple.bernd_pass in message
    assert page.panel.message_bar.kind == "error"


# -- the renewal question itself --------------------------------------------------------------
def choice(number: str, name: str, due: bool, current: bool = False) -> RenewalChoice:
    return RenewalChoice(number, f"{name}, geb. 01.01.1980",
                         f"Karlsruher Pass {number}, gültig bis 31.12.2026", due,
                         "" if due else "noch nicht fällig (verlängerbar ab 01.12.2027)",
                         current)


def test_renewal_dialog_by_keyboard(qtbot: QtBot) -> None:
    dialog = dialogs.RenewalDialog(None, [
        choice("KA-1", "Anna-Lena Müller", True, current=True),
        choice("KA-2", "Bernd Müller", True),
        choice("KA-3", "Max Müller", False),
    ])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    boxes = dialog.boxes
    assert [b.isChecked() for b in boxes] == [True, True, False]
    assert [b.isEnabled() for b in boxes] == [True, True, False]
    assert "noch nicht fällig" in boxes[2].text() and "Max Müller" in boxes[2].text()
    assert all(isinstance(b, QCheckBox) and b.accessibleName() for b in boxes)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is boxes[0])
    dialog.grab().save("/tmp/kpass-renewal-question.png")
    press(Qt.Key.Key_Space)  # not Anna-Lena
    assert not boxes[0].isChecked()
    tab()
    assert focused() is boxes[1]
    press(Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_value() == ["KA-2"]


def test_renewal_dialog_needs_one_pass(qtbot: QtBot) -> None:
    dialog = dialogs.RenewalDialog(None, [choice("KA-1", "Anna-Lena Müller", True)])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.boxes[0].setChecked(False)
    dialog.ok_button.click()
    assert dialog.isVisible() and "mindestens einen Pass" in dialog.error.text()
    dialog.reject()


def test_renewal_saves_what_is_on_the_screen_first(
    qtbot: QtBot, window: MainWindow, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An income entered but not saved yet counts for the renewal, as for a decision: here
    it lifts the household over the limit, so no pass is renewed, and the income is stored."""
    couple = Couple(database, first_of_month(12))
    page = open_by_search(qtbot, window, "mueller anna")
    before = valid_until(database, couple.bernd_pass)
    incomes = page.incomes
    incomes.kind.setCurrentIndex(incomes.kind.findData("wages"))
    incomes.amount.setText("6.000,00")
    assert incomes.add_income()
    assert page.is_dirty()
    asked = Asked([couple.anna_pass, couple.bernd_pass])
    monkeypatch.setattr(dialogs, "ask_renewal", asked)
    page.panel.renew_button.click()
    assert len(asked.calls) == 1
    assert not page.is_dirty()
    assert valid_until(database, couple.bernd_pass) == before  # not eligible: not renewed
    assert "Verlängerung" in page.panel.heading.text()
    assert page.last_decision_eligible is False
