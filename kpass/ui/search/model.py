"""Qt table model over the person search: pages are fetched as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from kpass.services.search import PAGE_SIZE, Cursor, PassFacts, PersonHit, SearchPage
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
        QT_TRANSLATE_NOOP("PersonSearchModel", "Haushalt"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Pass"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Status"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "gültig bis"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Anschrift"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Stadtteil"),
    )
    # what a screen reader says for each column header (and its tooltip)
    COLUMN_NAMES = (
        QT_TRANSLATE_NOOP("PersonSearchModel", "Familienname"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Vorname(n)"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Geburtsdatum"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Haushaltsnummer"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Passnummer"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Passstatus"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Pass gültig bis"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Anschrift"),
        QT_TRANSLATE_NOOP("PersonSearchModel", "Stadtteil"),
    )
    (FAMILY, GIVEN, BIRTH, HOUSEHOLD, NUMBER, STATUS, VALID_UNTIL, ADDRESS,
     STADTTEIL) = range(9)

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
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self.tr(self.COLUMN_NAMES[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text_of(hit, column)
        if role == Qt.ItemDataRole.UserRole:
            return hit.person_id
        if column == self.STATUS and hit.pass_facts is not None:
            state = hit.pass_facts.state
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._status_note(hit.pass_facts)
            # the text says it; colour and weight only make it stand out
            if role == Qt.ItemDataRole.ForegroundRole and state in _STATE_COLOURS:
                return QColor(_STATE_COLOURS[state])
            if role == Qt.ItemDataRole.FontRole and state in _ENDED:
                font = QFont()
                font.setBold(True)
                return font
        return None

    def _text_of(self, hit: PersonHit, column: int) -> str:
        facts = hit.pass_facts
        if column == self.FAMILY:
            return hit.family_name
        if column == self.GIVEN:
            return hit.given_names
        if column == self.BIRTH:
            return hit.birth_date.strftime("%d.%m.%Y")
        if column == self.HOUSEHOLD:
            return "" if hit.household_id is None else str(hit.household_id)
        if column == self.NUMBER:
            return "" if facts is None else facts.number
        if column == self.STATUS:
            return self.tr("kein Pass") if facts is None else self.status_text(facts)
        if column == self.VALID_UNTIL:  # a revoked pass: its real last day
            return "" if facts is None else facts.last_day.strftime("%d.%m.%Y")
        if column == self.ADDRESS:
            if hit.street is None:
                return self.tr("ohne Anschrift")
            return f"{hit.street} {hit.house_number}, {hit.postcode} {hit.municipality}"
        if column == self.STADTTEIL:
            return hit.stadtteil or ""
        return ""

    def status_text(self, facts: PassFacts) -> str:
        """What the status column says: "aktiv", "läuft ab 12/2026", "gesperrt ab …" …"""
        state = facts.state
        if state == "expiring":
            return self.tr("läuft ab %1").replace("%1", facts.valid_until.strftime("%m/%Y"))
        if state == "ending":
            text = self.tr("ersetzt ab %1") if facts.status == "replaced" else \
                self.tr("gesperrt ab %1")
            return text.replace("%1", _day(facts.revoked_on))
        if state == "upcoming":
            return self.tr("gültig ab %1").replace("%1", _day(facts.valid_from))
        return self.tr(_STATE_TEXTS.get(state, state))

    def _status_note(self, facts: PassFacts) -> str:
        """The tooltip: since when a pass is ended, until when one that ends is valid."""
        if facts.state in ("revoked", "replaced"):
            text = self.tr("ersetzt seit %1") if facts.state == "replaced" else \
                self.tr("gesperrt seit %1")
            return text.replace("%1", _day(facts.revoked_on))
        if facts.state == "ending" and facts.revoked_on is not None:
            text = self.tr("gültig bis %1, dann ersetzt") if facts.status == "replaced" else \
                self.tr("gültig bis %1, dann gesperrt")
            return text.replace("%1", _day(facts.last_day))
        return self.status_text(facts)


def _day(day: date | None) -> str:
    return "" if day is None else day.strftime("%d.%m.%Y")


# translated in status_text(); marked here for the catalog
_STATE_TEXTS = {
    "active": QT_TRANSLATE_NOOP("PersonSearchModel", "aktiv"),
    "revoked": QT_TRANSLATE_NOOP("PersonSearchModel", "gesperrt"),
    "replaced": QT_TRANSLATE_NOOP("PersonSearchModel", "ersetzt"),
    "expired": QT_TRANSLATE_NOOP("PersonSearchModel", "abgelaufen"),
}
# States of a pass that is not (or soon not) valid; dark enough for 7:1 on white and on the
# alternating row colour.
_ENDED = frozenset({"revoked", "replaced", "expired"})
_STATE_COLOURS = {"revoked": "#a4000f", "replaced": "#a4000f", "expired": "#a4000f",
                  "ending": "#7a3d00", "expiring": "#7a3d00"}
