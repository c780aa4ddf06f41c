"""Qt table model over the person search: pages are fetched as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kpass.services.person_search import PAGE_SIZE, Cursor, PersonHit, SearchPage
from kpass.ui.translation import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex
SearchFunction = Callable[[str, Cursor | None, int], SearchPage]


class PersonSearchModel(QAbstractTableModel):
    """Rows of :class:`PersonHit`; never holds more than the pages the view asked for."""

    # translated in headerData(); marked here for the catalog
    COLUMNS = (
        QT_TRANSLATE_NOOP("PersonSearchModel", "Name"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Vorname(n)"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Geburtsdatum"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Anschrift"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Stadtteil"),
    )

    def __init__(self, search: SearchFunction, parent: Any = None) -> None:
        super().__init__(parent)
        self._search = search
        self._text = ""
        self._hits: list[PersonHit] = []
        self._next: Cursor | None = None

    # -- querying ---------------------------------------------------------------
    def set_query(self, text: str) -> None:
        """Replace the results by the first page for ``text``."""
        self.beginResetModel()
        self._text = text
        page = self._search(text, None, PAGE_SIZE)
        self._hits = list(page.hits)
        self._next = page.next_cursor
        self.endResetModel()

    def query(self) -> str:
        return self._text

    def hit(self, row: int) -> PersonHit:
        return self._hits[row]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._next is None:
            return
        page = self._search(self._text, self._next, PAGE_SIZE)
        if not page.hits:
            self._next = None
            return
        first = len(self._hits)
        self.beginInsertRows(QModelIndex(), first, first + len(page.hits) - 1)
        self._hits.extend(page.hits)
        self._next = page.next_cursor
        self.endInsertRows()

    # -- the model interface ----------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return hit.family_name
            if column == 1:
                return hit.given_names
            if column == 2:
                return hit.birth_date.strftime("%d.%m.%Y")
            if column == 3:
                if hit.street is None:
                    return self.tr("ohne Anschrift")
                return f"{hit.street} {hit.house_number}, {hit.postcode} {hit.municipality}"
            if column == 4:
                return hit.stadtteil or ""
        if role == Qt.ItemDataRole.UserRole:
            return hit.person_id
        return None
