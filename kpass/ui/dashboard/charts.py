"""The dashboard's charts, painted with QPainter: a base class with what both share.

Why not QtCharts or a plotting library: kpass depends on PySide6-Essentials, which has no
QtCharts; the full PySide6 (or matplotlib with its NumPy) would add well over 100 MB to
every installation and to the installer for two simple charts. Painting them ourselves takes
a few hundred lines and gives full control over what matters in a public office: the text
is the widget's own font, so it scales with the user's system setting; the colours are
chosen for contrast (the data colour has 7.1:1 against white); every bar and point has a
tooltip and can be reached with the arrow keys; and since a screen reader cannot read a
painted picture, each chart states all its figures in its accessible description. The
charts are a line over months and horizontal bars by Stadtteil, nothing a library would
do better, and their look stays the same on every machine and in every screenshot.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from kpass.vocabulary import format_count

#: The data colour: dark blue, 7.1:1 against white (also the focus colour of kpass).
DATA_COLOUR = QColor("#0b4f8a")
#: The selected bar or point: dark orange, 4.6:1 against white.
CURRENT_COLOUR = QColor("#b34700")
GRID_COLOUR = QColor("#c8c8c8")
AXIS_COLOUR = QColor("#595959")  # 7:1 against white


def nice_ticks(maximum: int, wanted: int = 5) -> list[int]:
    """Axis ticks from 0 in steps of 1, 2 or 5 × 10ⁿ, the last one at or above ``maximum``."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / wanted
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(f * power for f in (1, 2, 5, 10) if f * power >= raw)
    top = math.ceil(maximum / step) * step
    return list(range(0, top + 1, step))


def value_axis(values: Sequence[int], wanted: int = 5) -> list[int]:
    """Ticks for a line: from zero, unless the smallest value is above 5/6 of the largest (the
    rule of spreadsheet charts); then from a round number below the smallest, so that a
    change of a few percent shows. The axis spans at least 1/20 of the largest value, so
    noise is not blown up. (Bars always start at zero: their length is the value.)"""
    low, high = min(values, default=0), max(values, default=0)
    if low <= high * 5 / 6:
        return nice_ticks(high, wanted)
    span = max(high - low, high // 20, 1)
    step = nice_ticks(span, wanted)[1]
    ticks = [(low // step) * step]
    while ticks[-1] < max(high, ticks[0] + span):
        ticks.append(ticks[-1] + step)
    return ticks


class ChartBase(QWidget):
    """Items (points or bars) with a label, a value and a sentence each.

    Subclasses paint in :meth:`paint_chart` and say where each item is in
    :meth:`item_rects`; tooltips, keyboard selection, focus frame and the accessible
    description are handled here.
    """

    current_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._labels: list[str] = []
        self._values: list[int] = []
        self._texts: list[str] = []
        self._current: int | None = None
        self._empty_text = ""

    # -- data ------------------------------------------------------------------------------
    def set_data(
        self,
        labels: Sequence[str],
        values: Sequence[int],
        item_texts: Sequence[str],
        summary: str,
    ) -> None:
        """Show ``values``; ``item_texts`` are the tooltip sentences, ``summary`` opens the
        accessible description (which then lists every item's sentence)."""
        if not len(labels) == len(values) == len(item_texts):
            raise ValueError("labels, values and texts must be of the same length")
        self._labels = list(labels)
        self._values = [int(v) for v in values]
        self._texts = list(item_texts)
        self._current = None
        self.setAccessibleDescription(
            f"{summary} {'; '.join(self._texts)}." if self._texts else summary
        )
        self.updateGeometry()
        self.update()

    def set_empty_text(self, text: str) -> None:
        """What the chart says when it has no data (translated by the owner)."""
        self._empty_text = text
        self.update()

    def labels(self) -> list[str]:
        return list(self._labels)

    def values(self) -> list[int]:
        return list(self._values)

    def item_texts(self) -> list[str]:
        return list(self._texts)

    @property
    def current(self) -> int | None:
        return self._current

    def set_current(self, index: int | None) -> None:
        if index is not None and not 0 <= index < len(self._values):
            index = None
        if index != self._current:
            self._current = index
            self.update()
            if index is not None:
                self.current_changed.emit(index)
                rect = self.item_rects()[index]
                QToolTip.showText(self.mapToGlobal(rect.center()), self._texts[index], self)

    # -- for subclasses --------------------------------------------------------------------
    def item_rects(self) -> list[QRect]:
        """Where each item is, in widget coordinates (for tooltips and selection)."""
        raise NotImplementedError

    def paint_chart(self, painter: QPainter) -> None:
        raise NotImplementedError

    def item_at(self, point: QPoint) -> int | None:
        for index, rect in enumerate(self.item_rects()):
            if rect.contains(point):
                return index
        return None

    # -- Qt --------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        painter.setFont(self.font())
        if self._values:
            self.paint_chart(painter)
        else:
            painter.setPen(self.palette().text().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
        if self.hasFocus():
            pen = QPen(DATA_COLOUR, 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.item_at(event.pos())
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self._texts[index], self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.set_current(self.item_at(event.position().toPoint()))
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        count = len(self._values)
        if not count:
            super().keyPressEvent(event)
            return
        current = self._current
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.set_current(0 if current is None else min(current + 1, count - 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.set_current(count - 1 if current is None else max(current - 1, 0))
        elif key == Qt.Key.Key_Home:
            self.set_current(0)
        elif key == Qt.Key.Key_End:
            self.set_current(count - 1)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    # -- shared drawing --------------------------------------------------------------------
    def text_colour(self) -> QColor:
        return self.palette().text().color()

    @staticmethod
    def tick_label(value: int) -> str:
        return format_count(value)
