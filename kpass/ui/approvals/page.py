"""The supervisors' queue (Vier-Augen-Prinzip): decisions that wait for a confirmation before
their letter and passes go out, oldest first, with the reason each one waits.

Enter or a double click opens the household; "Freigeben" confirms the selected decision,
"Zurückgeben …" sends it back to the caseworker with a reason. One's own decisions are
listed but cannot be confirmed (the service refuses them too)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpass.services import Database
from kpass.services.approvals import (
    ApprovalView,
    approval_queue,
    confirm_approval,
    return_approval,
)
from kpass.ui.approvals.texts import approval_reason
from kpass.ui.common import dialogs
from kpass.ui.common.form_widgets import column_width
from kpass.ui.common.list_table import list_table
from kpass.ui.common.run_service import run_service
from kpass.ui.common.style import MessageBar, make_heading
from kpass.ui.translation import QT_TRANSLATE_NOOP
from kpass.vocabulary import format_date

# Typical contents of the columns (ApprovalsPage.COLUMNS), for their widths; the reason
# stretches.
_COLUMN_SAMPLES = ("00.00.0000", "000000", "000000", "Anna-Lena Müller-Lüdenscheidt",
                   "Maria Mustermann (eigene)")
_REASON_COLUMN = 5


def _tr(text: str) -> str:
    return QCoreApplication.translate("ApprovalsPage", text)


class ApprovalsPage(QWidget):
    """The queue; ``household_opened`` carries the household of the row opened."""

    household_opened = Signal(int)

    # translated in translate_ui(); marked here for the catalog
    COLUMNS = (
        QT_TRANSLATE_NOOP("ApprovalsPage", "Entschieden am"),
        QT_TRANSLATE_NOOP("ApprovalsPage", "Entscheidung"),
        QT_TRANSLATE_NOOP("ApprovalsPage", "Haushalt"),
        QT_TRANSLATE_NOOP("ApprovalsPage", "Antragsteller/in"),
        QT_TRANSLATE_NOOP("ApprovalsPage", "Sachbearbeitung"),
        QT_TRANSLATE_NOOP("ApprovalsPage", "Grund der Prüfung"),
    )

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalsPage")
        self.database = database
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        make_heading(self.title)
        self.intro = QLabel()
        self.intro.setObjectName("approvalsIntro")
        self.intro.setWordWrap(True)
        self.count = QLabel()
        self.count.setObjectName("approvalCount")
        self.table = list_table(len(self.COLUMNS), "approvalTable", stretch=_REASON_COLUMN)
        self.details = QLabel()
        self.details.setObjectName("approvalDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel()
        self.hint.setObjectName("keyHint")
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("confirmApproval")
        self.return_button = QPushButton()
        self.return_button.setObjectName("returnApproval")
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("refreshApprovals")
        self.message_bar = MessageBar("approvalMessage")
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.message_bar)
        QWidget.setTabOrder(self.table, self.confirm_button)
        QWidget.setTabOrder(self.confirm_button, self.return_button)
        QWidget.setTabOrder(self.return_button, self.refresh_button)
        self.rows: list[ApprovalView] = []
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.confirm_button.clicked.connect(lambda: self.confirm())
        self.return_button.clicked.connect(lambda: self.ask_return())
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.translate_ui()
        self._selection_changed()

    def translate_ui(self) -> None:
        self.title.setText(_tr("Freigaben: Entscheidungen, die auf die Leitung warten"))
        self.title.setAccessibleName(_tr("Freigaben"))
        self.intro.setText(_tr("Vier-Augen-Prinzip: Bescheid, Pässe und Karten dieser "
                               "Entscheidungen gehen erst nach der Freigabe hinaus. Die "
                               "älteste steht oben."))
        self.intro.setAccessibleName(_tr("Erläuterung"))
        self.count.setAccessibleName(_tr("Anzahl"))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self.table.setAccessibleName(_tr("Wartende Entscheidungen"))
        self.details.setAccessibleName(_tr("Ausgewählte Entscheidung"))
        self.hint.setText(_tr("Eingabe oder Doppelklick in der Liste: Haushalt öffnen"))
        self.hint.setAccessibleName(_tr("Tastenkürzel"))
        self.confirm_button.setText(_tr("&Freigeben"))
        self.confirm_button.setAccessibleName(_tr("Freigeben: die ausgewählte Entscheidung "
                                                  "freigeben"))
        self.return_button.setText(_tr("&Zurückgeben …"))
        self.return_button.setAccessibleName(_tr("Zurückgeben: die ausgewählte Entscheidung "
                                                 "mit Begründung an die Sachbearbeitung "
                                                 "zurückgeben"))
        self.refresh_button.setText(_tr("Neu &laden"))
        self.refresh_button.setAccessibleName(_tr("Neu laden: die Warteschlange neu lesen"))
        self.message_bar.label.setAccessibleName(_tr("Meldung"))
        self.fit_columns()
        self._show_rows()

    def fit_columns(self) -> None:
        """Widths for typical contents in the current font (it scales with the system
        setting), never narrower than the header."""
        for column, sample in enumerate(_COLUMN_SAMPLES):
            self.table.setColumnWidth(
                column, column_width(self.table, [sample], _tr(self.COLUMNS[column])))

    # -- the queue -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the queue afresh; the selected item stays selected while it waits."""
        chosen = self.chosen()
        keep = chosen.id if chosen is not None else None
        queue = run_service(lambda: approval_queue(self.database), self.message_bar.show_error)
        if not queue:
            return
        self.rows = queue.result()
        self._show_rows(keep)

    def _show_rows(self, keep: int | None = None) -> None:
        self.table.setRowCount(len(self.rows))
        for row, view in enumerate(self.rows):
            caseworker = view.caseworker
            if view.own:
                caseworker = _tr("%1 (eigene)").replace("%1", caseworker)
            values = (format_date(view.decided_on), str(view.decision_id),
                      str(view.household_id), view.applicant, caseworker, approval_reason(view))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        total = len(self.rows)
        self.count.setText(_tr("nichts wartet") if total == 0 else
                           _tr("1 Entscheidung wartet") if total == 1 else
                           _tr("%1 Entscheidungen warten").replace("%1", str(total)))
        index = next((i for i, v in enumerate(self.rows) if v.id == keep), 0)
        if self.rows:
            self.table.selectRow(index)
        else:
            self.table.clearSelection()
            self.table.setCurrentCell(-1, -1)
        self._selection_changed()

    def chosen(self) -> ApprovalView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        if not rows:
            return None
        index = rows[0].row()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _selection_changed(self) -> None:
        view = self.chosen()
        self.return_button.setEnabled(view is not None and not view.own)
        self.confirm_button.setEnabled(view is not None and not view.own)
        if view is None:
            self.details.setText(_tr("Keine Entscheidung ausgewählt."))
            return
        text = _tr("Entscheidung %1 vom %2 für Haushalt %3 (%4), getroffen von %5: %6.") \
            .replace("%1", str(view.decision_id)).replace("%2", format_date(view.decided_on)) \
            .replace("%3", str(view.household_id)).replace("%4", view.applicant) \
            .replace("%5", view.caseworker).replace("%6", approval_reason(view))
        if view.own:
            text += " " + _tr("Das ist Ihre eigene Entscheidung: eine andere Person der "
                              "Leitung muss sie freigeben.")
        self.details.setText(text)

    def open_row(self, row: int) -> None:
        """Open the household of the decision in ``row`` (Enter or a double click)."""
        if 0 <= row < len(self.rows):
            self.household_opened.emit(self.rows[row].household_id)

    # -- confirming and returning -----------------------------------------------------------
    def confirm(self) -> bool:
        """Confirm the selected decision; True when it was confirmed."""
        view = self.chosen()
        if view is None:
            return False
        done = run_service(lambda: confirm_approval(self.database, view.id,
                                                    expected_version=view.version),
                           self.message_bar.show_error)
        if done:
            self.message_bar.say(
                _tr("Entscheidung %1 (Haushalt %2, %3) freigegeben: Bescheid und Pässe "
                    "können jetzt hinausgehen.").replace("%1", str(view.decision_id))
                .replace("%2", str(view.household_id)).replace("%3", view.applicant),
                "success")
        self._after_action()
        return bool(done)

    def ask_return(self) -> bool:
        """Ask why, then send the selected decision back; True when it was returned."""
        view = self.chosen()
        if view is None:
            return False
        reason = dialogs.ask_why(
            self, _tr("Entscheidung zurückgeben"),
            _tr("Entscheidung %1 vom %2 für Haushalt %3 (%4) an %5 zurückgeben. Was ist zu "
                "prüfen oder zu berichtigen?").replace("%1", str(view.decision_id))
            .replace("%2", format_date(view.decided_on)).replace("%3", str(view.household_id))
            .replace("%4", view.applicant).replace("%5", view.caseworker))
        if reason is None:
            return False
        return self.return_with(view, reason)

    def return_with(self, view: ApprovalView, reason: str) -> bool:
        done = run_service(lambda: return_approval(self.database, view.id, reason,
                                                   expected_version=view.version),
                           self.message_bar.show_error)
        if done:
            self.message_bar.say(
                _tr("Entscheidung %1 (Haushalt %2, %3) an %4 zurückgegeben.")
                .replace("%1", str(view.decision_id)).replace("%2", str(view.household_id))
                .replace("%3", view.applicant).replace("%4", view.caseworker), "success")
        self._after_action()
        return bool(done)

    def _after_action(self) -> None:
        """Whatever happened (done, or somebody else was first), show the queue as it is."""
        queue = run_service(lambda: approval_queue(self.database), self.message_bar.show_error)
        if queue:
            self.rows = queue.result()
            self._show_rows()
        self.table.setFocus()
