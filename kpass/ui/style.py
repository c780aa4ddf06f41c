"""Look and accessibility: a visible keyboard focus, system font sizes, enough contrast."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

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
QLabel#fieldError, QLabel#banner { color: #a4000f; font-weight: bold; }
QFrame#duplicateWarning { background: #fff4ce; border: 1px solid #8a6d00; }
QLabel#householdSentence { background: #eef4fa; border: 1px solid #9fb8d0; padding: 6px; }
QLabel#actionMessage { color: #0b3d1c; font-weight: bold; }
"""


def make_heading(label: QLabel, scale: float = 1.3) -> None:
    """A page title: bold and larger relative to the system font (never a fixed size)."""
    font = QFont(label.font())
    font.setBold(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
