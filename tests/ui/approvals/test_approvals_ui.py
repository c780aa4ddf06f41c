"""The four-eyes rule on screen: the supervisors' queue (oldest first, with the reason, Enter
opens the household, confirm and return) and the household's decision panel (the state in
words, the letter, pass and card buttons held back; the supervisor's reason when returned)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.applications import apply, decide
from kpass.services.approvals import approval_queue, decision_approval, set_approval_settings
from kpass.ui.approvals.page import ApprovalsPage
from kpass.ui.common import dialogs
from kpass.ui.household.page import HouseholdPage
from tests.logins import log_in_admin, log_in_as
from tests.register_builder import add_household, add_income, household_of
from tests.ui.keyboard import press

pytestmark = pytest.mark.gui
TODAY = date.today()
SINCE = date(TODAY.year - 2, 1, 1)


def as_role(database: Database, role: str) -> None:
    log_in_admin(database)
    if role != "admin":
        log_in_as(database, role)


def single(database: Database, family: str, given: str, wages: str) -> int:
    [person] = add_household(database, [(family, given, date(1980, 4, 2), "applicant")],
                             since=SINCE)
    add_income(database, person, "wages", wages, since=SINCE)
    return household_of(database, person)


def decided(database: Database, household: int) -> int:
    application = apply(database, household, TODAY, today=TODAY)
    return decide(database, application.application_id).decision_id


@pytest.fixture
def waiting(database: Database) -> tuple[int, int]:
    """Two decisions of a caseworker waiting: a refusal (first) and one 37,50 € under the
    income limit."""
    set_approval_settings(database, enabled=True, margin_eur="50")
    refused = single(database, "Özdemir", "Ayşe", "2000.00")
    close = single(database, "Weiß", "Jürgen", "1262.50")
    as_role(database, "caseworker")
    decided(database, refused)
    decided(database, close)
    return refused, close


@pytest.fixture
def queue_page(qtbot: QtBot, database: Database, waiting: tuple[int, int]) -> ApprovalsPage:
    as_role(database, "supervisor")
    page = ApprovalsPage(database)
    qtbot.addWidget(page)
    page.resize(1100, 500)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.refresh()
    page.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    return page


def cells(page: ApprovalsPage, row: int) -> list[str]:
    return [page.table.item(row, column).text() for column in range(page.table.columnCount())]


def test_the_queue_oldest_first_with_the_reason(
    queue_page: ApprovalsPage, waiting: tuple[int, int]
) -> None:
    refused, close = waiting
    first, second = cells(queue_page, 0), cells(queue_page, 1)
    assert first[2:] == [str(refused), "Ayşe Özdemir", "caseworker-test", "Ablehnung"]
    assert second[2:] == [str(close), "Jürgen Weiß", "caseworker-test",
                          "nahe an der Einkommensgrenze (37,50 € unter)"]
    assert queue_page.count.text() == "2 Entscheidungen warten"
    assert queue_page.confirm_button.isEnabled() and queue_page.return_button.isEnabled()
    assert "Freigeben" in queue_page.confirm_button.accessibleName()


def test_enter_opens_the_household(qtbot: QtBot, queue_page: ApprovalsPage,
                                   waiting: tuple[int, int]) -> None:
    queue_page.table.selectRow(1)
    with qtbot.waitSignal(queue_page.household_opened) as opened:
        press(Qt.Key.Key_Return)
    assert opened.args == [waiting[1]]


def test_confirm_and_return_from_the_keyboard(
    qtbot: QtBot, database: Database, queue_page: ApprovalsPage,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = queue_page.rows[0]
    press(Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # the mnemonic clicks a moment later
    qtbot.waitUntil(lambda: "freigegeben" in queue_page.message_bar.text())
    assert decision_approval(database, first.decision_id).state == "confirmed"  # type: ignore
    assert [v.id for v in queue_page.rows] != [first.id] and len(queue_page.rows) == 1
    assert QApplication.focusWidget() is queue_page.table

    asked: list[str] = []

    def answer(_parent: object, title: str, prompt: str) -> str:
        asked.append(prompt)
        return "Lohnabrechnungen der letzten drei Monate fehlen"

    monkeypatch.setattr(dialogs, "ask_why", answer)
    second = queue_page.rows[0]
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(asked))
    assert "Jürgen Weiß" in asked[0] and "caseworker-test" in asked[0]
    returned = decision_approval(database, second.decision_id)
    assert returned is not None and returned.state == "returned"
    assert returned.return_reason == "Lohnabrechnungen der letzten drei Monate fehlen"
    assert queue_page.rows == [] and queue_page.count.text() == "nichts wartet"
    assert not queue_page.confirm_button.isEnabled()


def test_cancelling_the_question_returns_nothing(
    queue_page: ApprovalsPage, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_why", lambda *_args: None)
    assert queue_page.ask_return() is False
    assert len(approval_queue(database)) == 2


def test_own_decisions_are_listed_but_not_confirmable(
    qtbot: QtBot, database: Database, waiting: tuple[int, int]
) -> None:
    as_role(database, "supervisor")
    mine = single(database, "Schulz", "Emil", "2500.00")
    decided(database, mine)
    page = ApprovalsPage(database)
    qtbot.addWidget(page)
    page.refresh()
    page.table.selectRow(2)
    assert cells(page, 2)[4] == "supervisor-test (eigene)"
    assert not page.confirm_button.isEnabled() and not page.return_button.isEnabled()
    assert "eigene Entscheidung" in page.details.text()


def test_somebody_else_was_first(qtbot: QtBot, database: Database,
                                 queue_page: ApprovalsPage) -> None:
    from kpass.services.approvals import confirm_approval

    shown = queue_page.rows[0]
    as_role(database, "admin")  # a second supervisor, at another seat
    confirm_approval(database, shown.id)
    log_in_as(database, "supervisor")
    assert queue_page.confirm() is False
    assert "bereits" in queue_page.message_bar.text()
    assert queue_page.message_bar.kind == "error"
    assert len(queue_page.rows) == 1  # the queue as it is now


# -- the household's decision panel ----------------------------------------------------------
def household_page(qtbot: QtBot, database: Database, household: int) -> HouseholdPage:
    page = HouseholdPage(database, TODAY)
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    qtbot.waitExposed(page)
    page.open(household)
    return page


def test_the_panel_says_it_waits_and_holds_the_buttons(
    qtbot: QtBot, database: Database, waiting: tuple[int, int]
) -> None:
    as_role(database, "caseworker")
    page = household_page(qtbot, database, waiting[1])
    panel = page.panel
    assert panel.approval_bar.isVisible()
    assert "Wartet auf Freigabe durch die Leitung" in panel.approval_status.text()
    assert "37,50 € unter" in panel.approval_status.text()
    assert panel.approval_bar.icon.text().startswith("⚠")  # a symbol and a word, not colour
    for button in (panel.issue_button, panel.letter_button, panel.card_button,
                   panel.sheet_button):
        assert not button.isEnabled(), button.objectName()

    # confirmed meanwhile: opened again, the passes can be issued and the letter printed
    as_role(database, "supervisor")
    from kpass.services.approvals import confirm_approval

    confirm_approval(database, approval_queue(database)[1].id)
    as_role(database, "caseworker")
    page.open(waiting[1])
    assert "freigegeben" in panel.approval_status.text()
    assert panel.issue_button.isEnabled() and panel.letter_button.isEnabled()
    page.issue()
    assert "Ausgestellt" in panel.message.text()
    assert not panel.issue_button.isEnabled()
    assert panel.card_button.isEnabled()


def test_the_panel_shows_the_supervisors_reason(
    qtbot: QtBot, database: Database, waiting: tuple[int, int]
) -> None:
    from kpass.services.approvals import return_approval

    as_role(database, "supervisor")
    return_approval(database, approval_queue(database)[0].id, "Mietvertrag fehlt")
    as_role(database, "caseworker")
    page = household_page(qtbot, database, waiting[0])
    text = page.panel.approval_status.text()
    assert "zurückgegeben" in text and "„Mietvertrag fehlt“" in text
    assert "supervisor-test" in text
    assert not page.panel.letter_button.isEnabled()


def test_deciding_at_the_counter_says_it_waits(
    qtbot: QtBot, database: Database, waiting: tuple[int, int]
) -> None:
    as_role(database, "caseworker")
    fresh = single(database, "Lang", "Lena", "1280.00")
    page = household_page(qtbot, database, fresh)
    page.decide_today()
    panel = page.panel
    assert "wartet auf Freigabe durch die Leitung" in panel.message.text()
    assert panel.message_bar.kind == "warning"
    assert "Wartet auf Freigabe" in panel.approval_status.text()
    assert not panel.issue_button.isEnabled() and not panel.letter_button.isEnabled()
    waiting_now = decision_approval(database, page.last_decision_id or 0)
    assert waiting_now is not None and waiting_now.income_minus_limit == Decimal("-20.00")


def test_without_the_rule_the_panel_shows_nothing_of_it(qtbot: QtBot,
                                                        database: Database) -> None:
    household = single(database, "Lang", "Lena", "2000.00")
    decided(database, household)
    page = household_page(qtbot, database, household)
    assert not page.panel.approval_bar.isVisible()
    assert page.panel.letter_button.isEnabled()
