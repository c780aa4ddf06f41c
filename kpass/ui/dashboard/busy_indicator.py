"""A running bar with a label and "Abbrechen", shown while the dashboard's figures load."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from kpass.ui.common.background import BackgroundJobs


class BusyIndicator(QWidget):
    """Visible while ``jobs`` are busy; "Abbrechen" drops their result, and the figures on
    screen stay (a statistics query cannot be interrupted half-way without closing the
    connection, so it finishes in its thread and its result is thrown away)."""

    def __init__(self, jobs: BackgroundJobs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # no steps to count: a single query
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(jobs.drop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        jobs.busy_changed.connect(self.setVisible)
        self.setVisible(jobs.busy)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.label.setText(self.tr("Wird berechnet …"))
        self.bar.setAccessibleName(self.tr("Berechnung läuft"))
        self.cancel_button.setText(self.tr("Abbrechen"))
        self.cancel_button.setAccessibleName(self.tr("Berechnung abbrechen"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.translate_ui()
        super().changeEvent(event)
