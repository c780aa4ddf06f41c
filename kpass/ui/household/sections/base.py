"""What the household's record sections share: a table of the entries above the fields
that enter one, messages at the fields, and one way of correcting an entry.

Correcting works alike everywhere: select the entry, "Berichtigen" (F2) loads it into the
fields, Enter takes the correction, Esc forgets it. A saved entry is corrected with a
reason (asked when the correction is taken) that the history keeps; one not saved yet is
simply changed. Nothing is saved before "Speichern" (Ctrl+S).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QTableWidgetItem, QWidget

from kpass.ui.common.form_widgets import record_table
from kpass.ui.common.inline_errors import ErrorLabel, InlineErrors
from kpass.ui.household.editor import HouseholdEditor


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecordSection", text)


class RecordSection(QGroupBox):
    """Base of the sections whose entries can be corrected; subclasses fill
    :meth:`load_entry`, :meth:`clear_entry` and :meth:`entry_text`."""

    def __init__(self, editor: HouseholdEditor, table_name: str, columns: int,
                 parent: QWidget | None = None, wrap_columns: tuple[int, ...] = ()) -> None:
        super().__init__(parent)
        self.editor = editor
        self.table = record_table(table_name, columns, wrap_columns)
        self.error = ErrorLabel()
        self.errors = InlineErrors(self.error)
        self.correcting: int | None = None  # the key of the entry in the fields
        self.mode_label = QLabel()
        self.mode_label.setObjectName(f"{table_name}Correcting")
        self.mode_label.setWordWrap(True)
        self.mode_label.hide()
        self.correct_button = QPushButton()
        self.correct_button.setObjectName(f"{table_name}Correct")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName(f"{table_name}Cancel")
        self.cancel_button.hide()
        self.correct_button.clicked.connect(self.start_correction)
        self.cancel_button.clicked.connect(self.cancel_correction)
        self.table.installEventFilter(self)
        self.translate_base()

    def watch_keys(self, *controls: QWidget) -> None:
        """Esc in these controls ends a correction (instead of leaving the page)."""
        for control in controls:
            control.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape and self.correcting is not None:
                # the window's Esc goes back to the search: here it ends the correction
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()
                    return True
                if event.type() == QEvent.Type.KeyPress:
                    self.cancel_correction()
                    return True
            if watched is self.table and event.type() == QEvent.Type.KeyPress and \
                    event.key() == Qt.Key.Key_F2:
                self.start_correction()
                return True
        return super().eventFilter(watched, event)

    def translate_base(self) -> None:
        self.correct_button.setText(_tr("Berichtigen … (F2)"))
        self.correct_button.setAccessibleName(_tr("Ausgewählten Eintrag berichtigen (F2)"))
        self.cancel_button.setText(_tr("Berichtigung abbrechen (Esc)"))
        self.cancel_button.setAccessibleName(_tr("Berichtigung abbrechen (Esc)"))

    # -- to fill in ------------------------------------------------------------------------
    def load_entry(self, key: int) -> None:
        """Put entry ``key`` into the fields."""
        raise NotImplementedError

    def clear_entry(self) -> None:
        """The fields as for a new entry."""
        raise NotImplementedError

    def entry_text(self, key: int) -> str:
        """Entry ``key`` in words, for the questions about it."""
        raise NotImplementedError

    def first_field(self) -> QWidget:
        raise NotImplementedError

    def correction_changed(self) -> None:
        """The correction began or ended (e.g. to rename the button that takes it)."""

    # -- selection -------------------------------------------------------------------------
    def selected_key(self) -> int | None:
        row = self.table.currentRow()
        if row < 0 or not self.table.selectionModel().hasSelection():
            row = 0 if self.table.rowCount() == 1 else -1
        item = self.table.item(row, 0) if row >= 0 else None
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def select_key(self, key: int) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
                self.table.selectRow(row)
                return

    @staticmethod
    def mark_unsaved(item: QTableWidgetItem, how: str) -> None:
        """An entry not saved yet: said in words (colour is not the only signal) and set in
        italics."""
        item.setText(f"{item.text()} ({how})")
        font = QFont(item.font())
        font.setItalic(True)
        item.setFont(font)
        item.setToolTip(_tr("Noch nicht gespeichert: Strg+S speichert."))

    # -- correcting ------------------------------------------------------------------------
    def start_correction(self) -> None:
        key = self.selected_key()
        if key is None:
            self.error.say(_tr("Bitte zuerst in der Tabelle den Eintrag wählen, der "
                               "berichtigt werden soll."))
            return
        self.errors.clear()
        self.correcting = key
        self.load_entry(key)
        self.mode_label.setText(_tr("Berichtigung von: %1 – Enter übernimmt, Esc bricht ab.")
                                .replace("%1", self.entry_text(key)))
        self.mode_label.show()
        self.cancel_button.show()
        self.correction_changed()
        self.first_field().setFocus()

    def cancel_correction(self) -> None:
        key, self.correcting = self.correcting, None
        self.errors.clear()
        self.clear_entry()
        self.mode_label.hide()
        self.cancel_button.hide()
        self.correction_changed()
        if key is not None:
            self.select_key(key)
            self.table.setFocus()
