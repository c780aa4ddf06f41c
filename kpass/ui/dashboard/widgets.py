"""Small pieces both panels use: headings, message lines, tables, the tab order."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QWidget

#: Dark red, 7.9:1 against white: errors must be readable, not just red.
ERROR_STYLE = "color: #a4000f;"


def heading(text: str = "") -> QLabel:
    """A bold section heading, a little larger than the system font."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.15)
    label.setFont(font)
    label.setContentsMargins(0, 6, 0, 2)
    return label


def message_label(name: str) -> QLabel:
    """A line for German messages; hidden while there is nothing to say."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_message(label: QLabel, text: str, *, error: bool = True) -> None:
    """Show ``text`` (an error in dark red) or hide the label when ``text`` is empty."""
    label.setText(text)
    label.setStyleSheet(ERROR_STYLE if error else "")
    label.setVisible(bool(text))


def count_table_view(name: str) -> QTableView:
    """A read-only table, rows as high as the font needs, Tab leaving it (arrows move inside)."""
    table = QTableView()
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def set_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab visits ``widgets`` in reading order (top to bottom, left column first)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
