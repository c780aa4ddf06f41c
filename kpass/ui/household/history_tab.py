"""The household's history: applications with their decisions and reasons, the objections
against them (and "Widerspruch erfassen …" on a decision), passes, prints."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpass.errors import KpassError
from kpass.services.applications import household_from_json
from kpass.services.household import PrintSummary, member_key
from kpass.services.objections import ObjectionView
from kpass.ui.common.labels import (
    APPLICATION_KIND_LABELS,
    basis_text,
    pass_type_text,
    proof_label,
    status_label,
    tr,
)
from kpass.ui.household.change_text import change_text
from kpass.ui.household.decision_text import household_sentence
from kpass.ui.household.history_source import DecisionEntry, HouseholdHistory
from kpass.ui.objections import lodge_with_dialog
from kpass.ui.printing import outbox as print_outbox
from kpass.ui.translation import QT_TRANSLATE_NOOP, user_message
from kpass.vocabulary import format_date

# translated where shown; marked here for the catalog
PRINT_KIND_LABELS: dict[str, str] = {
    "card": QT_TRANSLATE_NOOP("HistoryTab", "Karte"),
    "sheet": QT_TRANSLATE_NOOP("HistoryTab", "Kartenbogen"),
    "letter": QT_TRANSLATE_NOOP("HistoryTab", "Bescheid"),
    "application_form": QT_TRANSLATE_NOOP("HistoryTab", "Antrag"),
    "renewals": QT_TRANSLATE_NOOP("HistoryTab", "Erinnerung"),
}


# translated where shown; marked here for the catalog
OBJECTION_STATE_LABELS: dict[str, str] = {
    "received": QT_TRANSLATE_NOOP("HistoryTab", "eingegangen"),
    "in_review": QT_TRANSLATE_NOOP("HistoryTab", "in Prüfung"),
    "remedied": QT_TRANSLATE_NOOP("HistoryTab", "abgeholfen"),
    "rejected": QT_TRANSLATE_NOOP("HistoryTab", "zurückgewiesen"),
    "withdrawn": QT_TRANSLATE_NOOP("HistoryTab", "zurückgenommen"),
}
_DECISION_ROLE = Qt.ItemDataRole.UserRole  # a top item's (decision id, application id)


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryTab", text)


def objection_text(objection: ObjectionView, decision_id: int) -> str:
    """One line under a decision: "Widerspruch W7, eingegangen 21.04.2026 (Frist bis
    20.04.2026, verspätet): in Prüfung" — or, under the remedial decision, what it remedied."""
    if objection.remedial_decision_id == decision_id:
        return _tr("Abhilfe auf Widerspruch W%1 gegen Entscheidung %2").replace(
            "%1", str(objection.id)).replace("%2", str(objection.decision_id))
    state = _tr(OBJECTION_STATE_LABELS.get(objection.state, objection.state))
    if objection.outcome_on is not None:
        state = _tr("%1 am %2").replace("%1", state).replace(
            "%2", format_date(objection.outcome_on))
    return (_tr("Widerspruch W%1, eingegangen %2 (Frist bis %3, %4): %5")
            .replace("%1", str(objection.id)).replace("%2", format_date(objection.received_on))
            .replace("%3", format_date(objection.deadline))
            .replace("%4", _tr("fristgerecht") if objection.in_time else _tr("verspätet"))
            .replace("%5", state))


def _member_text(member: dict[str, Any], names: dict[str, str]) -> str:
    name = names.get(str(member.get("id")), str(member.get("id")))
    if member.get("eligible"):
        return _tr("%1: berechtigt – %2, %3").replace("%1", name).replace(
            "%2", pass_type_text(str(member.get("pass_type")))).replace(
            "%3", basis_text(str(member.get("basis"))))
    return _tr("%1: nicht berechtigt").replace("%1", name)


def type_change_text(old_type: str, new_type: str) -> str:
    """"Passart gewechselt: Karlsruher Kinderpass → Karlsruher Pass, Passnummer bleibt"
    (a Kinderpass holder turned 18; the pass goes on under its number)."""
    return _tr("Passart gewechselt: %1 → %2, Passnummer bleibt").replace(
        "%1", pass_type_text(old_type)).replace("%2", pass_type_text(new_type))


def stored_reason_text(text: str) -> str:
    """A reason as stored with its decision; those stored before the second edition call the
    rule set "Regelsatz", which is "Regelwerk" now."""
    return text.replace("keinen Regelsatz", "kein Regelwerk").replace("Regelsatz", "Regelwerk")


def income_test_text(entry: DecisionEntry) -> str:
    """The income test of a decision in one sentence; a decision stored before the second
    edition has no highest eligible income, which is worked out from its stored figures."""
    if entry.decision is not None:
        figures = entry.decision.household
    else:
        household = entry.output.get("household")
        figures = household_from_json(household if isinstance(household, dict) else None)
    return household_sentence(figures)


def print_subject_text(entry: PrintSummary) -> str:
    """What a print shows, in German: its passes, decision or application."""
    if entry.decision_id is not None:
        return _tr("Entscheidung %1").replace("%1", str(entry.decision_id))
    if entry.application_id is not None:
        return _tr("Antrag %1").replace("%1", str(entry.application_id))
    numbers = ", ".join(entry.passes)
    text = (_tr("Pass %1") if len(entry.passes) == 1 else _tr("Pässe %1")).replace("%1", numbers)
    if entry.month:
        year, _, month = entry.month.partition("-")
        text = _tr("%1, Ablauf %2").replace("%1", text).replace("%2", f"{month}/{year}")
    return text


class _WrappingLines(QStyledItemDelegate):
    """Rows that span the whole tree (reasons, notes) are as tall as their text wrapped to the
    tree's width; Qt would measure them by the first column only and cut them off."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != 0 or not self.tree.isFirstColumnSpanned(index.row(),
                                                                      index.parent()):
            return size
        depth = 1 if self.tree.rootIsDecorated() else 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        width = max(self.tree.viewport().width() - self.tree.indentation() * depth - 8, 80)
        text = str(index.data() or "")
        needed = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(size.width(), max(size.height(), needed.height() + 4))


class _HistoryTree(QTreeWidget):
    """The decisions' tree; its long lines wrap anew when its width changes."""

    def __init__(self) -> None:
        super().__init__()
        self.setItemDelegate(_WrappingLines(self))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()


def _section(heading: QLabel, *widgets: QWidget) -> QWidget:
    """A bold heading over its table (the splitter moves the sections)."""
    font = heading.font()
    font.setBold(True)
    heading.setFont(font)
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.addWidget(heading)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, (QTableWidget, QTreeWidget)) else 0)
    return box


class HistoryTab(QWidget):
    # translated in translate_ui(); marked here for the catalog
    PASS_COLUMNS = (
        QT_TRANSLATE_NOOP("HistoryTab", "Nummer"),
        QT_TRANSLATE_NOOP("HistoryTab", "Person"),
        QT_TRANSLATE_NOOP("HistoryTab", "Pass"),
        QT_TRANSLATE_NOOP("HistoryTab", "gültig ab"),
        QT_TRANSLATE_NOOP("HistoryTab", "gültig bis"),
        QT_TRANSLATE_NOOP("HistoryTab", "Status"),
        QT_TRANSLATE_NOOP("HistoryTab", "Hinweis"),
    )
    PRINT_COLUMNS = (
        QT_TRANSLATE_NOOP("HistoryTab", "Gedruckt am"),
        QT_TRANSLATE_NOOP("HistoryTab", "Dokument"),
        QT_TRANSLATE_NOOP("HistoryTab", "Betrifft"),
        QT_TRANSLATE_NOOP("HistoryTab", "Seiten"),
        QT_TRANSLATE_NOOP("HistoryTab", "Gedruckt von"),
    )

    CHANGE_COLUMNS = (
        QT_TRANSLATE_NOOP("HistoryTab", "Gespeichert am"),
        QT_TRANSLATE_NOOP("HistoryTab", "von"),
        QT_TRANSLATE_NOOP("HistoryTab", "Änderung"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.decisions = _HistoryTree()
        self.decisions.setObjectName("historyDecisions")
        self.decisions.setColumnCount(2)
        # Reasons are long sentences: they span both columns and wrap, instead of being cut
        # off at the right edge.
        self.decisions.setWordWrap(True)
        self.decisions.header().setStretchLastSection(False)
        self.decisions.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.decisions.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.passes = self._table("historyPasses", len(self.PASS_COLUMNS))
        # the notes wrap in the width that is left, instead of widening the table
        self.passes.horizontalHeader().setSectionResizeMode(
            len(self.PASS_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.passes.horizontalHeader().setStretchLastSection(False)  # else at least 100 px
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.timeout.connect(self.passes.resizeRowsToContents)
        self.passes.horizontalHeader().sectionResized.connect(
            lambda *_: self._rows_timer.start(0))
        self.prints = self._table("historyPrints", len(self.PRINT_COLUMNS))
        self.changes = self._table("historyChanges", len(self.CHANGE_COLUMNS))
        self.changes.setWordWrap(True)
        self.changes.horizontalHeader().setSectionResizeMode(
            len(self.CHANGE_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.changes.horizontalHeader().setStretchLastSection(False)
        self.prints_message = QLabel()
        self.prints_message.setWordWrap(True)
        self.prints_message.setVisible(False)
        self.lodge_button = QPushButton()
        self.lodge_button.setObjectName("lodgeObjection")
        self.lodge_button.clicked.connect(lambda: self.lodge_objection())
        self.decisions.currentItemChanged.connect(lambda *_: self._update_lodge_button())
        self.lodge_message = QLabel()
        self.lodge_message.setObjectName("lodgeObjectionMessage")
        self.lodge_message.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        self.decisions_heading = QLabel()
        self.passes_heading = QLabel()
        self.prints_heading = QLabel()
        self.changes_heading = QLabel()
        lodge_row = QWidget()
        lodge_layout = QHBoxLayout(lodge_row)
        lodge_layout.setContentsMargins(0, 0, 0, 0)
        lodge_layout.addWidget(self.lodge_button)
        lodge_layout.addWidget(self.lodge_message, 1)
        splitter.addWidget(_section(self.decisions_heading, self.decisions, lodge_row))
        splitter.addWidget(_section(self.passes_heading, self.passes))
        splitter.addWidget(_section(self.changes_heading, self.changes))
        splitter.addWidget(_section(self.prints_heading, self.prints, self.prints_message))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 2)
        splitter.setStretchFactor(3, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        self.history = HouseholdHistory()
        self.person_names: dict[int, str] = {}
        self.member_names: dict[str, str] = {}
        self.today = date.today()
        self.print_entries: list[PrintSummary] = []
        self._prints_stale = False
        # A print anywhere (this household's panel, the renewals queue) may belong here.
        print_outbox.notifier().printed.connect(self._something_printed)
        self.translate_ui()

    @staticmethod
    def _table(name: str, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns)
        table.setObjectName(name)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def translate_ui(self) -> None:
        self.decisions.setHeaderLabels([_tr("Antrag / Entscheidung"), _tr("Inhalt")])
        self.decisions.setAccessibleName(_tr("Anträge und Entscheidungen"))
        self.passes.setHorizontalHeaderLabels([_tr(c) for c in self.PASS_COLUMNS])
        self.passes.setAccessibleName(_tr("Pässe des Haushalts"))
        self.prints.setHorizontalHeaderLabels([_tr(c) for c in self.PRINT_COLUMNS])
        self.prints.setAccessibleName(_tr("Drucke für den Haushalt"))
        self.changes.setHorizontalHeaderLabels([_tr(c) for c in self.CHANGE_COLUMNS])
        self.changes.setAccessibleName(_tr("Änderungen am Haushalt"))
        self.changes_heading.setText(_tr("Änderungen am Haushalt"))
        self.decisions_heading.setText(_tr("Anträge und Entscheidungen"))
        self.passes_heading.setText(_tr("Pässe"))
        self.prints_heading.setText(_tr("Drucke (%1)").replace(
            "%1", str(len(self.print_entries))))
        self.note.setAccessibleName(_tr("Hinweis zum Verlauf"))
        self.lodge_button.setText(_tr("Widers&pruch erfassen …"))
        self.lodge_button.setAccessibleName(_tr("Widerspruch erfassen"))
        self.lodge_button.setToolTip(_tr("Widerspruch gegen die gewählte Entscheidung; "
                                         "Frist und Bekanntgabe rechnet kpass aus"))
        self.lodge_message.setAccessibleName(_tr("Meldung zum Widerspruch"))
        self.prints_message.setAccessibleName(_tr("Hinweis zu den Drucken"))

    def show_history(self, history: HouseholdHistory, names: dict[str, str],
                     today: date | None = None,
                     person_names: dict[int, str] | None = None) -> None:
        """Show ``history``; pass states as on ``today`` (a revocation may lie ahead);
        ``person_names``: person id → name, for the changes of the household's data."""
        today = today or date.today()
        self._show_changes(history, person_names or {})
        self.history = history
        self.today = today
        self.person_names = dict(person_names or {})
        self.member_names = dict(names)
        self.lodge_message.setText("")
        self._show_decisions()
        self.passes.setRowCount(len(history.passes))
        for row, p in enumerate(history.passes):
            notes = [
                _tr("%1 (ab %2)").replace("%1", type_change_text(c.old_type, c.new_type))
                .replace("%2", format_date(c.since))
                for c in history.type_changes if c.number == p.number
            ]
            if p.revoked_on is not None and p.revoked_on > today:
                # revoked from a later day: valid until then, and said so beside it
                notes.append(_tr("gesperrt ab %1").replace("%1", format_date(p.revoked_on))
                             if p.status != "replaced" else
                             _tr("ersetzt ab %1").replace("%1", format_date(p.revoked_on)))
                state = status_label("active")
            else:
                state = status_label(p.status)
            values = (p.number, p.name, pass_type_text(p.pass_type), format_date(p.valid_from),
                      format_date(p.valid_until), state, "; ".join(notes))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value if column == len(values) - 1 else "")
                self.passes.setItem(row, column, item)
        self.passes.resizeRowsToContents()
        self._prints_stale = True
        if self.isVisible():
            self.refresh_prints()


    def _show_decisions(self) -> None:
        history, names = self.history, self.member_names
        self.note.setText("" if history.complete else _tr(
            "Der Haushalt ist noch nicht gespeichert; sein Verlauf beginnt mit dem Speichern."))
        self.note.setVisible(not history.complete)
        self.decisions.clear()
        for entry in history.decisions:
            top = QTreeWidgetItem([
                _tr("Antrag %1 vom %2").replace("%1", str(entry.application_id)).replace(
                    "%2", format_date(entry.application_date)),
                _tr("%1, Entscheidung %2, Regelwerk %3").replace(
                    "%1", tr(APPLICATION_KIND_LABELS.get(entry.kind, entry.kind))).replace(
                    "%2", str(entry.decision_id)).replace("%3", entry.rule_set),
            ])
            top.setData(0, _DECISION_ROLE, (entry.decision_id, entry.application_id))
            self.decisions.addTopLevelItem(top)  # spans take effect only inside the tree
            changes = {member_key(c.person_id): c for c in history.type_changes
                       if c.decision_id == entry.decision_id}
            for member in entry.output.get("members", []):
                child = QTreeWidgetItem([_member_text(member, names)])
                top.addChild(child)
                child.setFirstColumnSpanned(True)
                texts = [stored_reason_text(str(reason.get("text", "")))
                         for reason in member.get("reasons", [])]
                change = changes.get(str(member.get("id")))
                if change is not None:
                    texts.append(_tr("%1 (Pass %2)").replace(
                        "%1", type_change_text(change.old_type, change.new_type))
                                 .replace("%2", change.number))
                for text in texts:
                    line = QTreeWidgetItem([text])
                    line.setToolTip(0, text)
                    child.addChild(line)
                    line.setFirstColumnSpanned(True)
            income = QTreeWidgetItem([income_test_text(entry)])
            income.setToolTip(0, income.text(0))
            top.addChild(income)
            income.setFirstColumnSpanned(True)
            if entry.proofs:
                proofs = QTreeWidgetItem([_tr("Nachweise: %1").replace(
                    "%1", ", ".join(proof_label(p) for p in entry.proofs))])
                top.addChild(proofs)
                proofs.setFirstColumnSpanned(True)
            for objection in history.objections_of(entry.decision_id):
                line = QTreeWidgetItem([objection_text(objection, entry.decision_id)])
                line.setToolTip(0, line.text(0))
                top.addChild(line)
                line.setFirstColumnSpanned(True)
            top.setExpanded(True)
        self.decisions.expandAll()
        first = self.decisions.topLevelItem(0)
        if first is not None:  # the newest decision: "Widerspruch erfassen" is one key away
            self.decisions.setCurrentItem(first)
        self._update_lodge_button()

    # -- objections: lodged on the decision chosen ----------------------------------------
    def chosen_decision(self) -> tuple[int, int] | None:
        """(decision id, application id) of the decision the current line belongs to."""
        item = self.decisions.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is None:
            return None
        value = item.data(0, _DECISION_ROLE)
        return (int(value[0]), int(value[1])) if value else None

    def _update_lodge_button(self) -> None:
        stored = self.history.complete and self.history.database is not None
        self.lodge_button.setVisible(stored)
        self.lodge_button.setEnabled(stored and self.chosen_decision() is not None)

    def lodge_persons(self, decision_id: int) -> list[tuple[int, str]]:
        """The household's people for "Eingelegt von": those the decision was about first
        (the applicant leads them), then the others."""
        entry = next((d for d in self.history.decisions if d.decision_id == decision_id), None)
        decided = [str(m.get("id")) for m in (entry.output.get("members", []) if entry else [])]
        people = [(pid, name) for pid, name in self.person_names.items() if pid > 0]
        order = {key: index for index, key in enumerate(decided)}
        return sorted(people, key=lambda p: order.get(member_key(p[0]), len(order)))

    def lodge_objection(self) -> ObjectionView | None:
        """Record an objection against the chosen decision (the dialog shows the deadline
        and whether it came in time) and show it under the decision."""
        chosen = self.chosen_decision()
        database = self.history.database
        if chosen is None or database is None:
            return None
        decision_id, application_id = chosen
        lodged = lodge_with_dialog(self, database, decision_id, application_id,
                                   self.lodge_persons(decision_id), self.today)
        if lodged is None:
            return None
        try:
            self.history.reload_objections()
        except KpassError as exc:
            self.lodge_message.setText(user_message(exc))
            return lodged
        self._show_decisions()
        self._select_decision(decision_id)
        self.lodge_message.setText(_tr("Widerspruch W%1 erfasst: %2.").replace(
            "%1", str(lodged.id)).replace(
            "%2", _tr("fristgerecht") if lodged.in_time else _tr("verspätet")))
        return lodged

    def _select_decision(self, decision_id: int) -> None:
        for index in range(self.decisions.topLevelItemCount()):
            item = self.decisions.topLevelItem(index)
            if item is None:
                continue
            value = item.data(0, _DECISION_ROLE)
            if value and int(value[0]) == decision_id:
                self.decisions.setCurrentItem(item)
                return

    def _show_changes(self, history: HouseholdHistory, names: dict[int, str]) -> None:
        rows = [(f"{save.at.astimezone():%d.%m.%Y %H:%M}", save.user, change_text(c, names))
                for save in history.data_changes for c in save.changes]
        self.changes.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value if column == 2 else "")
                self.changes.setItem(row, column, item)
        self.changes.resizeRowsToContents()

    def change_lines(self) -> list[str]:
        """The changes as shown, newest first (one line per change)."""
        items = (self.changes.item(row, 2) for row in range(self.changes.rowCount()))
        return [item.text() for item in items if item is not None]

    # -- prints: read when shown, and again after a print ---------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._prints_stale:
            self.refresh_prints()

    def _something_printed(self, _kind: str) -> None:
        self._prints_stale = True
        if self.isVisible():
            self.refresh_prints()

    def refresh_prints(self) -> None:
        self._prints_stale = False
        message = ""
        entries: list[PrintSummary] = []
        if self.history.load_prints is not None:
            try:
                entries = self.history.load_prints()
            except KpassError as exc:
                message = user_message(exc)
        self.print_entries = entries
        self.prints_message.setText(message)
        self.prints_message.setVisible(bool(message))
        self.prints_heading.setText(_tr("Drucke (%1)").replace("%1", str(len(entries))))
        self.prints.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            kind = PRINT_KIND_LABELS.get(entry.kind)
            values = (f"{entry.printed_at.astimezone():%d.%m.%Y %H:%M}",
                      _tr(kind) if kind else entry.kind, print_subject_text(entry),
                      str(entry.pages), entry.user)
            for column, value in enumerate(values):
                self.prints.setItem(row, column, QTableWidgetItem(value))
