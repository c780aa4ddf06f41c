""""Löschen (Art. 17) …" on the household page: supervisors only; a refusal names its reason;
the confirmation defaults to "Abbrechen"; after erasing, nothing of the person is shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from kpass.models import Household
from kpass.models.engine import Database
from kpass.models.register import Person
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes
from kpass.services.uow import UnitOfWork
from kpass.ui.household.page import HouseholdPage
from tests.logins import log_in_admin, log_in_as
from tests.register_builder import add_household, add_income, household_of

pytestmark = pytest.mark.gui
TODAY = date.today()


def _holder(database: Database, name: str, applied: date) -> int:
    [person] = add_household(database, [(name, "Rosa", date(1955, 5, 5), "applicant")],
                             since=date(2019, 1, 1))
    add_income(database, person, "pension", "900.00", since=date(2019, 1, 1))
    with UnitOfWork(database) as uow:  # a household recorded in 2019, not today
        uow.session.execute(update(Household).where(Household.id == household_of(
            database, person)).values(created_at=datetime(2019, 1, 2, tzinfo=UTC)))
        uow.commit()
    application = apply(database, household_of(database, person), applied)
    issue_passes(database, decide(database, application.application_id).decision_id)
    return person


def _page(qtbot: QtBot, database: Database, person: int) -> HouseholdPage:
    page = HouseholdPage(database, TODAY)
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    qtbot.waitExposed(page)
    page.open(household_of(database, person), person)
    return page


def _answer_later(action: Callable[[QMessageBox], None], seen: list[QMessageBox]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box)
        box.grab().save(str(Path(box.objectName() or "box").with_suffix(".png").name))
        action(box)

    QTimer.singleShot(200, answer)


def test_erasing_an_old_case_file_after_confirming(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the question's screenshot lands there
    person = _holder(database, "Alt", date(2021, 3, 1))
    page = _page(qtbot, database, person)
    button = page.members.erase_button
    assert button.isVisible() and button.isEnabled()
    assert button.text() in button.accessibleName()

    seen: list[QMessageBox] = []
    _answer_later(lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)
    assert page.ask_erasure(person) is False, "Enter takes the default: Abbrechen"
    assert "endgültig löschen" in seen[0].text() and "Personen: 1" in seen[0].text()
    with database.reader() as session:
        assert session.get(Person, person) is not None

    erased: list[str] = []
    page.erased.connect(erased.append)

    def confirm(box: QMessageBox) -> None:
        found = box.findChild(QPushButton, "confirmErasure")
        assert found is not None
        found.click()

    _answer_later(confirm, seen)
    assert page.ask_erasure(person) is True
    assert erased and "wurden gelöscht" in erased[0]
    with database.reader() as session:
        assert session.get(Person, person) is None


def test_a_valid_pass_refuses_with_its_reason(qtbot: QtBot, database: Database) -> None:
    person = _holder(database, "Neu", TODAY)
    page = _page(qtbot, database, person)
    assert page.ask_erasure(person) is False
    assert "gilt bis" in page.members.error.text()


def test_caseworkers_do_not_see_the_button(qtbot: QtBot, database: Database) -> None:
    person = _holder(database, "Mitte", TODAY)
    log_in_as(database, "caseworker")
    try:
        page = _page(qtbot, database, person)
        assert not page.members.erase_button.isVisible()
        assert page.members.subject_button.isVisible()
    finally:
        log_in_admin(database)
