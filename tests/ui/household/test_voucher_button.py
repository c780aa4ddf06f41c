""""60plus-Gutscheine ausgeben …" on the household page: the service decides; a refusal is
shown under the table with the day of the first hand-out; the confirmation names person,
year and amount and defaults to "Abbrechen"; after confirming, the receipt opens in the
preview (from the outbox)."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from kpass.models import VoucherIssue
from kpass.models.engine import Database
from kpass.rules import default_parameters, pass_parameters
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes
from kpass.services.uow import UnitOfWork
from kpass.ui.household.page import HouseholdPage
from kpass.ui.printing.preview_dialog import PreviewDialog
from kpass.vocabulary import format_euro
from tests.documents.pdf_tools import pdf_text
from tests.register_builder import add_household, add_income, household_of
from tests.ui.keyboard import press
from tests.ui.mnemonics import mnemonic_key

pytestmark = pytest.mark.gui
TODAY = date.today()
AMOUNT = format_euro(pass_parameters(default_parameters(), TODAY).senior_extra_amount)


def _household(database: Database) -> tuple[int, int, int]:
    """(household, the 60+ applicant, her 40-year-old partner), both with valid passes."""
    senior, partner = add_household(
        database, [("Weiß-Özdemir", "Jürgen", date(1950, 5, 5), "applicant"),
                   ("Weiß-Özdemir", "Ayla", date(TODAY.year - 40, 2, 1), "partner")],
        since=date(2019, 1, 1))
    add_income(database, senior, "pension", "1000.00", since=date(2019, 1, 1))
    household = household_of(database, senior)
    application = apply(database, household, TODAY)
    issue_passes(database, decide(database, application.application_id).decision_id)
    return household, senior, partner


def _issues(database: Database) -> int:
    with UnitOfWork(database, write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(VoucherIssue)) or 0)


@pytest.fixture
def family(database: Database) -> tuple[int, int, int]:
    return _household(database)


@pytest.fixture
def page(qtbot: QtBot, database: Database, family: tuple[int, int, int]) -> HouseholdPage:
    household, senior, _partner = family
    shown = HouseholdPage(database, TODAY)
    qtbot.addWidget(shown)
    shown.resize(1280, 900)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    shown.open(household, senior)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is shown.members.table)
    return shown


def _answer_later(action: Callable[[QMessageBox], None], seen: list[QMessageBox]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box)
        action(box)

    QTimer.singleShot(200, answer)


def _click(name: str) -> Callable[[QMessageBox], None]:
    def click(box: QMessageBox) -> None:
        button = box.findChild(QPushButton, name)
        assert button is not None
        button.click()

    return click


def test_the_button_names_what_it_does_and_is_reached_by_tab_and_alt_6(
    page: HouseholdPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    button = page.members.vouchers_button
    assert button.isVisible() and button.isEnabled()
    label = button.text().replace("&", "")
    assert label == "60plus-Gutscheine ausgeben …"
    assert label in button.accessibleName()
    assert mnemonic_key(button.text()) == "Alt+6"
    page.members.photo_button.setFocus()
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.members.end_button
    button.setFocus()
    asked: list[int] = []
    monkeypatch.setattr(page, "ask_vouchers", asked.append)
    page.members.vouchers_requested.disconnect()
    page.members.vouchers_requested.connect(page.ask_vouchers)
    with qtbot.waitSignal(button.clicked, timeout=2000):
        press(Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    assert asked == [page.members.selected_key()]


def test_enter_cancels_and_nothing_is_handed_out(
    page: HouseholdPage, database: Database, family: tuple[int, int, int], qtbot: QtBot
) -> None:
    _household_id, senior, _partner = family
    seen: list[QMessageBox] = []
    _answer_later(lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)
    assert page.ask_vouchers(senior) is None, "Enter takes the default: Abbrechen"
    [box] = seen
    assert box.text() == (f"Jürgen Weiß-Özdemir erhält die 60plus-Gutscheine {TODAY.year} "
                          f"über {AMOUNT}?")
    assert box.defaultButton() is box.findChild(QPushButton, "cancelVouchers")
    assert _issues(database) == 0 and page.preview_windows == []


def test_confirmed_it_hands_out_and_opens_the_receipt(
    page: HouseholdPage, database: Database, family: tuple[int, int, int]
) -> None:
    _household_id, senior, _partner = family
    assert page.members.selected_key() == senior  # the button acts on the selected row
    seen: list[QMessageBox] = []
    _answer_later(_click("confirmVouchers"), seen)
    page.members.vouchers_button.click()
    assert _issues(database) == 1
    [dialog] = page.preview_windows
    assert isinstance(dialog, PreviewDialog) and dialog.isVisible()
    assert "Jürgen Weiß-Özdemir" in dialog.windowTitle()
    assert dialog.pdf.parent.name == "ausgabe"  # the outbox, like every print
    assert stat.S_IMODE(dialog.pdf.stat().st_mode) == 0o600
    text = " ".join(pdf_text(dialog.pdf).split())
    assert f"Empfangsbestätigung 60plus-Gutscheine {TODAY.year}" in text
    assert f"Betrag {AMOUNT}" in text and "Geburtsdatum 05.05.1950" in text
    assert page.banner.kind == "success" and AMOUNT in page.banner.label.text()
    dialog.close()

    # the second time this year: the service refuses, naming the day; no question
    seen.clear()
    page.members.vouchers_button.click()
    assert seen == [] and _issues(database) == 1
    message = page.members.error.text()
    assert f"bereits am {TODAY:%d.%m.%Y} ausgegeben" in message
    assert len(page.preview_windows) == 1


def test_a_person_without_the_entitlement_is_told_why(
    page: HouseholdPage, database: Database, family: tuple[int, int, int]
) -> None:
    _household_id, _senior, partner = family
    page.members.select_person(partner)
    seen: list[QMessageBox] = []
    page.members.vouchers_button.click()
    assert seen == [] and _issues(database) == 0
    assert "Ayla Weiß-Özdemir keinen Anspruch auf 60plus-Gutscheine" in page.members.error.text()


def test_not_offered_before_the_person_is_saved(qtbot: QtBot, database: Database) -> None:
    from kpass.services.household.validation import PersonInput

    page = HouseholdPage(database, TODAY)
    qtbot.addWidget(page)
    page.show()
    page.start_new()
    page.editor.add_member(PersonInput("Neu", "Nora", date(1950, 1, 1)), "applicant")
    page.members.table.selectRow(0)
    assert page.members.vouchers_button.isVisible()
    assert not page.members.vouchers_button.isEnabled()
