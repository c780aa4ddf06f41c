"""Typing and pressing keys the way a caseworker does (to whatever has the focus)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def focused() -> QWidget:
    """Where a key goes: the focus widget, or — while a modal dialog is open but its window
    not yet activated (a real X server under load activates it later, offscreen never) —
    the widget that will have the focus in that dialog, as a person sees the dialog."""
    widget = QApplication.focusWidget()
    modal = QApplication.activeModalWidget()
    if modal is not None and (widget is None or not modal.isAncestorOf(widget)) \
            and widget is not modal:
        widget = modal.focusWidget() or modal
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(text: str, widget: QWidget | None = None) -> None:
    # qtbot.keyClicks aborts on non-ASCII characters; send them one by one.
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget or focused(), Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def tab(times: int = 1) -> None:
    for _ in range(times):
        press(Qt.Key.Key_Tab)


def save(widget: QWidget | None = None) -> None:
    """Ctrl+S (in ``widget``, else where the focus is): the household page saves everything
    on the screen."""
    target = widget or focused()
    window = target.window()
    if not window.isActiveWindow():  # after a dialog closed offscreen; shortcuts need it
        window.activateWindow()
        QApplication.processEvents()
    QTest.keyClick(target, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
