"""The question before a registered person moves into this household: the role here and
the day of moving in.

Asked after saving a person was refused as a likely duplicate and the caseworker chose to
take the registered person over (see :mod:`kpass.ui.household.duplicate_dialogs`). The texts
keep the catalog context "DuplicateDialogs".
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from kpass.ui.common.dialogs import error_label, ok_cancel
from kpass.ui.common.form_widgets import ignore_wheel_unless_focused
from kpass.ui.common.german_input import parse_date
from kpass.vocabulary import format_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("DuplicateDialogs", text)


class MoveDialog(QDialog):
    """The role a registered person gets here and the day they move in (the membership in
    their household so far ends the day before)."""

    def __init__(self, parent: QWidget | None, prompt: str, roles: dict[str, str], role: str,
                 day: date, with_date: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("moveDialog")
        self.setWindowTitle(_tr("Person hierher umziehen"))
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.role = QComboBox()
        self.role.setObjectName("moveRole")
        self.role.setAccessibleName(_tr("Rolle in diesem Haushalt"))
        for code, text in roles.items():
            self.role.addItem(text, code)
        self.role.setCurrentIndex(max(self.role.findData(role), 0))
        self.day = QLineEdit(format_date(day))
        self.day.setObjectName("moveSince")
        self.day.setAccessibleName(_tr("Zieht ein am (TT.MM.JJJJ)"))
        self.day.setPlaceholderText(_tr("TT.MM.JJJJ"))
        self.day.setMaxLength(10)
        self.error = error_label()
        self.error.hide()
        role_label = QLabel(_tr("&Rolle:"))
        role_label.setBuddy(self.role)
        day_label = QLabel(_tr("&Zieht ein am:"))
        day_label.setBuddy(self.day)
        buttons = ok_cancel(self, self._accept, _tr("&Umziehen"), _tr("Person hierher umziehen"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout(self)
        form.addRow(self.prompt)
        form.addRow(role_label, self.role)
        form.addRow(day_label, self.day)
        form.addRow(self.error)
        form.addRow(buttons)
        self.with_date = with_date
        if not with_date:  # joins a new household from its first day
            day_label.hide()
            self.day.hide()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        ignore_wheel_unless_focused(self)
        self.role.setFocus()

    def _accept(self) -> None:
        if self.with_date and parse_date(self.day.text()) is None:
            self.error.setText(_tr("Zieht ein am: bitte als TT.MM.JJJJ eingeben."))
            self.error.show()
            self.day.setFocus()
            self.day.selectAll()
            return
        self.accept()

    def result_value(self) -> tuple[str, date | None]:
        return str(self.role.currentData()), parse_date(self.day.text()) if self.with_date \
            else None


def ask_move(parent: QWidget, prompt: str, roles: dict[str, str], role: str, day: date,
             with_date: bool = True) -> tuple[str, date | None] | None:
    """The role here and the day of moving in (None without a date); None when cancelled."""
    dialog = MoveDialog(parent, prompt, roles, role, day, with_date)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value()
