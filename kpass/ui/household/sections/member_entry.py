"""Typing a person into the household's person section: the fields and their labels, the
person read back from them, the role a new person gets, and the warning while typing that
the person may be registered already.

Kept apart from :mod:`kpass.ui.household.sections.members` (the table, the row actions and
the saving of an added or corrected person), which builds on this base class. The texts keep
the catalog context "MemberSection" they have always had.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kpass.errors import KpassError
from kpass.services.applications import completed_years
from kpass.services.household import (
    ROLE_LABELS,
    DuplicateCandidate,
    PersonInput,
    find_possible_duplicates,
)
from kpass.ui.common.form_widgets import DateField, age_text, combo_with, current_code, label_for
from kpass.ui.common.inline_errors import ErrorLabel, InlineErrors
from kpass.ui.common.labels import SALUTATION_LABELS, role_label, salutation_label
from kpass.ui.common.style import make_heading
from kpass.ui.household.duplicate_warning import DuplicateWarning
from kpass.ui.household.editor import HouseholdEditor

DUPLICATE_DELAY_MS = 250


def _tr(text: str) -> str:
    return QCoreApplication.translate("MemberSection", text)


class MemberEntry(QGroupBox):
    """The fields of one person, for a new one or for the correction of ``editing``.

    The subclass lays the fields out (``form``) and decides what Enter does with them.
    """

    def __init__(self, editor: HouseholdEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
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
        self.form = QFormLayout()
        self.family_label = label_for("", self.family)
        self.given_label = label_for("", self.given)
        self.birth_label = label_for("", self.birth)
        self.role_label = label_for("", self.role)
        self.salutation_label = label_for("", self.salutation)
        self.form.addRow(self.family_label, self.errors.wrap("family_name", self.family))
        self.form.addRow(self.given_label, self.errors.wrap("given_names", self.given))
        self.form.addRow(self.birth_label, birth_row)
        self.form.addRow(self.role_label, self.errors.wrap("role", self.role))
        self.form.addRow(self.salutation_label, self.errors.wrap("salutation", self.salutation))
        self.form.addRow("", flags)

        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(DUPLICATE_DELAY_MS)
        self._dup_timer.timeout.connect(self.check_duplicates)
        for field in (self.family, self.given, self.birth):
            field.textChanged.connect(lambda _t: self._dup_timer.start())
        self.birth.textChanged.connect(self._show_age)
        self.birth.textChanged.connect(lambda _t: self.suggest_role())
        self.role.activated.connect(self._role_picked)

    def translate_fields(self) -> None:
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

    def suggest_role(self) -> None:
        if self.editing is not None or self._role_chosen:
            return
        index = self.role.findData(self.default_role(self.birth.value()))
        if index >= 0:
            self.role.setCurrentIndex(index)

    def _role_picked(self, _index: int) -> None:
        if self.editing is None:
            self._role_chosen = True

    # -- what is typed ---------------------------------------------------------------------
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

    def clear_fields(self) -> None:
        self._role_chosen = False
        for field in (self.family, self.given, self.birth):
            field.clear()
        self.salutation.setCurrentIndex(0)
        self.disability.setChecked(False)
        self.foster.setChecked(False)

    # -- the warning while typing ----------------------------------------------------------
    def check_duplicates(self) -> None:
        self._dup_timer.stop()
        birth = self.birth.value()
        if birth is None or not self.family.text().strip() or not self.given.text().strip():
            self.hide_duplicates()
            return
        stored = [m.key for m in self.editor.draft.members if m.key > 0]
        try:
            found = find_possible_duplicates(self.editor.database, self.family.text(),
                                             self.given.text(), birth,
                                             exclude_person_ids=stored, on=self.editor.today)
        except KpassError:
            found = []
        self.duplicate_box.show_candidates(found)

    def show_duplicates(self, candidates: Sequence[DuplicateCandidate]) -> None:
        """Show these candidates now, instead of what the check while typing would find."""
        self._dup_timer.stop()
        self.duplicate_box.show_candidates(list(candidates))

    def hide_duplicates(self) -> None:
        self.duplicate_box.clear()
