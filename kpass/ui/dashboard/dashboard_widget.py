"""The supervisor's dashboard: key figures, two charts and a table by up to three dimensions.

Exact counts (in-house use). The figures are fetched off the GUI thread; the exports write
the same months and dimensions as shown, exact and marked "nur für den Dienstgebrauch".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kpass.errors import KpassError
from kpass.services import Database
from kpass.services.statistics import (
    DIMENSION_KEYS,
    MEASURES,
    export_statistics,
    suggested_file_name,
)
from kpass.services.statistics import parse_month_range as checked_month_range
from kpass.ui.common.background import BackgroundJobs
from kpass.ui.dashboard.bar_chart import BarChart
from kpass.ui.dashboard.busy_indicator import BusyIndicator
from kpass.ui.dashboard.count_table import Cell, CountTableModel
from kpass.ui.dashboard.dashboard_data import (
    KEY_MEASURES,
    DashboardData,
    DashboardRequest,
    load_dashboard,
)
from kpass.ui.dashboard.formatting import month_key, shift_month
from kpass.ui.dashboard.key_figures import KeyFigureCard
from kpass.ui.dashboard.line_chart import LineChart
from kpass.ui.dashboard.texts import (
    dimension_label,
    dimension_title,
    measure_title,
    month_label,
    month_label_short,
)
from kpass.ui.dashboard.widgets import (
    count_table_view,
    heading,
    message_label,
    set_tab_order,
    show_message,
)
from kpass.vocabulary import format_count

#: Asks where to save: (kind, suggested file name) → path, or None if the user cancels.
PathProvider = Callable[[str, str], Path | None]

OFFERED_MONTHS = 120  # ten years back, as far as an export may reach
RELOAD_DELAY_MS = 250  # lets a person step through a combo box without a query per step
EXPORT_DIMENSIONS = 2


class DashboardWidget(QWidget):
    """Month range, key figures, active passes over time and by Stadtteil, a table and exports.

    ``loaded`` is emitted when new figures are on screen; ``exported(path)`` when a file is
    written. ``path_provider`` (kind, suggested name → path or None) replaces the file
    dialog, e.g. in tests.
    """

    loaded = Signal()
    exported = Signal(str)

    def __init__(
        self,
        database: Database,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        path_provider: PathProvider | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.setObjectName("dashboard")
        self.path_provider: PathProvider = path_provider or self._ask_path
        self.data: DashboardData | None = None
        self._loader = BackgroundJobs(self)
        self._exporter = BackgroundJobs(self)
        self._build(today or date.today())
        self.translate_ui()
        self._connect()

    # -- construction ----------------------------------------------------------------------
    def _build(self, today: date) -> None:
        current = month_key(today)
        months = [shift_month(current, -i) for i in range(OFFERED_MONTHS - 1, -1, -1)]
        self.from_label, self.to_label = QLabel(), QLabel()
        self.from_combo, self.to_combo = QComboBox(), QComboBox()
        for combo, label in ((self.from_combo, self.from_label), (self.to_combo, self.to_label)):
            for month in months:
                combo.addItem(month_label(month), month)
            combo.setMaxVisibleItems(14)
            label.setBuddy(combo)
        last_complete = shift_month(current, -1)
        self.to_combo.setCurrentIndex(self.to_combo.findData(last_complete))
        self.from_combo.setCurrentIndex(self.from_combo.findData(shift_month(last_complete, -11)))
        self.refresh_button = QPushButton()
        self.busy = BusyIndicator(self._loader)
        self.range_message = message_label("rangeMessage")

        top = QHBoxLayout()
        for widget in (self.from_label, self.from_combo, self.to_label, self.to_combo):
            top.addWidget(widget)
        top.addWidget(self.refresh_button)
        top.addSpacing(12)
        top.addWidget(self.busy)
        top.addStretch(1)

        self.figures_heading = heading()
        self.cards = {measure: KeyFigureCard(measure) for measure in KEY_MEASURES}
        cards = QGridLayout()
        for column, card in enumerate(self.cards.values()):
            cards.addWidget(card, 0, column)

        self.line_heading = heading()
        self.line_chart = LineChart()
        self.line_chart.setObjectName("activeChart")
        self.bar_heading = heading()
        self.bar_chart = BarChart()
        self.bar_chart.setObjectName("stadtteilChart")

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

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(self.figures_heading)
        left_layout.addLayout(cards)
        left_layout.addWidget(self.line_heading)
        left_layout.addWidget(self.line_chart, 2)
        left_layout.addWidget(self.table_heading)
        left_layout.addLayout(choices)
        left_layout.addWidget(self.table, 3)
        left_layout.addLayout(exports)
        left_layout.addWidget(self.export_message)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.bar_heading)
        right_layout.addWidget(self.bar_chart, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(top)
        layout.addWidget(self.range_message)
        layout.addWidget(self.splitter, 1)
        # Large system fonts make the content taller than the window: scroll, never clip.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RELOAD_DELAY_MS)
        set_tab_order(self.tab_order())

    def tab_order(self) -> list[QWidget]:
        """The controls in the order Tab visits them."""
        return [
            self.from_combo,
            self.to_combo,
            self.refresh_button,
            self.busy.cancel_button,
            self.line_chart,
            *self.dimension_combos,
            self.table_month_combo,
            self.table,
            self.csv_button,
            self.xlsx_button,
            self.bar_chart,
        ]

    def _connect(self) -> None:
        self._timer.timeout.connect(self.reload)
        self.refresh_button.clicked.connect(self.reload)
        for combo in (self.from_combo, self.to_combo, *self.dimension_combos):
            combo.currentIndexChanged.connect(lambda _index: self._timer.start())
        self.table_month_combo.currentIndexChanged.connect(lambda _index: self._show_table())
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self._exporter.busy_changed.connect(self._export_busy)

    def translate_ui(self) -> None:
        self.from_label.setText(self.tr("Vo&n"))
        self.to_label.setText(self.tr("&Bis"))
        self.from_combo.setAccessibleName(self.tr("Zeitraum von Monat"))
        self.to_combo.setAccessibleName(self.tr("Zeitraum bis Monat"))
        self.refresh_button.setText(self.tr("&Aktualisieren"))
        self.refresh_button.setAccessibleName(self.tr("Zahlen neu laden"))
        for number, (label, combo) in enumerate(
            zip(self.dimension_labels, self.dimension_combos, strict=True), start=1
        ):
            label.setText(self.tr("Merkmal &%1").replace("%1", str(number)))
            combo.setAccessibleName(self.tr("Merkmal %1 der Tabelle").replace("%1", str(number)))
            if number > 1:
                combo.setItemText(0, self.tr("(keines)"))
            for index in range(combo.count()):
                if combo.itemData(index):
                    combo.setItemText(index, dimension_title(str(combo.itemData(index))))
        for combo in (self.from_combo, self.to_combo, self.table_month_combo):
            for index in range(combo.count()):
                combo.setItemText(index, month_label(str(combo.itemData(index))))
        self.table_month_label.setText(self.tr("&Monat"))
        self.table_month_combo.setAccessibleName(self.tr("Monat der Tabelle"))
        self.table.setAccessibleName(self.tr("Tabelle der Zahlen nach Merkmalen"))
        self.table_heading.setText(self.tr("Aufgliederung (exakte Zahlen)"))
        self.line_chart.setAccessibleName(self.tr("Diagramm: aktive Pässe je Monat"))
        self.bar_chart.setAccessibleName(self.tr("Diagramm: aktive Pässe nach Stadtteil"))
        for chart in (self.line_chart, self.bar_chart):
            chart.set_empty_text(self.tr("Keine Zahlen geladen."))
        self.csv_button.setText(self.tr("&CSV exportieren"))
        self.csv_button.setAccessibleName(self.tr("Tabelle als CSV exportieren"))
        self.xlsx_button.setText(self.tr("&Excel exportieren"))
        self.xlsx_button.setAccessibleName(self.tr("Tabelle als Excel-Datei exportieren"))
        self.export_note.setText(self.tr("Exakte Zahlen aller Monate – nur für den Dienstgebrauch"))
        self.export_message.setAccessibleName(self.tr("Meldung zum Export"))
        self.range_message.setAccessibleName(self.tr("Meldung zum Zeitraum"))
        self.busy.translate_ui()
        for card in self.cards.values():
            card.translate_ui()
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
        super().changeEvent(event)

    def load_settings(self) -> None:
        settings = QSettings()
        keys = str(settings.value("dashboard/dimensions", "stadtteil") or "").split(",")
        for combo, key in zip(self.dimension_combos, [*keys, "", ""], strict=False):
            index = combo.findData(key)
            if index >= 0:
                combo.setCurrentIndex(index)
        state = settings.value("dashboard/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("dashboard/dimensions", ",".join(self.selected_dimensions()))
        settings.setValue("dashboard/splitter", self.splitter.saveState())

    # -- what is asked for -----------------------------------------------------------------
    def selected_dimensions(self) -> tuple[str, ...]:
        return tuple(str(c.currentData()) for c in self.dimension_combos if c.currentData())

    def set_range(self, first: str, last: str) -> None:
        """Choose the months ``first`` to ``last`` (``"YYYY-MM"``); loads after a moment."""
        self.from_combo.setCurrentIndex(self.from_combo.findData(first))
        self.to_combo.setCurrentIndex(self.to_combo.findData(last))

    def set_dimensions(self, *keys: str) -> None:
        for combo, key in zip(self.dimension_combos, [*keys, "", ""], strict=False):
            combo.setCurrentIndex(combo.findData(key))

    def request(self) -> DashboardRequest | None:
        """The request of the current choices, or None with a German message shown."""
        dimensions = self.selected_dimensions()
        if len(set(dimensions)) != len(dimensions):
            show_message(self.range_message, self.tr("Bitte jedes Merkmal nur einmal wählen."))
            return None
        try:
            months = checked_month_range(
                str(self.from_combo.currentData()), str(self.to_combo.currentData())
            )
        except KpassError:
            show_message(
                self.range_message,
                self.tr("Der Zeitraum endet vor seinem Beginn. Bitte „Von“ und „Bis“ prüfen."),
            )
            return None
        show_message(self.range_message, "")
        return DashboardRequest(tuple(months), dimensions)

    # -- loading ---------------------------------------------------------------------------
    @property
    def is_busy(self) -> bool:
        return self._loader.busy or self._exporter.busy

    def reload(self) -> None:
        """Fetch the figures for the current choices in a pool thread."""
        self._timer.stop()
        request = self.request()
        if request is None:
            return
        database = self.database
        self._loader.call(lambda: load_dashboard(database, request), self._loaded, self._failed)

    def wait(self, milliseconds: int = 30000) -> bool:
        """Wait for running work (tests, screenshots); results are delivered before it returns."""
        self._timer.stop()
        return self._loader.wait(milliseconds) and self._exporter.wait(milliseconds)

    def stop(self) -> None:
        """Drop the running query and export and wait for their threads; nothing more is
        shown (the widget closes). An export already writing finishes its file."""
        self._timer.stop()
        self._loader.stop()
        self._exporter.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    def _loaded(self, data: DashboardData) -> None:
        self.data = data
        months = data.request.months
        self.table_month_combo.blockSignals(True)
        self.table_month_combo.clear()
        for month in months:
            self.table_month_combo.addItem(month_label(month), month)
        self.table_month_combo.setCurrentIndex(len(months) - 1)
        self.table_month_combo.blockSignals(False)
        self._show()
        self.loaded.emit()

    def _failed(self, message: str) -> None:
        show_message(self.range_message, message)

    # -- showing ---------------------------------------------------------------------------
    def _show(self) -> None:
        data = self.data
        if data is None:
            self.figures_heading.setText(self.tr("Kennzahlen"))
            self.line_heading.setText(self.tr("Aktive Pässe je Monat"))
            self.bar_heading.setText(self.tr("Aktive Pässe nach Stadtteil"))
            return
        request = data.request
        last = month_label(request.last_month)
        self.figures_heading.setText(self.tr("Kennzahlen für %1").replace("%1", last))
        self.figures_heading.setToolTip(
            self.tr("Verglichen mit %1 (Vormonat) und %2 (Vorjahresmonat)")
            .replace("%1", month_label(request.previous_month))
            .replace("%2", month_label(request.month_a_year_before))
        )
        for card, figure in zip(self.cards.values(), data.key_figures(), strict=True):
            card.set_figure(figure)
        self._show_line_chart(data)
        self._show_bar_chart(data)
        self._show_table()

    def _show_line_chart(self, data: DashboardData) -> None:
        series = data.active_series()
        months = [month for month, _ in series]
        period = (
            self.tr("%1 bis %2")
            .replace("%1", month_label(months[0]))
            .replace("%2", month_label(months[-1]))
        )
        self.line_heading.setText(self.tr("Aktive Pässe je Monat, %1").replace("%1", period))
        texts = [
            self.tr("%1: %2 aktive Pässe")
            .replace("%1", month_label(month))
            .replace("%2", format_count(count))
            for month, count in series
        ]
        summary = self.tr("Liniendiagramm der aktiven Pässe je Monat, %1.").replace("%1", period)
        labels = [month_label_short(m) for m in months]
        self.line_chart.set_data(labels, [c for _, c in series], texts, summary)

    def _show_bar_chart(self, data: DashboardData) -> None:
        last = month_label(data.request.last_month)
        self.bar_heading.setText(self.tr("Aktive Pässe nach Stadtteil, %1").replace("%1", last))
        labels = [dimension_label("stadtteil", key) for key, _ in data.by_stadtteil]
        texts = [
            self.tr("%1: %2 aktive Pässe").replace("%1", label).replace("%2", format_count(n))
            for label, (_, n) in zip(labels, data.by_stadtteil, strict=True)
        ]
        summary = self.tr("Balkendiagramm der aktiven Pässe nach Stadtteil, %1.").replace(
            "%1", last
        )
        self.bar_chart.set_data(labels, [n for _, n in data.by_stadtteil], texts, summary)

    def _show_table(self) -> None:
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
        total: list[Cell] = [self.tr("Insgesamt"), *([""] * (len(dimensions) - 1)), *totals]
        self.model.set_table(headers, shown, len(dimensions), total)
        self.table.resizeColumnsToContents()

    # -- exports ---------------------------------------------------------------------------
    def export(self, kind: str, path: Path | None = None) -> bool:
        """Export what is shown as ``"csv"`` or ``"xlsx"``; False (with a German message)
        when nothing can be exported. Without ``path`` the path provider asks."""
        data = self.data
        if data is None:
            show_message(self.export_message, self.tr("Es sind noch keine Zahlen geladen."))
            return False
        dimensions = data.request.dimensions
        if len(dimensions) > EXPORT_DIMENSIONS:
            show_message(
                self.export_message,
                self.tr(
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
        self._exporter.call(
            lambda: export_statistics(database, months, dimensions, kind, path, exact=True,
                                      ensure_suffix=True),
            self._export_done,
            lambda message: show_message(self.export_message, message),
        )
        return True

    def _export_done(self, path: Path) -> None:
        show_message(
            self.export_message,
            self.tr("Gespeichert: %1").replace("%1", str(path)),
            error=False,
        )
        self.exported.emit(str(path))

    def _export_busy(self, busy: bool) -> None:
        self.csv_button.setEnabled(not busy)
        self.xlsx_button.setEnabled(not busy)
        if busy:
            show_message(self.export_message, self.tr("Export läuft …"), error=False)

    def _ask_path(self, kind: str, suggested: str) -> Path | None:
        filters = {
            "csv": self.tr("CSV-Dateien (*.csv)"),
            "xlsx": self.tr("Excel-Arbeitsmappen (*.xlsx)"),
        }
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Statistik exportieren"), str(Path.home() / suggested), filters[kind]
        )
        return Path(name) if name else None
