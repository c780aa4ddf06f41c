""""Auskunft (Art. 15) …" on the household page: the selected person's report as a PDF in the
preview or as a JSON file, by mouse or keyboard; the question itself is answered by
replacing ``subject_export.ask_export_kind``."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kpass.models import AuditEvent
from kpass.models.engine import Database
from kpass.services.household.validation import PersonInput
from kpass.services.uow import UnitOfWork
from kpass.ui.household import subject_export
from kpass.ui.household.page import HouseholdPage
from kpass.ui.printing.preview_dialog import PreviewDialog
from tests.documents.pdf_tools import pdf_text
from tests.services.privacy.scenario import Family, make_family
from tests.ui.keyboard import press

pytestmark = pytest.mark.gui
TODAY = date.today()


def _exports(database: Database) -> list[tuple[int | None, dict[str, object]]]:
    with UnitOfWork(database, write=False) as uow:
        return [tuple(row) for row in uow.session.execute(  # type: ignore[misc]
            select(AuditEvent.entity_id, AuditEvent.details)
            .where(AuditEvent.action == "export_person").order_by(AuditEvent.seq))]


@pytest.fixture
def family(database: Database, tmp_path: Path) -> Family:
    folder = tmp_path / "drucke"
    folder.mkdir()
    return make_family(database, folder)


@pytest.fixture
def page(qtbot: QtBot, database: Database, family: Family) -> HouseholdPage:
    shown = HouseholdPage(database, TODAY)
    qtbot.addWidget(shown)
    shown.resize(1280, 900)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    shown.open(family.household, family.juergen)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is shown.members.table)
    return shown


def test_the_button_names_what_it_does_and_is_reached_by_tab(page: HouseholdPage) -> None:
    button = page.members.subject_button
    assert button.isVisible() and button.isEnabled()
    label = button.text().replace("&", "")
    assert label == "Auskunft (Art. 15) …"
    assert label in button.accessibleName()
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    page.members.end_button.setFocus()
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button
    page.grab().save("/tmp/kpass-subject-export-page.png")


def test_pdf_opens_in_the_preview_and_is_recorded(
    page: HouseholdPage, database: Database, family: Family, monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot
) -> None:
    asked: list[str] = []

    def answer(_parent: QWidget, name: str) -> str:
        asked.append(name)
        return "pdf"

    monkeypatch.setattr(subject_export, "ask_export_kind", answer)
    page.members.subject_button.setFocus()
    press(Qt.Key.Key_Space)  # the keyboard presses it
    assert asked == ["Jürgen Weiß"]  # the question names the selected person
    [dialog] = page.preview_windows
    assert isinstance(dialog, PreviewDialog) and dialog.isVisible()
    assert "Jürgen Weiß" in dialog.windowTitle()
    assert dialog.pdf.parent.name == "ausgabe"  # the outbox, like every print
    assert stat.S_IMODE(dialog.pdf.stat().st_mode) == 0o600
    text = " ".join(pdf_text(dialog.pdf).split())
    assert "Auskunft nach Art. 15 DSGVO" in text and family.juergen_pass in text
    assert page.banner.kind == "success" and "Protokoll" in page.banner.label.text()
    assert [(person, details["format"]) for person, details in _exports(database)] == [
        (family.juergen, "pdf")]
    dialog.close()


def test_json_goes_where_the_caseworker_chose(
    page: HouseholdPage, database: Database, family: Family, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path
) -> None:
    target = tmp_path / "auskunft-weiss.json"
    monkeypatch.setattr(subject_export, "ask_export_kind", lambda _parent, _name: "json")
    monkeypatch.setattr(subject_export, "ask_json_path", lambda _parent, _suggested: target)
    page.members.subject_button.click()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["person"]["given_names"] == "Jürgen"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert page.preview_windows == []
    assert [details["format"] for _person, details in _exports(database)] == ["json"]


def test_cancelled_nothing_is_written(
    page: HouseholdPage, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(subject_export, "ask_export_kind", lambda _parent, _name: None)
    page.members.subject_button.click()
    assert page.preview_windows == [] and _exports(database) == []


def test_the_other_member_selected_gets_their_own_report(
    page: HouseholdPage, database: Database, family: Family, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(subject_export, "ask_export_kind", lambda _parent, _name: "pdf")
    page.members.select_person(family.guelsen)
    page.members.subject_button.click()
    [dialog] = page.preview_windows
    text = " ".join(pdf_text(dialog.pdf).split())
    assert "Gülşen Müller-Öztürk" in text and "Jürgen" not in text
    assert [person for person, _details in _exports(database)] == [family.guelsen]
    dialog.close()


def test_a_person_not_saved_yet_has_nothing_to_tell(qtbot: QtBot, database: Database) -> None:
    page = HouseholdPage(database, TODAY)
    qtbot.addWidget(page)
    page.show()
    page.start_new()
    page.editor.add_member(PersonInput("Neu", "Nora", date(1990, 1, 1)), "applicant")
    page.members.table.selectRow(0)
    assert not page.members.subject_button.isEnabled()


def test_the_question_offers_pdf_first(qtbot: QtBot, page: HouseholdPage) -> None:
    box, meanings = subject_export.export_question(page, "Jürgen Weiß")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    assert "Jürgen Weiß" in box.text()
    assert meanings[box.defaultButton()] == "pdf"  # Enter: the PDF
    assert sorted(meanings.values()) == ["json", "pdf"]
    assert all(button.accessibleName() for button in box.buttons())
    box.grab().save("/tmp/kpass-subject-export-question.png")
    box.reject()
