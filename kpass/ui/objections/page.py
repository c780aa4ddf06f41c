"""The objections page ("Widersprüche"): the register's objections by what is due, the steps
on the one selected, its letter, and a small evaluation by outcome.

Open objections by default (by Wiedervorlage, else deadline); "Auch erledigte zeigen" adds
the decided and withdrawn ones after them. A Wiedervorlage due today or before and an
objection open three months (§ 75 VwGO) are marked with a symbol and words, not colour
alone. Enter or a double click opens the household; F5 reads the list afresh."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpass.services import Database
from kpass.services.access import Permission, can
from kpass.services.objections import (
    ObjectionRow,
    objection_register,
    reject_objection,
    remedy_objection,
    set_follow_up,
    start_review,
    withdraw_objection,
)
from kpass.ui.common.flow_layout import FlowLayout
from kpass.ui.common.form_widgets import column_width
from kpass.ui.common.list_table import list_table
from kpass.ui.common.run_service import run_service
from kpass.ui.common.style import MessageBar, make_heading
from kpass.ui.objections import dialogs
from kpass.ui.objections.letters import print_objection_letter
from kpass.ui.objections.summary import ObjectionSummary
from kpass.ui.printing.preview_dialog import PreviewDialog
from kpass.ui.translation import QT_TRANSLATE_NOOP
from kpass.vocabulary import format_date

# translated where shown; marked here for the catalog
STATE_TEXTS = {
    "received": QT_TRANSLATE_NOOP("ObjectionsPage", "eingegangen"),
    "in_review": QT_TRANSLATE_NOOP("ObjectionsPage", "in Prüfung"),
    "remedied": QT_TRANSLATE_NOOP("ObjectionsPage", "abgeholfen"),
    "rejected": QT_TRANSLATE_NOOP("ObjectionsPage", "zurückgewiesen"),
    "withdrawn": QT_TRANSLATE_NOOP("ObjectionsPage", "zurückgenommen"),
}
OPEN_STATES = ("received", "in_review")
PRINTABLE_STATES = ("remedied", "rejected")
WARNING = "⚠"
# the warning look of the messages (5c4300 on fff4ce: 8.9:1), besides symbol and words
_WARNING_FOREGROUND = QColor("#5c4300")
_WARNING_BACKGROUND = QColor("#fff4ce")
# typical contents, for the widths of the columns (the last one stretches)
_SAMPLES = ("KP-00000-W000", "00.00.0000", "00.00.0000", "nein", "00.00.0000",
            "Mustermann, Anna-Lena (Haushalt 0000)",
            "in Prüfung – ⚠ über 3 Monate offen", "⚠ 00.00.0000 heute fällig")
_MARKED_COLUMNS = (6, 7)  # their warnings are bold: measured in the bold font


def _tr(text: str) -> str:
    return QCoreApplication.translate("ObjectionsPage", text)


def file_reference(row: ObjectionRow) -> str:
    """The Aktenzeichen the objection's letter prints: KP-<household>-W<objection>."""
    return f"KP-{row.objection.household_id}-W{row.objection.id}"


def state_text(row: ObjectionRow) -> str:
    view = row.objection
    text = _tr(STATE_TEXTS[view.state])
    if view.outcome_on is not None:
        text = _tr("%1 am %2").replace("%1", text).replace("%2", format_date(view.outcome_on))
    if row.overdue:
        text = _tr("%1 – %2 über 3 Monate offen").replace("%1", text).replace("%2", WARNING)
    return text


def follow_up_text(row: ObjectionRow, today: date) -> str:
    """The Wiedervorlage's day, and "fällig" (today) or "überfällig" (before) with a sign."""
    day = row.objection.follow_up_on
    if day is None or not row.is_open:
        return ""
    if day < today:
        return _tr("%1 %2 überfällig").replace("%1", WARNING).replace("%2", format_date(day))
    if day == today:
        return _tr("%1 %2 heute fällig").replace("%1", WARNING).replace("%2", format_date(day))
    return format_date(day)


def row_texts(row: ObjectionRow, today: date) -> tuple[str, ...]:
    view = row.objection
    return (
        file_reference(row),
        format_date(view.received_on),
        format_date(view.deadline),
        _tr("ja") if view.in_time else _tr("nein"),
        format_date(row.decision_date),
        _tr("%1 (Haushalt %2)").replace("%1", row.applicant)
        .replace("%2", str(view.household_id)),
        state_text(row),
        follow_up_text(row, today),
    )


class ObjectionsPage(QWidget):
    """The objections; ``household_opened`` carries the household of the row opened."""

    household_opened = Signal(int)

    # translated in translate_ui(); marked here for the catalog
    COLUMNS = (
        QT_TRANSLATE_NOOP("ObjectionsPage", "Aktenzeichen"),
        QT_TRANSLATE_NOOP("ObjectionsPage", "Eingang"),
        QT_TRANSLATE_NOOP("ObjectionsPage", "Frist"),
        QT_TRANSLATE_NOOP("ObjectionsPage", "fristgerecht"),
        QT_TRANSLATE_NOOP("ObjectionsPage", "Bescheid vom"),
        QT_TRANSLATE_NOOP("ObjectionsPage", "Antragsteller/Haushalt"),
        QT_TRANSLATE_NOOP("ObjectionsPage", "Stand"),
        QT_TRANSLATE_NOOP("ObjectionsPage", "Wiedervorlage"),
    )

    def __init__(self, database: Database, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectionsPage")
        self.database = database
        self.today = today or date.today()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        make_heading(self.title)
        self.show_all = QCheckBox()
        self.show_all.setObjectName("objectionsShowAll")
        self.count = QLabel()
        self.count.setObjectName("objectionCount")
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("objectionsRefresh")
        self.table = list_table(len(self.COLUMNS), "objectionTable")
        self.details = QLabel()
        self.details.setObjectName("objectionDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.review_button = self._button("objectionReview")
        self.remedy_button = self._button("objectionRemedy")
        self.reject_button = self._button("objectionReject")
        self.withdraw_button = self._button("objectionWithdraw")
        self.follow_up_button = self._button("objectionFollowUp")
        self.print_button = self._button("objectionPrint")
        self.open_button = self._button("objectionOpenHousehold")
        self.message = MessageBar("objectionMessage")
        self.summary = ObjectionSummary(database, self.today)
        top = QHBoxLayout()
        top.addWidget(self.show_all)
        top.addStretch(1)
        top.addWidget(self.count)
        top.addWidget(self.refresh_button)
        actions = FlowLayout()
        for button in (self.review_button, self.remedy_button, self.reject_button,
                       self.withdraw_button, self.follow_up_button, self.print_button,
                       self.open_button):
            actions.addWidget(button)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        upper_layout.addLayout(actions)
        upper_layout.addWidget(self.message)
        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.details, 3)
        # at a large font the evaluation scrolls rather than squeezing the list
        self.summary_scroll = QScrollArea()
        self.summary_scroll.setWidget(self.summary)
        self.summary_scroll.setWidgetResizable(True)
        self.summary_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.summary_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lower_layout.addWidget(self.summary_scroll, 2)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.rows: list[ObjectionRow] = []
        self.preview_windows: list[PreviewDialog] = []
        self.show_all.toggled.connect(lambda _on: self.refresh())
        self.refresh_button.clicked.connect(lambda: self.refresh())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.itemSelectionChanged.connect(self.update_actions)
        self.table.activated.connect(lambda _index: self.open_household())
        self.review_button.clicked.connect(lambda: self.start_review())
        self.remedy_button.clicked.connect(lambda: self.remedy())
        self.reject_button.clicked.connect(lambda: self.reject())
        self.withdraw_button.clicked.connect(lambda: self.withdraw())
        self.follow_up_button.clicked.connect(lambda: self.follow_up())
        self.print_button.clicked.connect(lambda: self.print_letter())
        self.open_button.clicked.connect(lambda: self.open_household())
        self.setTabOrder(self.show_all, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.table)
        self.translate_ui()
        self.update_actions()

    @staticmethod
    def _button(name: str) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        return button

    def translate_ui(self) -> None:
        self.title.setText(_tr("Widersprüche"))
        self.title.setAccessibleName(_tr("Widersprüche"))
        self.show_all.setText(_tr("Auch &erledigte zeigen"))
        self.show_all.setAccessibleName(_tr("Auch erledigte zeigen"))
        self.show_all.setToolTip(_tr("Sonst nur die offenen, nach Fälligkeit"))
        self.refresh_button.setText(_tr("A&ktualisieren"))
        self.refresh_button.setAccessibleName(_tr("Aktualisieren"))
        self.refresh_button.setToolTip(_tr("Liste neu lesen (F5)"))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setAccessibleName(_tr("Widersprüche"))
        self.count.setAccessibleName(_tr("Anzahl"))
        self.details.setAccessibleName(_tr("Gewählter Widerspruch"))
        for button, text, name in (
            (self.review_button, _tr("In &Prüfung nehmen"), _tr("In Prüfung nehmen")),
            (self.remedy_button, _tr("A&bhelfen …"), _tr("Abhelfen")),
            (self.reject_button, _tr("&Zurückweisen …"), _tr("Zurückweisen")),
            (self.withdraw_button, _tr("Zu&rücknehmen …"), _tr("Zurücknehmen")),
            (self.follow_up_button, _tr("Wiedervor&lage …"), _tr("Wiedervorlage")),
            (self.print_button, _tr("Bescheid &drucken"), _tr("Bescheid drucken")),
            (self.open_button, _tr("&Haushalt öffnen"), _tr("Haushalt öffnen")),
        ):
            button.setText(text)
            button.setAccessibleName(name)
        self.remedy_button.setToolTip(_tr("Neu entscheiden mit den jetzt erfassten Daten und "
                                          "die Pässe ausstellen (Leitung)"))
        self.reject_button.setToolTip(_tr("Die Entscheidung bleibt; Widerspruchsbescheid "
                                          "(Leitung)"))
        self.print_button.setToolTip(_tr("Abhilfebescheid oder Widerspruchsbescheid"))
        self.open_button.setToolTip(_tr("Eingabe oder Doppelklick in der Liste"))
        for column, sample in enumerate(_SAMPLES):
            width = column_width(self.table, [sample], _tr(self.COLUMNS[column]))
            if column in _MARKED_COLUMNS:
                bold = QFont(self.table.font())
                bold.setBold(True)
                width = max(width, QFontMetrics(bold).horizontalAdvance(sample)
                            + self.table.fontMetrics().averageCharWidth() + 16)
            self.table.setColumnWidth(column, width)
        self.summary.translate_ui()
        self.update_count()

    # -- the list -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the list afresh (the selected objection stays selected) and the summary."""
        selected = self.selected()
        keep = selected.objection.id if selected is not None else None
        found = run_service(lambda: objection_register(
            self.database, include_closed=self.show_all.isChecked(), today=self.today),
            self.message.show_error)
        self.rows = (found.value or []) if found else []
        self.table.setUpdatesEnabled(False)
        try:
            self.table.clearContents()
            self.table.setRowCount(len(self.rows))
            bold = QFont(self.table.font())
            bold.setBold(True)
            for number, row in enumerate(self.rows):
                for column, text in enumerate(row_texts(row, self.today)):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, row.objection.id)
                    if text.startswith(WARNING) or WARNING in text:
                        item.setFont(bold)
                        item.setForeground(QBrush(_WARNING_FOREGROUND))
                        item.setBackground(QBrush(_WARNING_BACKGROUND))
                    self.table.setItem(number, column, item)
        finally:
            self.table.setUpdatesEnabled(True)
        index = next((i for i, r in enumerate(self.rows) if r.objection.id == keep), 0)
        if self.rows:
            self.table.selectRow(index)
        else:
            self.table.clearSelection()
        self.update_count()
        self.update_actions()
        self.summary.refresh()

    def update_count(self) -> None:
        open_rows = sum(1 for r in self.rows if r.is_open)
        due = sum(1 for r in self.rows if r.follow_up_due or r.overdue)
        text = (_tr("1 offener Widerspruch") if open_rows == 1
                else _tr("%1 offene Widersprüche").replace("%1", str(open_rows)))
        if len(self.rows) != open_rows:
            text = _tr("%1, %2 erledigt").replace("%1", text).replace(
                "%2", str(len(self.rows) - open_rows))
        if due:
            text = _tr("%1 · %2 %3 fällig").replace("%1", text).replace(
                "%2", WARNING).replace("%3", str(due))
        self.count.setText(text)

    def selected(self) -> ObjectionRow | None:
        chosen = self.table.selectionModel().selectedRows()
        if not chosen or not 0 <= chosen[0].row() < len(self.rows):
            return None
        return self.rows[chosen[0].row()]

    def select_objection(self, objection_id: int) -> bool:
        for number, row in enumerate(self.rows):
            if row.objection.id == objection_id:
                self.table.selectRow(number)
                return True
        return False

    def update_actions(self) -> None:
        row = self.selected()
        state = row.objection.state if row is not None else ""
        decide = can(self.database, Permission.DECIDE_OBJECTIONS)  # the service checks again
        self.remedy_button.setVisible(decide)
        self.reject_button.setVisible(decide)
        self.review_button.setEnabled(state == "received")
        self.remedy_button.setEnabled(state == "in_review")
        self.reject_button.setEnabled(state == "in_review")
        self.withdraw_button.setEnabled(state in OPEN_STATES)
        self.follow_up_button.setEnabled(state in OPEN_STATES)
        self.print_button.setEnabled(state in PRINTABLE_STATES)
        self.open_button.setEnabled(row is not None)
        self.details.setText(self.details_text(row))

    def details_text(self, row: ObjectionRow | None) -> str:
        if row is None:
            if self.rows:
                return _tr("Kein Widerspruch gewählt.")
            if self.show_all.isChecked():
                return _tr("Keine Widersprüche.")
            return _tr("Keine offenen Widersprüche.")
        view = row.objection
        lines = [
            _tr("%1 gegen Entscheidung %2: eingelegt von %3.").replace(
                "%1", file_reference(row)).replace("%2", str(view.decision_id))
            .replace("%3", view.lodged_by or _tr("(Person gelöscht)")),
            _tr("Bekanntgabe %1, Frist bis %2, Eingang %3 – %4.").replace(
                "%1", format_date(view.bekanntgabe_on)).replace("%2", format_date(view.deadline))
            .replace("%3", format_date(view.received_on))
            .replace("%4", _tr("fristgerecht") if view.in_time else _tr("verspätet")),
        ]
        if view.reason:
            lines.append(_tr("Begründung: %1").replace("%1", view.reason))
        if view.follow_up_on is not None and row.is_open:
            note = _tr("Wiedervorlage %1").replace("%1", format_date(view.follow_up_on))
            if view.follow_up_note:
                note += ": " + view.follow_up_note
            lines.append(note)
        if row.is_open:
            lines.append(_tr("Untätigkeitsklage möglich ab %1.").replace(
                "%1", format_date(view.inaction_from)))
        if view.outcome_reason:
            lines.append(_tr("Erledigung: %1").replace("%1", view.outcome_reason))
        if view.remedial_decision_id is not None:
            lines.append(_tr("Neue Entscheidung: %1").replace(
                "%1", str(view.remedial_decision_id)))
        return "\n".join(lines)

    # -- the steps ------------------------------------------------------------------------
    def _done(self, text: str, objection_id: int) -> None:
        self.refresh()
        self.select_objection(objection_id)
        self.message.say(text, "success")
        self.table.setFocus()

    def start_review(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        view = row.objection
        done = run_service(lambda: start_review(self.database, view.id,
                                                expected_version=view.version),
                           self.message.show_error)
        if done:
            self._done(_tr("%1 ist in Prüfung.").replace("%1", file_reference(row)), view.id)
        return bool(done)

    def remedy(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        view = row.objection
        answer = dialogs.ask_step(self, dialogs.remedy_question(view.decision_id, self.today))
        if answer is None or answer.day is None:
            return False
        done = run_service(lambda: remedy_objection(
            self.database, view.id, note=answer.text, on=answer.day, today=self.today,
            expected_version=view.version), self.message.show_error)
        if not done:
            return False
        result = done.result()
        numbers = [i.number for i in result.issued if i.action != "none" and i.number]
        text = _tr("%1 abgeholfen: neue Entscheidung %2.").replace(
            "%1", file_reference(row)).replace("%2", str(result.decision_id))
        if numbers:
            text += " " + _tr("Pässe: %1.").replace("%1", ", ".join(numbers))
        text += " " + _tr("Den Abhilfebescheid druckt „Bescheid drucken“.")
        self._done(text, view.id)
        self.print_button.setFocus()
        return True

    def reject(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        view = row.objection
        answer = dialogs.ask_step(self, dialogs.reject_question(self.today))
        if answer is None or answer.day is None:
            return False
        done = run_service(lambda: reject_objection(
            self.database, view.id, answer.text, on=answer.day, today=self.today,
            expected_version=view.version), self.message.show_error)
        if done:
            self._done(_tr("%1 zurückgewiesen. Den Widerspruchsbescheid druckt „Bescheid "
                           "drucken“.").replace("%1", file_reference(row)), view.id)
            self.print_button.setFocus()
        return bool(done)

    def withdraw(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        view = row.objection
        answer = dialogs.ask_step(self, dialogs.withdraw_question(self.today))
        if answer is None or answer.day is None:
            return False
        done = run_service(lambda: withdraw_objection(
            self.database, view.id, on=answer.day, note=answer.text, today=self.today,
            expected_version=view.version), self.message.show_error)
        if done:
            self._done(_tr("%1 zurückgenommen.").replace("%1", file_reference(row)), view.id)
        return bool(done)

    def follow_up(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        view = row.objection
        proposed = date.fromordinal(self.today.toordinal() + 14)
        answer = dialogs.ask_step(self, dialogs.follow_up_question(
            view.follow_up_on, view.follow_up_note, proposed))
        if answer is None:
            return False
        done = run_service(lambda: set_follow_up(
            self.database, view.id, answer.day, note=answer.text,
            expected_version=view.version), self.message.show_error)
        if done:
            text = (_tr("%1: Wiedervorlage am %2.").replace("%2", format_date(answer.day))
                    if answer.day else _tr("%1: Wiedervorlage entfernt."))
            self._done(text.replace("%1", file_reference(row)), view.id)
        return bool(done)

    def print_letter(self) -> PreviewDialog | None:
        """The Abhilfe- or Widerspruchsbescheid in the preview, from where it is printed."""
        row = self.selected()
        if row is None or row.objection.state not in PRINTABLE_STATES:
            return None
        objection_id = row.objection.id
        done = run_service(lambda: print_objection_letter(self.database, objection_id),
                           self.message.show_error)
        if not done:
            return None
        pdf = done.result()
        kind = (_tr("Abhilfebescheid") if row.objection.state == "remedied"
                else _tr("Widerspruchsbescheid"))
        self.message.say(_tr("PDF gespeichert: %1").replace("%1", str(pdf)), "success")
        dialog = PreviewDialog(pdf, _tr("%1 %2").replace("%1", kind)
                               .replace("%2", file_reference(row)), self)
        self.preview_windows.append(dialog)
        dialog.show()
        return dialog

    def open_household(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        self.household_opened.emit(row.objection.household_id)
        return True
