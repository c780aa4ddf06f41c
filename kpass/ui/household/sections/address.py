"""The household's address with the Stadtteil; for a stored household a change is a move."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kpass.services.search import suggest_stadtteil
from kpass.ui.common.form_widgets import DateField, StadtteilBox, label_for
from kpass.ui.common.inline_errors import ErrorLabel, InlineErrors
from kpass.ui.common.run_service import run_service
from kpass.ui.household.draft import DraftAddress
from kpass.ui.household.editor import HouseholdEditor
from kpass.vocabulary import format_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("AddressSection", text)


class AddressSection(QGroupBox):
    changed = Signal()

    def __init__(self, editor: HouseholdEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.street = QLineEdit()
        self.street.setObjectName("street")
        self.number = QLineEdit()
        self.number.setObjectName("houseNumber")
        self.number.setMaximumWidth(90)
        self.postcode = QLineEdit()
        self.postcode.setObjectName("postcode")
        self.postcode.setMaxLength(5)
        self.postcode.setMaximumWidth(90)
        self.municipality = QLineEdit("Karlsruhe")
        self.municipality.setObjectName("municipality")
        self.stadtteil = StadtteilBox()
        self.stadtteil.setObjectName("stadtteil")
        self.move_from = DateField(_tr("Umzug ab"))
        self.move_from.setObjectName("moveFrom")
        self.move_button = QPushButton()
        self.move_button.setObjectName("saveMove")
        self.history = QLabel()
        self.history.setObjectName("addressHistory")
        self.history.setWordWrap(True)
        self.error = ErrorLabel()
        self.errors = InlineErrors(self.error)

        form = QFormLayout(self)
        self.street_label = label_for("", self.street)
        self.number_label = label_for("", self.number)
        self.postcode_label = label_for("", self.postcode)
        self.municipality_label = label_for("", self.municipality)
        self.stadtteil_label = label_for("", self.stadtteil)
        self.move_label = label_for("", self.move_from)
        street_row = QHBoxLayout()
        street_row.addWidget(self.errors.wrap("street", self.street), 1)
        street_row.addWidget(self.number_label)
        street_row.addWidget(self.errors.wrap("house_number", self.number))
        place_row = QHBoxLayout()
        place_row.addWidget(self.errors.wrap("postcode", self.postcode))
        place_row.addWidget(self.municipality_label)
        place_row.addWidget(self.errors.wrap("municipality", self.municipality), 1)
        move_row = QHBoxLayout()
        move_row.setContentsMargins(0, 0, 0, 0)  # aligned with its label like the other rows
        move_row.addWidget(self.errors.wrap("since", self.move_from))
        move_row.addWidget(self.move_button)
        move_row.addStretch(1)
        self.move_widget = QWidget()
        self.move_widget.setLayout(move_row)
        form.addRow(self.street_label, street_row)
        form.addRow(self.postcode_label, place_row)
        form.addRow(self.stadtteil_label, self.errors.wrap("stadtteil_code", self.stadtteil))
        form.addRow(self.move_label, self.move_widget)
        self.history_label = QLabel()
        form.addRow(self.history_label, self.history)
        form.addRow(self.error)

        for field in (self.street, self.number, self.postcode, self.municipality):
            field.textChanged.connect(self._typed)
        # The street directory suggests the Stadtteil once street and number are typed.
        self.street.editingFinished.connect(self._suggest_stadtteil)
        self.number.editingFinished.connect(self._suggest_stadtteil)
        self.stadtteil.currentTextChanged.connect(self._typed)
        self.move_button.clicked.connect(self.save_move)
        self.move_from.returnPressed.connect(self.save_move)
        self._loading = False
        self.translate_ui()

    def entry_chain(self) -> list[QWidget]:
        return [self.street, self.number, self.postcode, self.municipality, self.stadtteil,
                self.move_from, self.move_button]

    def translate_ui(self) -> None:
        self.setTitle(_tr("Anschrift"))
        self.street_label.setText(_tr("Straße:"))
        self.number_label.setText(_tr("Hausnr.:"))
        self.postcode_label.setText(_tr("PLZ:"))
        self.municipality_label.setText(_tr("Ort:"))
        self.stadtteil_label.setText(_tr("Stadtteil:"))
        self.move_label.setText(_tr("Umzug ab:"))
        self.street.setAccessibleName(_tr("Straße"))
        self.number.setAccessibleName(_tr("Hausnummer"))
        self.postcode.setAccessibleName(_tr("Postleitzahl"))
        self.municipality.setAccessibleName(_tr("Ort"))
        self.stadtteil.setAccessibleName(_tr("Stadtteil"))
        line = self.stadtteil.lineEdit()
        if line is not None:
            line.setAccessibleName(_tr("Stadtteil (Name oder Nummer tippen)"))
        self.move_from.setAccessibleName(_tr("Umzug ab"))
        self.move_button.setText(_tr("Umzug übernehmen"))
        self.move_button.setAccessibleName(
            _tr("Neue Anschrift als Umzug übernehmen (gespeichert mit Strg+S)"))
        self.history_label.setText(_tr("Weitere Anschriften:"))
        self.history.setAccessibleName(_tr("Frühere und künftige Anschriften"))

    def address(self) -> DraftAddress:
        return DraftAddress(" ".join(self.street.text().split()), self.number.text().strip(),
                            self.postcode.text().strip(), self.municipality.text().strip(),
                            self.stadtteil.code())

    def refresh(self) -> None:
        self._loading = True
        a = self.editor.draft.address
        for field, value in ((self.street, a.street), (self.number, a.house_number),
                             (self.postcode, a.postcode), (self.municipality, a.municipality)):
            if field.text() != value:
                field.setText(value)
        if self.stadtteil.code() != a.stadtteil_code:
            self.stadtteil.set_code(a.stadtteil_code)
        self._loading = False
        stored = not self.editor.draft.is_new
        self.move_label.setVisible(stored)
        self.move_widget.setVisible(stored)
        self._show_history()
        self._update_move()

    def _show_history(self) -> None:
        """The addresses before and after today's (a move keeps the old one on record)."""
        today = self.editor.today
        lines = []
        for a in reversed(self.editor.draft.addresses):
            if a.valid_until is not None and a.valid_until < today:
                when = _tr("bis %1").replace("%1", format_date(a.valid_until))
            elif a.valid_from > today:
                when = _tr("ab %1").replace("%1", format_date(a.valid_from))
            else:
                continue  # today's address is in the fields
            place = f"{a.street} {a.house_number}, {a.postcode} {a.municipality}"
            if a.stadtteil_name:
                place += f" ({a.stadtteil_code} {a.stadtteil_name})"
            lines.append(f"{when}: {place}")
        self.history.setText("\n".join(lines))
        self.history.setAccessibleDescription(self.history.text())
        self.history.setVisible(bool(lines))
        self.history_label.setVisible(bool(lines))

    def _suggest_stadtteil(self) -> None:
        if self._loading or self.stadtteil.code() or not self.street.text().strip():
            return
        if self.municipality.text().strip().casefold() != "karlsruhe":
            return
        code = suggest_stadtteil(self.editor.database, self.street.text(), self.number.text())
        if code is not None:
            self.stadtteil.set_code(code)

    def _typed(self) -> None:
        if self._loading:
            return
        self.editor.type_address(self.address())
        self._update_move()
        self.changed.emit()

    def _update_move(self) -> None:
        self.move_button.setEnabled(self.editor.address_changed())

    def pending(self) -> bool:
        return self.editor.address_changed()

    def save_move(self) -> bool:
        self.errors.clear()
        since = self.move_from.value()
        if since is None:
            self.errors.show("since", _tr("Umzug ab: bitte als TT.MM.JJJJ eingeben."))
            return False
        if not run_service(lambda: self.editor.move(since), self.error.say,
                           at_field=self.errors.show):
            return False
        self.move_from.clear()
        return True
