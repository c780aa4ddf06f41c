"""The objections page's small evaluation: how the objections of a period ended, in time or
late — counts only, from the same service as ``kpass stats objections`` (small counts shown
as ``·`` unless the login may see exact statistics), and its export for Sozialplanung."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpass.services import Database
from kpass.services.access import Permission, can
from kpass.services.objections import (
    OUTCOMES,
    ObjectionTable,
    export_objection_statistics,
    objection_statistics,
    suggested_objection_file_name,
)
from kpass.ui.common.form_widgets import column_width, label_for
from kpass.ui.common.run_service import run_service
from kpass.ui.translation import QT_TRANSLATE_NOOP

# translated where shown; marked here for the catalog
OUTCOME_TEXTS = {
    "remedied": QT_TRANSLATE_NOOP("ObjectionSummary", "abgeholfen"),
    "rejected": QT_TRANSLATE_NOOP("ObjectionSummary", "zurückgewiesen"),
    "withdrawn": QT_TRANSLATE_NOOP("ObjectionSummary", "zurückgenommen"),
    "open": QT_TRANSLATE_NOOP("ObjectionSummary", "offen"),
}
COLUMNS = (
    QT_TRANSLATE_NOOP("ObjectionSummary", "fristgerecht"),
    QT_TRANSLATE_NOOP("ObjectionSummary", "verspätet"),
    QT_TRANSLATE_NOOP("ObjectionSummary", "Insgesamt"),
)
EXPORT_FILTERS = {
    "csv": QT_TRANSLATE_NOOP("ObjectionSummary", "CSV für Excel (*.csv)"),
    "xlsx": QT_TRANSLATE_NOOP("ObjectionSummary", "Excel-Arbeitsmappe (*.xlsx)"),
    "json": QT_TRANSLATE_NOOP("ObjectionSummary", "JSON (*.json)"),
}
SUPPRESSED = "·"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ObjectionSummary", text)


def months_between(first: date, last: date) -> list[str]:
    """``YYYY-MM`` of every month from ``first``'s to ``last``'s."""
    start, end = first.year * 12 + first.month - 1, last.year * 12 + last.month - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(start, end + 1)]


class ObjectionSummary(QGroupBox):
    """Outcome (rows) × in time / late (columns) for the period chosen."""

    def __init__(self, database: Database, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectionSummary")
        self.database = database
        self.today = today
        self.period = QComboBox()
        self.period.setObjectName("summaryPeriod")
        self.period_label = label_for("", self.period)
        self.table = QTableWidget(len(OUTCOMES) + 1, len(COLUMNS))
        self.table.setObjectName("summaryTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.legend = QLabel()
        self.legend.setObjectName("summaryLegend")
        self.legend.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.setObjectName("summaryExport")
        self.message = QLabel()
        self.message.setObjectName("summaryMessage")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.period_label)
        top.addWidget(self.period, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.legend, 1)
        bottom.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.shown: ObjectionTable | None = None
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.export_button.clicked.connect(lambda: self.ask_and_export())
        self.translate_ui()

    def periods(self) -> list[tuple[str, list[str]]]:
        """(label, months) of the periods offered: this year, the last 12 months, last year."""
        year = self.today.year
        back = date(year - 1, self.today.month, 1) if self.today.month == 12 else \
            date(year - 1, self.today.month + 1, 1)
        return [
            (_tr("dieses Jahr (%1)").replace("%1", str(year)),
             months_between(date(year, 1, 1), self.today)),
            (_tr("letzte 12 Monate"), months_between(back, self.today)),
            (_tr("letztes Jahr (%1)").replace("%1", str(year - 1)),
             months_between(date(year - 1, 1, 1), date(year - 1, 12, 1))),
        ]

    def translate_ui(self) -> None:
        self.setTitle(_tr("Auswertung: Ergebnis der Widersprüche (ohne Personen)"))
        self.period_label.setText(_tr("Zeitr&aum:"))
        self.period.setAccessibleName(_tr("Zeitraum der Auswertung"))
        current = max(self.period.currentIndex(), 0)
        self.period.blockSignals(True)
        self.period.clear()
        for label, _months in self.periods():
            self.period.addItem(label)
        self.period.setCurrentIndex(current)
        self.period.blockSignals(False)
        self.table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        self.table.setVerticalHeaderLabels([_tr(OUTCOME_TEXTS[o]) for o in OUTCOMES]
                                           + [_tr("Insgesamt")])
        self.table.setAccessibleName(_tr("Widersprüche nach Ergebnis und Frist"))
        for column, header in enumerate(COLUMNS):
            self.table.setColumnWidth(column, column_width(self.table, ["0000"], _tr(header)))
        self.export_button.setText(_tr("Expor&tieren …"))
        self.export_button.setAccessibleName(_tr("Auswertung exportieren (CSV, Excel, JSON)"))
        self.export_button.setToolTip(_tr("Monatsweise, kleine Zahlen geheimgehalten: zur "
                                          "Weitergabe an die Sozialplanung"))
        self.legend.setAccessibleName(_tr("Hinweis zur Auswertung"))
        self.message.setAccessibleName(_tr("Meldung"))

    def chosen_months(self) -> list[str]:
        return self.periods()[max(self.period.currentIndex(), 0)][1]

    def exact(self) -> bool:
        return can(self.database, Permission.EXACT_STATISTICS)

    def refresh(self) -> None:
        exact = self.exact()
        done = run_service(lambda: objection_statistics(self.database, self.chosen_months(),
                                                        exact=exact, by_month=False),
                           self.message.setText)
        if not done:
            return
        self.message.setText("")
        table = done.result()
        self.shown = table
        [grid] = table.grids
        hidden = False
        for row, cells in enumerate(grid.cells):
            for column, count in enumerate(cells):
                hidden = hidden or count is None
                item = QTableWidgetItem(SUPPRESSED if count is None else str(count))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
                if count is None:
                    item.setToolTip(_tr("geheimgehalten"))
                self.table.setItem(row, column, item)
        if exact:
            legend = _tr("Exakte Zahlen – nur für den Dienstgebrauch.")
        elif hidden:
            legend = _tr("· = geheimgehalten: kleine Zahlen (1 bis 4) und was aus ihnen "
                         "errechnet werden könnte.")
        else:
            legend = _tr("Kleine Zahlen (1 bis 4) würden als · geheimgehalten.")
        self.legend.setText(legend + " " + _tr("Offen: am heutigen Tag noch nicht erledigt."))
        self._fit_table()

    def _fit_table(self) -> None:
        """Exactly as large as its cells: no empty band beside or below them."""
        self.table.resizeRowsToContents()
        self.table.resizeColumnsToContents()
        for column, header in enumerate(COLUMNS):
            self.table.setColumnWidth(column, max(self.table.columnWidth(column), column_width(
                self.table, ["0000"], _tr(header))))
        frame = 2 * self.table.frameWidth()
        width = self.table.verticalHeader().width() + frame + sum(
            self.table.columnWidth(c) for c in range(self.table.columnCount()))
        height = self.table.horizontalHeader().height() + frame + sum(
            self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedSize(width, height)

    def cell_text(self, outcome: str | None, column: int) -> str:
        """The text shown for ``outcome`` (None: the totals row) in ``column``."""
        row = len(OUTCOMES) if outcome is None else OUTCOMES.index(outcome)
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def export(self, path: Path, kind: str) -> Path | None:
        """Write the chosen period month by month, small counts suppressed (for handing on)."""
        done = run_service(lambda: export_objection_statistics(
            self.database, self.chosen_months(), kind, path, ensure_suffix=True),
            self.message.setText)
        if not done:
            return None
        written = done.result()
        self.message.setText(_tr("Gespeichert: %1").replace("%1", str(written)))
        return written

    def ask_and_export(self) -> Path | None:
        months = self.chosen_months()
        filters = {_tr(text): kind for kind, text in EXPORT_FILTERS.items()}
        name, chosen = QFileDialog.getSaveFileName(
            self, _tr("Auswertung exportieren"),
            str(Path.home() / suggested_objection_file_name(months, "csv")),
            ";;".join(filters))
        if not name:
            return None
        return self.export(Path(name), filters.get(chosen, "csv"))
