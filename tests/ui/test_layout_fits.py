"""At 1280 × 800, with the system font at 100 % and at 125 %, no button or label cuts its
text: each is at least as wide as its text needs (BITV: layouts that hold at larger fonts)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHeaderView,
    QLabel,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply
from kpass.services.household.changes import add_notice
from kpass.services.household.details import household_details
from kpass.services.household.validation import NoticeInput
from kpass.services.passes.actions import decide_and_issue
from kpass.ui.main_window import MainWindow
from tests.register_builder import add_household, add_income, household_of

TODAY = date(2026, 12, 3)


@pytest.fixture
def backend() -> str:
    return "sqlite"


@pytest.fixture(params=[1.0, 1.25], ids=["100%", "125%"])
def font_scale(request: pytest.FixtureRequest) -> Iterator[float]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    normal = font.pointSizeF()
    font.setPointSizeF(normal * request.param)
    app.setFont(font)
    yield request.param
    font.setPointSizeF(normal)
    app.setFont(font)


def cut_texts(root: QWidget) -> list[tuple[str, int, int]]:
    """Visible buttons and one-line labels narrower than their text needs."""
    cut = []
    for widget in root.findChildren(QAbstractButton) + root.findChildren(QLabel):
        if not widget.isVisible() or not widget.text():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        if widget.width() < widget.sizeHint().width():
            cut.append((widget.text(), widget.width(), widget.sizeHint().width()))
    return cut


def cut_columns(table: QTableWidget) -> list[tuple[str, int, int]]:
    """Columns narrower than their header or widest cell; a column that wraps its texts
    may be narrower, but then its rows must be tall enough for the wrapped lines."""
    header = table.horizontalHeader()
    cut = []
    wraps = table.wordWrap()
    for row in range(table.rowCount()):
        if wraps and table.rowHeight(row) < table.sizeHintForRow(row):
            cut.append((f"row {row}", table.rowHeight(row), table.sizeHintForRow(row)))
    for column in range(table.columnCount()):
        if wraps and header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue
        needed = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        if table.columnWidth(column) < needed:
            item = table.horizontalHeaderItem(column)
            cut.append((item.text() if item else str(column), table.columnWidth(column),
                        needed))
    return cut


def test_household_search_and_renewals_pages_fit(
    qtbot: QtBot, database: Database, font_scale: float
) -> None:
    ids = add_household(database, [
        ("Özdemir", "Ayşe", date(1988, 2, 1), "applicant"),
        ("Özdemir", "Murat", date(1985, 9, 17), "partner"),
        ("Özdemir", "Can", date(2014, 6, 15), "child"),
    ])
    add_income(database, ids[0], "wages", "900.00")
    add_income(database, ids[2], "kindergeld", "255.00")
    household = household_of(database, ids[0])
    # the longest label of a benefit, in the table and in the field below it
    add_notice(database, household, household_details(database, household, TODAY).version,
               NoticeInput("sgb12_grundsicherung", date(2026, 1, 1), None, "GS-2026-000123"))
    application = apply(database, household_of(database, ids[0]), date(2026, 1, 5),
                        today=TODAY)
    decide_and_issue(database, application.application_id)
    window = MainWindow(database, TODAY)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)

    window.search_field.setText("özdemir")
    window.run_search()
    assert cut_texts(window) == []
    window.open_household(household_of(database, ids[0]), ids[2])
    qtbot.wait(50)
    assert cut_texts(window) == []
    page = window.household_page
    # the form does not scroll sideways; a table may, but cuts no column
    assert page.form_scroll.horizontalScrollBar().maximum() == 0
    for table in (page.members.table, page.incomes.table, page.notices.table):
        assert cut_columns(table) == [], table.objectName()
    window.show_renewals()
    assert cut_texts(window) == []
