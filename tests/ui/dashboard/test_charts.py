"""The painted charts on their own: axes, painting, tooltips, keyboard, screen readers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from kpass.ui.dashboard import BarChart, LineChart
from kpass.ui.dashboard.charts import DATA_COLOUR, nice_ticks, value_axis
from tests.ui.dashboard.conftest import colour_share

pytestmark = pytest.mark.gui


def test_axis_ticks_are_round_and_cover_the_data() -> None:
    assert nice_ticks(0) == [0, 1]
    assert nice_ticks(4045) == [0, 1000, 2000, 3000, 4000, 5000]
    assert nice_ticks(7) == [0, 2, 4, 6, 8]
    assert value_axis([288, 414]) == [0, 100, 200, 300, 400, 500]  # from zero
    ticks = value_axis([2620, 2692])  # all values high: a round start below them
    assert ticks[0] <= 2620 and ticks[-1] >= 2692 and ticks[0] > 0
    assert ticks[-1] - ticks[0] >= 2692 // 20
    assert value_axis([5, 5]) == [5, 6]


@pytest.mark.parametrize("chart_type", [LineChart, BarChart])
def test_chart_paints_its_data_and_tells_it(qtbot: QtBot, chart_type: type) -> None:
    chart = chart_type()
    qtbot.addWidget(chart)
    chart.resize(600, 400)
    chart.setAccessibleName("Diagramm")
    chart.set_empty_text("Keine Zahlen geladen.")
    chart.show()
    qtbot.waitExposed(chart)
    assert colour_share(chart, DATA_COLOUR) == 0  # nothing to draw yet
    texts = ["Jan 2026: 1.200", "Feb 2026: 1.350", "Mär 2026: 0"]
    chart.set_data(["Jan", "Feb", "Mär"], [1200, 1350, 0], texts, "Aktive Pässe.")
    assert colour_share(chart, DATA_COLOUR) > 0.002
    assert chart.accessibleDescription() == "Aktive Pässe. " + "; ".join(texts) + "."

    index = 1
    centre = chart.item_rects()[index].center()
    assert chart.item_at(centre) == index
    event = QHelpEvent(QEvent.Type.ToolTip, centre, chart.mapToGlobal(centre))
    QApplication.sendEvent(chart, event)
    assert QToolTip.text() == texts[index]

    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    assert chart.current == 0
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert chart.current == 1
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert chart.current == 0
    assert not chart.grab().toImage().isNull()

    with pytest.raises(ValueError):
        chart.set_data(["a"], [1, 2], ["a"], "")


def test_a_single_month_and_big_numbers_fit(qtbot: QtBot) -> None:
    chart = LineChart()
    qtbot.addWidget(chart)
    chart.resize(300, 200)
    chart.set_data(["Jun 2026"], [1_234_567], ["Juni 2026: 1.234.567"], "Eine Zahl.")
    chart.show()
    assert colour_share(chart, DATA_COLOUR) > 0
    assert chart.item_at(QPoint(150, 100)) == 0
