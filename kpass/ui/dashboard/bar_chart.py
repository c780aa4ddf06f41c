"""Horizontal bars with their names on the left, e.g. by Stadtteil (see ``charts.py``).

Horizontal, because 28 Stadtteil names are long: written beside the bars they stay
readable at any font size, where under vertical bars they would have to be turned.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPen

from kpass.ui.dashboard.charts import (
    AXIS_COLOUR,
    CURRENT_COLOUR,
    DATA_COLOUR,
    GRID_COLOUR,
    ChartBase,
    nice_ticks,
)
from kpass.vocabulary import format_count

GAP = 8


class BarChart(ChartBase):
    """One bar per label, the value written at the end of each bar."""

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + 6

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        rows = max(len(self.values()), 5)
        height = rows * self._row_height() + 3 * metrics.height()
        return QSize(metrics.averageCharWidth() * 55, height)

    def minimumSizeHint(self) -> QSize:
        # Room for the names, the largest value and bars of at least 15 characters' width.
        metrics = QFontMetrics(self.font())
        rows = max(len(self.values()), 5)
        height = rows * (metrics.height() + 2) + 3 * metrics.height()
        label_width = max((metrics.horizontalAdvance(t) for t in self.labels()), default=0)
        value_width = metrics.horizontalAdvance(format_count(max(self.values(), default=0)))
        width = label_width + value_width + 4 * GAP + metrics.averageCharWidth() * 15
        return QSize(width, height)

    def _layout(self) -> tuple[QRect, float, int]:
        """The bars' area, the height of one row and the value at the right end."""
        metrics = QFontMetrics(self.font())
        values = self.values()
        top_value = nice_ticks(max(values, default=0), 4)[-1]
        label_width = max((metrics.horizontalAdvance(t) for t in self.labels()), default=0)
        value_width = metrics.horizontalAdvance(format_count(max(values, default=0)))
        area = self.rect().adjusted(
            label_width + 2 * GAP,
            GAP,
            -(value_width + 2 * GAP),
            -(metrics.height() + 2 * GAP),
        )
        row = area.height() / max(len(values), 1)
        return area, min(row, self._row_height() * 1.6), top_value

    def item_rects(self) -> list[QRect]:
        area, row, _ = self._layout()
        return [
            QRectF(0, area.top() + i * row, self.width(), row).toAlignedRect()
            for i in range(len(self.values()))
        ]

    def paint_chart(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        area, row, top_value = self._layout()
        values = self.values()
        labels = self.labels()
        text = self.text_colour()
        bottom = area.top() + row * len(values)

        free_from = 0.0  # tick numbers must not run into each other
        for tick in nice_ticks(top_value, 4):
            x = area.left() + area.width() * tick / top_value
            painter.setPen(QPen(AXIS_COLOUR if tick == 0 else GRID_COLOUR, 1))
            painter.drawLine(QPointF(x, area.top()), QPointF(x, bottom))
            width = metrics.horizontalAdvance(format_count(tick)) + 4
            if x - width / 2 < free_from:
                continue
            painter.setPen(text)
            box = QRectF(x - width / 2, bottom + 4, width, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, format_count(tick))
            free_from = x + width / 2 + metrics.averageCharWidth()

        bar_height = max(row * 0.68, 3.0)
        for index, value in enumerate(values):
            y = area.top() + index * row
            selected = index == self.current
            if selected:
                painter.fillRect(QRectF(0, y, self.width(), row), self.palette().alternateBase())
            painter.setPen(text)
            label_box = QRectF(GAP, y, area.left() - 2 * GAP, row)
            painter.drawText(
                label_box,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                labels[index],
            )
            length = area.width() * value / top_value
            bar = QRectF(area.left(), y + (row - bar_height) / 2, length, bar_height)
            painter.fillRect(bar, CURRENT_COLOUR if selected else DATA_COLOUR)
            painter.setPen(CURRENT_COLOUR if selected else text)
            value_box = QRectF(bar.right() + 4, y, self.width() - bar.right(), row)
            painter.drawText(
                value_box,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                format_count(value),
            )
