"""The question why two persons are different people: a required reason, kept with both.

Asked by the duplicate questions of :mod:`kpass.ui.household.duplicate_dialogs` (saving
refused) and :mod:`kpass.ui.household.duplicate_holder_dialog` (issuing refused); a dialog
of its own because both ask it the same way. The texts keep the catalog context
"DuplicateDialogs".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from kpass.ui.common.dialogs import error_label, ok_cancel

#: The longest reason the services take (``person_distinction.reason``).
MAX_REASON = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("DuplicateDialogs", text)


class DistinctionDialog(QDialog):
    """A required reason (at most 300 characters) why two persons are different people."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, ok_text: str) -> None:
        super().__init__(parent)
        self.setObjectName("distinctionDialog")
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("distinctReason")
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setAccessibleName(_tr("Begründung, warum es eine andere Person ist"))
        self.reason.setPlaceholderText(_tr("z. B. andere Eltern, Ausweis geprüft"))
        self.error = error_label()
        self.error.setWordWrap(True)
        self.error.hide()
        label = QLabel(_tr("&Begründung:"))
        label.setBuddy(self.reason)
        buttons = ok_cancel(self, self._accept, ok_text, ok_text.replace("&", ""))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout(self)
        form.addRow(self.prompt)
        form.addRow(label, self.reason)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.reason.setFocus()

    def _accept(self) -> None:
        if not self.reason.text().strip():
            self.error.setText(_tr("Bitte begründen, warum es eine andere Person ist."))
            self.error.show()
            self.reason.setFocus()
            return
        self.accept()

    def result_value(self) -> str:
        return self.reason.text().strip()


def ask_distinction(parent: QWidget, title: str, prompt: str, ok_text: str) -> str | None:
    """The reason why two persons are different; None when cancelled."""
    dialog = DistinctionDialog(parent, title, prompt, ok_text)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value()
