"""The login at the start of the app: the dialog, the first admin, the environment, and a
main window that offers each role only what it may do."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from kpass.models.engine import Database
from kpass.services.access import add_user, current_login, has_login_users, log_out
from kpass.ui.login import FirstAdminDialog, LoginDialog, log_in_at_start
from kpass.ui.login.login_dialog import LAST_USER_KEY
from kpass.ui.main_window import MainWindow
from tests.logins import ROLE_PASSWORD, TEST_PASSWORD, TEST_USER, log_in_as

pytestmark = pytest.mark.gui


def _type_and_enter(qtbot: QtBot, dialog: QDialog, user: str, password: str) -> None:
    dialog.username.setText(user)  # type: ignore[attr-defined]
    dialog.password.setText("")  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.password, password)  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # type: ignore[attr-defined]


def test_a_wrong_password_is_said_in_the_dialog_and_the_right_one_logs_in(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    log_out(database)
    dialog = LoginDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.username.text() == ""  # nobody remembered yet: the name field has focus
    _type_and_enter(qtbot, dialog, TEST_USER, "falsch-falsch")
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "Benutzername oder Passwort ist falsch" in dialog.error.text()
    assert dialog.password.text() == ""  # a refused password is not kept in the field
    assert current_login(database) is None
    dialog.grab().save(str(tmp_path / "login.png"))
    _type_and_enter(qtbot, dialog, TEST_USER, TEST_PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert current_login(database) is not None
    # the next start offers the same name, never the password
    assert QSettings().value(LAST_USER_KEY) == TEST_USER
    again = LoginDialog(database)
    qtbot.addWidget(again)
    assert again.username.text() == TEST_USER and again.password.text() == ""


def test_every_field_has_an_accessible_name_with_its_label(
    qtbot: QtBot, database: Database
) -> None:
    for dialog in (LoginDialog(database), FirstAdminDialog(database)):
        qtbot.addWidget(dialog)
        for field in (dialog.username, dialog.password):
            label_text = field.accessibleName()
            assert label_text
            buddy_labels = [
                label.text().replace("&", "").rstrip(":")
                for label in dialog.findChildren(type(dialog.error))
                if label.buddy() is field
            ]
            assert buddy_labels and all(text in label_text for text in buddy_labels)


def test_the_first_admin_is_created_on_a_register_without_users(
    qtbot: QtBot, database: Database
) -> None:
    with database.connect() as connection:
        connection.execute(text("UPDATE app_user SET password_hash = NULL"))
        connection.commit()
    log_out(database)
    assert not has_login_users(database)
    dialog = FirstAdminDialog(database)
    qtbot.addWidget(dialog)
    dialog.username.setText("leitung")
    dialog.display_name.setText("Lea Leitung")
    dialog.password.setText("erstes-passwort")
    dialog.repeat.setText("anderes-passwort")
    dialog.ok_button.click()
    assert "stimmen nicht überein" in dialog.error.text()
    assert not has_login_users(database)
    dialog.repeat.setText("erstes-passwort")
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    login = current_login(database)
    assert login is not None and (login.username, login.role) == ("leitung", "admin")
    # the next start offers the name, as after any login
    again = LoginDialog(database)
    qtbot.addWidget(again)
    assert again.username.text() == "leitung"


def test_the_environment_logs_in_without_a_dialog(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    log_out(database)
    monkeypatch.setenv("KPASS_USER", TEST_USER)
    monkeypatch.setenv("KPASS_PASSWORD", TEST_PASSWORD)
    assert log_in_at_start(database)
    assert current_login(database).username == TEST_USER  # type: ignore[union-attr]


def test_a_caseworker_is_not_offered_statistics_revocation_or_replacement(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    add_user(database, "caseworker-test", "caseworker", ROLE_PASSWORD, "Carla Sachbearbeiterin")
    log_in_as(database, "caseworker")
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    assert not window.dashboard_action.isVisible()
    assert not window.what_if_action.isVisible()
    assert not window.report_menu.menuAction().isVisible()
    assert not window.household_page.panel.revoke_button.isVisibleTo(window.household_page)
    assert not window.household_page.panel.replace_button.isVisibleTo(window.household_page)
    assert "Carla Sachbearbeiterin (Sachbearbeitung)" in window.user_label.text()
    window.grab().save(str(tmp_path / "caseworker.png"))


def test_a_supervisor_is_offered_them(qtbot: QtBot, database: Database) -> None:
    log_in_as(database, "supervisor")
    window = MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    assert window.dashboard_action.isVisible() and window.what_if_action.isVisible()
    assert window.household_page.panel.revoke_button.isVisibleTo(window.household_page)
    assert "(Leitung)" in window.user_label.text()
