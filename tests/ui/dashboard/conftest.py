"""Dashboard tests: a demo register of 300 households on SQLite, settings kept private."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from kpass.models.engine import Database

#: The day the demo register is made on and the widgets think is today.
AS_OF = date(2026, 6, 15)
#: The dashboard's default range for that day: the twelve complete months before it.
FIRST, LAST = "2025-06", "2026-05"


@pytest.fixture
def backend() -> str:
    return "sqlite"  # the widgets do not care which database answers


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> Iterator[None]:
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield


@pytest.fixture
def register(demo_register: Callable[[int, int, date], Database]) -> Database:
    """A copy of a demo register of 300 households with two years of history."""
    return demo_register(300, 7, AS_OF)


def colour_share(widget: QWidget, colour: QColor) -> float:
    """The share of pixels of ``widget`` (grabbed) that have exactly ``colour``."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert not image.isNull() and image.width() > 0
    wanted = colour.rgb()
    hits = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            total += 1
            hits += image.pixel(x, y) == wanted
    return hits / total


def distinct_colours(widget: QWidget) -> int:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return len(
        {image.pixel(x, y) for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)}
    )


def focusable_without_name(root: QWidget) -> list[str]:
    """Visible widgets that take the keyboard focus but have no accessible name.

    The line edit inside a date field or an editable combo box is named by its owner
    (Qt gives the owner's name to screen readers), so it is not counted.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue
        if not widget.accessibleName().strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def tab_through(start: QWidget, count: int) -> list[QWidget]:
    """The first ``count`` controls the Tab key visits from ``start``.

    A date field takes Tab for its day, month and year first (Qt's standard behaviour);
    it is listed once.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox

    start.window().activateWindow()
    start.setFocus()
    visited: list[QWidget] = []
    for _ in range(count * 4):
        focused = QApplication.focusWidget()
        assert focused is not None
        owner = focused.parent()
        control = owner if isinstance(owner, QAbstractSpinBox | QComboBox) else focused
        if not visited or visited[-1] is not control:
            visited.append(control)
        if len(visited) == count:
            break
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    return visited
