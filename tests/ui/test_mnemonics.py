"""One Alt+letter per action: on every screen of the counter, in German and in English, a
button, tab or menu has a mnemonic that no other visible control uses (field labels may
share a letter with other field labels: the focus then cycles between those fields). And
the letters do what they say."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.household.validation import PersonInput
from kpass.services.passes.actions import issue_passes
from kpass.ui.common import dialogs
from kpass.ui.main_window import MainWindow
from kpass.ui.translation import install_translators, remove_translators
from tests.register_builder import add_household, household_of
from tests.ui.keyboard import press
from tests.ui.mnemonics import Mnemonic, clashes, describe, mnemonic_key, window_mnemonics

pytestmark = pytest.mark.gui
TODAY = date.today()


@pytest.fixture(params=["de", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    installed = install_translators(qapp, request.param)
    yield str(request.param)
    remove_translators(installed)


@pytest.fixture
def registered(database: Database) -> int:
    """A stored household (mother and child) whose passes were issued a month ago."""
    ids = add_household(database, [("Lang", "Lena", date(1980, 1, 1), "applicant"),
                                   ("Lang", "Lia", date(2016, 5, 5), "child")],
                        since=date(TODAY.year - 3, 1, 1))
    household = household_of(database, ids[0])
    application = apply(database, household, TODAY, today=TODAY)
    issue_passes(database, decide(database, application.application_id).decision_id)
    return household


@pytest.fixture
def window(qtbot: QtBot, database: Database, language: str) -> MainWindow:
    win = MainWindow(database, TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win




def assert_one_key_per_action(window: QWidget) -> list[Mnemonic]:
    QApplication.processEvents()
    found = window_mnemonics(window)
    clashing = clashes(found)
    assert not clashing, "shared mnemonics:\n" + describe(clashing)
    # Alt+Ä, Alt+Ö, Alt+Ü, Alt+ß need a German keyboard layout
    layout_bound = [m for m in found if not re.fullmatch(r"Alt\+[A-Z0-9]", m.key)]
    assert not layout_bound, "letters not on every keyboard: " + ", ".join(
        f"{m.key} {m}" for m in layout_bound)
    return found


def fill_new_household(window: MainWindow) -> None:
    """A new household with two persons, an income and a notice (nothing saved yet), and a
    third person being typed who looks like one already registered."""
    page = window.household_page
    window.new_application()
    page.address.street.setText("Rheinstraße")
    page.address.number.setText("24")
    page.address.postcode.setText("76185")
    editor = page.editor
    mother = editor.add_member(PersonInput("Özdemir", "Ayşe", date(1986, 2, 1)), "applicant")
    editor.add_member(PersonInput("Özdemir", "Elif", date(2017, 11, 3)), "child")
    editor.add_income(mother, "minijob", Decimal("520.00"), "month", TODAY.replace(day=1))
    editor.add_notice("wohngeld", TODAY.replace(day=1), TODAY.replace(month=12, day=31),
                      "WG-1", ())
    page.members.table.selectRow(0)
    page.incomes.table.selectRow(0)
    page.notices.table.selectRow(0)


def test_new_household(window: MainWindow, registered: int) -> None:
    page = window.household_page
    fill_new_household(window)
    members = page.members
    members.family.setText("Lang")
    members.given.setText("Lena")
    members.birth.setText("01.01.1980")
    members.check_duplicates()
    assert members.duplicate_open.isVisible()
    found = assert_one_key_per_action(window)
    # everything that acts has its key (a field may be reached by Tab instead)
    acting = {m.text for m in found if m.kind != "label"}
    for button in (page.save_button, members.add_button, members.duplicate_open,
                   page.incomes.add_button, page.notices.add_button,
                   page.panel.decide_button):
        assert button.text() in acting
    # correcting a person not saved yet
    members.cancel_edit(focus=False)
    members.table.selectRow(1)
    members.start_edit()
    assert members.cancel_button.isVisible()
    assert_one_key_per_action(window)


def test_stored_household_after_deciding(window: MainWindow, registered: int) -> None:
    page = window.household_page
    window.open_household(registered)
    page.decide_today()
    page.address.street.setText("Rheinstraße")  # a move: "Umzug ab" appears
    p = page.panel
    buttons = (p.decide_button, p.issue_button, p.card_button, p.sheet_button, p.letter_button,
               p.form_button, p.renew_button, p.replace_button, p.revoke_button)
    assert all(b.isEnabled() for b in buttons) and page.address.move_from.isVisible()
    found = assert_one_key_per_action(window)
    acting = {m.text for m in found if m.kind != "label"}
    assert {b.text() for b in buttons} <= acting
    assert {page.tabs.tabText(0), page.tabs.tabText(1)} <= acting
    # correcting a stored person
    page.members.table.selectRow(1)
    page.members.start_edit()
    assert_one_key_per_action(window)
    page.members.cancel_edit()
    # the history instead of the form
    page.tabs.setCurrentIndex(1)
    assert_one_key_per_action(window)


def test_search_and_renewals_pages(window: MainWindow, registered: int) -> None:
    assert_one_key_per_action(window)
    window.show_renewals()
    assert_one_key_per_action(window)


def test_dashboard_and_what_if_pages(window: MainWindow, registered: int) -> None:
    window.show_dashboard()
    assert window.dashboard_page.wait()
    assert_one_key_per_action(window)
    window.show_what_if()
    assert_one_key_per_action(window)


def test_audit_objections_and_approvals_pages(window: MainWindow, registered: int) -> None:
    window.show_audit()
    assert_one_key_per_action(window)
    window.show_objections()
    assert_one_key_per_action(window)
    window.show_approvals()
    assert_one_key_per_action(window)


def test_settings_about_and_guide(qtbot: QtBot, window: MainWindow) -> None:
    from kpass.ui.help.about import AboutDialog
    from kpass.ui.help.handbook import HandbookWindow
    from kpass.ui.settings.dialog import SettingsDialog

    for dialog in (AboutDialog(window), SettingsDialog(window), HandbookWindow(window)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert_one_key_per_action(dialog)
        dialog.close()


def dialogs_to_check(parent: QWidget) -> list[QDialog]:
    from kpass.services.household.duplicates import DuplicateCandidate
    from kpass.ui.household import duplicate_dialogs

    today = TODAY
    lena = DuplicateCandidate(1, "Lang", "Lena", date(1980, 1, 1), None, 1, "Kaiserstraße", "1",
                              "76133", "Karlsruhe", "exact", "Name und Geburtsdatum")
    return [
        duplicate_dialogs.DuplicateDialog(parent, "Lena Lang, geb. 01.01.1980", [lena]),
        duplicate_dialogs.DistinctionDialog(parent, "Andere Person", "Warum?", "&Speichern"),
        duplicate_dialogs.MoveDialog(parent, "Lena zieht um.", {"child": "Kind"}, "child",
                                     today),
        duplicate_dialogs.DuplicateHolderDialog(parent, "Kein Pass.", "Lena", "Lena", True),
        dialogs.unsaved_question(parent),
        dialogs.decide_again_question(parent, 7),
        dialogs.ReasonDialog(parent, "Pass sperren", "Pass 1 sperren ab:", day=today),
        dialogs.ReasonDialog(parent, "Person austragen", "Lena austragen:",
                             {"moved_out": "Wegzug", "died": "Tod"}, today),
        dialogs.RoleDialog(parent, "Lena Lang", "applicant",
                           {"applicant": "Antragsteller/in", "partner": "Partner/in"}, today),
        dialogs.RoleDialog(parent, "Lena Lang", "applicant",
                           {"applicant": "Antragsteller/in", "partner": "Partner/in"}, today,
                           with_date=False),
        dialogs.RenewalDialog(parent, [
            dialogs.RenewalChoice("KA-1", "Lena Lang, geb. 01.01.1980",
                                  "Karlsruher Pass KA-1, gültig bis 31.12.2026", True, "", True),
            dialogs.RenewalChoice("KA-2", "Lia Lang, geb. 05.05.2016",
                                  "Karlsruher Kinderpass KA-2, gültig bis 31.12.2027", False,
                                  "noch nicht fällig (verlängerbar ab 01.12.2027)")]),
    ]


def test_dialogs(qtbot: QtBot, window: MainWindow) -> None:
    for dialog in dialogs_to_check(window):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        found = assert_one_key_per_action(dialog)
        assert any(m.kind == "button" for m in found)
        dialog.reject()


def test_mnemonic_key_ignores_literal_ampersands() -> None:
    assert mnemonic_key("Haus && Hof &speichern") == "Alt+S"
    assert mnemonic_key("Haus && Hof") is None
    assert mnemonic_key("Pässe &ändern") == "Alt+Ä"


# -- the letters of the frequent counter actions, and what they do --------------------------
FREQUENT = {  # the most natural letters for what is done at the counter all day
    "de": {"decide": "Alt+E", "issue": "Alt+A", "card": "Alt+K", "save": "Alt+S",
           "add person": "Alt+P", "add income": "Alt+T", "renew": "Alt+G"},
    "en": {"decide": "Alt+D", "issue": "Alt+I", "card": "Alt+C", "save": "Alt+S",
           "add person": "Alt+A", "add income": "Alt+N", "renew": "Alt+W"},
}


def test_frequent_actions_have_their_letters(window: MainWindow, language: str) -> None:
    page = window.household_page
    p = page.panel
    buttons = {"decide": p.decide_button, "issue": p.issue_button, "card": p.card_button,
               "save": page.save_button, "add person": page.members.add_button,
               "add income": page.incomes.add_button, "renew": p.renew_button}
    assert {name: mnemonic_key(b.text()) for name, b in buttons.items()} == FREQUENT[language]


def press_mnemonic(text: str) -> None:
    """Alt and the underlined letter of ``text``, sent to whatever has the focus."""
    key = mnemonic_key(text)
    assert key is not None, f"{text!r} has no mnemonic"
    QApplication.processEvents()
    press(Qt.Key(ord(key[-1])), Qt.KeyboardModifier.AltModifier)  # Qt's key code: upper case


def clicked_by_mnemonic(qtbot: QtBot, button: QAbstractButton) -> None:
    with qtbot.waitSignal(button.clicked, timeout=2000):  # a mnemonic clicks animated
        press_mnemonic(button.text())


def test_the_letters_act(qtbot: QtBot, window: MainWindow, registered: int,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    page = window.household_page
    p = page.panel
    window.open_household(registered)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.members.table)
    assert page.last_decision_id is None and not p.issue_button.isEnabled()

    clicked_by_mnemonic(qtbot, p.decide_button)
    assert page.last_decision_id is not None  # decided and stored
    assert p.issue_button.isEnabled()

    # "Austragen" while "Pässe ausstellen" is active too (they once shared Alt+U)
    asked: list[dict[str, Any]] = []
    monkeypatch.setattr(dialogs, "ask_reason",
                        lambda *args, **kwargs: asked.append(kwargs) or None)
    page.members.table.setFocus()
    page.members.table.selectRow(1)
    clicked_by_mnemonic(qtbot, page.members.end_button)
    assert len(asked) == 1

    clicked_by_mnemonic(qtbot, p.issue_button)
    assert not p.issue_button.isEnabled()  # issued (or confirmed as held)
    assert p.card_button.hasFocus()

    press_mnemonic(page.tabs.tabText(1))
    assert page.tabs.currentIndex() == 1
    press_mnemonic(page.tabs.tabText(0))
    assert page.tabs.currentIndex() == 0


def named_key(text: str) -> str:
    found = re.findall(r"\(Alt\+(.)\)", text)
    assert len(found) == 1, text
    return f"Alt+{found[0].upper()}"


def test_hints_name_the_right_key(window: MainWindow, registered: int) -> None:
    page = window.household_page
    window.open_household(registered)
    page.decide_today()
    # "Entschieden. Jetzt „Pässe ausstellen“ (Alt+…)."
    assert named_key(page.panel.message.text()) == mnemonic_key(page.panel.issue_button.text())
    # a stored person's role changes with "Rolle wechseln …" (Alt+…)
    page.members.table.selectRow(1)
    page.members.start_edit()
    assert named_key(page.members.role.toolTip()) == mnemonic_key(
        page.members.role_button.text())


def test_buttons_without_a_letter_have_another_way(window: MainWindow, registered: int) -> None:
    """Only these buttons of the page go without a mnemonic: those that name their key,
    the check boxes between fields (Tab, then Space), and the actions on a selected entry
    right after its table in the Tab order."""
    page = window.household_page
    window.open_household(registered)
    lena = page.editor.draft.members[0].key
    page.editor.add_income(lena, "minijob", Decimal("520.00"), "month", TODAY.replace(day=1))
    page.editor.add_notice("wohngeld", TODAY.replace(day=1), TODAY.replace(month=12, day=31),
                           "WG-1", ())
    page.address.street.setText("Rheinstraße")
    page.decide_today()
    page.members.table.selectRow(1)
    page.members.start_edit()
    QApplication.processEvents()
    without = {b for b in page.findChildren(QAbstractButton)
               if b.isVisible() and b.isEnabled() and mnemonic_key(b.text()) is None}
    named = {b for b in without if re.search(r"\((Esc|F2|Enter)\)", b.text())}
    assert named == {page.back_button, page.members.cancel_button, page.members.edit_button,
                     page.members.add_button, page.incomes.correct_button,
                     page.notices.correct_button}
    boxes = {b for b in without if not isinstance(b, QPushButton)}
    assert boxes == {page.members.disability, page.members.foster, *page.proofs.values()}
    assert without - named - boxes == {
        page.address.move_button,  # Enter in "Umzug ab" takes the move too
        page.incomes.end_button, page.incomes.remove_button, page.notices.remove_button,
        # erasing cannot be undone: reached by Tab only, never by a stray Alt+letter
        page.members.erase_button,
    }
    for section, actions in ((page.incomes, [page.incomes.correct_button,
                                             page.incomes.end_button,
                                             page.incomes.remove_button]),
                             (page.notices, [page.notices.correct_button,
                                             page.notices.remove_button])):
        chain = section.entry_chain()
        start = chain.index(section.table) + 1
        assert chain[start:start + len(actions)] == actions
