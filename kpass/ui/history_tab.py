"""The household's history: applications with their decisions and reasons, and passes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpass.ui.german_input import format_date
from kpass.ui.history_source import HouseholdHistory
from kpass.ui.labels import (
    APPLICATION_KIND_LABELS,
    basis_text,
    pass_type_text,
    proof_label,
    status_label,
    tr,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryTab", text)


def _member_text(member: dict[str, Any], names: dict[str, str]) -> str:
    name = names.get(str(member.get("id")), str(member.get("id")))
    if member.get("eligible"):
        return _tr("%1: berechtigt – %2, %3").replace("%1", name).replace(
            "%2", pass_type_text(str(member.get("pass_type")))).replace(
            "%3", basis_text(str(member.get("basis"))))
    return _tr("%1: nicht berechtigt").replace("%1", name)


class HistoryTab(QWidget):
    PASS_COLUMNS = ("Nummer", "Person", "Pass", "gültig ab", "gültig bis", "Status")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.decisions = QTreeWidget()
        self.decisions.setObjectName("historyDecisions")
        self.decisions.setColumnCount(2)
        self.decisions.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.passes = QTableWidget(0, len(self.PASS_COLUMNS))
        self.passes.setObjectName("historyPasses")
        self.passes.verticalHeader().setVisible(False)
        self.passes.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.passes.setTabKeyNavigation(False)
        self.passes.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.passes.horizontalHeader().setStretchLastSection(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.decisions)
        splitter.addWidget(self.passes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        self.translate_ui()

    def translate_ui(self) -> None:
        self.decisions.setHeaderLabels([_tr("Antrag / Entscheidung"), _tr("Inhalt")])
        self.decisions.setAccessibleName(_tr("Anträge und Entscheidungen"))
        self.passes.setHorizontalHeaderLabels([_tr(c) for c in self.PASS_COLUMNS])
        self.passes.setAccessibleName(_tr("Pässe des Haushalts"))
        self.note.setAccessibleName(_tr("Hinweis zum Verlauf"))

    def show_history(self, history: HouseholdHistory, names: dict[str, str]) -> None:
        self.note.setText("" if history.complete else _tr(
            "Entscheidungen: nur die in dieser Sitzung getroffenen (ältere folgen, sobald der "
            "Verlaufsdienst verfügbar ist). Pässe: vollständig."))
        self.note.setVisible(not history.complete)
        self.decisions.clear()
        for entry in history.decisions:
            top = QTreeWidgetItem([
                _tr("Antrag %1 vom %2").replace("%1", str(entry.application_id)).replace(
                    "%2", format_date(entry.application_date)),
                _tr("%1, Entscheidung %2, Regelsatz %3").replace(
                    "%1", tr(APPLICATION_KIND_LABELS.get(entry.kind, entry.kind))).replace(
                    "%2", str(entry.decision_id)).replace("%3", entry.rule_set),
            ])
            for member in entry.output.get("members", []):
                child = QTreeWidgetItem([_member_text(member, names), ""])
                for reason in member.get("reasons", []):
                    child.addChild(QTreeWidgetItem(["", str(reason.get("text", ""))]))
                top.addChild(child)
            if entry.proofs:
                top.addChild(QTreeWidgetItem([
                    _tr("Nachweise"), ", ".join(proof_label(p) for p in entry.proofs)]))
            self.decisions.addTopLevelItem(top)
            top.setExpanded(True)
        self.decisions.expandAll()
        self.passes.setRowCount(len(history.passes))
        for row, p in enumerate(history.passes):
            values = (p.number, p.name, pass_type_text(p.pass_type), format_date(p.valid_from),
                      format_date(p.valid_until), status_label(p.status))
            for column, value in enumerate(values):
                self.passes.setItem(row, column, QTableWidgetItem(value))
