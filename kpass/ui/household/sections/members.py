"""The household's persons: the table, the entry of a new person (with the duplicate warning
of kpass.ui.household.duplicate_warning), the correction of a person.

The fields, the role a new person gets and the warning while typing are in
:mod:`kpass.ui.household.sections.member_entry` (the base class), the rows of the table in
:mod:`kpass.ui.household.sections.member_table`, and what follows when saving is refused as a
likely duplicate in :mod:`kpass.ui.household.sections.member_duplicates`.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpass.errors import ConcurrentChange, KpassError
from kpass.services.household import InvalidField, LikelyDuplicate
from kpass.ui.common.flow_layout import FlowLayout
from kpass.ui.common.form_widgets import current_code, fit_rows, record_table
from kpass.ui.household.draft import DraftMember
from kpass.ui.household.editor import HouseholdEditor
from kpass.ui.household.sections.member_duplicates import duplicate_refused, move_prompt
from kpass.ui.household.sections.member_entry import MemberEntry
from kpass.ui.household.sections.member_table import COLUMNS, fill_member_table
from kpass.ui.translation import user_message
from kpass.vocabulary import format_date

__all__ = ["MemberSection", "move_prompt"]  # the page asks move_prompt too


def _tr(text: str) -> str:
    return QCoreApplication.translate("MemberSection", text)


class MemberSection(MemberEntry):
    """Persons of the household; a new one is typed below the table and added with Enter.

    F2 or Enter on a row loads that person into the same fields for a correction ("edit
    mode"): Enter saves it, Esc cancels it.
    """

    open_household = Signal(int)
    open_person = Signal(int, int)  # household, person: a registered one the typed may be
    announced = Signal(str)  # what was done besides the table's change (German)
    photo_requested = Signal(int)
    end_requested = Signal(int)
    role_requested = Signal(int)
    subject_export_requested = Signal(int)  # "Auskunft (Art. 15) …"
    erase_requested = Signal(int)  # "Löschen (Art. 17) …", supervisors only
    vouchers_requested = Signal(int)  # "60plus-Gutscheine ausgeben …"

    def __init__(self, editor: HouseholdEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, parent)
        self.table = record_table("memberTable", len(COLUMNS))
        self.table.setAlternatingRowColors(True)
        fit_rows(self.table, 4)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editMember")
        self.role_button = QPushButton()
        self.role_button.setObjectName("changeRole")
        self.end_button = QPushButton()
        self.end_button.setObjectName("endMember")
        self.photo_button = QPushButton()
        self.photo_button.setObjectName("memberPhoto")
        self.subject_button = QPushButton()
        self.subject_button.setObjectName("subjectExport")
        self.erase_button = QPushButton()
        self.erase_button.setObjectName("eraseOnRequest")
        self.vouchers_button = QPushButton()
        self.vouchers_button.setObjectName("handOutVouchers")

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        # what acts on the selected row, in a line of its own (and last in the Tab order)
        self.row_actions_label = QLabel()
        row_actions = FlowLayout()  # wraps at a large font instead of widening the form
        row_actions.addWidget(self.row_actions_label)
        for button in (self.edit_button, self.role_button, self.photo_button,
                       self.vouchers_button, self.end_button, self.subject_button,
                       self.erase_button):
            row_actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(self.mode_label)
        layout.addLayout(self.form)
        layout.addWidget(self.duplicate_box)
        layout.addLayout(buttons)
        layout.addLayout(row_actions)

        for field in (self.family, self.given, self.birth):
            field.returnPressed.connect(self.submit)
        self.add_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.edit_button.clicked.connect(self.start_edit)
        self.role_button.clicked.connect(lambda: self._with_selected(self.role_requested))
        self.end_button.clicked.connect(lambda: self._with_selected(self.end_requested))
        self.photo_button.clicked.connect(lambda: self._with_selected(self.photo_requested))
        self.subject_button.clicked.connect(
            lambda: self._with_selected(self.subject_export_requested))
        self.erase_button.clicked.connect(lambda: self._with_selected(self.erase_requested))
        self.vouchers_button.clicked.connect(lambda: self._with_selected(self.vouchers_requested))
        self.duplicate_box.open_household.connect(self.open_household)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.start_edit())
        for control in self.entry_chain():
            control.installEventFilter(self)  # Enter, Esc and F2 as described above
        self.translate_ui()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if key == Qt.Key.Key_Escape and self.editing is not None:
            # Esc ends the correction instead of leaving the page (the window's shortcut)
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.cancel_edit()
                return True
        if event.type() != QEvent.Type.KeyPress or event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier):
            return super().eventFilter(watched, event)
        if watched is self.table and (key == Qt.Key.Key_F2 or enter):
            self.start_edit()
            return True
        if enter and watched in (self.role, self.salutation, self.disability, self.foster) \
                and not (isinstance(watched, QComboBox) and watched.view().isVisible()):
            self.submit()  # Enter adds (or saves) the person from every entry field
            return True
        return super().eventFilter(watched, event)

    def entry_chain(self) -> list[QWidget]:
        """The controls in the order Tab visits them."""
        return [self.table, self.family, self.given, self.birth, self.role, self.salutation,
                self.disability, self.foster, self.add_button, self.cancel_button,
                self.duplicate_open, self.edit_button, self.role_button, self.photo_button,
                self.vouchers_button, self.end_button, self.subject_button, self.erase_button]

    def translate_ui(self) -> None:
        self.setTitle(_tr("Personen im Haushalt"))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        self.table.setAccessibleName(_tr("Personen im Haushalt"))
        self.translate_fields()
        self.row_actions_label.setText(_tr("Ausgewählte Person:"))
        self.cancel_button.setText(_tr("Abbrechen (Esc)"))
        self.cancel_button.setAccessibleName(_tr("Korrektur abbrechen (Esc)"))
        self.edit_button.setText(_tr("Person ändern … (F2)"))
        self.edit_button.setAccessibleName(_tr("Daten der ausgewählten Person korrigieren (F2)"))
        self.role_button.setText(_tr("Rolle we&chseln …"))
        self.role_button.setAccessibleName(_tr("Rolle der ausgewählten Person ab einem Tag "
                                               "wechseln"))
        self.end_button.setText(_tr("A&ustragen …"))
        self.end_button.setAccessibleName(_tr("Ausgewählte Person austragen"))
        self.photo_button.setText(_tr("Lichtb&ild …"))
        self.photo_button.setAccessibleName(_tr("Lichtbild der ausgewählten Person laden"))
        self.subject_button.setText(_tr("Auskun&ft (Art. 15) …"))
        self.subject_button.setAccessibleName(_tr("Auskunft (Art. 15) … über die ausgewählte "
                                                  "Person: alle gespeicherten Daten"))
        self.erase_button.setText(_tr("Löschen (Art. 17) …"))
        self.erase_button.setAccessibleName(_tr("Löschen (Art. 17) … der ausgewählten Person "
                                                "auf ihren Antrag"))
        self.vouchers_button.setText(_tr("&60plus-Gutscheine ausgeben …"))
        self.vouchers_button.setAccessibleName(_tr("60plus-Gutscheine ausgeben … an die "
                                                   "ausgewählte Person, mit "
                                                   "Empfangsbestätigung"))
        self.duplicate_box.translate_ui()

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        draft = self.editor.draft
        fill_member_table(self.table, draft.members, self.editor.today,
                          self.editor.changed_members(), self.selected_key())
        if self.table.currentRow() < 0 and draft.members:
            self.table.selectRow(0)
        if self.editing is not None and all(m.key != self.editing for m in draft.members):
            self.cancel_edit(focus=False)  # another household, or the person was removed
        self.suggest_role()
        self._update_buttons()

    def select_person(self, key: int) -> None:
        """Select the row of person ``key`` (the latest one, after a role change)."""
        self._select_key(key)

    def start_over(self) -> None:
        """Before another household: no selection, no correction, empty fields, the roles
        suggested afresh."""
        self.cancel_edit(focus=False)
        self.table.clearSelection()
        self.table.setRowCount(0)
        self.error.say("")
        self._role_chosen = False
        self.suggest_role()

    def selected_key(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        has = self.selected_key() is not None
        for button in (self.edit_button, self.role_button, self.end_button, self.photo_button):
            button.setEnabled(has)
        # only a stored person has data to tell about
        self.subject_button.setEnabled((self.selected_key() or 0) > 0)
        self.erase_button.setEnabled((self.selected_key() or 0) > 0)
        self.vouchers_button.setEnabled((self.selected_key() or 0) > 0)

    def _with_selected(self, signal: SignalInstance) -> None:
        key = self.selected_key()
        if key is not None:
            signal.emit(key)

    def submit(self) -> bool:
        """Enter in the fields: add the new person, or save the correction."""
        return self.add_member() if self.editing is None else self.save_edit()

    # -- correcting ------------------------------------------------------------------------
    def start_edit(self) -> None:
        """Load the selected person into the fields for a correction."""
        key = self.selected_key()
        if key is None or key == self.editing:
            return
        if self.editing is None and self.pending():
            # a new person typed but not added: F2 must not store it as a side effect
            self.error.say(_tr("Erst die neue Person mit Enter hinzufügen oder die Felder "
                               "leeren, dann eine andere Person ändern."))
            return
        if self.pending() and not self.submit():
            return  # the open correction stays, with the reason it could not be saved
        self.errors.clear()
        member: DraftMember = self.editor.draft.membership_on(key, self.editor.today)
        self.editing = key
        self.family.setText(member.family_name)
        self.given.setText(member.given_names)
        self.birth.set_value(member.birth_date)
        self.disability.setChecked(member.disability)
        self.foster.setChecked(member.foster_child)
        self.salutation.setCurrentIndex(max(self.salutation.findData(member.salutation or ""), 0))
        self.role.setCurrentIndex(max(self.role.findData(member.role), 0))
        # a stored person's role changes from a day on ("Rolle wechseln"), not here
        self.role.setEnabled(key < 0)
        self.role.setToolTip("" if key < 0 else _tr(
            "Die Rolle einer gespeicherten Person wechselt ab einem Tag: "
            "„Rolle wechseln …“ (Alt+C)."))
        self._dup_timer.stop()
        self.hide_duplicates()
        self.mode_label.show()
        self.cancel_button.show()
        self._name_entry_fields()
        self.family.setFocus()
        self.family.selectAll()

    def cancel_edit(self, focus: bool = True) -> None:
        """Esc: forget the correction; the fields are free for a new person again."""
        key, self.editing = self.editing, None
        self.errors.clear()
        self.clear_fields()
        self._dup_timer.stop()
        self.hide_duplicates()
        self.role.setEnabled(True)
        self.role.setToolTip("")
        self.suggest_role()
        self.mode_label.hide()
        self.cancel_button.hide()
        self._name_entry_fields()
        if key is not None and focus:
            self._select_key(key)
            self.table.setFocus()

    def save_edit(self, distinct_reason: str | None = None) -> bool:
        """Save the correction (a stored person at once, one not saved yet in the draft);
        ``distinct_reason``: why the corrected person is not the registered one the
        duplicate check named."""
        key = self.editing
        assert key is not None
        person = self._typed_person()
        if person is None:
            return False
        person = replace(person, distinct_from_reason=distinct_reason)
        role = current_code(self.role) if key < 0 else None
        try:
            self.editor.update_person(key, person, role)
        except LikelyDuplicate as exc:
            return duplicate_refused(self, exc, person)
        except InvalidField as exc:
            self.errors.show(exc.field, user_message(exc))
            return False
        except ConcurrentChange:
            fresh = self.editor.draft.member(key)
            self.error.say(_tr("Jemand anderes hat die Daten dieser Person inzwischen geändert; "
                               "gespeichert ist jetzt: %1, geb. %2. Ihre Eingabe steht noch in "
                               "den Feldern – bitte prüfen und mit Enter erneut übernehmen.")
                           .replace("%1", fresh.name)
                           .replace("%2", format_date(fresh.birth_date)))
            self.family.setFocus()
            return False
        except KpassError as exc:
            self.error.say(user_message(exc))
            return False
        self.cancel_edit()
        return True

    def _select_key(self, key: int) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
                self.table.selectRow(row)

    # -- adding ----------------------------------------------------------------------------
    def add_member(self, distinct_reason: str | None = None) -> bool:
        """Add the person typed (a stored household: saved at once); ``distinct_reason``:
        why they are not the registered person the duplicate check named."""
        person = self._typed_person()
        if person is None:
            return False
        person = replace(person, distinct_from_reason=distinct_reason)
        try:
            self.editor.add_member(person, current_code(self.role))
        except LikelyDuplicate as exc:
            return duplicate_refused(self, exc, person)
        except InvalidField as exc:
            self.errors.show(exc.field, user_message(exc))
            return False
        except KpassError as exc:
            self.error.say(user_message(exc))
            return False
        self.clear_fields()
        self.suggest_role()
        self.hide_duplicates()
        self.family.setFocus()
        return True
