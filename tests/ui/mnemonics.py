"""The Alt+letter keys (mnemonics) a window offers right now, and which of them clash.

Qt registers a mnemonic for every button text, tab text and menu-bar title with an ``&``,
and for a label with a buddy (Alt+letter moves the focus to the buddy). It counts only the
controls of the active window that are visible and enabled. When two of them share a key,
Alt+key is ambiguous: Qt then only moves the focus between them and presses nothing. That
is acceptable between field labels (the focus cycles through the fields) and a defect for
anything that acts (a button, a check box, a tab, a menu).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenuBar,
    QTabBar,
    QWidget,
)

Kind = Literal["button", "tab", "menu", "label"]


@dataclass(frozen=True)
class Mnemonic:
    key: str  # as Qt writes it: "Alt+E", "Alt+Ä"
    kind: Kind
    text: str

    def __str__(self) -> str:
        return f"{self.kind} {self.text!r}"


def mnemonic_key(text: str) -> str | None:
    """The key Qt binds to ``text`` ("&&" is a literal ampersand), or None."""
    sequence = QKeySequence.mnemonic(text)
    return None if sequence.isEmpty() else sequence.toString()


def _active(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled()


def window_mnemonics(window: QWidget) -> list[Mnemonic]:
    """Every mnemonic of the controls in ``window`` that Qt would match now (dialogs and
    other windows opened from it have their own)."""
    texts: list[tuple[Kind, str]] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.window() is not window or not _active(widget):
            continue
        if isinstance(widget, QAbstractButton):
            texts.append(("button", widget.text()))
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(("label", widget.text()))
        elif isinstance(widget, QGroupBox):
            # a checkable box is toggled by its mnemonic, another one focuses a child
            texts.append(("button" if widget.isCheckable() else "label", widget.title()))
        elif isinstance(widget, QTabBar):
            texts.extend(("tab", widget.tabText(i)) for i in range(widget.count())
                         if widget.isTabEnabled(i) and widget.isTabVisible(i))
        elif isinstance(widget, QMenuBar):
            texts.extend(("menu", action.text()) for action in widget.actions()
                         if action.isVisible() and action.isEnabled())
    found = []
    for kind, text in texts:
        key = mnemonic_key(text)
        if key is not None:
            found.append(Mnemonic(key, kind, text))
    return found


def clashes(mnemonics: list[Mnemonic]) -> dict[str, list[Mnemonic]]:
    """Keys that more than one control uses, unless all of them are field labels."""
    by_key: dict[str, list[Mnemonic]] = defaultdict(list)
    for mnemonic in mnemonics:
        by_key[mnemonic.key].append(mnemonic)
    return {key: found for key, found in by_key.items()
            if len(found) > 1 and any(m.kind != "label" for m in found)}


def describe(found: dict[str, list[Mnemonic]]) -> str:
    return "\n".join(f"{key}: " + ", ".join(str(m) for m in ms) for key, ms in found.items())
