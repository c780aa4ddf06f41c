"""The few questions kpass asks in a modal box, in one place (tests answer them here)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from kpass.ui.german_input import format_date, parse_date

Answer = Literal["save", "discard", "cancel"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


def ask_unsaved(parent: QWidget) -> Answer:
    """Unsaved changes: save, discard or stay."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("Ungespeicherte Änderungen"),
                      _tr("Der Haushalt hat ungespeicherte Änderungen. Speichern?"),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.button(QMessageBox.StandardButton.Save).setText(_tr("&Speichern"))
    box.button(QMessageBox.StandardButton.Discard).setText(_tr("&Verwerfen"))
    box.button(QMessageBox.StandardButton.Cancel).setText(_tr("&Abbrechen"))
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


class ReasonDialog(QDialog):
    """A date and a reason (free text or one of ``choices``), e.g. to revoke a pass."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str,
                 choices: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.day = QLineEdit(format_date(date.today()))
        self.day.setAccessibleName(_tr("Datum"))
        self.day.setPlaceholderText("TT.MM.JJJJ")
        self.choice = QComboBox()
        self.choice.setAccessibleName(_tr("Grund"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(_tr("Grund"))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setAccessibleName(_tr("Fehlerhinweis"))
        form = QFormLayout(self)
        form.addRow(QLabel(prompt))
        day_label = QLabel(_tr("&Datum:"))
        day_label.setBuddy(self.day)
        form.addRow(day_label, self.day)
        reason_label = QLabel(_tr("&Grund:"))
        if choices:
            for code, text in choices.items():
                self.choice.addItem(text, code)
            reason_label.setBuddy(self.choice)
            form.addRow(reason_label, self.choice)
            self.reason.hide()
        else:
            reason_label.setBuddy(self.reason)
            form.addRow(reason_label, self.reason)
            self.choice.hide()
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("&OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("Abbre&chen"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.choices = choices

    def _accept(self) -> None:
        if parse_date(self.day.text()) is None:
            self.error.setText(_tr("Bitte ein Datum als TT.MM.JJJJ eingeben."))
            self.day.setFocus()
            return
        if not self.choices and not self.reason.text().strip():
            self.error.setText(_tr("Bitte einen Grund angeben."))
            self.reason.setFocus()
            return
        self.accept()

    def result_value(self) -> tuple[date, str]:
        day = parse_date(self.day.text())
        assert day is not None
        if self.choices:
            return day, str(self.choice.currentData())
        return day, self.reason.text().strip()


def ask_reason(parent: QWidget, title: str, prompt: str,
               choices: dict[str, str] | None = None) -> tuple[date, str] | None:
    dialog = ReasonDialog(parent, title, prompt, choices)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value()
