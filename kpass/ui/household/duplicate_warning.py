"""The warning under the person fields: this person may be registered already."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from kpass.services.household import DuplicateCandidate
from kpass.vocabulary import format_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("DuplicateWarning", text)


class DuplicateWarning(QFrame):
    """The most likely earlier record of the typed person, with a button to open its
    household instead of registering the person twice."""

    open_household = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateWarning")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setObjectName("openDuplicate")
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        self.candidates: list[DuplicateCandidate] = []
        self.open_button.clicked.connect(self._open)
        self.translate_ui()
        self.hide()

    def translate_ui(self) -> None:
        self.open_button.setText(_tr("Diesen Haushalt ö&ffnen"))
        self.open_button.setAccessibleName(_tr("Haushalt der schon erfassten Person öffnen"))
        self.text.setAccessibleName(_tr("Hinweis auf mögliche Doppelerfassung"))

    def show_candidates(self, found: list[DuplicateCandidate]) -> None:
        """Warn about the first of ``found`` (most likely first); hide when it is empty."""
        self.candidates = list(found)
        if not found:
            self.hide()
            return
        first = found[0]
        where = _tr("ohne Haushalt")
        if first.street:
            where = f"{first.street} {first.house_number}, {first.postcode} {first.municipality}"
        text = _tr("Achtung, schon erfasst? %1, geb. %2 (%3) – %4.").replace(
            "%1", f"{first.given_names} {first.family_name}").replace(
            "%2", format_date(first.birth_date)).replace("%3", where).replace(
            "%4", first.explanation)
        if len(found) > 1:
            text += " " + _tr("Weitere ähnliche Personen: %1.").replace("%1", str(len(found) - 1))
        self.text.setText(text)
        self.setAccessibleDescription(text)
        self.open_button.setEnabled(first.household_id is not None)
        self.show()

    def clear(self) -> None:
        self.show_candidates([])

    def _open(self) -> None:
        if self.candidates and self.candidates[0].household_id is not None:
            self.open_household.emit(self.candidates[0].household_id)
