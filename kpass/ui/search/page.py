"""The search page: find persons as you type (name parts in any order, birth date)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpass.services import Database
from kpass.services.search import (
    Cursor,
    SearchPage,
    is_pass_query,
    parse_pass_query,
    search_persons,
)
from kpass.ui.common.form_widgets import column_width
from kpass.ui.search.model import PersonSearchModel

SEARCH_DELAY_MS = 150  # waits for a pause in typing, so a name is not queried per letter
# Typical contents of the result columns (PersonSearchModel.COLUMNS), for their widths.
_COLUMN_SAMPLES = ("Schneider-Wagner", "Anna-Lena Marie", "00.00.0000", "000000",
                   "KA-000000-00", "gesperrt ab 00.00.0000", "00.00.0000",
                   "Karl-Friedrich-Straße 124a, 76133 Karlsruhe", "Südweststadt")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchPage", text)


class PersonSearchPage(QWidget):
    """Search field on top, results below; Enter in the list opens the person."""

    person_opened = Signal(int)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setObjectName("searchPage")
        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search_field)
        self.model = PersonSearchModel(self._search, self)
        self.results = QTableView()
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAlternatingRowColors(True)
        self.results.setTabKeyNavigation(False)
        self.results.verticalHeader().setVisible(False)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.result_info = QLabel()
        self.result_info.setObjectName("resultInfo")
        self.hint = QLabel()
        self.hint.setObjectName("keyHint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_label)
        layout.addWidget(self.search_field)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.result_info)
        layout.addWidget(self.hint)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_field.textChanged.connect(lambda _text: self._timer.start())
        self.search_field.returnPressed.connect(self._focus_results)
        self.results.activated.connect(lambda index: self._open_row(index.row()))
        self.translate_ui()

    def translate_ui(self) -> None:
        self.search_label.setText(_tr("&Suche nach Person"))
        self.search_field.setPlaceholderText(
            _tr("Name, Geburtsdatum (TT.MM.JJJJ), Passnummer oder Straße mit Hausnummer"))
        self.search_field.setAccessibleName(_tr("Personensuche"))
        self.search_field.setAccessibleDescription(
            _tr("Namensteile in beliebiger Reihenfolge; Umlaute auch als ae, oe, ue; "
                "Passnummer ab vier Ziffern (KA-1234); Straße, z. B. Rheinstr 24"))
        self.results.setAccessibleName(_tr("Suchergebnisse"))
        self.result_info.setAccessibleName(_tr("Anzahl der Suchergebnisse"))
        self.hint.setText(_tr("Eingabe: Ergebnisliste · Eingabe in der Liste: Haushalt öffnen · "
                              "Strg+N: neuer Antrag · Strg+F: Suche · Strg+R: Verlängerungen"))
        self.hint.setAccessibleName(_tr("Tastenkürzel"))
        self.fit_columns()
        self.update_info()

    def fit_columns(self) -> None:
        """Column widths for typical contents in the current font (it scales with the
        system setting), never narrower than the header; the last column takes the rest."""
        for column, sample in enumerate(_COLUMN_SAMPLES):
            header = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            self.results.setColumnWidth(column, column_width(self.results, [sample], header))

    def showEvent(self, event: QShowEvent) -> None:
        # fonts and styles are final only once the page is shown
        self.fit_columns()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.fit_columns()
        super().changeEvent(event)

    def _search(self, text: str, after: Cursor | None, limit: int) -> SearchPage:
        return search_persons(self.database, text, after=after, limit=limit)

    def run_search(self) -> None:
        """Run the query for the current text now (the debounce timer calls this)."""
        self._timer.stop()
        self.model.set_query(self.search_field.text())
        if self.model.rowCount():
            self.results.selectRow(0)
        self.update_info()

    def update_info(self) -> None:
        rows = self.model.rowCount()
        if not self.search_field.text().strip():
            text = _tr("Bitte Namen, Geburtsdatum, Passnummer oder Straße eingeben.")
        elif rows == 0 and is_pass_query(self.search_field.text()) and parse_pass_query(
                self.search_field.text()) is None:
            text = _tr("Passnummer: bitte mindestens vier Ziffern eingeben.")
        elif rows == 0:
            text = _tr("Keine Person gefunden.")
        elif self.model.canFetchMore():
            text = _tr("Mehr als %1 Treffer – bitte genauer suchen.").replace("%1", str(rows))
        else:
            text = _tr("%1 Treffer").replace("%1", str(rows))
        self.result_info.setText(text)

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def _focus_results(self) -> None:
        self.run_search()
        if self.model.rowCount():
            self.results.setFocus()
            self.results.selectRow(0)

    def _open_row(self, row: int) -> None:
        self.person_opened.emit(self.model.hit(row).person_id)

    def household_of_row(self, row: int) -> int | None:
        return self.model.hit(row).household_id
