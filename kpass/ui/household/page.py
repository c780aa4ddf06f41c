"""The household page: the editor on the left, the decision and pass actions on the right.

This module builds the page and keeps what it shows (title, history) and its state between
households; what the buttons do is mixed in from one module each: saving
(:mod:`~kpass.ui.household.save_actions`), a likely duplicate refused when saving
(:mod:`~kpass.ui.household.duplicate_refusals`), the preview and the decision
(:mod:`~kpass.ui.household.decision_actions`), ending a person, roles and photos
(:mod:`~kpass.ui.household.member_actions`), the 60plus vouchers
(:mod:`~kpass.ui.household.voucher_actions`), passes and printing.
"""

from __future__ import annotations

import itertools
from datetime import date

from PySide6.QtCore import QCoreApplication, QMargins, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpass.services import Database
from kpass.services.access import Permission, can
from kpass.services.applications import PROOFS
from kpass.ui.common import dialogs
from kpass.ui.common.flow_layout import FlowLayout
from kpass.ui.common.form_widgets import ignore_wheel_unless_focused
from kpass.ui.common.labels import proof_label
from kpass.ui.common.run_service import run_service
from kpass.ui.common.style import MessageBar, make_heading
from kpass.ui.household.decision_actions import DecisionActions
from kpass.ui.household.decision_panel import DecisionPanel
from kpass.ui.household.duplicate_refusals import DuplicateRefusals
from kpass.ui.household.editor import HouseholdEditor
from kpass.ui.household.erasure_request import ErasureRequestActions
from kpass.ui.household.history_source import DecisionEntry, HouseholdHistory, load_history
from kpass.ui.household.history_tab import HistoryTab
from kpass.ui.household.member_actions import MemberActions
from kpass.ui.household.pass_actions import PassActions
from kpass.ui.household.print_actions import PrintActions
from kpass.ui.household.save_actions import SaveActions
from kpass.ui.household.sections.address import AddressSection
from kpass.ui.household.sections.incomes import IncomeSection
from kpass.ui.household.sections.members import MemberSection
from kpass.ui.household.sections.notices import NoticeSection
from kpass.ui.household.subject_export import SubjectExportActions
from kpass.ui.household.voucher_actions import VoucherActions
from kpass.ui.printing.preview_dialog import PreviewDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("HouseholdPage", text)


class HouseholdPage(SaveActions, DuplicateRefusals, DecisionActions, MemberActions,
                    PassActions, PrintActions, SubjectExportActions, ErasureRequestActions,
                    VoucherActions, QWidget):
    """One household at a time: new (kept on screen until saved) or stored."""

    open_household = Signal(int)
    open_person = Signal(int, int)  # household, the person to select there
    closed = Signal()
    erased = Signal(str)  # a person erased on request (Art. 17): what went, to be shown

    def __init__(self, database: Database, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("householdPage")
        self.database = database
        self.editor = HouseholdEditor(database, today, self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        make_heading(self.title)
        self.banner = MessageBar("banner")
        self.address = AddressSection(self.editor)
        self.members = MemberSection(self.editor)
        self.incomes = IncomeSection(self.editor)
        self.notices = NoticeSection(self.editor)
        self.proofs_box = QGroupBox()
        self.proofs: dict[str, QCheckBox] = {}
        grid = FlowLayout(self.proofs_box)  # wraps at a large font
        grid.setContentsMargins(QMargins(9, 9, 9, 9))
        for proof in PROOFS:
            box = QCheckBox()
            box.setObjectName(f"proof_{proof}")
            self.proofs[proof] = box
            grid.addWidget(box)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveHousehold")
        self.back_button = QPushButton()
        self.back_button.setObjectName("backToSearch")

        form = QWidget()
        form.setObjectName("householdForm")
        form_layout = QVBoxLayout(form)
        for section in (self.address, self.members, self.incomes, self.notices,
                        self.proofs_box):
            form_layout.addWidget(section)
        form_layout.addStretch(1)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidget(form)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history = HistoryTab()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("householdTabs")
        self.tabs.addTab(self.form_scroll, "")
        self.tabs.addTab(self.history, "")
        self.panel = DecisionPanel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([720, 560])  # the form's rows fit without scrolling sideways
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        self.session_decisions: list[DecisionEntry] = []
        self.history_data = HouseholdHistory()
        self.last_decision_id: int | None = None
        self.issued_decision_id: int | None = None  # passes issued: the button is done
        self.last_decision_eligible = False  # nobody eligible: nothing to issue
        self._showing_stored = False
        self.preview_windows: list[PreviewDialog] = []

        self.editor.changed.connect(self._draft_changed)
        self.editor.reloaded.connect(lambda why: self.banner.say(why, "warning"))
        # the person selected in the table is the one the pass actions act on
        self.members.table.itemSelectionChanged.connect(self._person_selected)
        self.panel.passes.currentIndexChanged.connect(self._pass_chosen)
        self.address.changed.connect(self.update_preview)
        self.incomes.typing.connect(self.update_preview)
        self.members.open_household.connect(self.open_household)
        self.members.open_person.connect(self.open_person)
        self.members.announced.connect(lambda text: self.banner.say(text, "success"))
        self.members.end_requested.connect(self.ask_end_member)
        self.members.role_requested.connect(self.ask_change_role)
        self.members.photo_requested.connect(self.choose_photo)
        self.members.subject_export_requested.connect(self.ask_subject_export)
        self.members.erase_requested.connect(self.ask_erasure)
        self.members.erase_button.setVisible(can(database, Permission.ERASE))
        self.members.vouchers_requested.connect(self.ask_vouchers)
        self.members.vouchers_button.setVisible(can(database, Permission.ISSUE))
        self.save_button.clicked.connect(self.save_everything)
        self.back_button.clicked.connect(self.closed)
        p = self.panel
        p.decide_button.clicked.connect(self.decide_today)
        p.issue_button.clicked.connect(self.issue)
        p.card_button.clicked.connect(self.print_card)
        p.sheet_button.clicked.connect(self.print_sheet)
        p.letter_button.clicked.connect(self.print_letter)
        p.form_button.clicked.connect(self.print_application_form)
        p.renew_button.clicked.connect(self.renew)
        p.replace_button.clicked.connect(self.ask_replace)
        p.revoke_button.clicked.connect(self.ask_revoke)
        # the services refuse them anyway; a caseworker is not offered what they may not do
        p.replace_button.setVisible(can(database, Permission.REPLACE))
        p.revoke_button.setVisible(can(database, Permission.REVOKE))
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_everything)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.decide_today)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.decide_today)  # the keypad key
        self._set_tab_order()
        ignore_wheel_unless_focused(self)
        self.translate_ui()
        self.load_settings()

    def _set_tab_order(self) -> None:
        """Tab walks the form top to bottom, then the decision panel."""
        p = self.panel
        chain: list[QWidget] = [
            *self.address.entry_chain(), *self.members.entry_chain(),
            *self.incomes.entry_chain(), *self.notices.entry_chain(),
            *self.proofs.values(), self.save_button, p.decide_button, p.issue_button,
            p.form_button, p.passes,
            p.card_button, p.sheet_button, p.letter_button, p.renew_button, p.replace_button,
            p.revoke_button, p.table, self.back_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- Frescobaldi's contract ------------------------------------------------------------
    def translate_ui(self) -> None:
        self.tabs.setTabText(0, _tr("&Haushalt"))
        self.tabs.setTabText(1, _tr("Ver&lauf"))
        self.tabs.setAccessibleName(_tr("Haushalt und Verlauf"))
        self.proofs_box.setTitle(_tr("Vorgelegte Nachweise"))
        for proof, box in self.proofs.items():
            box.setText(proof_label(proof))
            box.setAccessibleName(_tr("Nachweis: %1").replace("%1", proof_label(proof)))
        # the decision panel's button, but the shortcut is the page's
        self.panel.decide_button.setToolTip(
            _tr("Antrag stellen und heute entscheiden (Strg+Eingabe)"))
        self.back_button.setText(_tr("Zurück zur Suche (Esc)"))
        self.back_button.setAccessibleName(_tr("Zurück zur Suche"))
        self.title.setAccessibleName(_tr("Haushalt"))
        self.banner.label.setAccessibleName(_tr("Hinweis"))
        self._update_title()

    def load_settings(self) -> None:
        state = QSettings().value("householdPage/splitter")
        if state is not None:
            self.splitter.restoreState(state)

    def save_settings(self) -> None:
        QSettings().setValue("householdPage/splitter", self.splitter.saveState())

    # -- opening ---------------------------------------------------------------------------
    def start_new(self) -> None:
        self._reset()
        self.editor.start_new()
        self._show_field(self.address.street)

    def open(self, household_id: int, person_id: int | None = None) -> None:
        """Show a stored household; ``person_id`` (e.g. the person searched for) is selected,
        else the first person."""
        self._reset()
        self.editor.load(household_id)
        if person_id is not None:
            self.members.select_person(person_id)
        self.refresh_history()
        self._show_field(self.members.table)

    def _show_field(self, field: QWidget) -> None:
        """Focus ``field`` and scroll the form so that it is in sight."""
        self.tabs.setCurrentIndex(0)
        form = self.form_scroll.widget()
        layout = form.layout() if form is not None else None
        if layout is not None:
            layout.activate()  # the new household's rows have their places now
        self.form_scroll.verticalScrollBar().setValue(0)
        self.form_scroll.horizontalScrollBar().setValue(0)
        self.form_scroll.ensureWidgetVisible(field)
        field.setFocus()

    def _reset(self) -> None:
        """Nothing of the previous household stays: messages, decisions, passes, history,
        typed values and choices, the scroll position."""
        self.banner.say("")
        self.panel.say("")
        self.session_decisions = []
        self.last_decision_id = None
        self.issued_decision_id = None
        self.last_decision_eligible = False
        self._showing_stored = False
        self.history_data = HouseholdHistory()
        self.history.show_history(self.history_data, {}, self.editor.today)
        self.panel.set_passes([], self.editor.today)
        for box in self.proofs.values():
            box.setChecked(False)
        self.members.start_over()
        self.notices.start_over()
        self._reset_income_fields()
        for section in (self.members, self.incomes, self.notices, self.address):
            section.errors.clear()
        self.address.move_from.clear()
        self.tabs.setCurrentIndex(0)
        self.form_scroll.verticalScrollBar().setValue(0)
        self._update_actions()

    def _reset_income_fields(self) -> None:
        incomes = self.incomes
        incomes.amount.clear()
        for box in (incomes.kind, incomes.period):
            box.setCurrentIndex(0)
        incomes.valid_from.set_value(self.editor.today.replace(day=1))

    def is_dirty(self) -> bool:
        """Something on the screen that is not saved."""
        draft = self.editor.draft
        return (draft.is_new and draft.has_content()) or self.editor.has_changes() \
            or self.members.pending() or self.incomes.pending() or self.notices.pending() \
            or self.address.pending()

    def may_leave(self) -> bool:
        """Ask before unsaved input is lost; True when the page may be left."""
        if not self.is_dirty():
            return True
        answer = dialogs.ask_unsaved(self)
        if answer == "cancel":
            return False
        if answer == "save":
            return self.save_everything()
        return True

    # -- showing ---------------------------------------------------------------------------
    def _update_title(self) -> None:
        draft = self.editor.draft
        if draft.is_new:
            self.title.setText(_tr("Neuer Antrag – neuer Haushalt (noch nicht gespeichert)"))
        else:
            applicant = draft.applicant(self.editor.today)
            name = applicant.name if applicant else ""
            title = _tr("Haushalt Nr. %1 – %2").replace(
                "%1", str(draft.household_id)).replace("%2", name)
            if self.editor.has_changes():
                title += " " + _tr("(%1 ungespeicherte Änderung(en) – Strg+S speichert)") \
                    .replace("%1", str(len(self.editor.changes)))
            self.title.setText(title)
        text = _tr("Haushalt &speichern") if draft.is_new else _tr("Änderungen &speichern")
        self.save_button.setText(text)
        spoken = _tr("Neuen Haushalt speichern (Strg+S)") if draft.is_new \
            else _tr("Änderungen am Haushalt speichern (Strg+S)")
        self.save_button.setAccessibleName(spoken)
        self.save_button.setToolTip(spoken)

    def _draft_changed(self) -> None:
        self._showing_stored = False
        self.address.refresh()
        self.members.refresh()
        self.incomes.refresh()
        self.notices.refresh()
        self._update_title()
        self.update_preview()
        self._update_actions()

    def refresh_history(self) -> None:
        draft = self.editor.draft
        if draft.household_id is None:
            return
        household_id = draft.household_id
        loaded = run_service(lambda: load_history(self.database, household_id,
                                                  {m.key for m in draft.members},
                                                  self.session_decisions, self.editor.today),
                             self.banner.show_error)
        if not loaded:
            return
        self.history_data = loaded.result()
        names = self.editor.present_names()
        self.history.show_history(self.history_data, names, self.editor.today,
                                  {m.key: m.name for m in draft.members})
        self.panel.set_passes(self.history_data.passes, self.editor.today,
                              self.members.selected_key())
        self._update_actions()
