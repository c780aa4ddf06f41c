"""F1 opens the guide's page for the screen in front; "Über kpass" names every component with
its licence; the language chosen in the settings is the one the next start speaks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kpass import __version__
from kpass.languages import chosen_language
from kpass.models.engine import Database
from kpass.resource_files import handbook_dir
from kpass.ui.help.about import AboutDialog
from kpass.ui.help.handbook import INDEX, PAGES, HandbookWindow
from kpass.ui.main_window import MainWindow
from kpass.ui.settings.dialog import SettingsDialog
from kpass.ui.settings.preferences import saved_language
from tests.logins import log_in_admin
from tests.ui.keyboard import press

pytestmark = pytest.mark.gui
GUIDE = Path(__file__).resolve().parents[3] / "docs" / "handbuch"


@pytest.fixture
def backend() -> str:
    return "sqlite"


@pytest.fixture
def window(qtbot: QtBot, database: Database) -> MainWindow:
    log_in_admin(database)
    win = MainWindow(database)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def picture_widths(guide: HandbookWindow) -> list[float]:
    widths = []
    block = guide.browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            shape = fragments.fragment().charFormat()
            if shape.isImageFormat():
                widths.append(shape.toImageFormat().width())
            fragments += 1
        block = block.next()
    return widths


def test_every_screen_has_its_page_in_the_guide() -> None:
    assert handbook_dir() == GUIDE
    for screen, page in PAGES.items():
        assert (GUIDE / page).is_file(), f"{screen}: {page} is missing from the guide"


def test_every_link_and_picture_of_the_guide_leads_somewhere() -> None:
    broken = []
    for page in sorted(GUIDE.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if target.startswith(("http://", "https://", "mailto:", "#")):
                continue
            if not (page.parent / target.split("#")[0]).resolve().is_file():
                broken.append(f"{page.relative_to(GUIDE)} → {target}")
    assert not broken, "\n".join(broken)


def test_f1_opens_the_page_of_the_screen_in_front(qtbot: QtBot, window: MainWindow) -> None:
    window.search_field.setFocus()
    press(Qt.Key.Key_F1)
    guide = window._handbook
    assert guide is not None and guide.isVisible()
    assert guide.current_page() == PAGES["searchPage"]
    assert "Antrag" in guide.browser.toPlainText()
    window.show_renewals()
    press(Qt.Key.Key_F1)
    assert guide.current_page() == PAGES["renewalsPage"]
    # a link to another page of the guide is followed inside the window; back returns
    guide.follow(QUrl("../" + INDEX))
    assert guide.current_page() == INDEX
    assert guide.back.isEnabled()
    guide.back.click()
    assert guide.current_page() == PAGES["renewalsPage"]
    # a place in another page: the page opens scrolled to that heading, shown as a heading
    guide.follow(QUrl("../leitung/auswertungen.md#geheimhaltung"))
    assert guide.current_page() == "leitung/auswertungen.md"
    assert guide.browser.verticalScrollBar().value() > 0
    top = guide.browser.cursorForPosition(guide.browser.viewport().rect().topLeft())
    assert top.block().text().startswith("Geheimhaltung")
    assert top.block().blockFormat().headingLevel() == 2
    assert top.block().charFormat().fontWeight() == 700 or \
        top.block().begin().fragment().charFormat().fontWeight() == 700
    # the heading itself, not an earlier link that carries the same words
    guide.follow(QUrl("../sachbearbeitung/verlaengerung.md#verlaengern"))
    top = guide.browser.cursorForPosition(guide.browser.viewport().rect().topLeft())
    assert top.block().blockFormat().headingLevel() > 0
    assert top.block().text() == guide.browser.anchors["verlaengern"]
    # pictures fit the window, also after it grew
    guide.resize(700, 700)
    QApplication.processEvents()
    widths = picture_widths(guide)
    assert widths and max(widths) <= guide.browser.viewport().width()
    guide.resize(1400, 900)
    QApplication.processEvents()
    assert max(picture_widths(guide)) > max(widths)


def test_the_guide_window_without_a_guide_says_so(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kpass.ui.help.handbook.handbook_dir", lambda: None)
    guide = HandbookWindow()
    qtbot.addWidget(guide)
    guide.show_page(INDEX)
    guide.show()
    assert guide.missing.isVisible()
    assert guide.current_page() == ""


def test_about_names_the_version_and_every_licence(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert __version__ in dialog.title.text()
    rows = {dialog.table.item(row, 0).text(): row for row in range(dialog.table.rowCount())}
    for name in ("kpass", "Python", "DejaVu-Schriften", "Qt for Python (PySide6)",
                 "SQLAlchemy", "ReportLab", "cryptography"):
        assert name in rows, name
    dialog.table.setCurrentCell(rows["SQLAlchemy"], 0)
    assert "Permission is hereby granted" in dialog.licence_text.toPlainText()
    dialog.table.setCurrentCell(rows["Qt for Python (PySide6)"], 0)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.licence_text.toPlainText()
    dialog.table.setCurrentCell(rows["Python"], 0)
    from kpass.components import python_licence_file

    python_text = dialog.licence_text.toPlainText()
    if python_licence_file().is_file():  # a Python built from source has it; Debian's not
        assert "PYTHON SOFTWARE FOUNDATION LICENSE" in python_text
    else:
        assert "docs.python.org/3/license.html" in python_text
    dialog.table.setCurrentCell(rows["DejaVu-Schriften"], 0)
    assert "Bitstream" in dialog.licence_text.toPlainText()
    dialog.grab().save(str(tmp_path / "ueber-kpass.png"))


def test_the_language_chosen_in_the_settings_speaks_at_the_next_start(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KPASS_LANGUAGE", raising=False)
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.language.currentText() == "Deutsch"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    assert saved_language() == "en"
    assert chosen_language(None, {}, saved=saved_language()) == ("en", None)
    # the command line and the environment still win over the saved choice
    assert chosen_language("de", {}, saved="en")[0] == "de"
    assert chosen_language(None, {"KPASS_LANGUAGE": "de"}, saved="en")[0] == "de"
    again = SettingsDialog()
    qtbot.addWidget(again)
    assert again.language.currentText() == "English"
    again.reject()
    assert saved_language() == "en"


def test_the_menus_reach_settings_guide_and_about(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[-1] == "E&xtras"
    entries = [action.text() for action in window.extras_menu.actions()]
    assert entries == ["&Handbuch", "Ü&ber kpass …", "", "&Einstellungen …"]
    assert window.handbook_action.shortcut().toString() == "F1"
    assert QApplication.instance() is not None
