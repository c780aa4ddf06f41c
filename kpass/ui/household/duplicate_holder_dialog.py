"""Issuing refused because a likely duplicate holds a pass: record the two as different
persons (with a reason) or open the other household.

The counterpart of :mod:`kpass.ui.household.duplicate_dialogs`, which asks when saving a
person is refused; this one is asked by the pass actions. The texts keep the catalog context
"DuplicateDialogs".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kpass.ui.household.distinction_dialog import ask_distinction


def _tr(text: str) -> str:
    return QCoreApplication.translate("DuplicateDialogs", text)


@dataclass(frozen=True)
class HolderAnswer:
    action: Literal["distinct", "open"]
    reason: str = ""


class DuplicateHolderDialog(QDialog):
    """Issuing refused: ``message`` names both persons and the other's pass."""

    def __init__(self, parent: QWidget | None, message: str, person: str, other: str,
                 can_open: bool) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateHolderDialog")
        self.setWindowTitle(_tr("Schon ein Pass für diese Person?"))
        self.person, self.other = person, other
        self.answer: HolderAnswer | None = None
        self.prompt = QLabel(message)
        self.prompt.setObjectName("duplicateHolderMessage")
        self.prompt.setWordWrap(True)
        self.prompt.setAccessibleName(message)
        self.distinct_button = QPushButton(_tr("Als verschiedene Personen &vermerken …"))
        self.distinct_button.setObjectName("recordDistinction")
        self.distinct_button.setAccessibleName(_tr("Als verschiedene Personen vermerken"))
        self.open_button = QPushButton(_tr("&Haushalt der anderen Person öffnen"))
        self.open_button.setObjectName("openOtherHousehold")
        self.open_button.setAccessibleName(_tr("Haushalt der anderen Person öffnen"))
        self.open_button.setEnabled(can_open)
        self.cancel_button = QPushButton(_tr("Abbre&chen"))
        self.cancel_button.setAccessibleName(_tr("Abbrechen"))
        for button in (self.distinct_button, self.cancel_button):
            button.setAutoDefault(False)
        self.open_button.setDefault(can_open)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.distinct_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(buttons)
        self.distinct_button.clicked.connect(self._distinct)
        self.open_button.clicked.connect(self._open)
        self.cancel_button.clicked.connect(self.reject)
        margins = layout.contentsMargins()
        width = max(self.fontMetrics().averageCharWidth() * 88,
                    buttons.sizeHint().width() + margins.left() + margins.right())
        self.setMinimumWidth(width)
        self.prompt.setMinimumHeight(self.prompt.heightForWidth(width))
        self.adjustSize()
        (self.open_button if can_open else self.distinct_button).setFocus()

    def _open(self) -> None:
        self.answer = HolderAnswer("open")
        self.accept()

    def _distinct(self) -> None:
        reason = ask_distinction(
            self, _tr("Verschiedene Personen"),
            _tr("Warum sind %1 und %2 verschiedene Personen? Die Begründung wird zu beiden "
                "Personen vermerkt.").replace("%1", self.person).replace("%2", self.other),
            _tr("&Vermerken"))
        if reason is not None:
            self.answer = HolderAnswer("distinct", reason)
            self.accept()


def ask_duplicate_holder(parent: QWidget, message: str, person: str, other: str,
                         can_open: bool) -> HolderAnswer | None:
    """Record the two as different persons, or open the other's household; None: cancel."""
    dialog = DuplicateHolderDialog(parent, message, person, other, can_open)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.answer
