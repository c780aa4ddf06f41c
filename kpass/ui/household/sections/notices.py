"""Benefit notices (Bescheide): kind, period, reference and the persons they cover.

A notice granted "bis auf Weiteres" (open-ended) has no end date: the "bis" field stays empty.
A saved notice is corrected with a reason, or removed when entered by mistake (with a reason
too); both are kept in the history and saved with the household (Ctrl+S).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpass.services.applications import last_of_month
from kpass.services.household import NoticeInput
from kpass.ui.common import dialogs
from kpass.ui.common.flow_layout import FlowLayout
from kpass.ui.common.form_widgets import (
    DateField,
    combo_with,
    current_code,
    fit_rows,
    label_for,
)
from kpass.ui.common.german_input import parse_date
from kpass.ui.common.labels import BENEFIT_KINDS, basis_text
from kpass.ui.common.run_service import run_service
from kpass.ui.household.editor import HouseholdEditor
from kpass.ui.household.sections.base import RecordSection
from kpass.ui.translation import QT_TRANSLATE_NOOP
from kpass.vocabulary import format_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("NoticeSection", text)


def until_text(until: date | None) -> str:
    """The end of a notice as the tables show it; none: "bis auf Weiteres"."""
    return _tr("bis auf Weiteres") if until is None else format_date(until)


class NoticeSection(RecordSection):
    # translated in translate_ui(); marked here for the catalog
    COLUMNS = (
        QT_TRANSLATE_NOOP("NoticeSection", "Leistung"),
        QT_TRANSLATE_NOOP("NoticeSection", "gültig ab"),
        QT_TRANSLATE_NOOP("NoticeSection", "gültig bis"),
        QT_TRANSLATE_NOOP("NoticeSection", "Aktenzeichen"),
        QT_TRANSLATE_NOOP("NoticeSection", "für"),
    )

    def __init__(self, editor: HouseholdEditor, parent: QWidget | None = None) -> None:
        # the benefit's name and the persons covered are long: they wrap
        super().__init__(editor, "noticeTable", len(self.COLUMNS), parent, wrap_columns=(0, 4))
        fit_rows(self.table, 2)
        self.kind = combo_with({k: basis_text(k) for k in BENEFIT_KINDS}, _tr("Leistung"))
        self.kind.setObjectName("noticeKind")
        self.valid_from = DateField(_tr("Gültig ab"))
        self.valid_from.setObjectName("noticeFrom")
        self.valid_until = DateField(_tr("Gültig bis"))
        self.valid_until.setObjectName("noticeUntil")
        self.reference = QLineEdit()
        self.reference.setObjectName("noticeReference")
        self.covered = QListWidget()
        self.covered.setObjectName("noticePersons")
        self.covered.setMaximumHeight(90)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addNotice")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeNotice")
        today = editor.today
        self.valid_from.set_value(today.replace(day=1))
        self.valid_until.set_value(last_of_month(today.replace(month=12)))

        form = QFormLayout()
        self.kind_label = label_for("", self.kind)
        self.from_label = label_for("", self.valid_from)
        self.until_label = label_for("", self.valid_until)
        self.reference_label = label_for("", self.reference)
        self.covered_label = label_for("", self.covered)
        form.addRow(self.kind_label, self.errors.wrap("kind", self.kind))
        # one row each: side by side they widen the form beyond the window at 125 %
        form.addRow(self.from_label, self.errors.wrap("valid_from", self.valid_from))
        form.addRow(self.until_label, self.errors.wrap("valid_until", self.valid_until))
        form.addRow(self.reference_label, self.errors.wrap("reference", self.reference))
        form.addRow(self.covered_label, self.errors.wrap("person_refs", self.covered))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        actions = FlowLayout()
        actions.addWidget(self.correct_button)
        actions.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        layout.addWidget(self.mode_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_notice)
        self.reference.returnPressed.connect(self.add_notice)
        self.remove_button.clicked.connect(self.remove_selected)
        self.watch_keys(self.kind, self.valid_from, self.valid_until, self.reference,
                        self.covered)
        self.translate_ui()

    def entry_chain(self) -> list[QWidget]:
        return [self.table, self.correct_button, self.remove_button, self.kind,
                self.valid_from, self.valid_until, self.reference, self.covered,
                self.add_button, self.cancel_button]

    def translate_ui(self) -> None:
        self.setTitle(_tr("Leistungsbescheide"))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setAccessibleName(_tr("Leistungsbescheide"))
        self.kind_label.setText(_tr("Leistung:"))
        self.from_label.setText(_tr("Gültig von:"))
        self.until_label.setText(_tr("Gültig bis:"))
        self.reference_label.setText(_tr("Aktenzeichen:"))
        self.covered_label.setText(_tr("Erfasste Personen:"))
        self.kind.setAccessibleName(_tr("Art der Leistung"))
        self.valid_from.setAccessibleName(_tr("Bescheid gültig von"))
        self.valid_until.setAccessibleName(_tr("Bescheid gültig bis (leer: bis auf Weiteres)"))
        self.valid_until.setPlaceholderText(_tr("leer: bis auf Weiteres"))
        self.valid_until.setToolTip(_tr("Leer lassen, wenn der Bescheid „bis auf Weiteres“ "
                                        "gilt (ohne Enddatum)."))
        self.reference.setAccessibleName(_tr("Aktenzeichen des Bescheids"))
        self.covered.setAccessibleName(_tr("Vom Bescheid erfasste Personen (keine Auswahl: "
                                           "ganzer Haushalt)"))
        self.covered.setToolTip(_tr("Keine Person angekreuzt: der Bescheid gilt für den "
                                    "ganzen Haushalt."))
        self.correction_changed()
        self.remove_button.setText(_tr("Entfernen …"))
        self.remove_button.setAccessibleName(_tr("Ausgewählten Bescheid entfernen …"))
        self.correct_button.setAccessibleName(_tr("Ausgewählten Bescheid berichtigen … (F2)"))

    def refresh(self) -> None:
        draft = self.editor.draft
        self.covered.clear()
        for m in draft.present_members(self.editor.today):
            item = QListWidgetItem(m.name)
            item.setData(Qt.ItemDataRole.UserRole, m.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.covered.addItem(item)
        names = {m.key: m.name for m in draft.members}
        changed = self.editor.changed_notices()
        self.table.setRowCount(len(draft.notices))
        for row, n in enumerate(draft.notices):
            who = ", ".join(names.get(k, "?") for k in n.person_keys) or _tr("ganzer Haushalt")
            values = (basis_text(n.kind), format_date(n.valid_from), until_text(n.valid_until),
                      n.reference, who)
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, n.key)
                if column == 0 and n.key in changed:
                    self.mark_unsaved(cell, changed[n.key])
                self.table.setItem(row, column, cell)
        for button in (self.correct_button, self.remove_button):
            button.setEnabled(bool(draft.notices))

    def start_over(self) -> None:
        """Before another household: the entry fields as on a fresh page."""
        today = self.editor.today
        self.kind.setCurrentIndex(0)
        self.valid_from.set_value(today.replace(day=1))
        self.valid_until.set_value(last_of_month(today.replace(month=12)))
        self.reference.clear()
        self.table.clearSelection()
        self.error.say("")

    def pending(self) -> bool:
        return bool(self.reference.text().strip())

    def add_notice(self) -> bool:
        self.errors.clear()
        start = self.valid_from.value()
        if start is None:
            self.errors.show("valid_from", _tr("Gültig von: bitte als TT.MM.JJJJ eingeben."))
            return False
        end_text = self.valid_until.text().strip()
        end = parse_date(end_text) if end_text else None  # empty: "bis auf Weiteres"
        if end_text and end is None:
            self.errors.show("valid_until", _tr("Gültig bis: bitte als TT.MM.JJJJ eingeben "
                                                "oder leer lassen (bis auf Weiteres)."))
            return False
        keys = tuple(
            int(self.covered.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.covered.count())
            if self.covered.item(i).checkState() == Qt.CheckState.Checked
        )
        if self.correcting is not None:
            return self._take_correction(self.correcting, NoticeInput(
                current_code(self.kind), start, end, self.reference.text(), keys))
        kind, reference = current_code(self.kind), self.reference.text()
        if not run_service(lambda: self.editor.add_notice(kind, start, end, reference, keys),
                           self.error.say, at_field=self.errors.show):
            return False
        self.reference.clear()
        return True

    # -- correcting and removing -----------------------------------------------------------
    def correction_changed(self) -> None:
        correcting = self.correcting is not None
        self.add_button.setText(_tr("Berichtigung übernehmen (Enter)") if correcting
                                else _tr("Bescheid ei&ntragen"))
        self.add_button.setAccessibleName(_tr("Berichtigung übernehmen") if correcting
                                          else _tr("Bescheid eintragen"))

    def first_field(self) -> QWidget:
        return self.kind

    def load_entry(self, key: int) -> None:
        notice = self.editor.draft_notice(key)
        self.kind.setCurrentIndex(max(self.kind.findData(notice.kind), 0))
        self.valid_from.set_value(notice.valid_from)
        if notice.valid_until is None:
            self.valid_until.clear()
        else:
            self.valid_until.set_value(notice.valid_until)
        self.reference.setText(notice.reference)
        for i in range(self.covered.count()):
            item = self.covered.item(i)
            covered = int(item.data(Qt.ItemDataRole.UserRole)) in notice.person_keys
            item.setCheckState(Qt.CheckState.Checked if covered else Qt.CheckState.Unchecked)

    def clear_entry(self) -> None:
        self.start_over()
        for i in range(self.covered.count()):
            self.covered.item(i).setCheckState(Qt.CheckState.Unchecked)

    def entry_text(self, key: int) -> str:
        notice = self.editor.draft_notice(key)
        text = _tr("%1 vom %2 bis %3").replace("%1", basis_text(notice.kind)).replace(
            "%2", format_date(notice.valid_from)).replace("%3", until_text(notice.valid_until))
        return f"{text} ({notice.reference})" if notice.reference else text

    def _take_correction(self, key: int, corrected: NoticeInput) -> bool:
        reason = ""
        if key > 0:
            asked = dialogs.ask_why(self, _tr("Bescheid berichtigen"), _tr(
                "%1 wird berichtigt, als wäre er von Anfang an so erfasst worden. Warum? "
                "(bleibt im Verlauf)").replace("%1", self.entry_text(key)))
            if asked is None:
                self.kind.setFocus()
                return False
            reason = asked
        if not run_service(lambda: self.editor.correct_notice(key, corrected, reason),
                           self.error.say):
            return False
        self.cancel_correction()
        return True

    def remove_selected(self) -> None:
        """Take away a notice entered by mistake (a saved one with a reason)."""
        key = self.selected_key()
        if key is None:
            self.error.say(_tr("Bitte zuerst in der Tabelle den Bescheid wählen."))
            return
        reason = ""
        if key > 0:
            asked = dialogs.ask_why(self, _tr("Bescheid entfernen"), _tr(
                "%1 wurde irrtümlich erfasst und wird entfernt. Warum? (bleibt im Verlauf)")
                .replace("%1", self.entry_text(key)))
            if asked is None:
                return
            reason = asked
        if self.correcting == key:
            self.cancel_correction()
        if run_service(lambda: self.editor.remove_notice(key, reason), self.error.say):
            self.error.say("")
