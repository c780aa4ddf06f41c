"""A register nobody can log in to yet: the first admin is created here, then logged in."""

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

from kpass.services.access import Login, create_first_admin, log_in
from kpass.services.admin import Database
from kpass.ui.common.dialogs import error_label, ok_cancel
from kpass.ui.common.run_service import run_service
from kpass.ui.login.login_dialog import LAST_USER_KEY


def _tr(text: str) -> str:
    return QCoreApplication.translate("FirstAdminDialog", text)


class FirstAdminDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.login: Login | None = None
        self.setObjectName("firstAdminDialog")
        self.setWindowTitle(_tr("Erste Verwaltung anlegen"))
        intro = QLabel(_tr(
            "Dieses Register hat noch keine Benutzer. Legen Sie die erste Verwaltung an: "
            "sie kann danach die Sachbearbeitung und die Leitung anlegen."
        ))
        intro.setWordWrap(True)
        self.username = self._field("firstAdminUser", _tr("Benutzername"))
        self.display_name = self._field("firstAdminName", _tr("Name"))
        self.password = self._field("firstAdminPassword", _tr("Passwort"), secret=True)
        self.repeat = self._field("firstAdminRepeat", _tr("Passwort wiederholen"), secret=True)
        self.error = error_label()
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = ok_cancel(self, self._accept, _tr("&Anlegen und anmelden"),
                            _tr("Anlegen und anmelden"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        # a wrapped text in a form row gets too little height; above the form it gets enough
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        for text, field in (
            (_tr("&Benutzername:"), self.username),
            (_tr("&Name:"), self.display_name),
            (_tr("&Passwort:"), self.password),
            (_tr("Passwort &wiederholen:"), self.repeat),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.username.setFocus()

    def _field(self, name: str, accessible: str, *, secret: bool = False) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName(name)
        field.setAccessibleName(accessible)
        field.setMaxLength(1024 if secret else 120)
        if secret:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _accept(self) -> None:
        if self.password.text() != self.repeat.text():
            self._say(_tr("Die beiden Passwörter stimmen nicht überein."))
            self.repeat.setFocus()
            return
        name, password = self.username.text(), self.password.text()

        def create() -> Login:
            create_first_admin(self.database, name, password, self.display_name.text())
            return log_in(self.database, name, password)

        outcome = run_service(create, self._say)
        if not outcome:
            return
        self.login = outcome.result()
        QSettings().setValue(LAST_USER_KEY, self.login.username)  # the next start offers it
        self.accept()
