"""Look and accessibility: a visible keyboard focus, system font sizes, enough contrast."""

from __future__ import annotations

# Only colours and borders: sizes stay in the system's hands, so fonts scale with the
# user's setting (BITV 2.0). The focus colour has a contrast of 7.1:1 against white.
STYLE_SHEET = """
QLineEdit:focus, QTableView:focus, QPushButton:focus, QComboBox:focus, QDateEdit:focus,
QSpinBox:focus, QCheckBox:focus, QListView:focus, QTabBar::tab:focus {
    border: 2px solid #0b4f8a;
}
QTableView::item:selected:active { background: #0b4f8a; color: #ffffff; }
QTableView::item:selected:!active { background: #c9dced; color: #000000; }
"""
