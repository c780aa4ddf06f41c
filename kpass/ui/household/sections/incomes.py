"""Incomes per person: the table, the entry of a new income (amount with German comma), and
ending, correcting or removing one (saved with the household, Ctrl+S).

The rows and an income in words are in :mod:`kpass.ui.household.sections.income_table`, the
warning about an income entered twice in :mod:`kpass.ui.household.sections.income_twice`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpass.services.household import PERIOD_LABELS, IncomeFact, IncomeInput
from kpass.ui.common import dialogs
from kpass.ui.common.flow_layout import FlowLayout
from kpass.ui.common.form_widgets import (
    DateField,
    combo_with,
    current_code,
    fit_rows,
    label_for,
)
from kpass.ui.common.german_input import AmountError, amount_message, parse_amount, read_amount
from kpass.ui.common.labels import INCOME_KINDS, income_kind_label, period_label
from kpass.ui.common.run_service import run_service
from kpass.ui.household.editor import HouseholdEditor
from kpass.ui.household.sections.base import RecordSection
from kpass.ui.household.sections.income_table import (
    COLUMNS,
    fill_income_table,
    income_text,
    uncounted_tooltip,
)
from kpass.ui.household.sections.income_twice import Line, TwiceWarning
from kpass.vocabulary import format_amount


def _tr(text: str) -> str:
    return QCoreApplication.translate("IncomeSection", text)


class IncomeSection(RecordSection):
    """Net incomes; the preview counts the income being typed before it is added."""

    typing = Signal()

    def __init__(self, editor: HouseholdEditor, parent: QWidget | None = None) -> None:
        super().__init__(editor, "incomeTable", len(COLUMNS), parent)
        fit_rows(self.table, 3)

        self.person = QComboBox()
        self.person.setObjectName("incomePerson")
        self.kind = combo_with({k: income_kind_label(k) for k in INCOME_KINDS}, _tr("Art"))
        self.kind.setObjectName("incomeKind")
        self.amount = QLineEdit()
        self.amount.setObjectName("incomeAmount")
        self.amount.setPlaceholderText("0,00")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.euro = QLabel("€")
        self.period = combo_with({p: period_label(p) for p in PERIOD_LABELS}, _tr("Zeitraum"))
        self.period.setObjectName("incomePeriod")
        self.valid_from = DateField(_tr("Gültig ab"))
        self.valid_from.setObjectName("incomeFrom")
        self.valid_from.set_value(editor.today.replace(day=1))
        self.add_button = QPushButton()
        self.add_button.setObjectName("addIncome")
        self.end_button = QPushButton()
        self.end_button.setObjectName("endIncome")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeIncome")
        self.twice = TwiceWarning(self.errors)
        self.confirm_button = self.twice.button

        amount_row = QHBoxLayout()
        amount_row.addWidget(self.errors.wrap("amount", self.amount), 1)
        # "€" and the period stay beside the field when a message below it takes lines
        self.euro.setMinimumHeight(self.amount.sizeHint().height())
        amount_row.addWidget(self.euro, 0, Qt.AlignmentFlag.AlignTop)
        amount_row.addWidget(self.period, 0, Qt.AlignmentFlag.AlignTop)
        form = QFormLayout()
        self.person_label = label_for("", self.person)
        self.kind_label = label_for("", self.kind)
        self.amount_label = label_for("", self.amount)
        self.from_label = label_for("", self.valid_from)
        form.addRow(self.person_label, self.errors.wrap("person_ref", self.person))
        form.addRow(self.kind_label, self.errors.wrap("kind", self.kind))
        form.addRow(self.amount_label, amount_row)
        form.addRow(self.from_label, self.errors.wrap("valid_from", self.valid_from))
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)  # before "Einkommen eintragen", in Tab order too
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        # what can be done with the selected income, on a line of its own (fits at 200 %)
        actions = FlowLayout()
        actions.addWidget(self.correct_button)
        actions.addWidget(self.end_button)
        actions.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        layout.addWidget(self.mode_label)
        layout.addLayout(form)
        layout.addLayout(buttons)

        self.amount.textChanged.connect(lambda _t: self.typing.emit())
        self.amount.returnPressed.connect(self.add_income)
        self.valid_from.returnPressed.connect(self.add_income)
        for box in (self.person, self.kind, self.period):
            box.currentIndexChanged.connect(lambda _i: self.typing.emit())
        self.add_button.clicked.connect(self.add_income)
        self.confirm_button.clicked.connect(self.add_income)
        self.amount.textChanged.connect(self.twice.forget)
        self.valid_from.textChanged.connect(self.twice.forget)
        for box in (self.person, self.kind, self.period):
            box.currentIndexChanged.connect(self.twice.forget)
        for control in (self.person, self.kind, self.period):
            control.installEventFilter(self)
        self.end_button.clicked.connect(self.end_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.watch_keys(self.person, self.kind, self.amount, self.period, self.valid_from)
        self.translate_ui()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(
                    watched, QComboBox) and not watched.view().isVisible():
            self.add_income()
            return True
        return super().eventFilter(watched, event)

    def entry_chain(self) -> list[QWidget]:
        return [self.table, self.correct_button, self.end_button, self.remove_button,
                self.person, self.kind, self.amount, self.period, self.valid_from,
                self.confirm_button, self.add_button, self.cancel_button]

    def translate_ui(self) -> None:
        self.setTitle(_tr("Einkommen (netto)"))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        self.table.setAccessibleName(_tr("Einkommen"))
        self.person_label.setText(_tr("Person:"))
        self.kind_label.setText(_tr("Art:"))
        self.amount_label.setText(_tr("Betrag:"))
        self.from_label.setText(_tr("Datum ab:"))
        self.person.setAccessibleName(_tr("Person, die das Einkommen bezieht"))
        self.kind.setAccessibleName(_tr("Art des Einkommens"))
        self.amount.setAccessibleName(_tr("Betrag in Euro"))
        self.period.setAccessibleName(_tr("Zeitraum des Betrags"))
        self.valid_from.setAccessibleName(_tr("Einkommen gültig ab"))
        self.euro.setAccessibleName(_tr("Euro"))
        self.correction_changed()
        self.twice.translate_ui()
        self.end_button.setText(_tr("Beenden …"))
        self.end_button.setAccessibleName(_tr("Ausgewähltes Einkommen beenden …"))
        self.remove_button.setText(_tr("Entfernen …"))
        self.remove_button.setAccessibleName(_tr("Ausgewähltes Einkommen entfernen …"))
        self.correct_button.setAccessibleName(
            _tr("Ausgewähltes Einkommen berichtigen … (F2)"))
        self._mark_uncounted_kinds()

    def _mark_uncounted_kinds(self) -> None:
        """A tooltip on the kinds the rules accept but do not count."""
        for index in range(self.kind.count()):
            tip = uncounted_tooltip(str(self.kind.itemData(index)), self.editor.today)
            self.kind.setItemData(index, tip, Qt.ItemDataRole.ToolTipRole)

    def refresh(self) -> None:
        draft = self.editor.draft
        chosen = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        for m in draft.present_members(self.editor.today):
            self.person.addItem(m.name, m.key)
        index = self.person.findData(chosen)
        self.person.setCurrentIndex(max(index, 0))
        self.person.blockSignals(False)
        fill_income_table(self.table, draft.incomes, self._names(), self.editor.today,
                          self.editor.changed_incomes())
        for button in (self.correct_button, self.end_button, self.remove_button):
            button.setEnabled(bool(draft.incomes))
        self.add_button.setEnabled(self.person.count() > 0)

    def _names(self) -> dict[int, str]:
        return {m.key: m.name for m in self.editor.draft.members}

    def pending(self) -> bool:
        return bool(self.amount.text().strip())

    def pending_income(self) -> IncomeFact | None:
        """The income being typed, if it is complete enough to count in the preview."""
        amount = parse_amount(self.amount.text())
        day = self.valid_from.value()
        if amount is None or day is None or self.person.currentData() is None:
            return None
        return IncomeFact(int(self.person.currentData()), current_code(self.kind), amount,
                          current_code(self.period), day, None)

    def add_income(self) -> bool:
        """Add the typed income; False with a message at the field when it cannot be taken,
        or with a warning when the same income is already entered and not ended (asked
        again, by Enter or "Trotzdem eintragen", it is added)."""
        self.errors.clear()
        if self.person.currentData() is None:
            self.twice.forget()
            self.error.say(_tr("Bitte zuerst eine Person erfassen."))
            return False
        try:
            amount = read_amount(self.amount.text())
        except AmountError as exc:
            self.twice.forget()
            self.errors.show("amount", amount_message(exc))
            return False
        day = self.valid_from.value()
        if day is None:
            self.twice.forget()
            self.errors.show("valid_from", _tr("Gültig ab: bitte als TT.MM.JJJJ eingeben."))
            return False
        line: Line = (int(self.person.currentData()), current_code(self.kind), amount,
                      current_code(self.period), day)
        if self.correcting is not None:
            return self._take_correction(self.correcting, line)
        if self.twice.holds_back(line, self.editor.draft.incomes, self.editor.today):
            self.twice.warn(line, self._names())
            return False
        self.twice.forget()
        if not run_service(lambda: self.editor.add_income(*line), self.error.say,
                           at_field=self.errors.show):
            return False
        self.amount.clear()
        self.person.setFocus()
        return True

    # -- correcting, ending, removing -------------------------------------------------------
    def correction_changed(self) -> None:
        correcting = self.correcting is not None
        self.add_button.setText(_tr("Berichtigung übernehmen (Enter)") if correcting
                                else _tr("Einkommen ein&tragen"))
        self.add_button.setAccessibleName(_tr("Berichtigung übernehmen") if correcting
                                          else _tr("Einkommen eintragen"))

    def first_field(self) -> QWidget:
        return self.amount

    def load_entry(self, key: int) -> None:
        income = self.editor.draft_income(key)
        self.person.setCurrentIndex(max(self.person.findData(income.person_key), 0))
        self.kind.setCurrentIndex(max(self.kind.findData(income.kind), 0))
        self.amount.setText(format_amount(income.amount))
        self.period.setCurrentIndex(max(self.period.findData(income.period), 0))
        self.valid_from.set_value(income.valid_from)

    def clear_entry(self) -> None:
        self.amount.clear()
        self.kind.setCurrentIndex(0)
        self.period.setCurrentIndex(0)
        self.valid_from.set_value(self.editor.today.replace(day=1))

    def entry_text(self, key: int) -> str:
        return income_text(self.editor.draft_income(key), self._names())

    def _take_correction(self, key: int, line: Line) -> bool:
        reason = ""
        if key > 0:
            asked = dialogs.ask_why(self, _tr("Einkommen berichtigen"), _tr(
                "%1 wird berichtigt, als wäre es von Anfang an so erfasst worden. Warum? "
                "(bleibt im Verlauf)").replace("%1", self.entry_text(key)))
            if asked is None:
                self.amount.setFocus()
                return False
            reason = asked
        person, kind, amount, period, day = line
        done = run_service(lambda: self.editor.correct_income(
            key, IncomeInput(person, kind, amount, period, day), reason), self._show_refusal)
        if not done:
            return False
        self.cancel_correction()
        return True

    def _show_refusal(self, message: str) -> None:
        self.error.say(message)

    def end_selected(self) -> None:
        """The selected income is paid until a day (asked; an income not saved yet is just
        taken away)."""
        key = self.selected_key()
        if key is None:
            self.error.say(_tr("Bitte zuerst in der Tabelle das Einkommen wählen."))
            return
        if key < 0:
            self.editor.remove_income(key, "")
            return
        until = dialogs.ask_day(self, _tr("Einkommen beenden"), _tr(
            "%1: letzter Tag, für den es gezahlt wird:").replace("%1", self.entry_text(key)),
            self.editor.today)
        if until is not None and run_service(lambda: self.editor.end_income(key, until),
                                             self._show_refusal):
            self.error.say("")

    def remove_selected(self) -> None:
        """Take away an income entered by mistake (a saved one with a reason)."""
        key = self.selected_key()
        if key is None:
            self.error.say(_tr("Bitte zuerst in der Tabelle das Einkommen wählen."))
            return
        reason = ""
        if key > 0:
            asked = dialogs.ask_why(self, _tr("Einkommen entfernen"), _tr(
                "%1 wurde irrtümlich erfasst und wird entfernt (es zählt dann auch nicht für "
                "die Vergangenheit). Warum? (bleibt im Verlauf)").replace(
                "%1", self.entry_text(key)))
            if asked is None:
                return
            reason = asked
        if self.correcting == key:
            self.cancel_correction()
        if run_service(lambda: self.editor.remove_income(key, reason), self._show_refusal):
            self.error.say("")
