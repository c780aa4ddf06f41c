"""A read-only table of labels and counts with a bold total row (Qt model/view)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from kpass.vocabulary import format_count

Cell = str | int
Index = QModelIndex | QPersistentModelIndex


class CountTableModel(QAbstractTableModel):
    """Rows of ``label_columns`` texts followed by counts (``int``, or ``"·"`` if hidden).

    ``Qt.UserRole`` gives the raw cell (the number, not its German text), for tests and
    for copying.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[list[Cell]] = []
        self._label_columns = 0
        self._has_total = False

    def set_table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        label_columns: int,
        total: Sequence[Cell] | None = None,
    ) -> None:
        self.beginResetModel()
        self._headers = list(headers)
        self._rows = [list(row) for row in rows]
        if total is not None:
            self._rows.append(list(total))
        self._has_total = total is not None
        self._label_columns = label_columns
        self.endResetModel()

    def headers(self) -> list[str]:
        return list(self._headers)

    def raw_rows(self) -> list[list[Cell]]:
        """Every row as shown, the total row last."""
        return [list(row) for row in self._rows]

    def is_total_row(self, row: int) -> bool:
        return self._has_total and row == len(self._rows) - 1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        cell = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return format_count(cell) if isinstance(cell, int) else cell
        if role == Qt.ItemDataRole.UserRole:
            return cell
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= self._label_columns:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.is_total_row(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section >= self._label_columns:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
