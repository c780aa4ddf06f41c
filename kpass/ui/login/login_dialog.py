"""The login: user name (the last one remembered, never the password) and password."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kpass.services.access import Login, log_in
from kpass.services.admin import Database
from kpass.ui.common.dialogs import error_label, ok_cancel
from kpass.ui.common.run_service import run_service

LAST_USER_KEY = "login/last_user"


def _tr(text: str) -> str:
    return QCoreApplication.translate("LoginDialog", text)


class LoginDialog(QDialog):
    """Asks until the password is right or the person cancels; a refusal is said inline."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.login: Login | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(_tr("Anmelden"))
        intro = QLabel(_tr("Bitte melden Sie sich mit Ihrem Benutzernamen und Passwort an."))
        intro.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("loginUser")
        self.username.setMaxLength(80)
        self.username.setAccessibleName(_tr("Benutzername"))
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(1024)
        self.password.setAccessibleName(_tr("Passwort"))
        self.error = error_label()
        self.error.setWordWrap(True)
        self.error.hide()
        user_label = QLabel(_tr("&Benutzername:"))
        user_label.setBuddy(self.username)
        password_label = QLabel(_tr("&Passwort:"))
        password_label.setBuddy(self.password)
        buttons = ok_cancel(self, self._accept, _tr("&Anmelden"), _tr("Anmelden"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        # a wrapped text in a form row gets too little height; above the form it gets enough
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        form.addRow(user_label, self.username)
        form.addRow(password_label, self.password)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
        last = QSettings().value(LAST_USER_KEY, "", type=str)
        self.username.setText(str(last))
        (self.password if last else self.username).setFocus()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _accept(self) -> None:
        name = self.username.text().strip()
        if not name:
            self._say(_tr("Bitte den Benutzernamen eingeben."))
            self.username.setFocus()
            return
        outcome = run_service(lambda: log_in(self.database, name, self.password.text()),
                              self._say)
        self.password.clear()
        if not outcome:
            self.password.setFocus()
            return
        self.login = outcome.result()
        QSettings().setValue(LAST_USER_KEY, self.login.username)
        self.accept()
