"""Amounts typed into the real fields: "1,900" is refused with both readings and nothing is
stored; "1.900,50" is stored as 1.900,50 €; an income entered twice (same person, kind,
amount, period and start, not ended) is only added when the caseworker confirms it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.household.validation import PersonInput
from kpass.ui.dashboard import WhatIfPanel
from kpass.ui.household.page import HouseholdPage
from kpass.ui.household.sections.incomes import IncomeSection
from kpass.ui.main_window import MainWindow
from kpass.ui.translation import install_translators, remove_translators
from tests.register_builder import add_household, household_of
from tests.ui.keyboard import focused, press, save, type_text
from tests.ui.mnemonics import clashes, describe, mnemonic_key, window_mnemonics

pytestmark = pytest.mark.gui
TODAY = date.today()
FIRST = TODAY.replace(day=1)


@pytest.fixture
def window(qtbot: QtBot, database: Database) -> MainWindow:
    win = MainWindow(database, TODAY)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def new_household(window: MainWindow) -> HouseholdPage:
    """Ctrl+N, an address and the applicant, not saved yet."""
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    page = window.household_page
    page.address.street.setText("Kaiserstraße")
    page.address.number.setText("3")
    page.address.postcode.setText("76133")
    page.address.stadtteil.set_code("01")
    page.editor.add_member(PersonInput("Neu", "Nora", date(1985, 2, 1)), "applicant")
    return page


def type_amount(qtbot: QtBot, incomes: IncomeSection, text: str) -> None:
    """Into the amount field, key by key, as at the counter; then Enter."""
    incomes.amount.setFocus()
    incomes.amount.selectAll()
    qtbot.keyClicks(incomes.amount, text)  # ASCII only: keyClicks aborts on "€"
    press(Qt.Key.Key_Return)


def amount_label_text(incomes: IncomeSection) -> str:
    label = incomes.errors.label_for("amount")
    assert label is not None
    return label.text() if label.isVisible() else ""


# -- strict amounts ------------------------------------------------------------------------------
def test_an_ambiguous_amount_is_refused_with_both_readings(
    qtbot: QtBot, window: MainWindow
) -> None:
    incomes = new_household(window).incomes
    type_amount(qtbot, incomes, "1,900")
    assert amount_label_text(incomes) == (
        "„1,900“ ist mehrdeutig: Meinten Sie 1.900,00 € oder 1,90 €? Bitte ohne "
        "Tausenderpunkt (1900) oder mit zwei Nachkommastellen (1,90) eingeben.")
    assert window.household_page.editor.draft.incomes == []
    assert incomes.table.rowCount() == 0
    assert focused() is incomes.amount and incomes.amount.text() == "1,900"
    assert incomes.pending_income() is None  # the preview does not count it either
    # written without the thousands comma, it is taken
    type_amount(qtbot, incomes, "1900")
    assert amount_label_text(incomes) == ""
    assert [i.amount for i in window.household_page.editor.draft.incomes] == [Decimal("1900")]


def test_an_amount_with_thousands_dot_and_cents_is_stored_as_written(
    qtbot: QtBot, window: MainWindow, database: Database
) -> None:
    ids = add_household(database, [("Punkt", "Paula", date(1980, 1, 1), "applicant")],
                        since=date(TODAY.year - 1, 1, 1))
    window.open_household(household_of(database, ids[0]))
    page = window.household_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.members.table)
    type_amount(qtbot, page.incomes, "1.900,50")
    assert amount_label_text(page.incomes) == ""
    save()
    # a stored household: the income went to the database and was read back from there
    page.editor.reload()
    stored = page.editor.draft.incomes
    assert [(i.amount, i.key > 0) for i in stored] == [(Decimal("1900.50"), True)]
    assert page.incomes.table.item(0, 2).text() == "1.900,50 €"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("19,5.0", "„19,5.0“ ist kein Eurobetrag"),
        ("1.9000", "„1.9000“ ist kein Eurobetrag"),
        ("1..900", "„1..900“ ist kein Eurobetrag"),
        ("1,905", "„1,905“ ist mehrdeutig: Meinten Sie 1.905,00 €?"),
        ("-5", "„-5“ ist negativ"),
        ("1.234,567", "Nach dem Komma stehen höchstens zwei Stellen"),
    ],
)
def test_malformed_amounts_are_refused_and_nothing_is_added(
    qtbot: QtBot, window: MainWindow, text: str, message: str
) -> None:
    incomes = new_household(window).incomes
    type_amount(qtbot, incomes, text)
    assert message in amount_label_text(incomes)
    assert window.household_page.editor.draft.incomes == []
    assert focused() is incomes.amount


@pytest.mark.parametrize(("text", "amount"), [("1.900", "1900"), ("1900.50", "1900.50"),
                                              ("1900,5", "1900.50"), ("1.90", "1.90")])
def test_german_amounts_are_added(
    qtbot: QtBot, window: MainWindow, text: str, amount: str
) -> None:
    incomes = new_household(window).incomes
    type_amount(qtbot, incomes, text)
    assert [i.amount for i in window.household_page.editor.draft.incomes] == [Decimal(amount)]


def test_an_amount_with_the_euro_sign_is_added(qtbot: QtBot, window: MainWindow) -> None:
    incomes = new_household(window).incomes
    incomes.amount.setFocus()
    type_text("1.234,56 €")  # "€" cannot be sent by qtbot.keyClicks
    press(Qt.Key.Key_Return)
    assert [i.amount for i in window.household_page.editor.draft.incomes] == [
        Decimal("1234.56")]


# -- the same income twice -----------------------------------------------------------------------
def enter_minijob(qtbot: QtBot, incomes: IncomeSection, amount: str = "520") -> None:
    incomes.kind.setCurrentIndex(incomes.kind.findData("minijob"))
    incomes.valid_from.setText(FIRST.strftime("%d.%m.%Y"))
    type_amount(qtbot, incomes, amount)


def test_the_same_income_twice_warns_and_enter_again_adds_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = new_household(window)
    incomes = page.incomes
    enter_minijob(qtbot, incomes)
    assert len(page.editor.draft.incomes) == 1
    assert not incomes.confirm_button.isVisible()

    enter_minijob(qtbot, incomes)
    label = incomes.errors.label_for("amount")
    assert label is not None and label.isVisible() and label.is_warning
    assert label.text() == (
        f"Dieses Einkommen ist schon eingetragen: Nora Neu, Minijob, 520,00 € monatlich ab "
        f"{FIRST:%d.%m.%Y}. Noch einmal eintragen? Dann Enter drücken oder „Trotzdem "
        "eintragen“ wählen.")
    assert label.accessibleName() == "Warnhinweis"
    assert len(page.editor.draft.incomes) == 1  # not yet
    assert incomes.confirm_button.isVisible()
    assert focused() is incomes.amount and incomes.amount.text() == "520"

    press(Qt.Key.Key_Return)  # confirmed
    assert len(page.editor.draft.incomes) == 2
    assert not label.isVisible() and not incomes.confirm_button.isVisible()
    assert incomes.amount.text() == ""

    # a third time warns again; an error afterwards looks like an error again
    enter_minijob(qtbot, incomes)
    assert label.is_warning and len(page.editor.draft.incomes) == 2
    incomes.amount.setFocus()
    type_amount(qtbot, incomes, "1,900")
    assert not label.is_warning and label.accessibleName() == "Fehlerhinweis"
    assert "mehrdeutig" in label.text() and not incomes.confirm_button.isVisible()


def test_the_button_confirms_by_its_mnemonic(qtbot: QtBot, window: MainWindow) -> None:
    page = new_household(window)
    incomes = page.incomes
    enter_minijob(qtbot, incomes)
    enter_minijob(qtbot, incomes)
    assert incomes.confirm_button.isVisible()
    key = mnemonic_key(incomes.confirm_button.text())
    assert key is not None and key.startswith("Alt+")
    QApplication.processEvents()
    with qtbot.waitSignal(incomes.confirm_button.clicked, timeout=2000):  # clicks animated
        press(Qt.Key(ord(key[-1])), Qt.KeyboardModifier.AltModifier)
    assert len(page.editor.draft.incomes) == 2
    assert not incomes.confirm_button.isVisible()


def test_a_change_withdraws_the_warning(qtbot: QtBot, window: MainWindow) -> None:
    page = new_household(window)
    incomes = page.incomes
    enter_minijob(qtbot, incomes)
    enter_minijob(qtbot, incomes)
    assert incomes.confirm_button.isVisible()
    incomes.amount.selectAll()
    qtbot.keyClicks(incomes.amount, "530")
    assert not incomes.confirm_button.isVisible()
    assert amount_label_text(incomes) == ""
    press(Qt.Key.Key_Return)  # another amount: no warning, added at once
    assert [i.amount for i in page.editor.draft.incomes] == [Decimal("520"), Decimal("530")]


@pytest.mark.parametrize(
    "differs",
    ["amount", "kind", "period", "start", "person", "ended"],
)
def test_a_different_or_ended_income_is_added_without_a_warning(
    qtbot: QtBot, window: MainWindow, differs: str
) -> None:
    page = new_household(window)
    editor = page.editor
    nora = editor.draft.members[0].key
    if differs == "person":
        editor.add_member(PersonInput("Neu", "Nils", date(2015, 3, 3)), "child")
    enter_minijob(qtbot, page.incomes)
    if differs == "ended":
        editor.draft.incomes[0].valid_until = TODAY - timedelta(days=1)
        editor.draft.incomes[0].valid_from = FIRST  # still the same start
    incomes = page.incomes
    incomes.kind.setCurrentIndex(incomes.kind.findData(
        "wages" if differs == "kind" else "minijob"))
    incomes.period.setCurrentIndex(incomes.period.findData(
        "year" if differs == "period" else "month"))
    start = FIRST - timedelta(days=1) if differs == "start" else FIRST
    incomes.valid_from.setText(start.strftime("%d.%m.%Y"))
    if differs == "person":
        incomes.person.setCurrentIndex(incomes.person.findData(
            next(m.key for m in editor.draft.members if m.key != nora)))
    type_amount(qtbot, incomes, "521" if differs == "amount" else "520")
    assert amount_label_text(incomes) == ""
    assert len(editor.draft.incomes) == 2


def test_saving_with_a_duplicate_typed_stops_at_the_warning(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Ctrl+S with the same income typed again: the warning, nothing saved; Ctrl+S again
    confirms it."""
    page = new_household(window)
    incomes = page.incomes
    enter_minijob(qtbot, incomes)
    incomes.kind.setCurrentIndex(incomes.kind.findData("minijob"))
    incomes.amount.setText("520")
    assert not page.save_everything()
    assert incomes.confirm_button.isVisible() and page.editor.draft.is_new
    assert page.save_everything()
    assert not page.editor.draft.is_new
    assert [i.amount for i in page.editor.draft.incomes] == [Decimal("520")] * 2


@pytest.fixture(params=["de", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    installed = install_translators(qapp, request.param)
    yield str(request.param)
    remove_translators(installed)


def test_the_confirm_button_has_a_key_of_its_own(
    qtbot: QtBot, database: Database, language: str
) -> None:
    ids = add_household(database, [("Lang", "Lena", date(1980, 1, 1), "applicant")],
                        since=date(TODAY.year - 1, 1, 1))
    win = MainWindow(database, TODAY)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)

    def warned_twice(page: HouseholdPage) -> None:
        enter_minijob(qtbot, page.incomes)
        enter_minijob(qtbot, page.incomes)
        assert page.incomes.confirm_button.isVisible()
        QApplication.processEvents()
        found = window_mnemonics(win)
        assert not clashes(found), describe(clashes(found))
        assert page.incomes.confirm_button.text() in {m.text for m in found}

    warned_twice(new_household(win))
    # a stored household after deciding: every button of the decision panel is active
    win.open_household(household_of(database, ids[0]))
    page = win.household_page
    page.decide_today()
    qtbot.waitUntil(page.panel.issue_button.isEnabled)
    warned_twice(page)


# -- the what-if panel ---------------------------------------------------------------------------
def test_the_what_if_limit_is_read_as_strictly(qtbot: QtBot, database: Database) -> None:
    panel = WhatIfPanel(database, today=TODAY)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    panel.threshold_field.setFocus()
    qtbot.keyClicks(panel.threshold_field, "1,430")
    assert panel.threshold() is None
    assert panel.threshold_message.text() == (
        "„1,430“ ist mehrdeutig: Meinten Sie 1.430,00 € oder 1,43 €? Bitte ohne "
        "Tausenderpunkt (1430) oder mit zwei Nachkommastellen (1,43) eingeben.")
    assert panel.threshold_field.hasFocus()
    for text, value in (("1.430,50", "1430.50"), ("1430.50", "1430.50"), ("1.430", "1430")):
        panel.threshold_field.setText(text)
        assert panel.threshold() == Decimal(value), text
        assert not panel.threshold_message.isVisible()
    panel.threshold_field.setText("19,5.0")
    assert panel.threshold() is None
    assert "„19,5.0“ ist kein Eurobetrag" in panel.threshold_message.text()
