"""The counter's decision panel tells a household with Wohngeld or Kinderzuschlag and children
about Bildung und Teilhabe, in the words the letter will use."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.ui.household.page import HouseholdPage
from tests.services.printing.test_education_note import _family

DAY = date.today()


@pytest.mark.gui
def test_the_panel_shows_the_hint_with_the_decision(qtbot: QtBot, database: Database,
                                                     tmp_path: Path) -> None:
    household = _family(database, "wohngeld")
    page = HouseholdPage(database, DAY)
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    qtbot.waitExposed(page)
    page.open(household)
    page.decide_today()
    hint = page.panel.education
    assert hint.isVisible() and "Bildung und Teilhabe" in hint.text()
    assert "Wohngeld" in hint.text()
    page.panel.grab().save(str(tmp_path / "panel.png"))


def decided_family(qtbot: QtBot, database: Database) -> HouseholdPage:
    """A family with Wohngeld, opened and decided today on its page."""
    page = HouseholdPage(database, DAY)
    qtbot.addWidget(page)
    page.show()
    page.open(_family(database, "wohngeld"))
    page.decide_today()
    return page


@pytest.mark.gui
def test_a_broken_office_letter_file_does_not_stop_the_counter(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """KPASS_LETTER_SETTINGS names a file that is gone (a share not mounted): the preview and
    "Entscheiden" work on, the hint in the shipped words; the print will name the file."""
    monkeypatch.setenv("KPASS_LETTER_SETTINGS", str(tmp_path / "nicht-da.toml"))
    page = decided_family(qtbot, database)
    assert page.last_decision_id is not None
    assert "Bildung und Teilhabe" in page.panel.education.text()
    assert page.panel.issue_button.isEnabled()


@pytest.mark.gui
def test_deciding_again_on_an_unchanged_household_asks_first(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second Ctrl+Enter right after deciding, nothing changed: kpass asks (default: no)
    and makes no second decision unless told to."""
    from kpass.ui.common import dialogs

    page = decided_family(qtbot, database)
    first = page.last_decision_id
    asked: list[int] = []

    def answer(_parent: object, decision: int) -> bool:
        asked.append(decision)
        return False

    monkeypatch.setattr(dialogs, "ask_decide_again", answer)
    page.decide_today()
    assert asked == [first] and page.last_decision_id == first
    monkeypatch.setattr(dialogs, "ask_decide_again", lambda _parent, _decision: True)
    page.decide_today()
    assert page.last_decision_id is not None and page.last_decision_id != first
