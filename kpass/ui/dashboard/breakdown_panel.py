"""The dashboard's table by up to three dimensions ("Aufgliederung"), the month it shows, and
its exports to CSV and Excel.

A panel of its own inside :class:`~kpass.ui.dashboard.dashboard_widget.DashboardWidget`
because it is the one part with a second background job (the export) and its own choices.
The exports write every month of the loaded range for the dimensions shown, exact and marked
"nur für den Dienstgebrauch". The texts keep the catalog context "DashboardWidget" they had
while the panel was part of that widget, so their translations stay.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpass.services import Database
from kpass.services.statistics import (
    DIMENSION_KEYS,
    MEASURES,
    export_statistics,
    suggested_file_name,
)
from kpass.ui.common.background import BackgroundJobs
from kpass.ui.dashboard.count_table import Cell, CountTableModel
from kpass.ui.dashboard.dashboard_data import DashboardData
from kpass.ui.dashboard.texts import dimension_label, dimension_title, measure_title, month_label
from kpass.ui.dashboard.widgets import count_table_view, heading, message_label, show_message

#: Asks where to save: (kind, suggested file name) → path, or None if the user cancels.
PathProvider = Callable[[str, str], Path | None]

EXPORT_DIMENSIONS = 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardWidget", text)


class BreakdownPanel(QWidget):
    """Heading, dimension and month choices, the table, the export buttons and messages.

    ``exported(path)`` is emitted when a file is written. ``path_provider`` (kind, suggested
    name → path or None) replaces the file dialog, e.g. in tests.
    """

    exported = Signal(str)

    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        *,
        path_provider: PathProvider | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.path_provider: PathProvider = path_provider or self._ask_path
        self.data: DashboardData | None = None
        self.exporter = BackgroundJobs(self)

        self.dimension_labels = [QLabel() for _ in range(3)]
        self.dimension_combos = [QComboBox() for _ in range(3)]
        for number, (label, combo) in enumerate(
            zip(self.dimension_labels, self.dimension_combos, strict=True)
        ):
            if number:
                combo.addItem("", "")
            for key in DIMENSION_KEYS:
                combo.addItem(dimension_title(key), key)
            label.setBuddy(combo)
        self.table_month_label = QLabel()
        self.table_month_combo = QComboBox()
        self.table_month_label.setBuddy(self.table_month_combo)
        for combo in (*self.dimension_combos, self.table_month_combo):
            # Wide enough for "Haushaltstyp" at any font size, and no wider, so the row
            # still fits when the system font is large (the open list shows every text).
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.model = CountTableModel(self)
        self.table = count_table_view("breakdownTable")
        self.table.setModel(self.model)
        self.table.setMinimumHeight(self.fontMetrics().height() * 12)

        self.csv_button, self.xlsx_button = QPushButton(), QPushButton()
        self.export_note = QLabel()
        self.export_message = message_label("exportMessage")

        # Labels above their combo boxes: the row stays narrow enough for large fonts.
        choices = QGridLayout()
        choices.setVerticalSpacing(2)
        pairs = [
            *zip(self.dimension_labels, self.dimension_combos, strict=True),
            (self.table_month_label, self.table_month_combo),
        ]
        for column, (label, combo) in enumerate(pairs):
            choices.addWidget(label, 0, column)
            choices.addWidget(combo, 1, column)
        choices.setColumnStretch(len(pairs), 1)
        exports = QHBoxLayout()
        exports.addWidget(self.csv_button)
        exports.addWidget(self.xlsx_button)
        exports.addWidget(self.export_note, 1)
        self.table_heading = heading()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table_heading)
        layout.addLayout(choices)
        layout.addWidget(self.table, 1)
        layout.addLayout(exports)
        layout.addWidget(self.export_message)

        self.table_month_combo.currentIndexChanged.connect(lambda _index: self.show_table())
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.exporter.busy_changed.connect(self._export_busy)

    def translate_ui(self) -> None:
        for number, (label, combo) in enumerate(
            zip(self.dimension_labels, self.dimension_combos, strict=True), start=1
        ):
            label.setText(_tr("Merkmal &%1").replace("%1", str(number)))
            combo.setAccessibleName(_tr("Merkmal %1 der Tabelle").replace("%1", str(number)))
            if number > 1:
                combo.setItemText(0, _tr("(keines)"))
            for index in range(combo.count()):
                if combo.itemData(index):
                    combo.setItemText(index, dimension_title(str(combo.itemData(index))))
        for index in range(self.table_month_combo.count()):
            self.table_month_combo.setItemText(
                index, month_label(str(self.table_month_combo.itemData(index))))
        self.table_month_label.setText(_tr("&Monat"))
        self.table_month_combo.setAccessibleName(_tr("Monat der Tabelle"))
        self.table.setAccessibleName(_tr("Tabelle der Zahlen nach Merkmalen"))
        self.table_heading.setText(_tr("Aufgliederung (exakte Zahlen)"))
        self.csv_button.setText(_tr("&CSV exportieren"))
        self.csv_button.setAccessibleName(_tr("Tabelle als CSV exportieren"))
        self.xlsx_button.setText(_tr("&Excel exportieren"))
        self.xlsx_button.setAccessibleName(_tr("Tabelle als Excel-Datei exportieren"))
        self.export_note.setText(_tr("Exakte Zahlen aller Monate – nur für den Dienstgebrauch"))
        self.export_message.setAccessibleName(_tr("Meldung zum Export"))

    # -- what is asked for -----------------------------------------------------------------
    def selected_dimensions(self) -> tuple[str, ...]:
        return tuple(str(c.currentData()) for c in self.dimension_combos if c.currentData())

    def set_dimensions(self, *keys: str) -> None:
        for combo, key in zip(self.dimension_combos, [*keys, "", ""], strict=False):
            combo.setCurrentIndex(combo.findData(key))

    # -- showing ---------------------------------------------------------------------------
    def show_data(self, data: DashboardData) -> None:
        """New figures: their months to choose from, the last one chosen (shown by the
        dashboard's next :meth:`show_table`)."""
        self.data = data
        months = data.request.months
        self.table_month_combo.blockSignals(True)
        self.table_month_combo.clear()
        for month in months:
            self.table_month_combo.addItem(month_label(month), month)
        self.table_month_combo.setCurrentIndex(len(months) - 1)
        self.table_month_combo.blockSignals(False)

    def show_table(self) -> None:
        data = self.data
        month = self.table_month_combo.currentData()
        if data is None or not month:
            return
        dimensions = data.request.dimensions
        rows, totals = data.breakdown(str(month))
        headers = [dimension_title(d) for d in dimensions]
        headers += [measure_title(m) for m in MEASURES]
        shown: list[list[Cell]] = [
            [
                *(dimension_label(d, k) for d, k in zip(dimensions, row.keys, strict=True)),
                *row.counts,
            ]
            for row in rows
        ]
        total: list[Cell] = [_tr("Insgesamt"), *([""] * (len(dimensions) - 1)), *totals]
        self.model.set_table(headers, shown, len(dimensions), total)
        self.table.resizeColumnsToContents()

    # -- exports ---------------------------------------------------------------------------
    def export(self, kind: str, path: Path | None = None) -> bool:
        """Export what is shown as ``"csv"`` or ``"xlsx"``; False (with a German message)
        when nothing can be exported. Without ``path`` the path provider asks."""
        data = self.data
        if data is None:
            show_message(self.export_message, _tr("Es sind noch keine Zahlen geladen."))
            return False
        dimensions = data.request.dimensions
        if len(dimensions) > EXPORT_DIMENSIONS:
            show_message(
                self.export_message,
                _tr(
                    "Ein Export nimmt höchstens zwei Merkmale, damit jede Tabelle lesbar "
                    "bleibt und geprüft werden kann. Bitte ein Merkmal auf „(keines)“ "
                    "stellen und erneut exportieren."
                ),
            )
            return False
        if path is None:
            path = self.path_provider(kind, suggested_file_name(data.request.months, kind))
            if path is None:
                return False
        database, months = self.database, data.request.months
        show_message(self.export_message, "")
        self.exporter.call(
            lambda: export_statistics(database, months, dimensions, kind, path, exact=True,
                                      ensure_suffix=True),
            self._export_done,
            lambda message: show_message(self.export_message, message),
        )
        return True

    def _export_done(self, path: Path) -> None:
        show_message(
            self.export_message,
            _tr("Gespeichert: %1").replace("%1", str(path)),
            error=False,
        )
        self.exported.emit(str(path))

    def _export_busy(self, busy: bool) -> None:
        self.csv_button.setEnabled(not busy)
        self.xlsx_button.setEnabled(not busy)
        if busy:
            show_message(self.export_message, _tr("Export läuft …"), error=False)

    def _ask_path(self, kind: str, suggested: str) -> Path | None:
        filters = {
            "csv": _tr("CSV-Dateien (*.csv)"),
            "xlsx": _tr("Excel-Arbeitsmappen (*.xlsx)"),
        }
        name, _ = QFileDialog.getSaveFileName(
            self, _tr("Statistik exportieren"), str(Path.home() / suggested), filters[kind]
        )
        return Path(name) if name else None
