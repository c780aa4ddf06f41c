"""The household's persons: the table, the entry of a new person (with the duplicate warning
of kpass.ui.household.duplicate_warning), the correction of a person."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpass.errors import ConcurrentChange, KpassError
from kpass.services.applications import completed_years
from kpass.services.household import (
    ROLE_LABELS,
    DuplicateCandidate,
    InvalidField,
    LikelyDuplicate,
    PersonInput,
    find_possible_duplicates,
)
from kpass.ui.common.flow_layout import FlowLayout
from kpass.ui.common.form_widgets import (
    DateField,
    age_text,
    combo_with,
    current_code,
    fit_rows,
    label_for,
    record_table,
)
from kpass.ui.common.inline_errors import ErrorLabel, InlineErrors
from kpass.ui.common.labels import SALUTATION_LABELS, role_label, salutation_label
from kpass.ui.common.run_service import run_service
from kpass.ui.common.style import make_heading
from kpass.ui.household import duplicate_dialogs
from kpass.ui.household.draft import DraftMember
from kpass.ui.household.duplicate_warning import DuplicateWarning
from kpass.ui.household.editor import HouseholdEditor
from kpass.ui.household.sections.base import RecordSection
from kpass.ui.translation import QT_TRANSLATE_NOOP, user_message
from kpass.vocabulary import format_date

DUPLICATE_DELAY_MS = 250


def _tr(text: str) -> str:
    return QCoreApplication.translate("MemberSection", text)


class MemberSection(QGroupBox):
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

    # translated in translate_ui(); marked here for the catalog
    COLUMNS = (
        QT_TRANSLATE_NOOP("MemberSection", "Name"),
        QT_TRANSLATE_NOOP("MemberSection", "Vorname(n)"),
        QT_TRANSLATE_NOOP("MemberSection", "Geburtsdatum (Alter)"),
        QT_TRANSLATE_NOOP("MemberSection", "Rolle, Merkmale"),
        QT_TRANSLATE_NOOP("MemberSection", "im Haushalt"),
        QT_TRANSLATE_NOOP("MemberSection", "Foto"),
    )

    def __init__(self, editor: HouseholdEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.table = record_table("memberTable", len(self.COLUMNS))
        self.table.setAlternatingRowColors(True)
        fit_rows(self.table, 4)

        self.family = QLineEdit()
        self.family.setObjectName("memberFamilyName")
        self.given = QLineEdit()
        self.given.setObjectName("memberGivenNames")
        self.birth = DateField(_tr("Geburtsdatum"))
        self.birth.setObjectName("memberBirthDate")
        self.age = QLabel()
        self.role = combo_with({code: role_label(code) for code in ROLE_LABELS}, _tr("Rolle"))
        self.role.setObjectName("memberRole")
        self.salutation = combo_with(
            {"": "—", **{code: salutation_label(code) for code in SALUTATION_LABELS}},
            _tr("Anrede"))
        self.salutation.setObjectName("memberSalutation")
        self.disability = QCheckBox()
        self.foster = QCheckBox()
        self.add_button = QPushButton()
        self.add_button.setObjectName("addMember")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelMemberEdit")
        self.cancel_button.hide()
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editMember")
        self.role_button = QPushButton()
        self.role_button.setObjectName("changeRole")
        self.end_button = QPushButton()
        self.end_button.setObjectName("endMember")
        self.photo_button = QPushButton()
        self.photo_button.setObjectName("memberPhoto")
        self.mode_label = QLabel()
        self.mode_label.setObjectName("memberEditMode")
        make_heading(self.mode_label, 1.0)
        self.mode_label.hide()
        self.editing: int | None = None  # the person being corrected (key), None: adding
        # the caseworker chose the new person's role: the age no longer suggests one
        self._role_chosen = False
        self.error = ErrorLabel()
        self.errors = InlineErrors(self.error)

        self.duplicate_box = DuplicateWarning()
        self.duplicate_text = self.duplicate_box.text
        self.duplicate_open = self.duplicate_box.open_button

        birth_row = QHBoxLayout()
        birth_row.addWidget(self.errors.wrap("birth_date", self.birth), 1)
        birth_row.addWidget(self.age)
        flags = QHBoxLayout()
        flags.addWidget(self.disability)
        flags.addWidget(self.foster)
        flags.addStretch(1)
        form = QFormLayout()
        self.family_label = label_for("", self.family)
        self.given_label = label_for("", self.given)
        self.birth_label = label_for("", self.birth)
        self.role_label = label_for("", self.role)
        self.salutation_label = label_for("", self.salutation)
        form.addRow(self.family_label, self.errors.wrap("family_name", self.family))
        form.addRow(self.given_label, self.errors.wrap("given_names", self.given))
        form.addRow(self.birth_label, birth_row)
        form.addRow(self.role_label, self.errors.wrap("role", self.role))
        form.addRow(self.salutation_label, self.errors.wrap("salutation", self.salutation))
        form.addRow("", flags)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        # what acts on the selected row, in a line of its own (and last in the Tab order)
        self.row_actions_label = QLabel()
        row_actions = FlowLayout()  # wraps at a large font instead of widening the form
        row_actions.addWidget(self.row_actions_label)
        for button in (self.edit_button, self.role_button, self.photo_button, self.end_button):
            row_actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(self.mode_label)
        layout.addLayout(form)
        layout.addWidget(self.duplicate_box)
        layout.addLayout(buttons)
        layout.addLayout(row_actions)

        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(DUPLICATE_DELAY_MS)
        self._dup_timer.timeout.connect(self.check_duplicates)
        for field in (self.family, self.given, self.birth):
            field.textChanged.connect(lambda _t: self._dup_timer.start())
            field.returnPressed.connect(self.submit)
        self.birth.textChanged.connect(self._show_age)
        self.birth.textChanged.connect(lambda _t: self._suggest_role())
        self.role.activated.connect(self._role_picked)
        self.add_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.edit_button.clicked.connect(self.start_edit)
        self.role_button.clicked.connect(lambda: self._with_selected(self.role_requested))
        self.end_button.clicked.connect(lambda: self._with_selected(self.end_requested))
        self.photo_button.clicked.connect(lambda: self._with_selected(self.photo_requested))
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
                self.end_button]

    def translate_ui(self) -> None:
        self.setTitle(_tr("Personen im Haushalt"))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setAccessibleName(_tr("Personen im Haushalt"))
        self.family_label.setText(_tr("Familienname:"))
        self.given_label.setText(_tr("Vorname(n):"))
        self.birth_label.setText(_tr("Geburtsdatum:"))
        self.role_label.setText(_tr("Rolle:"))
        self.salutation_label.setText(_tr("Anrede:"))
        self.salutation.setItemData(0, _tr("keine Anrede"), Qt.ItemDataRole.AccessibleTextRole)
        self.salutation.setItemData(0, _tr("keine Anrede (Briefe grüßen neutral)"),
                                    Qt.ItemDataRole.ToolTipRole)
        self._name_entry_fields()
        self.age.setAccessibleName(_tr("Alter"))
        self.disability.setText(_tr("Schwerbehinderung / Eingliederungshilfe"))
        self.disability.setAccessibleName(_tr("Schwerbehinderung oder Eingliederungshilfe"))
        self.foster.setText(_tr("Pflegekind"))
        self.foster.setAccessibleName(_tr("Pflegekind"))
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
        self.duplicate_box.translate_ui()

    def _name_entry_fields(self) -> None:
        """Texts and accessible names of what depends on adding or correcting."""
        if self.editing is None:
            self.family.setAccessibleName(_tr("Familienname der neuen Person"))
            self.given.setAccessibleName(_tr("Vornamen der neuen Person"))
            self.birth.setAccessibleName(_tr("Geburtsdatum der neuen Person"))
            self.role.setAccessibleName(_tr("Rolle der neuen Person"))
            self.salutation.setAccessibleName(_tr("Anrede der neuen Person"))
            self.add_button.setText(_tr("&Person hinzufügen"))
            self.add_button.setAccessibleName(_tr("Person hinzufügen"))
            return
        name = self.editor.draft.member(self.editing).name
        self.mode_label.setText(_tr("Daten von %1 korrigieren – Enter speichert, Esc bricht ab:")
                                .replace("%1", name))
        self.mode_label.setAccessibleName(self.mode_label.text())
        self.family.setAccessibleName(_tr("Familienname von %1").replace("%1", name))
        self.given.setAccessibleName(_tr("Vornamen von %1").replace("%1", name))
        self.birth.setAccessibleName(_tr("Geburtsdatum von %1").replace("%1", name))
        self.role.setAccessibleName(_tr("Rolle von %1").replace("%1", name))
        self.salutation.setAccessibleName(_tr("Anrede von %1").replace("%1", name))
        # nothing is stored before the household is saved (Ctrl+S)
        self.add_button.setText(_tr("Änderung übernehmen (Enter)"))
        self.add_button.setAccessibleName(_tr("Änderung an %1 übernehmen").replace("%1", name))

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        draft, today = self.editor.draft, self.editor.today
        selected = self.selected_key()
        changed = self.editor.changed_members()
        self.table.setRowCount(len(draft.members))
        for row, m in enumerate(draft.members):
            flags = [t for on, t in ((m.disability, _tr("Schwerbeh.")),
                                     (m.foster_child, _tr("Pflegekind"))) if on]
            age = age_text(m.birth_date, today)
            values = (m.family_name, m.given_names,
                      f"{format_date(m.birth_date)} ({age})" if age else format_date(m.birth_date),
                      ", ".join([role_label(m.role), *flags]),
                      self._membership_text(m.valid_from, m.valid_until),
                      _tr("ja") if m.has_photo else _tr("fehlt"))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, m.key)
                if not m.present_on(today):
                    item.setForeground(Qt.GlobalColor.darkGray)
                if column == 0 and m.key in changed:
                    RecordSection.mark_unsaved(item, changed[m.key])
                self.table.setItem(row, column, item)
            if m.key == selected:
                self.table.selectRow(row)
        if self.table.currentRow() < 0 and draft.members:
            self.table.selectRow(0)
        if self.editing is not None and all(m.key != self.editing for m in draft.members):
            self.cancel_edit(focus=False)  # another household, or the person was removed
        self._suggest_role()
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
        self._suggest_role()

    # -- the role of a new person ----------------------------------------------------------
    def default_role(self, birth: date | None) -> str:
        """The role a new person gets unless the caseworker chooses another: the applicant
        first (an adult), a minor is a "Kind", an adult the "Partner/in" only while the
        household has none, else a "sonstige Person"."""
        today = self.editor.today
        present = self.editor.draft.present_members(today)
        minor = birth is not None and birth <= today and completed_years(birth, today) < 18
        if minor:
            return "child"
        if not any(m.role == "applicant" for m in present):
            return "applicant"
        if not any(m.role == "partner" for m in present):
            return "partner"
        return "other"

    def _suggest_role(self) -> None:
        if self.editing is not None or self._role_chosen:
            return
        index = self.role.findData(self.default_role(self.birth.value()))
        if index >= 0:
            self.role.setCurrentIndex(index)

    def _role_picked(self, _index: int) -> None:
        if self.editing is None:
            self._role_chosen = True

    @staticmethod
    def _membership_text(since: date | None, until: date | None) -> str:
        if until is not None:
            return _tr("bis %1").replace("%1", format_date(until))
        if since is None:
            return _tr("neu")
        return _tr("seit %1").replace("%1", format_date(since))

    def selected_key(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        has = self.selected_key() is not None
        for button in (self.edit_button, self.role_button, self.end_button, self.photo_button):
            button.setEnabled(has)

    def _with_selected(self, signal: SignalInstance) -> None:
        key = self.selected_key()
        if key is not None:
            signal.emit(key)

    def _show_age(self) -> None:
        self.age.setText(age_text(self.birth.value(), self.editor.today))

    def pending(self) -> bool:
        """Something typed for a new person that was not added yet, or a correction that
        was not saved yet."""
        if self.editing is not None:
            member = self.editor.draft.membership_on(self.editing, self.editor.today)
            shown = (self.family.text().strip(), self.given.text().strip(), self.birth.value(),
                     self.disability.isChecked(), self.foster.isChecked(),
                     self.salutation_code())
            role_changed = self.role.isEnabled() and current_code(self.role) != member.role
            return role_changed or shown != (member.family_name, member.given_names,
                                             member.birth_date, member.disability,
                                             member.foster_child, member.salutation)
        return bool(self.family.text().strip() or self.given.text().strip()
                    or self.birth.text().strip())

    def submit(self) -> bool:
        """Enter in the fields: add the new person, or save the correction."""
        return self.add_member() if self.editing is None else self.save_edit()

    def _typed_person(self) -> PersonInput | None:
        """The person in the fields, or None after showing why the birth date is no date."""
        self.errors.clear()
        birth = self.birth.value()
        if birth is None:
            message = _tr("Geburtsdatum: bitte als TT.MM.JJJJ eingeben.") if self.birth.text() \
                else _tr("Geburtsdatum: bitte eingeben (TT.MM.JJJJ).")
            if not self.family.text().strip():
                self.errors.show("family_name", _tr("Familienname: darf nicht leer sein."))
                return None
            self.errors.show("birth_date", message)
            return None
        return PersonInput(self.family.text(), self.given.text(), birth, None,
                           self.disability.isChecked(), self.foster.isChecked(),
                           self.salutation_code())

    def salutation_code(self) -> str | None:
        """``"frau"``, ``"herr"`` or ``None`` (no salutation chosen)."""
        return current_code(self.salutation) or None

    def _clear_fields(self) -> None:
        self._role_chosen = False
        for field in (self.family, self.given, self.birth):
            field.clear()
        self.salutation.setCurrentIndex(0)
        self.disability.setChecked(False)
        self.foster.setChecked(False)

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
        self._hide_duplicates()
        self.mode_label.show()
        self.cancel_button.show()
        self._name_entry_fields()
        self.family.setFocus()
        self.family.selectAll()

    def cancel_edit(self, focus: bool = True) -> None:
        """Esc: forget the correction; the fields are free for a new person again."""
        key, self.editing = self.editing, None
        self.errors.clear()
        self._clear_fields()
        self._dup_timer.stop()
        self._hide_duplicates()
        self.role.setEnabled(True)
        self.role.setToolTip("")
        self._suggest_role()
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
            return self._duplicate_refused(exc, person)
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
            return self._duplicate_refused(exc, person)
        except InvalidField as exc:
            self.errors.show(exc.field, user_message(exc))
            return False
        except KpassError as exc:
            self.error.say(user_message(exc))
            return False
        self._clear_fields()
        self._suggest_role()
        self._hide_duplicates()
        self.family.setFocus()
        return True

    # -- duplicates ------------------------------------------------------------------------
    def _duplicate_refused(self, exc: LikelyDuplicate, person: PersonInput) -> bool:
        """Saving the typed person (into a stored household) was refused: they may be a
        registered person. Ask what to do; the refusal stays at the field when cancelled.
        True when the person was saved after all (or moved here)."""
        self._dup_timer.stop()
        self.duplicate_box.show_candidates(list(exc.candidates))
        self.errors.show(exc.field.rsplit(".", 1)[-1], user_message(exc))
        typed = duplicate_dialogs.person_text(person.given_names, person.family_name,
                                              person.birth_date)
        correcting = self.editing is not None
        answer = duplicate_dialogs.ask_duplicate(self, typed, exc.candidates,
                                                 can_move=not correcting)
        if answer is None:
            self.family.setFocus()
            return False
        if answer.action == "different":
            return self.save_edit(answer.reason) if correcting \
                else self.add_member(answer.reason)
        candidate = answer.candidate
        assert candidate is not None
        if answer.action == "open":
            assert candidate.household_id is not None
            if correcting:
                self.cancel_edit(focus=False)
            else:
                self._clear_fields()
                self._hide_duplicates()
            self.open_person.emit(candidate.household_id, candidate.person_id)
            return False
        return self._move_here(candidate, current_code(self.role))

    def _move_here(self, candidate: DuplicateCandidate, role: str) -> bool:
        """Ask the role and the day, then move the registered ``candidate`` into this
        stored household (their membership so far ends the day before)."""
        name = duplicate_dialogs.person_text(candidate.given_names, candidate.family_name,
                                             candidate.birth_date)
        answer = duplicate_dialogs.ask_move(
            self, move_prompt(name, candidate.household_id),
            {code: role_label(code) for code in ROLE_LABELS}, role, self.editor.today)
        if answer is None:
            self.family.setFocus()
            return False
        role, since = answer
        assert since is not None
        if not run_service(lambda: self.editor.move_person_here(candidate, role, since),
                           self.error.say):
            self.family.setFocus()
            return False
        self.errors.clear()
        self._clear_fields()
        self._suggest_role()
        self._hide_duplicates()
        self.select_person(candidate.person_id)
        self.announced.emit(_tr("%1 zieht hierher um; die bisherige Zugehörigkeit bleibt im "
                                "Verlauf. Gespeichert wird mit dem Haushalt (Strg+S).")
                            .replace("%1", name))
        self.family.setFocus()
        return True

    def check_duplicates(self) -> None:
        self._dup_timer.stop()
        birth = self.birth.value()
        if birth is None or not self.family.text().strip() or not self.given.text().strip():
            self._hide_duplicates()
            return
        stored = [m.key for m in self.editor.draft.members if m.key > 0]
        try:
            found = find_possible_duplicates(self.editor.database, self.family.text(),
                                             self.given.text(), birth,
                                             exclude_person_ids=stored, on=self.editor.today)
        except KpassError:
            found = []
        self.duplicate_box.show_candidates(found)

    def _hide_duplicates(self) -> None:
        self.duplicate_box.clear()


def move_prompt(name: str, household_id: int | None) -> str:
    """The question before a registered person moves here."""
    if household_id is None:
        return _tr("%1 lebt derzeit in keinem Haushalt und kommt in diesen Haushalt.") \
            .replace("%1", name)
    return _tr("%1 zieht aus dem Haushalt %2 hierher um. Die Zugehörigkeit dort endet am Tag "
               "vor dem Einzug und bleibt im Verlauf.").replace("%1", name) \
        .replace("%2", str(household_id))
