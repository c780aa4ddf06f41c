"""Look and accessibility: a visible keyboard focus, system font sizes, enough contrast, and
messages whose kind shows in colour, symbol and word alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QFont,
)
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from kpass.ui.translation import QT_TRANSLATE_NOOP

# Only colours, borders and paddings: sizes stay in the system's hands, so fonts scale with
# the user's setting (BITV 2.0). The focus colour has a contrast of 7.1:1 against white, the
# error red (#a4000f) 7.9:1.
STYLE_SHEET = """
QLineEdit:focus, QTableView:focus, QPushButton:focus, QComboBox:focus, QDateEdit:focus,
QSpinBox:focus, QCheckBox:focus, QListView:focus, QTreeView:focus, QTabBar::tab:focus,
QScrollArea:focus {
    border: 2px solid #0b4f8a;
}
QCheckBox:focus { border-radius: 2px; }
QPushButton { padding: 4px 12px; }
QHeaderView::section { padding: 3px 8px; font-weight: bold; }
QTableView::item { padding: 0px 6px; }
QTableView::item:selected:active { background: #0b4f8a; color: #ffffff; }
QTableView::item:selected:!active { background: #c9dced; color: #000000; }
QLabel#fieldError { color: #a4000f; font-weight: bold; }
QFrame#duplicateWarning { background: #fff4ce; border: 1px solid #8a6d00; }
QLabel#householdSentence { background: #eef4fa; border: 1px solid #9fb8d0; padding: 6px; }
"""


def make_heading(label: QLabel, scale: float = 1.3) -> None:
    """A page title: bold and larger relative to the system font (never a fixed size)."""
    font = QFont(label.font())
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)


# -- messages ------------------------------------------------------------------------------
MessageKind = Literal["success", "info", "warning", "error"]


@dataclass(frozen=True)
class MessageLook:
    symbol: str
    word: str  # German source text, translated in the "Messages" context
    foreground: str
    background: str
    border: str


#: Each kind differs in symbol and word, not only in colour; every text colour has a contrast
#: of at least 4.5:1 against its background and against white (tests/ui/test_message_kinds).
MESSAGE_KINDS: dict[MessageKind, MessageLook] = {
    "success": MessageLook("✔", QT_TRANSLATE_NOOP("Messages", "Erledigt"),
                           "#0b3d1c", "#e3f1e6", "#2e6b3a"),
    "info": MessageLook("ℹ", QT_TRANSLATE_NOOP("Messages", "Hinweis"),
                        "#0b4f8a", "#eef4fa", "#9fb8d0"),
    "warning": MessageLook("⚠", QT_TRANSLATE_NOOP("Messages", "Achtung"),
                           "#5c4300", "#fff4ce", "#8a6d00"),
    "error": MessageLook("✖", QT_TRANSLATE_NOOP("Messages", "Fehler"),
                         "#a4000f", "#fde7e9", "#a4000f"),
}


def _relative_luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    a, b = sorted((_relative_luminance(first), _relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def kind_word(kind: MessageKind) -> str:
    return QCoreApplication.translate("Messages", MESSAGE_KINDS[kind].word)


class MessageBar(QFrame):
    """The answer to what the caseworker just did: "✔ Erledigt", "ℹ Hinweis" (something
    under way), "⚠ Achtung" or "✖ Fehler" before the text, in the kind's colours; hidden
    while there is nothing to say.

    ``label`` holds the message alone (its accessible description names the kind too). A
    warning or an error is announced to a screen reader at once, the others politely."""

    announced = Signal(str)  # what was announced ("Fehler: …"), for tests and logs

    def __init__(self, object_name: str = "actionMessage", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name + "Bar")
        self.icon = QLabel()
        self.icon.setObjectName(object_name + "Kind")
        self.label = QLabel()
        self.label.setObjectName(object_name)
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.icon, 0)
        layout.addWidget(self.label, 1)
        self.label.installEventFilter(self)
        self.kind: MessageKind | None = None
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def say(self, text: str, kind: MessageKind = "success") -> None:
        self.label.setText(text)
        if not text:
            self.kind = None
            self.icon.clear()
            self.label.setAccessibleDescription("")
            self.hide()
            return
        self.kind = kind
        look = MESSAGE_KINDS[kind]
        word = kind_word(kind)
        self.icon.setText(f"{look.symbol} {word}:")
        self.icon.setAccessibleName(word)
        self.setStyleSheet(f"QFrame#{self.objectName()} {{ background: {look.background}; "
                           f"border: 1px solid {look.border}; border-radius: 3px; }}")
        for part in (self.icon, self.label):
            part.setStyleSheet(f"color: {look.foreground}; background: transparent; "
                               "border: none; font-weight: bold;")
        spoken = f"{word}: {text}"
        self.label.setAccessibleDescription(spoken)
        self.show()
        self._fit_height()
        self._announce(spoken, assertive=kind in ("warning", "error"))

    def show_error(self, text: str) -> None:
        """A refusal (the reporter :func:`kpass.ui.common.run_service.run_service` takes)."""
        self.say(text, "error")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label and event.type() == QEvent.Type.Resize:
            self._fit_height()
        return super().eventFilter(watched, event)

    def _fit_height(self) -> None:
        # A wrapped label tells the layouts above it too little height (Qt's height for
        # width does not reach through nested layouts): the message would be cut off.
        height = self.label.heightForWidth(self.label.width()) if self.label.text() else 0
        if height > 0 and height != self.label.minimumHeight():
            self.label.setMinimumHeight(height)

    def _announce(self, text: str, *, assertive: bool) -> None:
        event = QAccessibleAnnouncementEvent(self.label, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                            else QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)
        self.announced.emit(text)
