"""The audit view for supervisors: who did what and when, filtered, newest first; and the
check that nothing in the trail or the register was changed behind kpass's back.

Every page read is recorded in the trail (a bulk read), so the list is read when the view
is first shown or the filter is applied, never merely because the view was built.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpass.services import Database
from kpass.services.access import Permission, can
from kpass.services.audit import AuditEntry, audit_entities, list_events
from kpass.ui.audit.checks import TrailChecks
from kpass.ui.audit.texts import action_text, details_text, details_tooltip, entity_text
from kpass.ui.common.form_widgets import DateField, column_width, label_for
from kpass.ui.common.list_table import list_table
from kpass.ui.common.run_service import run_service
from kpass.ui.common.style import make_heading
from kpass.ui.translation import QT_TRANSLATE_NOOP

PAGE = 200
_SAMPLES = ("00.00.0000 00:00:00", "sachbearbeitung-01", "Ersatzpass ausgestellt",
            "Leistungsbescheid", "0000000")
_DETAILS = 5


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditView", text)


class AuditView(QWidget):
    """Filter row, the events table and "Kette prüfen"; ``AuditView(database)``."""

    # translated in translate_ui(); marked here for the catalog
    COLUMNS = (
        QT_TRANSLATE_NOOP("AuditView", "Zeit"),
        QT_TRANSLATE_NOOP("AuditView", "Benutzer"),
        QT_TRANSLATE_NOOP("AuditView", "Aktion"),
        QT_TRANSLATE_NOOP("AuditView", "Bereich"),
        QT_TRANSLATE_NOOP("AuditView", "Nr."),
        QT_TRANSLATE_NOOP("AuditView", "Einzelheiten"),
    )

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditView")
        self.database = database
        self.entries: list[AuditEntry] = []
        self.loaded = False
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        make_heading(self.title)
        self.date_from = DateField("")
        self.date_to = DateField("")
        self.user = QLineEdit()
        self.user.setObjectName("auditUser")
        self.entity = QComboBox()
        self.entity.setObjectName("auditEntity")
        self.text = QLineEdit()
        self.text.setObjectName("auditText")
        self.text.setClearButtonEnabled(True)
        self.show_button = QPushButton()
        self.show_button.setObjectName("auditShow")
        self.labels = [label_for("", field) for field in
                       (self.date_from, self.date_to, self.user, self.entity, self.text)]
        filters = QHBoxLayout()
        for label, field, stretch in zip(
            self.labels, (self.date_from, self.date_to, self.user, self.entity, self.text),
            (0, 0, 0, 0, 1), strict=True,
        ):
            filters.addWidget(label)
            filters.addWidget(field, stretch)
        filters.addWidget(self.show_button)
        self.table = list_table(len(self.COLUMNS), "auditTable")
        self.more_button = QPushButton()
        self.more_button.setObjectName("auditMore")
        self.count = QLabel()
        self.count.setObjectName("auditCount")
        # room for a large count, so that the text is never cut when it grows
        self.count.setMinimumWidth(self.fontMetrics().horizontalAdvance("0" * 8) * 3)
        paging = QHBoxLayout()
        paging.addWidget(self.count)
        paging.addWidget(self.more_button)
        paging.addStretch(1)
        self.checks = TrailChecks(database)
        self.message = QLabel()
        self.message.setObjectName("auditMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(paging)
        layout.addWidget(self.checks)
        layout.addWidget(self.message)
        for field in (self.date_from, self.date_to, self.user, self.text):
            field.returnPressed.connect(self.refresh)
        self.show_button.clicked.connect(self.refresh)
        self.more_button.clicked.connect(self.load_more)
        self.translate_ui()
        self._allowed = False
        self._more = False  # whether the last page read was full (older events may follow)
        self._check_permission()

    def _check_permission(self) -> None:
        """Offer the trail only to whoever may read it (the services refuse anyway); asked
        again when the view is shown, as the login may have changed since it was built."""
        self._allowed = can(self.database, Permission.AUDIT)
        self.show_button.setEnabled(self._allowed)
        self.checks.setEnabled(self._allowed)
        self.more_button.setEnabled(self._allowed and self._more)
        if not self._allowed:
            self.message.setText(_tr("Das Protokoll sehen nur Leitung und Verwaltung."))

    def translate_ui(self) -> None:
        self.title.setText(_tr("Protokoll: wer hat was wann getan"))
        self.title.setAccessibleName(_tr("Protokoll"))
        texts = (_tr("Vo&n:"), _tr("&Bis:"), _tr("Ben&utzer:"), _tr("Be&reich:"), _tr("&Text:"))
        names = (_tr("Von (Datum)"), _tr("Bis (Datum)"), _tr("Benutzer"), _tr("Bereich"),
                 _tr("Text in Aktion oder Einzelheiten"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        for field, name in zip((self.date_from, self.date_to, self.user, self.entity,
                                self.text), names, strict=True):
            field.setAccessibleName(name)
        self.user.setPlaceholderText(_tr("Benutzername"))
        self.text.setPlaceholderText(_tr("z. B. Passnummer oder Grund"))
        self._fill_entities()
        self.show_button.setText(_tr("&Anzeigen"))
        self.show_button.setAccessibleName(_tr("Anzeigen: Ereignisse mit diesem Filter lesen"))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setAccessibleName(_tr("Ereignisse des Protokolls, neueste zuerst"))
        self.more_button.setText(_tr("&Weitere laden"))
        self.more_button.setAccessibleName(_tr("Weitere laden: ältere Ereignisse"))
        self.count.setAccessibleName(_tr("Anzahl"))
        self.checks.translate_ui()
        self.message.setAccessibleName(_tr("Meldung"))
        for column, sample in enumerate(_SAMPLES):
            self.table.setColumnWidth(
                column, column_width(self.table, [sample], _tr(self.COLUMNS[column])))
        self._update_count()

    def _fill_entities(self, entities: list[str] | None = None) -> None:
        chosen = self.entity.currentData()
        known = entities if entities is not None else [
            self.entity.itemData(i) for i in range(1, self.entity.count())]
        self.entity.blockSignals(True)
        self.entity.clear()
        self.entity.addItem(_tr("alle Bereiche"), None)
        for entity in sorted(known, key=entity_text):
            self.entity.addItem(entity_text(entity), entity)
        self.entity.setCurrentIndex(max(self.entity.findData(chosen), 0))
        self.entity.blockSignals(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._check_permission()
        if not self.loaded and self._allowed:
            self.loaded = True
            entities = run_service(lambda: audit_entities(self.database), self.message.setText)
            if entities:
                self._fill_entities(entities.result())
            self.refresh()

    # -- the list ----------------------------------------------------------------------------
    def _read(self, before: int | None) -> list[AuditEntry] | None:
        days: list[date | None] = []
        for field in (self.date_from, self.date_to):
            day = field.value()
            if field.text().strip() and day is None:
                self.message.setText(_tr("Bitte das Datum als TT.MM.JJJJ eingeben."))
                field.setFocus()
                return None
            days.append(day)
        entity = self.entity.currentData()
        outcome = run_service(lambda: list_events(
            self.database, PAGE, entity=entity, user=self.user.text().strip() or None,
            date_from=days[0], date_to=days[1], text=self.text.text(), before_seq=before,
        ), self.message.setText)
        if not outcome:
            return None
        self.message.clear()
        return outcome.result()

    def refresh(self) -> None:
        """Read the newest page for the filter."""
        entries = self._read(None)
        if entries is not None:
            self.entries = []
            self.table.setRowCount(0)
            self._append(entries)

    def load_more(self) -> None:
        """The next page: events older than the last one shown."""
        if not self.entries:
            return
        entries = self._read(self.entries[-1].seq)
        if entries is not None:
            self._append(entries)

    def _append(self, entries: list[AuditEntry]) -> None:
        first = self.table.rowCount()
        self.entries.extend(entries)
        self.table.setRowCount(first + len(entries))
        for row, entry in enumerate(entries, start=first):
            at = entry.at.astimezone()
            values = (f"{at:%d.%m.%Y %H:%M:%S}", entry.username, action_text(entry.action),
                      entity_text(entry.entity),
                      "" if entry.entity_id is None else str(entry.entity_id),
                      details_text(entry.details))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, entry.seq)
                if column == _DETAILS:
                    item.setToolTip(details_tooltip(entry.details))
                elif column == 1:
                    item.setToolTip(entry.display_name)
                elif column == 2:
                    item.setToolTip(_tr("Ereignis Nr. %1 (%2)").replace(
                        "%1", str(entry.seq)).replace("%2", entry.action))
                self.table.setItem(row, column, item)
        self._more = len(entries) == PAGE
        self.more_button.setEnabled(self._allowed and self._more)
        if first == 0 and entries:
            self.table.selectRow(0)
        self._update_count()

    def _update_count(self) -> None:
        shown = len(self.entries)
        self.count.setText(_tr("1 Ereignis") if shown == 1 else
                           _tr("%1 Ereignisse").replace("%1", str(shown)))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.checks.stop()
        super().closeEvent(event)
