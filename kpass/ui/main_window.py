"""The main window: find persons as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpass.models.engine import Database
from kpass.services.person_search import Cursor, SearchPage, search_persons
from kpass.ui.person_search_model import PersonSearchModel

SEARCH_DELAY_MS = 150  # waits for a pause in typing, so a name is not queried per letter


class MainWindow(QMainWindow):
    """Search field on top, results below; Enter opens the selected person."""

    person_opened = Signal(int)

    def __init__(self, database: Database) -> None:
        super().__init__()
        self.database = database
        self.setObjectName("mainWindow")
        self.resize(1280, 800)

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
        self.results.verticalHeader().setVisible(False)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((220, 220, 120, 380)):
            self.results.setColumnWidth(column, width)

        self.result_info = QLabel()
        self.result_info.setObjectName("resultInfo")

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search_label)
        layout.addWidget(self.search_field)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.result_info)
        self.setCentralWidget(central)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_field.textChanged.connect(lambda _text: self._timer.start())
        self.search_field.returnPressed.connect(self._focus_results)
        self.results.activated.connect(lambda index: self._open_row(index.row()))

        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.focus_search)

        self.translate_ui()
        self.statusBar().showMessage(self.tr("Datenbank: %1").replace("%1", database.display_url()))
        self.search_field.setFocus()

    def translate_ui(self) -> None:
        self.setWindowTitle(self.tr("kpass – Karlsruher Pass"))
        self.search_label.setText(self.tr("&Suche nach Person"))
        self.search_field.setPlaceholderText(
            self.tr("Name, Vorname, Geburtsdatum (TT.MM.JJJJ) oder Geburtsjahr")
        )
        self.search_field.setAccessibleName(self.tr("Personensuche"))
        self.search_field.setAccessibleDescription(
            self.tr("Namensteile in beliebiger Reihenfolge; Umlaute auch als ae, oe, ue")
        )
        self.results.setAccessibleName(self.tr("Suchergebnisse"))
        self.result_info.setAccessibleName(self.tr("Anzahl der Suchergebnisse"))
        self._update_info()

    def _search(self, text: str, after: Cursor | None, limit: int) -> SearchPage:
        return search_persons(self.database, text, after=after, limit=limit)

    def run_search(self) -> None:
        """Run the query for the current text now (the debounce timer calls this)."""
        self._timer.stop()
        self.model.set_query(self.search_field.text())
        if self.model.rowCount():
            self.results.selectRow(0)
        self._update_info()

    def _update_info(self) -> None:
        rows = self.model.rowCount()
        if not self.search_field.text().strip():
            text = self.tr("Bitte Namen oder Geburtsdatum eingeben.")
        elif rows == 0:
            text = self.tr("Keine Person gefunden.")
        elif self.model.canFetchMore():
            text = self.tr("Mehr als %1 Treffer – bitte genauer suchen.").replace("%1", str(rows))
        else:
            text = self.tr("%1 Treffer").replace("%1", str(rows))
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
