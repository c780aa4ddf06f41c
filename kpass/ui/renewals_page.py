"""The renewals queue: passes expiring this month and next, and the reminder letters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpass.errors import KpassError
from kpass.models.engine import Database
from kpass.services.pass_queries import PassRow, list_passes
from kpass.ui import print_outbox
from kpass.ui.batch_jobs import BatchJob, Step, start_with_progress
from kpass.ui.form_widgets import label_for
from kpass.ui.german_input import format_date
from kpass.ui.labels import pass_type_text, status_label
from kpass.ui.preview_dialog import PreviewDialog
from kpass.ui.style import make_heading
from kpass.ui.translation import QT_TRANSLATE_NOOP, user_message

QUEUE_LIMIT = 5000
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
    # translated in translate_ui(); marked here for the catalog
    COLUMNS = (
        QT_TRANSLATE_NOOP("RenewalsPage", "Ablauf"),
        QT_TRANSLATE_NOOP("RenewalsPage", "Nummer"),
        QT_TRANSLATE_NOOP("RenewalsPage", "Name"),
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
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("renewalTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()
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
        top.addStretch(1)
        top.addWidget(self.count)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.rows: list[tuple[tuple[int, int], PassRow]] = []
        self.job: BatchJob | None = None
        self.printed: list[Path] = []
        self.preview_windows: list[PreviewDialog] = []
        self.on_printed: Callable[[list[Path], bool, str], None] | None = None
        self.scope.currentIndexChanged.connect(lambda _i: self.refresh())
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
        self.count.setAccessibleName(_tr("Anzahl"))
        self.message.setAccessibleName(_tr("Meldung"))
        self.print_button.setText(_tr("&Erinnerungen drucken"))
        self.print_button.setAccessibleName(_tr("Erinnerungsschreiben für die gewählten Monate "
                                                "drucken"))
        self.preview_button.setText(_tr("Vorschau und Dr&ucken …"))
        self.preview_button.setAccessibleName(_tr("Gedruckte Erinnerungsschreiben ansehen und "
                                                  "auf einem Drucker ausgeben"))

    def chosen_months(self) -> list[tuple[int, int]]:
        index = self.scope.currentData()
        return list(self.months) if index is None else [self.months[int(index)]]

    def refresh(self) -> None:
        self.rows = []
        try:
            for month in self.chosen_months():
                self.rows += [(month, r) for r in
                              list_passes(self.database, expiring_in=month, limit=QUEUE_LIMIT)]
        except KpassError as exc:
            self.message.setText(user_message(exc))
        self.rows.sort(key=lambda mr: (mr[1].valid_until, mr[1].name))
        self.table.setRowCount(len(self.rows))
        for row, (month, p) in enumerate(self.rows):
            values = (self.month_text(*month), p.number, p.name, pass_type_text(p.type),
                      format_date(p.valid_from), format_date(p.valid_until),
                      status_label(p.status))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, p.number)
                self.table.setItem(row, column, item)
        self.count.setText(_tr("%1 Pässe").replace("%1", str(len(self.rows))))
        if self.rows:
            self.table.selectRow(0)

    def reminder_steps(self) -> list[Step]:
        def step(year: int, month: int) -> Callable[[], Any]:
            return lambda: print_outbox.print_renewal_reminders(self.database, year, month)

        # A month in which nothing expires would stop the job with an error before the
        # other month is printed.
        listed = {month for month, _row in self.rows}
        return [(_tr("Erinnerungen für %1 …").replace("%1", self.month_text(y, m)), step(y, m))
                for y, m in self.chosen_months() if (y, m) in listed]

    def print_reminders(self, steps: list[Step] | None = None) -> BatchJob | None:
        """Print the reminder letters off the GUI thread, with progress and cancel."""
        steps = steps if steps is not None else self.reminder_steps()
        if not steps:
            self.message.setText(_tr("In den gewählten Monaten laufen keine Pässe ab."))
            return None
        self.print_button.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.message.setText(_tr("Erinnerungen werden gedruckt …"))
        self.job = start_with_progress(self, _tr("Erinnerungen drucken"), steps, self._printed)
        return self.job

    def _printed(self, results: list[Any], cancelled: bool, error: str) -> None:
        self.printed = [Path(r) for r in results]
        self.print_button.setEnabled(True)
        if error:
            text = error
        elif cancelled:
            text = _tr("Abgebrochen; fertig: %1 Datei(en).").replace("%1", str(len(results)))
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
