"""The objections page as the counter and the supervisor use it: what is due first and
marked in words, the steps on the selected objection, its letter in the preview, the
household opened, the evaluation; and recording an objection from the household's history."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.objections import objection_details
from kpass.ui.household.history_source import load_history
from kpass.ui.household.history_tab import HistoryTab
from kpass.ui.objections import LodgeObjectionDialog, ObjectionsPage, dialogs
from kpass.ui.objections.dialogs import StepAnswer
from kpass.ui.printing.preview_dialog import PreviewDialog
from tests.logins import log_in_admin, log_in_as
from tests.services.objections.conftest import correct_income
from tests.services.objections.with_objections import TODAY, Objections, objections, refusal
from tests.ui.keyboard import press
from tests.ui.mnemonics import clashes, window_mnemonics

pytestmark = pytest.mark.gui


@pytest.fixture
def made(database: Database) -> Objections:
    return objections(database)


@pytest.fixture
def page(qtbot: QtBot, database: Database, made: Objections) -> ObjectionsPage:
    widget = ObjectionsPage(database, TODAY)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def cell(page: ObjectionsPage, row: int, column: int) -> str:
    item = page.table.item(row, column)
    return item.text() if item is not None else ""


def test_open_ones_first_by_due_day_with_due_follow_ups_in_words(
    page: ObjectionsPage, made: Objections
) -> None:
    assert page.table.rowCount() == 3
    assert [cell(page, r, 0) for r in range(3)] == [
        f"KP-{made.households[i].household}-W{i}"
        for i in (made.open_three_months, made.overdue_follow_up, made.due_today)]
    assert cell(page, 0, 3) == "nein" and "über 3 Monate offen" in cell(page, 0, 6)
    assert cell(page, 1, 7) == "⚠ 02.12.2026 überfällig"
    assert cell(page, 2, 7) == "⚠ 04.12.2026 heute fällig"
    household = made.households[made.overdue_follow_up].household
    assert cell(page, 1, 5) == f"Weiß-Özdemir, Jürgen (Haushalt {household})"
    assert "3 offene Widersprüche" in page.count.text() and "3 fällig" in page.count.text()
    page.show_all.setChecked(True)
    assert page.table.rowCount() == 5
    assert cell(page, 3, 6) == "abgeholfen am 15.10.2026"
    assert cell(page, 4, 6) == "zurückgewiesen am 01.10.2026"


def test_the_buttons_follow_the_state_and_have_their_own_keys(page: ObjectionsPage) -> None:
    page.table.selectRow(0)  # in review
    assert not page.review_button.isEnabled() and page.reject_button.isEnabled()
    page.table.selectRow(2)  # received
    assert page.review_button.isEnabled() and not page.remedy_button.isEnabled()
    assert not page.print_button.isEnabled()
    assert clashes(window_mnemonics(page)) == {}
    for button in (page.review_button, page.remedy_button, page.print_button):
        assert button.accessibleName() in button.text().replace("&", "")


def test_review_then_reject_and_print_the_widerspruchsbescheid(
    qtbot: QtBot, page: ObjectionsPage, made: Objections, database: Database,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    page.table.selectRow(2)
    page.table.setFocus()
    qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)
    assert objection_details(database, made.due_today).state == "in_review"
    assert page.selected() is not None and page.selected().objection.id == made.due_today
    asked: list[str] = []

    def answer(_parent: object, question: dialogs.StepQuestion) -> StepAnswer:
        asked.append(question.title)
        return StepAnswer(TODAY, "Das Einkommen ist richtig erfasst.")

    monkeypatch.setattr(dialogs, "ask_step", answer)
    assert page.reject()
    assert asked == ["Widerspruch zurückweisen"]
    view = objection_details(database, made.due_today)
    assert view.state == "rejected" and view.outcome_reason.startswith("Das Einkommen")
    assert "zurückgewiesen" in page.message.text()
    page.show_all.setChecked(True)
    assert page.select_objection(made.due_today)
    preview = page.print_letter()
    assert isinstance(preview, PreviewDialog) and "Widerspruchsbescheid" in preview.title
    assert preview.pdf.is_file()
    preview.close()


def test_remedy_after_the_correction_and_a_follow_up_with_a_note(
    page: ObjectionsPage, made: Objections, database: Database,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    refused = made.households[made.overdue_follow_up]
    monkeypatch.setattr(dialogs, "ask_step", lambda _p, _q: StepAnswer(TODAY, ""))
    page.select_objection(made.overdue_follow_up)
    assert not page.remedy()  # nothing recorded differently yet: refused, said why
    assert "nichts abzuhelfen" in page.message.text()
    correct_income(database, refused.person, "900.00")
    assert page.remedy()
    assert objection_details(database, made.overdue_follow_up).state == "remedied"
    assert "neue Entscheidung" in page.message.text() and "Pässe:" in page.message.text()
    monkeypatch.setattr(dialogs, "ask_step",
                        lambda _p, _q: StepAnswer(date(2026, 12, 18), "Akte anfordern"))
    page.select_objection(made.due_today)
    assert page.follow_up()
    assert cell(page, page.table.currentRow(), 7) == "18.12.2026"
    assert "Akte anfordern" in page.details.text()


def test_a_caseworker_sees_no_supervisor_steps_and_only_suppressed_counts(
    qtbot: QtBot, database: Database, made: Objections
) -> None:
    log_in_as(database, "caseworker")
    page = ObjectionsPage(database, TODAY)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert not page.remedy_button.isVisible() and not page.reject_button.isVisible()
    assert page.summary.cell_text("open", 0) == "·"  # two in time: hidden
    log_in_admin(database)
    page.refresh()
    assert page.summary.cell_text("open", 0) == "2" and page.summary.cell_text(None, 2) == "5"


def test_enter_opens_the_household(qtbot: QtBot, page: ObjectionsPage,
                                   made: Objections) -> None:
    page.table.setFocus()
    page.table.selectRow(1)
    with qtbot.waitSignal(page.household_opened) as opened:
        press(Qt.Key.Key_Return)
    assert opened.args == [made.households[made.overdue_follow_up].household]


def test_lodging_shows_the_deadline_and_the_verdict(qtbot: QtBot, database: Database) -> None:
    refused = refusal(database, "Schmidt", "Maria", date(2026, 11, 16))
    dialog = LodgeObjectionDialog(None, database, refused.decision, 1,
                                  [(refused.person, "Maria Schmidt")], TODAY)
    qtbot.addWidget(dialog)
    assert dialog.received.text() == "04.12.2026"  # today
    dialog.received.setText("22.12.2026")
    assert dialog.lodge() is None and "Zukunft" in dialog.error.text()
    dialog.received.setText("22.12.2025")
    assert dialog.lodge() is None and "vor der Entscheidung" in dialog.error.text()
    dialog.received.setText("04.12.2026")
    lodged = dialog.lodge()
    assert lodged is not None and lodged.lodged_by_person_id == refused.person
    text = dialog.verdict.text()
    assert "Frist bis 21.12.2026" in text and "fristgerecht" in text  # 19.12. is a Saturday
    assert dialog.cancel_button.text() == "&Schließen" and not dialog.ok_button.isVisible()


def test_the_history_tab_lodges_on_the_decision_chosen(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    refused = refusal(database, "Schmidt", "Maria", date(2026, 11, 16))
    tab = HistoryTab()
    qtbot.addWidget(tab)
    history = load_history(database, refused.household, [refused.person], [], TODAY)
    tab.show_history(history, {f"p{refused.person}": "Maria Schmidt"}, TODAY,
                     {refused.person: "Maria Schmidt"})
    tab.show()
    assert tab.lodge_button.isEnabled() and tab.chosen_decision() is not None
    seen: list[tuple[int, list[tuple[int, str]]]] = []

    def lodge(parent: object, db: Database, decision_id: int, application_id: int,
              persons: list[tuple[int, str]], today: date) -> object:
        seen.append((decision_id, persons))
        dialog = LodgeObjectionDialog(None, db, decision_id, application_id, persons, today)
        dialog.received.setText("30.12.2026")  # after the deadline of 21.12.
        return dialog.lodge()

    monkeypatch.setattr("kpass.ui.household.history_tab.lodge_with_dialog", lodge)
    tab.today = date(2027, 1, 4)
    lodged = tab.lodge_objection()
    assert lodged is not None and not lodged.in_time
    assert seen == [(refused.decision, [(refused.person, "Maria Schmidt")])]
    top = tab.decisions.topLevelItem(0)
    lines = [top.child(i).text(0) for i in range(top.childCount())]
    assert any(line.startswith(f"Widerspruch W{lodged.id}, eingegangen 30.12.2026")
               and "verspätet" in line for line in lines)
    assert "verspätet" in tab.lodge_message.text()
