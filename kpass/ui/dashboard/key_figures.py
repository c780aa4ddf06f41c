"""A card per key figure: the count of the last month and how it changed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kpass.ui.dashboard.dashboard_data import KeyFigure
from kpass.ui.dashboard.texts import measure_title
from kpass.vocabulary import format_change, format_count


def key_figure_text(figure: KeyFigure) -> str:
    """``"4.045 (+23 zum Vormonat, −120 zum Vorjahresmonat)"``."""
    text = QCoreApplication.translate(
        "KeyFigureCard", "%1 (%2 zum Vormonat, %3 zum Vorjahresmonat)"
    )
    return (
        text.replace("%1", format_count(figure.value))
        .replace("%2", format_change(figure.change_to_previous_month))
        .replace("%3", format_change(figure.change_to_previous_year))
    )


class KeyFigureCard(QFrame):
    """Title, the count in large type, and the two changes below it."""

    def __init__(self, measure: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.measure = measure
        self.figure: KeyFigure | None = None
        self.setObjectName(f"keyFigure_{measure}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title_label = QLabel()
        self.value_label = QLabel("–")
        self.value_label.setObjectName("keyFigureValue")
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)  # relative: follows the system font size
        font.setBold(True)
        self.value_label.setFont(font)
        self.change_label = QLabel()
        self.change_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.change_label)
        layout.addStretch(1)
        self.translate_ui()

    def translate_ui(self) -> None:
        title = measure_title(self.measure)
        self.title_label.setText(title)
        self.setAccessibleName(title)
        self.value_label.setAccessibleName(title)
        self._show()

    def set_figure(self, figure: KeyFigure | None) -> None:
        self.figure = figure
        self._show()

    def text(self) -> str:
        """The whole figure in one line, as a screen reader says it."""
        return "" if self.figure is None else key_figure_text(self.figure)

    def _show(self) -> None:
        figure = self.figure
        if figure is None:
            self.value_label.setText("–")
            self.change_label.setText("")
            self.setAccessibleDescription("")
            return
        self.value_label.setText(format_count(figure.value))
        self.change_label.setText(
            self.tr("%1 zum Vormonat\n%2 zum Vorjahresmonat")
            .replace("%1", format_change(figure.change_to_previous_month))
            .replace("%2", format_change(figure.change_to_previous_year))
        )
        self.setAccessibleDescription(self.text())
        self.value_label.setAccessibleDescription(self.text())
        self.setToolTip(self.text())
