"""What if the income limit were different? Persons gained and lost; nothing is written.

Exact counts for the supervisor; "für Sozialplanung (geheimhalten)" shows the same report
with small counts suppressed, exactly as the export to Sozialplanung would have them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kpass.services import Database
from kpass.services.applications import default_parameters
from kpass.services.statistics import ImpactReport, get_dimension, policy_impact
from kpass.ui.common.background import BackgroundJobs
from kpass.ui.common.german_input import AmountError, amount_message, read_amount
from kpass.ui.dashboard.busy_indicator import BusyIndicator
from kpass.ui.dashboard.count_table import Cell, CountTableModel
from kpass.ui.dashboard.texts import dimension_label
from kpass.ui.dashboard.widgets import (
    count_table_view,
    heading,
    message_label,
    set_tab_order,
    show_message,
)
from kpass.vocabulary import format_count, format_euro

SUMMARY_ROWS = ("thresholds", "households", "persons", "eligible", "gained", "lost")


def _cell(value: object) -> Cell:
    return value if isinstance(value, int | str) else str(value)


class WhatIfPanel(QWidget):
    """Threshold, day, "Berechnen"; then the totals and a table by Stadtteil and age group.

    ``calculated`` is emitted when a new result is on screen.
    """

    calculated = Signal()

    def __init__(
        self, database: Database, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.setObjectName("whatIfPanel")
        self.report: ImpactReport | None = None
        self._runner = BackgroundJobs(self)
        self._build(today or date.today())
        self.translate_ui()
        self.threshold_field.returnPressed.connect(self.calculate)
        self.calculate_button.clicked.connect(self.calculate)
        self.date_field.dateChanged.connect(lambda _day: self._show_threshold_in_force())
        self.secret_box.toggled.connect(lambda _on: self._show_report())
        self._runner.busy_changed.connect(lambda busy: self.calculate_button.setEnabled(not busy))

    def _build(self, today: date) -> None:
        self.title = heading()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.threshold_label, self.date_label = QLabel(), QLabel()
        self.threshold_field = QLineEdit()
        self.threshold_field.setObjectName("thresholdField")
        self.threshold_field.setMaximumWidth(self.fontMetrics().averageCharWidth() * 20)
        self.threshold_label.setBuddy(self.threshold_field)
        self.threshold_message = message_label("thresholdMessage")
        self.in_force_label = QLabel()
        self.date_field = QDateEdit(QDate(today.year, today.month, today.day))
        self.date_field.setObjectName("dateField")
        self.date_field.setDisplayFormat("dd.MM.yyyy")
        self.date_field.setCalendarPopup(True)
        self.date_field.setMaximumWidth(self.threshold_field.maximumWidth())
        self.date_label.setBuddy(self.date_field)
        self.date_message = message_label("dateMessage")
        self.calculate_button = QPushButton()
        self.calculate_button.setDefault(True)
        self.busy = BusyIndicator(self._runner)
        self.secret_box = QCheckBox()

        # The message goes right under its field, where the eye already is.
        threshold_line = QHBoxLayout()
        threshold_line.addWidget(self.threshold_field)
        threshold_line.addWidget(self.in_force_label)
        threshold_line.addStretch(1)
        threshold_row = QVBoxLayout()
        threshold_row.addLayout(threshold_line)
        threshold_row.addWidget(self.threshold_message)
        date_line = QHBoxLayout()
        date_line.addWidget(self.date_field)
        date_line.addStretch(1)
        date_row = QVBoxLayout()
        date_row.addLayout(date_line)
        date_row.addWidget(self.date_message)
        form = QFormLayout()
        form.addRow(self.threshold_label, threshold_row)
        form.addRow(self.date_label, date_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.calculate_button)
        buttons.addWidget(self.busy)
        buttons.addStretch(1)

        self.result_heading = heading()
        self.summary_grid = QGridLayout()
        self.summary_names: dict[str, QLabel] = {}
        self.summary_values: dict[str, QLabel] = {}
        for row, key in enumerate(SUMMARY_ROWS):
            name, value = QLabel(), QLabel("–")
            value.setObjectName(f"summary_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.summary_names[key], self.summary_values[key] = name, value
            self.summary_grid.addWidget(name, row, 0)
            self.summary_grid.addWidget(value, row, 1)
        self.summary_grid.setColumnStretch(2, 1)
        self.mode_note = QLabel()
        self.mode_note.setWordWrap(True)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        for widget in (self.title, self.intro):
            left_layout.addWidget(widget)
        left_layout.addLayout(form)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.secret_box)
        left_layout.addWidget(self.result_heading)
        left_layout.addLayout(self.summary_grid)
        left_layout.addWidget(self.mode_note)
        left_layout.addStretch(1)

        self.table_heading = heading()
        self.model = CountTableModel(self)
        self.table = count_table_view("impactTable")
        self.table.setModel(self.model)
        # Counts as wide as their headers; the Stadtteil column takes what is left, so no
        # header is cut when the pane is narrow.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.table_heading)
        right_layout.addWidget(self.table, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        set_tab_order(self.tab_order())

    def tab_order(self) -> list[QWidget]:
        """The controls in the order Tab visits them."""
        return [
            self.threshold_field,
            self.date_field,
            self.calculate_button,
            self.busy.cancel_button,
            self.secret_box,
            self.table,
        ]

    def translate_ui(self) -> None:
        self.title.setText(self.tr("Was wäre, wenn die Einkommensgrenze anders wäre?"))
        self.intro.setText(
            self.tr(
                "Jeder Haushalt mit einer Entscheidung in den zwölf Monaten vor dem "
                "Stichtag wird mit der geltenden und mit der neuen Grenze geprüft. "
                "Es wird nichts gespeichert und nichts geändert."
            )
        )
        self.threshold_label.setText(self.tr("Neue Einkommens&grenze:"))
        self.threshold_field.setAccessibleName(self.tr("Neue Einkommensgrenze in Euro"))
        self.threshold_field.setAccessibleDescription(
            self.tr("Nettoäquivalenzeinkommen pro Monat, z. B. 1.430,00 €")
        )
        self.threshold_field.setPlaceholderText(self.tr("z. B. 1.430,00 €"))
        self.threshold_message.setAccessibleName(self.tr("Meldung zur Einkommensgrenze"))
        self.date_label.setText(self.tr("&Stichtag:"))
        self.date_field.setAccessibleName(self.tr("Stichtag der Berechnung"))
        self.date_message.setAccessibleName(self.tr("Meldung zum Stichtag"))
        self.calculate_button.setText(self.tr("&Berechnen"))
        self.calculate_button.setAccessibleName(self.tr("Auswirkung berechnen"))
        self.secret_box.setText(self.tr("für Sozialplanung (ge&heimhalten)"))
        self.secret_box.setAccessibleName(
            self.tr("Ansicht für Sozialplanung mit Geheimhaltung kleiner Zahlen")
        )
        self.result_heading.setText(self.tr("Ergebnis"))
        names = {
            "thresholds": self.tr("Grenze bisher → neu:"),
            "households": self.tr("Betrachtete Haushalte:"),
            "persons": self.tr("Betrachtete Personen:"),
            "eligible": self.tr("Berechtigt bisher → neu:"),
            "gained": self.tr("Neu berechtigt:"),
            "lost": self.tr("Nicht mehr berechtigt:"),
        }
        for key, text in names.items():
            self.summary_names[key].setText(text)
            self.summary_values[key].setAccessibleName(text.rstrip(":"))
        self.table_heading.setText(self.tr("Nach Stadtteil und Altersgruppe"))
        self.table.setAccessibleName(
            self.tr("Neu und nicht mehr berechtigte Personen nach Stadtteil und Altersgruppe")
        )
        self.busy.translate_ui()
        self._show_threshold_in_force()
        self._show_report()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
        super().changeEvent(event)

    def load_settings(self) -> None:
        settings = QSettings()
        self.threshold_field.setText(str(settings.value("whatIf/threshold", "") or ""))
        self.secret_box.setChecked(str(settings.value("whatIf/secret", "false")) == "true")

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("whatIf/threshold", self.threshold_field.text())
        settings.setValue("whatIf/secret", "true" if self.secret_box.isChecked() else "false")

    # -- input -----------------------------------------------------------------------------
    def day(self) -> date:
        day = self.date_field.date()
        return date(day.year(), day.month(), day.day())

    def threshold(self) -> Decimal | None:
        """The typed limit, or None with a German message beside the field. Read as strictly
        as every amount at the counter: "1,900" is refused as ambiguous, not taken as 1,90 €."""
        not_positive = self.tr("Die Einkommensgrenze muss größer als 0 € sein.")
        value: Decimal | None = None
        try:
            value = read_amount(self.threshold_field.text())
        except AmountError as error:
            if error.kind == "empty":
                problem = self.tr("Bitte eine Einkommensgrenze in Euro eingeben, z. B. 1.430,00 €.")
            else:
                problem = not_positive if error.kind == "negative" else amount_message(error)
        else:
            problem = not_positive if value <= 0 else ""
        if problem:
            show_message(self.threshold_message, problem)
            self.threshold_field.setFocus()
            return None
        show_message(self.threshold_message, "")
        return value

    def _show_threshold_in_force(self) -> None:
        rule_set = default_parameters().rule_set_on(self.day())
        if rule_set is None:
            self.in_force_label.setText(self.tr("Am Stichtag gilt kein Regelwerk."))
        else:
            self.in_force_label.setText(
                self.tr("Am Stichtag gilt: %1").replace(
                    "%1", format_euro(Decimal(str(rule_set.threshold)))
                )
            )

    # -- work ------------------------------------------------------------------------------
    def calculate(self) -> bool:
        """Start the calculation off the GUI thread; False if the input is not valid."""
        threshold = self.threshold()
        if threshold is None:
            return False
        self.threshold_field.setText(format_euro(threshold))
        show_message(self.date_message, "")
        database, day = self.database, self.day()
        self._runner.call(
            lambda: policy_impact(database, threshold, day),
            self._calculated,
            lambda message: show_message(self.date_message, message),
        )
        return True

    @property
    def is_busy(self) -> bool:
        return self._runner.busy

    def wait(self, milliseconds: int = 30000) -> bool:
        """Wait for the calculation (tests, screenshots); its result is shown before it returns."""
        return self._runner.wait(milliseconds)

    def stop(self) -> None:
        """Drop the calculation and wait for its thread; nothing more is shown (closing)."""
        self._runner.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    def _calculated(self, report: ImpactReport) -> None:
        self.report = report
        self._show_report()
        self.calculated.emit()

    def shown_report(self) -> dict[str, object] | None:
        """The report as on screen: exact, or suppressed for Sozialplanung."""
        if self.report is None:
            return None
        return self.report.as_json(exact=not self.secret_box.isChecked())

    def _show_report(self) -> None:
        shown = self.shown_report()
        if shown is None or self.report is None:
            for value in self.summary_values.values():
                value.setText("–")
            self.mode_note.setText(self.tr("Noch nicht berechnet."))
            self.model.set_table(self._headers(), [], 2)
            self.table.resizeColumnsToContents()
            return
        report = self.report
        after = format_count(report.eligible_after)
        if not shown["exact"] and not all(isinstance(shown[k], int) for k in ("gained", "lost")):
            # after − before = gained − lost: an exact "after" would give a hidden count away
            after = "·"
        values = {
            "thresholds": f"{format_euro(report.threshold_before)} → "
            f"{format_euro(report.threshold_after)}",
            "households": format_count(report.households),
            "persons": format_count(report.persons),
            "eligible": f"{format_count(report.eligible_before)} → {after}",
            "gained": self._count_text(shown["gained"]),
            "lost": self._count_text(shown["lost"]),
        }
        for key, text in values.items():
            self.summary_values[key].setText(text)
        if shown["exact"]:
            self.mode_note.setText(self.tr("Exakte Zahlen – nur für den Dienstgebrauch."))
        else:
            self.mode_note.setText(
                self.tr(
                    "Geheimgehalten wie im Export an die Sozialplanung: Zahlen von 1 bis 4 "
                    "und Zellen, aus denen sie sich errechnen ließen, stehen als „·“."
                )
            )
        self._fill_table(shown)

    @staticmethod
    def _count_text(value: object) -> str:
        return format_count(value) if isinstance(value, int) else str(value)

    def _headers(self) -> list[str]:
        return [
            self.tr("Stadtteil"),
            self.tr("Altersgruppe"),
            self.tr("Neu berechtigt"),
            self.tr("Nicht mehr berechtigt"),
        ]

    def _fill_table(self, shown: dict[str, object]) -> None:
        stadtteil = get_dimension("stadtteil")
        rows = shown["by_stadtteil_and_age_group"]
        assert isinstance(rows, list)
        age_groups = get_dimension("age_group").values
        # In the order of the reports: Stadtteil by number, age groups from the youngest.
        rows = sorted(
            rows,
            key=lambda r: (
                stadtteil.values.index(r["stadtteil"]),
                age_groups.index(r["age_group"]),
            ),
        )
        table: list[list[Cell]] = [
            [
                dimension_label("stadtteil", str(r["stadtteil"])),
                str(r["age_group"]),
                _cell(r["gained"]),
                _cell(r["lost"]),
            ]
            for r in rows
        ]
        total: list[Cell] = [self.tr("Insgesamt"), "", _cell(shown["gained"]), _cell(shown["lost"])]
        self.model.set_table(self._headers(), table, 2, total)
        self.table.resizeColumnsToContents()
