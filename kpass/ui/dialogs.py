"""The few questions kpass asks in a modal box, in one place (tests answer them here)."""

from __future__ import annotations

from collections.abc import Callable
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


def unsaved_question(parent: QWidget) -> QMessageBox:
    """The box of :func:`ask_unsaved`, not yet shown."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("Ungespeicherte Änderungen"),
                      _tr("Der Haushalt hat ungespeicherte Änderungen. Speichern?"),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.button(QMessageBox.StandardButton.Save).setText(_tr("&Speichern"))
    box.button(QMessageBox.StandardButton.Discard).setText(_tr("&Verwerfen"))
    box.button(QMessageBox.StandardButton.Cancel).setText(_tr("&Abbrechen"))
    return box


def ask_unsaved(parent: QWidget) -> Answer:
    """Unsaved changes: save, discard or stay."""
    answer = unsaved_question(parent).exec()
    if answer == QMessageBox.StandardButton.Save:
        return "save"
    if answer == QMessageBox.StandardButton.Discard:
        return "discard"
    return "cancel"


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setAccessibleName(_tr("Fehlerhinweis"))
    return label


def _ok_cancel(dialog: QDialog, accept: Callable[[], None], ok_text: str,
               ok_name: str) -> QDialogButtonBox:
    """OK (the default: Enter) runs ``accept``, which checks the input; Cancel or Esc
    rejects."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_name)
    ok.setDefault(True)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText(_tr("Abbre&chen"))
    cancel.setAccessibleName(_tr("Abbrechen"))
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ReasonDialog(QDialog):
    """A date and a reason (free text or one of ``choices``), e.g. to revoke a pass."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str,
                 choices: dict[str, str] | None = None, day: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.day = QLineEdit(format_date(day or date.today()))
        self.day.setAccessibleName(_tr("Datum"))
        self.day.setPlaceholderText(_tr("TT.MM.JJJJ"))
        self.choice = QComboBox()
        self.choice.setAccessibleName(_tr("Grund"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(_tr("Grund"))
        self.error = _error_label()
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
        form.addRow(_ok_cancel(self, self._accept, _tr("&OK"), _tr("OK")))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
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
               choices: dict[str, str] | None = None,
               day: date | None = None) -> tuple[date, str] | None:
    """A date (``day`` proposed, else today) and a reason; None when cancelled."""
    dialog = ReasonDialog(parent, title, prompt, choices, day)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value()


class RoleDialog(QDialog):
    """The new role of a household member and the day from which it applies."""

    def __init__(self, parent: QWidget | None, name: str, current: str,
                 roles: dict[str, str], day: date, with_date: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Rolle wechseln"))
        self.prompt = QLabel(_tr("Neue Rolle für %1 (bisher: %2):").replace("%1", name)
                             .replace("%2", roles.get(current, current)))
        self.prompt.setWordWrap(True)
        self.role = QComboBox()
        self.role.setObjectName("newRole")
        self.role.setAccessibleName(_tr("Neue Rolle"))
        for code, text in roles.items():
            if code != current:
                self.role.addItem(text, code)
        self.day = QLineEdit(format_date(day))
        self.day.setObjectName("roleSince")
        self.day.setAccessibleName(_tr("Neue Rolle gilt ab (TT.MM.JJJJ)"))
        self.day.setPlaceholderText(_tr("TT.MM.JJJJ"))
        self.day.setMaxLength(10)
        self.error = _error_label()
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(self.prompt)
        role_label = QLabel(_tr("&Neue Rolle:"))
        role_label.setBuddy(self.role)
        form.addRow(role_label, self.role)
        day_label = QLabel(_tr("&Gilt ab:"))
        day_label.setBuddy(self.day)
        form.addRow(day_label, self.day)
        self.with_date = with_date
        if not with_date:  # a household not yet saved has no history to date
            day_label.hide()
            self.day.hide()
        form.addRow(self.error)
        form.addRow(_ok_cancel(self, self._accept, _tr("Rolle &wechseln"),
                               _tr("Rolle wechseln")))
        # wide enough for the prompt and the error in one or two lines, at any font size
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
        self.role.setFocus()

    def _accept(self) -> None:
        if self.with_date and parse_date(self.day.text()) is None:
            self.error.setText(_tr("Gilt ab: bitte als TT.MM.JJJJ eingeben."))
            self.error.show()
            self.adjustSize()
            self.day.setFocus()
            self.day.selectAll()
            return
        self.accept()

    def result_value(self) -> tuple[str, date]:
        day = parse_date(self.day.text())
        assert day is not None
        return str(self.role.currentData()), day


def ask_role(parent: QWidget, name: str, current: str, roles: dict[str, str], day: date,
             with_date: bool = True) -> tuple[str, date] | None:
    """The new role of ``name`` and the day it applies from; None when cancelled."""
    dialog = RoleDialog(parent, name, current, roles, day, with_date)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value()


class DayDialog(QDialog):
    """One day, typed as TT.MM.JJJJ (e.g. whose cards to print)."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, day: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.day = QLineEdit(format_date(day))
        self.day.setObjectName("dayField")
        self.day.setAccessibleName(_tr("Tag (TT.MM.JJJJ)"))
        self.day.setPlaceholderText(_tr("TT.MM.JJJJ"))
        self.day.setMaxLength(10)
        self.error = _error_label()
        self.error.hide()
        form = QFormLayout(self)
        prompt_label = QLabel(prompt)
        prompt_label.setWordWrap(True)
        form.addRow(prompt_label)
        day_label = QLabel(_tr("&Tag:"))
        day_label.setBuddy(self.day)
        form.addRow(day_label, self.day)
        form.addRow(self.error)
        form.addRow(_ok_cancel(self, self._accept, _tr("&OK"), _tr("OK")))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)
        self.day.setFocus()
        self.day.selectAll()

    def _accept(self) -> None:
        if parse_date(self.day.text()) is None:
            self.error.setText(_tr("Bitte ein Datum als TT.MM.JJJJ eingeben."))
            self.error.show()
            self.day.setFocus()
            self.day.selectAll()
            return
        self.accept()

    def result_value(self) -> date:
        day = parse_date(self.day.text())
        assert day is not None
        return day


def ask_day(parent: QWidget, title: str, prompt: str, day: date) -> date | None:
    """A day (``day`` proposed); None when cancelled."""
    dialog = DayDialog(parent, title, prompt, day)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value()
