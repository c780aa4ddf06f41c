"""The renewals queue: passes expiring this month and next, and the reminder letters.

By expiry, then family name and given names; a filter narrows it as one types; Enter or a
double click opens the holder's household."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpass.services import Database
from kpass.services.passes import RenewalRow, filter_words, renewal_queue
from kpass.ui.common.background import BackgroundJobs, Job, JobOutcome, Step
from kpass.ui.common.batch_jobs import start_with_progress
from kpass.ui.common.form_widgets import column_width, label_for
from kpass.ui.common.labels import pass_status_text, pass_type_text
from kpass.ui.common.list_table import list_table
from kpass.ui.common.run_service import run_service
from kpass.ui.common.style import make_heading
from kpass.ui.printing import outbox as print_outbox
from kpass.ui.printing.preview_dialog import PreviewDialog
from kpass.ui.translation import QT_TRANSLATE_NOOP
from kpass.vocabulary import PASS_TYPES, format_date

QUEUE_LIMIT = 5000
# Typical contents of the columns (RenewalsPage.COLUMNS), for their widths; Name stretches.
_COLUMN_SAMPLES = ("September 2027", "KA-000000-00", "", "000000", "Weiherfeld-Dammerstock",
                   "Karlsruher Kinderpass", "00.00.0000", "00.00.0000",
                   "gültig, gesperrt ab 00.00.0000")
_NAME_COLUMN = 2
_PASS_COLUMN = 5
# translated in month_text(); marked here for the catalog
MONTH_NAMES = (
    QT_TRANSLATE_NOOP("RenewalsPage", "Januar"),
    QT_TRANSLATE_NOOP("RenewalsPage", "Februar"),
    QT_TRANSLATE_NOOP("RenewalsPage", "März"),
    QT_TRANSLATE_NOOP("RenewalsPage", "April"),
    QT_TRANSLATE_NOOP("RenewalsPage", "Mai"),
    QT_TRANSLATE_NOOP("RenewalsPage", "Juni"),
    QT_TRANSLATE_NOOP("RenewalsPage", "Juli"),
    QT_TRANSLATE_NOOP("RenewalsPage", "August"),
    QT_TRANSLATE_NOOP("RenewalsPage", "September"),
    QT_TRANSLATE_NOOP("RenewalsPage", "Oktober"),
    QT_TRANSLATE_NOOP("RenewalsPage", "November"),
    QT_TRANSLATE_NOOP("RenewalsPage", "Dezember"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("RenewalsPage", text)


def next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


class RenewalsPage(QWidget):
    """The queue; ``household_opened`` carries the household of the row opened and the
    pass holder, who is then the selected person (the pass actions act on them)."""

    household_opened = Signal(int, int)

    # translated in translate_ui(); marked here for the catalog
    COLUMNS = (
        QT_TRANSLATE_NOOP("RenewalsPage", "Ablauf"),
        QT_TRANSLATE_NOOP("RenewalsPage", "Nummer"),
        QT_TRANSLATE_NOOP("RenewalsPage", "Name"),
        QT_TRANSLATE_NOOP("RenewalsPage", "Haushalt"),
        QT_TRANSLATE_NOOP("RenewalsPage", "Stadtteil"),
        QT_TRANSLATE_NOOP("RenewalsPage", "Pass"),
        QT_TRANSLATE_NOOP("RenewalsPage", "gültig ab"),
        QT_TRANSLATE_NOOP("RenewalsPage", "gültig bis"),
        QT_TRANSLATE_NOOP("RenewalsPage", "Status"),
    )

    def __init__(self, database: Database, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("renewalsPage")
        self.database = database
        self.today = today or date.today()
        this = (self.today.year, self.today.month)
        self.months = [this, next_month(*this)]
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        make_heading(self.title)
        self.scope = QComboBox()
        self.scope.setObjectName("renewalScope")
        self.table = list_table(len(self.COLUMNS), "renewalTable", stretch=_NAME_COLUMN,
                                single=False)
        self.filter_field = QLineEdit()
        self.filter_field.setObjectName("renewalFilter")
        self.filter_field.setClearButtonEnabled(True)
        self.filter_label = label_for("", self.filter_field)
        self.count = QLabel()
        self.count.setObjectName("renewalCount")
        self.hint = QLabel()
        self.hint.setObjectName("keyHint")
        self.print_button = QPushButton()
        self.print_button.setObjectName("printReminders")
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("previewReminders")
        self.preview_button.setEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.scope_label = label_for("", self.scope)
        top = QHBoxLayout()
        top.addWidget(self.scope_label)
        top.addWidget(self.scope)
        top.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        top.addWidget(self.filter_label)
        top.addWidget(self.filter_field, 1)
        top.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        top.addWidget(self.count)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addLayout(bottom)
        self.rows: list[RenewalRow] = []
        self.jobs = BackgroundJobs(self)
        self.job: Job | None = None
        self.printed: list[Path] = []
        self.preview_windows: list[PreviewDialog] = []
        self.on_printed: Callable[[list[Path], bool, str], None] | None = None
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
        self.filter_field.textChanged.connect(lambda _text: self.apply_filter())
        self.filter_field.returnPressed.connect(self._focus_table)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.print_button.clicked.connect(lambda: self.print_reminders())
        self.preview_button.clicked.connect(lambda: self.show_printed())
        self.translate_ui()

    def month_text(self, year: int, month: int) -> str:
        return f"{_tr(MONTH_NAMES[month - 1])} {year}"

    def translate_ui(self) -> None:
        self.title.setText(_tr("Verlängerungen: Pässe, die bald ablaufen"))
        self.title.setAccessibleName(_tr("Verlängerungen"))
        self.scope_label.setText(_tr("&Ablaufmonat:"))
        current = self.scope.currentIndex()
        self.scope.blockSignals(True)
        self.scope.clear()
        first, second = self.months
        self.scope.addItem(_tr("%1 und %2").replace("%1", self.month_text(*first))
                           .replace("%2", self.month_text(*second)), None)
        self.scope.addItem(self.month_text(*first), 0)
        self.scope.addItem(self.month_text(*second), 1)
        self.scope.setCurrentIndex(max(current, 0))
        self.scope.blockSignals(False)
        self.scope.setAccessibleName(_tr("Ablaufmonat"))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setAccessibleName(_tr("Ablaufende Pässe"))
        self.filter_label.setText(_tr("&Filter:"))
        self.filter_field.setPlaceholderText(_tr("Name, Passnummer, Haushalt oder Stadtteil"))
        self.filter_field.setAccessibleName(_tr("Liste filtern"))
        self.filter_field.setAccessibleDescription(
            _tr("Zeigt nur die Pässe, bei denen jedes eingegebene Wort am Anfang eines Namens, "
                "der Passnummer, der Haushaltsnummer oder des Stadtteils steht"))
        self.count.setAccessibleName(_tr("Anzahl"))
        self.hint.setText(_tr("Eingabe im Filter: Liste · Eingabe oder Doppelklick in der Liste: "
                              "Haushalt öffnen"))
        self.hint.setAccessibleName(_tr("Tastenkürzel"))
        self.message.setAccessibleName(_tr("Meldung"))
        self.print_button.setText(_tr("&Erinnerungen drucken"))
        self.print_button.setAccessibleName(_tr("Erinnerungsschreiben für die gewählten Monate "
                                                "drucken"))
        self.preview_button.setText(_tr("Vorschau und Dr&ucken …"))
        self.preview_button.setAccessibleName(_tr("Gedruckte Erinnerungsschreiben ansehen und "
                                                  "auf einem Drucker ausgeben"))
        self.fit_columns()
        self.update_count()

    def fit_columns(self) -> None:
        """Widths for typical contents in the current font (it scales with the system
        setting), never narrower than the header."""
        for column, sample in enumerate(_COLUMN_SAMPLES):
            if column == _NAME_COLUMN:
                continue
            texts = [sample]
            if column == _PASS_COLUMN:
                texts += [pass_type_text(kind) for kind in PASS_TYPES]
            self.table.setColumnWidth(
                column, column_width(self.table, texts, _tr(self.COLUMNS[column])))

    def chosen_months(self) -> list[tuple[int, int]]:
        index = self.scope.currentData()
        return list(self.months) if index is None else [self.months[int(index)]]

    def refresh(self) -> None:
        """Read the queue of the chosen months afresh; the filter stays."""
        queue = run_service(lambda: renewal_queue(self.database, self.chosen_months(),
                                                  on=self.today, limit=QUEUE_LIMIT),
                            self.message.setText)
        self.rows = queue.value or []
        self.table.setUpdatesEnabled(False)
        try:
            self.table.clearContents()
            self.table.setRowCount(len(self.rows))
            for row, queued in enumerate(self.rows):
                p = queued.pass_row
                values = (self.month_text(*queued.month), p.number,
                          f"{queued.family_name}, {queued.given_names}",
                          "" if queued.household_id is None else str(queued.household_id),
                          queued.stadtteil or "", pass_type_text(p.type),
                          format_date(p.valid_from), format_date(p.valid_until),
                          pass_status_text(p.status, p.revoked_on, self.today))
                for column, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    item.setData(Qt.ItemDataRole.UserRole, p.number)
                    self.table.setItem(row, column, item)
        finally:
            self.table.setUpdatesEnabled(True)
        self.apply_filter()

    def apply_filter(self) -> None:
        """Hide the rows the filter's words do not match; keep a visible row selected."""
        typed = filter_words(self.filter_field.text())
        self.table.setUpdatesEnabled(False)
        try:
            for row, queued in enumerate(self.rows):
                self.table.setRowHidden(row, not queued.matches(typed))
        finally:
            self.table.setUpdatesEnabled(True)
        current = self.table.currentRow()
        if current < 0 or self.table.isRowHidden(current):
            first = self.first_shown_row()
            if first is None:
                self.table.clearSelection()
                self.table.setCurrentCell(-1, -1)
            else:
                self.table.selectRow(first)
        self.update_count()

    def shown_rows(self) -> list[int]:
        """The table rows the filter lets through, top to bottom."""
        return [row for row in range(self.table.rowCount()) if not self.table.isRowHidden(row)]

    def first_shown_row(self) -> int | None:
        return next((row for row in range(self.table.rowCount())
                     if not self.table.isRowHidden(row)), None)

    def update_count(self) -> None:
        total = len(self.rows)
        shown = total - sum(1 for row in range(self.table.rowCount())
                            if self.table.isRowHidden(row))
        if shown == total:
            text = _tr("1 Pass") if total == 1 else _tr("%1 Pässe").replace("%1", str(total))
        else:
            text = (_tr("%1 von 1 Pass") if total == 1 else _tr("%1 von %2 Pässen")).replace(
                "%1", str(shown)).replace("%2", str(total))
        self.count.setText(text)

    def _focus_table(self) -> None:
        first = self.first_shown_row()
        if first is None:
            return
        self.table.setFocus()
        if self.table.currentRow() < 0 or self.table.isRowHidden(self.table.currentRow()):
            self.table.selectRow(first)

    def open_row(self, row: int) -> None:
        """Open the household of the holder in ``row`` (Enter or a double click)."""
        if not 0 <= row < len(self.rows) or self.table.isRowHidden(row):
            return
        household = self.rows[row].household_id
        if household is None:
            self.message.setText(_tr("%1 gehört heute zu keinem Haushalt.").replace(
                "%1", f"{self.rows[row].given_names} {self.rows[row].family_name}"))
            return
        self.household_opened.emit(household, self.rows[row].pass_row.person_id)

    def reminder_steps(self) -> list[Step]:
        def step(year: int, month: int) -> Callable[[], Any]:
            return lambda: print_outbox.print_renewal_reminders(self.database, year, month)

        # A month in which nothing expires would stop the job with an error before the
        # other month is printed.
        listed = {queued.month for queued in self.rows}
        return [(_tr("Erinnerungen für %1 …").replace("%1", self.month_text(y, m)), step(y, m))
                for y, m in self.chosen_months() if (y, m) in listed]

    def print_reminders(self, steps: list[Step] | None = None) -> Job | None:
        """Print the reminder letters off the GUI thread, with progress and cancel."""
        steps = steps if steps is not None else self.reminder_steps()
        if not steps:
            self.message.setText(_tr("In den gewählten Monaten laufen keine Pässe ab."))
            return None
        self.print_button.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.message.setText(_tr("Erinnerungen werden gedruckt …"))
        self.job = start_with_progress(self.jobs, _tr("Erinnerungen drucken"), steps,
                                       self._printed)
        return self.job

    def stop(self) -> None:
        """Print no further month and wait for the one being printed (the page closes)."""
        self.jobs.stop()
        self.job = None
        self.print_button.setEnabled(True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    def _printed(self, outcome: JobOutcome) -> None:
        self.job = None
        cancelled, error = outcome.cancelled, outcome.error
        self.printed = [Path(r) for r in outcome.results]
        self.print_button.setEnabled(True)
        if error:
            text = error
        elif cancelled:
            text = _tr("Abgebrochen; fertig: %1 Datei(en).").replace(
                "%1", str(len(outcome.results)))
        else:
            text = _tr("Gedruckt: %1").replace("%1", ", ".join(p.name for p in self.printed))
        self.message.setText(text)
        self.preview_button.setEnabled(any(p.is_file() for p in self.printed))
        if self.isVisible():  # the disabled print button had lost the focus
            (self.preview_button if self.preview_button.isEnabled()
             else self.print_button).setFocus()
        if self.on_printed is not None:
            self.on_printed(self.printed, cancelled, error)

    def show_printed(self) -> list[PreviewDialog]:
        """A preview of each letter file just made, from which it goes to a printer."""
        opened = []
        for pdf in self.printed:
            if not pdf.is_file():
                continue
            dialog = PreviewDialog(pdf, _tr("Erinnerungsschreiben (%1)").replace("%1", pdf.name),
                                   self)
            self.preview_windows.append(dialog)
            dialog.show()
            opened.append(dialog)
        return opened
