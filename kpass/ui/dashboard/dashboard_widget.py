"""The supervisor's dashboard: key figures, two charts and a table by up to three dimensions.

Exact counts (in-house use). The figures are fetched off the GUI thread; the exports write
the same months and dimensions as shown, exact and marked "nur für den Dienstgebrauch".
The table with its choices and exports is :mod:`kpass.ui.dashboard.breakdown_panel`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
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
from kpass.services.statistics import parse_month_range as checked_month_range
from kpass.ui.common.background import BackgroundJobs
from kpass.ui.dashboard.bar_chart import BarChart
from kpass.ui.dashboard.breakdown_panel import BreakdownPanel, PathProvider
from kpass.ui.dashboard.busy_indicator import BusyIndicator
from kpass.ui.dashboard.chart_contents import ChartContent, active_by_month, active_by_stadtteil
from kpass.ui.dashboard.charts import ChartBase
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
    month_label,
)
from kpass.ui.dashboard.widgets import (
    heading,
    message_label,
    set_tab_order,
    show_message,
)

OFFERED_MONTHS = 120  # ten years back, as far as an export may reach
RELOAD_DELAY_MS = 250  # lets a person step through a combo box without a query per step


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
        self.data: DashboardData | None = None
        self._loader = BackgroundJobs(self)
        self.breakdown = BreakdownPanel(database, path_provider=path_provider)
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

        # the table's parts, addressed here as before they had a panel of their own
        self.dimension_combos = self.breakdown.dimension_combos
        self.table_month_combo = self.breakdown.table_month_combo
        self.model, self.table = self.breakdown.model, self.breakdown.table
        self.csv_button, self.xlsx_button = self.breakdown.csv_button, self.breakdown.xlsx_button
        self.export_message = self.breakdown.export_message

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(self.figures_heading)
        left_layout.addLayout(cards)
        left_layout.addWidget(self.line_heading)
        left_layout.addWidget(self.line_chart, 2)
        left_layout.addWidget(self.breakdown, 3)
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
        self.breakdown.exported.connect(self.exported)

    def translate_ui(self) -> None:
        self.from_label.setText(self.tr("Vo&n"))
        self.to_label.setText(self.tr("&Bis"))
        self.from_combo.setAccessibleName(self.tr("Zeitraum von Monat"))
        self.to_combo.setAccessibleName(self.tr("Zeitraum bis Monat"))
        self.refresh_button.setText(self.tr("&Aktualisieren"))
        self.refresh_button.setAccessibleName(self.tr("Zahlen neu laden"))
        for combo in (self.from_combo, self.to_combo):
            for index in range(combo.count()):
                combo.setItemText(index, month_label(str(combo.itemData(index))))
        self.breakdown.translate_ui()
        self.line_chart.setAccessibleName(self.tr("Diagramm: aktive Pässe je Monat"))
        self.bar_chart.setAccessibleName(self.tr("Diagramm: aktive Pässe nach Stadtteil"))
        for chart in (self.line_chart, self.bar_chart):
            chart.set_empty_text(self.tr("Keine Zahlen geladen."))
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
        return self.breakdown.selected_dimensions()

    def set_range(self, first: str, last: str) -> None:
        """Choose the months ``first`` to ``last`` (``"YYYY-MM"``); loads after a moment."""
        self.from_combo.setCurrentIndex(self.from_combo.findData(first))
        self.to_combo.setCurrentIndex(self.to_combo.findData(last))

    def set_dimensions(self, *keys: str) -> None:
        self.breakdown.set_dimensions(*keys)

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
        return self._loader.busy or self.breakdown.exporter.busy

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
        return self._loader.wait(milliseconds) and self.breakdown.exporter.wait(milliseconds)

    def stop(self) -> None:
        """Drop the running query and export and wait for their threads; nothing more is
        shown (the widget closes). An export already writing finishes its file."""
        self._timer.stop()
        self._loader.stop()
        self.breakdown.exporter.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    def _loaded(self, data: DashboardData) -> None:
        self.data = data
        self.breakdown.show_data(data)
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
        self._show_chart(self.line_chart, self.line_heading, active_by_month(data))
        self._show_chart(self.bar_chart, self.bar_heading, active_by_stadtteil(data))
        self.breakdown.show_table()

    @staticmethod
    def _show_chart(chart: ChartBase, heading_label: QLabel, content: ChartContent) -> None:
        heading_label.setText(content.heading)
        chart.set_data(content.labels, content.values, content.texts, content.summary)

    # -- exports ---------------------------------------------------------------------------
    def export(self, kind: str, path: Path | None = None) -> bool:
        """Export what is shown as ``"csv"`` or ``"xlsx"`` (see :meth:`BreakdownPanel.export`)."""
        return self.breakdown.export(kind, path)
