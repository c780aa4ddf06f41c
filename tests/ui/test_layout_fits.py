"""At 1280 × 800, with the system font at 100 % and at 125 %, no button or label cuts its
text: each is at least as wide as its text needs (BITV: layouts that hold at larger fonts)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kpass.models.engine import Database
from kpass.services.applications import apply
from kpass.services.passes import decide_and_issue
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


def test_household_search_and_renewals_pages_fit(
    qtbot: QtBot, database: Database, font_scale: float
) -> None:
    ids = add_household(database, [
        ("Özdemir", "Ayşe", date(1988, 2, 1), "applicant"),
        ("Özdemir", "Murat", date(1985, 9, 17), "partner"),
        ("Özdemir", "Can", date(2014, 6, 15), "child"),
    ])
    add_income(database, ids[0], "wages", "900.00")
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
    window.show_renewals()
    assert cut_texts(window) == []
