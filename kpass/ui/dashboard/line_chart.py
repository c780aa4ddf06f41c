"""A line over months with a labelled value axis (see :mod:`kpass.ui.dashboard.charts`)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPainterPath, QPen

from kpass.ui.dashboard.charts import (
    AXIS_COLOUR,
    CURRENT_COLOUR,
    DATA_COLOUR,
    GRID_COLOUR,
    ChartBase,
    value_axis,
)
from kpass.vocabulary import format_count

POINT_RADIUS = 3.5


class LineChart(ChartBase):
    """One value per month. The value axis starts at zero unless all values are high above
    it (see :func:`value_axis`); its numbers are always written, so nobody misreads it."""

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(metrics.averageCharWidth() * 70, metrics.height() * 14)

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(metrics.averageCharWidth() * 30, metrics.height() * 8)

    def _plot_area(self) -> QRect:
        metrics = QFontMetrics(self.font())
        ticks = value_axis(self.values())
        left = max(metrics.horizontalAdvance(format_count(t)) for t in ticks) + 14
        last_label = self.labels()[-1] if self.labels() else ""
        right = max(metrics.horizontalAdvance(last_label) // 2, 12) + 4
        top = metrics.height() + 8  # room for the value of the selected point
        bottom = metrics.height() + 14
        return self.rect().adjusted(left, top, -right, -bottom)

    def _points(self, area: QRect) -> list[QPointF]:
        values = self.values()
        ticks = value_axis(values)
        low, span = ticks[0], ticks[-1] - ticks[0]
        count = len(values)
        step = area.width() / (count - 1) if count > 1 else 0.0
        left = area.left() + (0 if count > 1 else area.width() / 2)
        return [
            QPointF(left + i * step, area.bottom() - area.height() * (v - low) / span)
            for i, v in enumerate(values)
        ]

    def item_rects(self) -> list[QRect]:
        area = self._plot_area()
        points = self._points(area)
        count = len(points)
        half = max(area.width() / (2 * (count - 1)) if count > 1 else area.width() / 2, 4)
        return [
            QRectF(p.x() - half, area.top(), 2 * half, area.height()).toAlignedRect()
            for p in points
        ]

    def paint_chart(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        area = self._plot_area()
        values = self.values()
        ticks = value_axis(values)
        text = self.text_colour()

        # Value axis: grid lines with their numbers.
        for tick in ticks:
            y = area.bottom() - area.height() * (tick - ticks[0]) / (ticks[-1] - ticks[0])
            painter.setPen(QPen(AXIS_COLOUR if tick == ticks[0] else GRID_COLOUR, 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(text)
            label = QRectF(0, y - metrics.height() / 2, area.left() - 8, metrics.height())
            painter.drawText(
                label,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                format_count(tick),
            )

        # Month labels: as many as fit, always the last month.
        points = self._points(area)
        labels = self.labels()
        widest = max(metrics.horizontalAdvance(label) for label in labels) + 16
        spacing = area.width() / (len(points) - 1) if len(points) > 1 else float(widest)
        every = max(1, math.ceil(widest / max(spacing, 1.0)))
        painter.setPen(text)
        for index, point in enumerate(points):
            if (len(points) - 1 - index) % every:
                continue
            painter.setPen(QPen(AXIS_COLOUR, 1))
            x = point.x()
            painter.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 4))
            painter.setPen(text)
            box = QRectF(point.x() - widest / 2, area.bottom() + 6, widest, metrics.height())
            painter.drawText(
                box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, labels[index]
            )

        # The line and its points.
        path = QPainterPath()
        for index, point in enumerate(points):
            if index:
                path.lineTo(point)
            else:
                path.moveTo(point)
        painter.setPen(
            QPen(
                DATA_COLOUR,
                2.5,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setBrush(DATA_COLOUR)
        painter.setPen(Qt.PenStyle.NoPen)
        for point in points:
            painter.drawEllipse(point, POINT_RADIUS, POINT_RADIUS)

        current = self.current
        if current is not None:
            point = points[current]
            painter.setBrush(CURRENT_COLOUR)
            painter.drawEllipse(point, POINT_RADIUS + 2, POINT_RADIUS + 2)
            painter.setPen(CURRENT_COLOUR)
            value = format_count(values[current])
            width = metrics.horizontalAdvance(value) + 8
            x = min(max(point.x() - width / 2, 0), self.width() - width)
            box = QRectF(x, point.y() - metrics.height() - 8, width, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, value)
