"""The report of a run as the wizard shows it: the counts, a table of the rows skipped or to
check with their reasons (and the hints on households taken over), and saving it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpass.services.register_import import (
    IMPORTED,
    READY,
    SKIPPED,
    TO_CHECK,
    ImportReport,
    report_rows,
    save_report,
)
from kpass.ui.common.form_widgets import record_table
from kpass.ui.common.run_service import run_service
from kpass.ui.common.style import MessageBar
from kpass.ui.register_import.texts import (
    KIND_LABELS,
    in_language,
    report_language,
    status_label,
    tr,
)

ROWS, HOUSEHOLD, RESULT, KIND, TEXT = range(5)


def summary_text(report: ImportReport) -> str:
    """The counts, as the person reads them before deciding (counts after the words, so
    that one household reads as well as many)."""
    lines = [tr("Probelauf — nichts wurde gespeichert.")] if report.dry_run else []
    lines.append(tr("Datei „%1“, gelesen als %2 — Zeilen: %3, Haushalte: %4.")
                 .replace("%1", report.file)
                 .replace("%2", in_language(report.encoding_de, report.encoding_en))
                 .replace("%3", str(report.rows)).replace("%4", str(len(report.households))))
    if report.dry_run:
        good = [h for h in report.households if h.status in (IMPORTED, READY)]
        lines.append(tr("Haushalte in Ordnung: %1 (Personen: %2, Pässe: %3).")
                     .replace("%1", str(len(good)))
                     .replace("%2", str(sum(h.persons for h in good)))
                     .replace("%3", str(sum(len(h.passes) for h in good))))
    else:
        lines.append(tr("Haushalte übernommen: %1 (Personen: %2, Pässe: %3).")
                     .replace("%1", str(report.count(IMPORTED)))
                     .replace("%2", str(report.imported_persons))
                     .replace("%3", str(report.imported_passes)))
        if report.count(READY):
            lines.append(tr("Haushalte in Ordnung, aber nicht gespeichert: %1.")
                         .replace("%1", str(report.count(READY))))
    lines.append(tr("Haushalte übersprungen: %1. Haushalte zu prüfen: %2.")
                 .replace("%1", str(report.count(SKIPPED)))
                 .replace("%2", str(report.count(TO_CHECK))))
    return "\n".join(lines)


class ReportView(QWidget):
    """``household_chosen(id)``: the person wants to open a household the run imported."""

    household_chosen = Signal(int)

    def __init__(self, object_name: str, *, everything: bool = False,
                 parent: QWidget | None = None) -> None:
        """``everything``: a line for every household, also those without a reason (after
        the real run: what was kept); else only the reasons and hints."""
        super().__init__(parent)
        self.setObjectName(object_name)
        self.everything = everything
        self.report: ImportReport | None = None
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = record_table("importReportTable", 5, wrap_columns=(TEXT,))
        self.table.setHorizontalHeaderLabels([tr("Zeile"), tr("Haushalt"), tr("Ergebnis"),
                                              tr("Art"), tr("Grund oder Hinweis")])
        self.table_label = QLabel(tr("&Gründe und Hinweise (Zeilen der Datei):"))
        self.table_label.setBuddy(self.table)
        self.table.setAccessibleName(tr("Gründe und Hinweise (Zeilen der Datei)"))
        self.empty = QLabel(tr("Keine Zeile wurde beanstandet."))
        self.empty.setObjectName("importReportEmpty")
        self.empty.hide()
        self.save_text = QPushButton(tr("Bericht als &Text speichern …"))
        self.save_text.setAccessibleName(tr("Bericht als Text speichern …"))
        self.save_csv = QPushButton(tr("Bericht als CS&V speichern …"))
        self.save_csv.setAccessibleName(tr("Bericht als CSV speichern …"))
        self.message = MessageBar("importReportMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_text)
        buttons.addWidget(self.save_csv)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.save_text.clicked.connect(lambda: self.ask_and_save("txt"))
        self.save_csv.clicked.connect(lambda: self.ask_and_save("csv"))
        self.table.itemActivated.connect(self._activated)
        self.show_report(None)

    def show_report(self, report: ImportReport | None) -> None:
        self.report = report
        self.message.say("")
        self.table.setRowCount(0)
        has_report = report is not None
        for widget in (self.summary, self.table_label, self.table, self.save_text,
                       self.save_csv):
            widget.setVisible(has_report)
        self.empty.setVisible(False)
        if report is None:
            return
        self.summary.setText(summary_text(report))
        rows = report_rows(report, everything=self.everything)
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            texts = (row.rows, row.household, status_label(row.status, dry_run=report.dry_run),
                     tr(KIND_LABELS[row.kind]), in_language(row.message_de, row.message_en))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if column == TEXT and not text and row.status == IMPORTED:
                    item.setText(tr("Haushalt Nr. %1 im Register").replace(
                        "%1", str(row.household_id)))
                if column == ROWS:
                    item.setData(Qt.ItemDataRole.UserRole, row.household_id)
                self.table.setItem(index, column, item)
        self.table_label.setVisible(bool(rows))
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if rows:
            self.table.setCurrentCell(0, 0)

    def chosen_household(self) -> int | None:
        """The imported household of the selected row (None: none)."""
        row = self.table.currentRow()
        item = self.table.item(row, ROWS) if row >= 0 else None
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    def _activated(self, _item: QTableWidgetItem) -> None:
        household = self.chosen_household()
        if household is not None:
            self.household_chosen.emit(household)

    def suggested_name(self, ending: str) -> str:
        stem = Path(self.report.file).stem if self.report is not None else "import"
        kind = tr("probelauf") if self.report is not None and self.report.dry_run \
            else tr("import")
        return f"{stem}-{kind}-{tr('bericht')}.{ending}"

    def ask_and_save(self, ending: str) -> None:
        if self.report is None:
            return
        if ending == "csv":
            title, pattern = tr("Bericht als CSV speichern"), tr("CSV-Dateien (*.csv)")
        else:
            title, pattern = tr("Bericht als Text speichern"), tr("Textdateien (*.txt)")
        name, _ = QFileDialog.getSaveFileName(self, title, self.suggested_name(ending),
                                              pattern)
        if name:
            self.save(Path(name), ending)

    def save(self, path: Path, ending: str) -> bool:
        """Write the report to ``path`` (the ending added if missing); says where it went."""
        if self.report is None:
            return False
        if path.suffix.lower() != f".{ending}":
            path = path.with_name(f"{path.name}.{ending}")
        report = self.report
        done = run_service(lambda: save_report(path, report, report_language()),
                           self.message.show_error)
        if done:
            self.message.say(tr("Bericht gespeichert: %1").replace("%1", str(path)))
        return bool(done)
