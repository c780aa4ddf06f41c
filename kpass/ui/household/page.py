"""The household page: the editor on the left, the decision and pass actions on the right."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMargins, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
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

from kpass.errors import ConcurrentChange, KpassError
from kpass.services import Database
from kpass.services.applications import PROOFS, apply, decide
from kpass.services.household import (
    ROLE_LABELS,
    AddIncome,
    AddMember,
    AddNotice,
    CorrectIncome,
    CorrectNotice,
    DuplicateCandidate,
    EndIncome,
    InvalidField,
    LikelyDuplicate,
    MoveHousehold,
    RemoveIncome,
    RemoveNotice,
    UpdatePerson,
    check_address,
)
from kpass.ui.common import dialogs
from kpass.ui.common.flow_layout import FlowLayout
from kpass.ui.common.form_widgets import ignore_wheel_unless_focused
from kpass.ui.common.labels import (
    END_REASON_LABELS,
    proof_label,
    role_label,
    tr,
)
from kpass.ui.common.run_service import run_service
from kpass.ui.common.style import MessageBar, make_heading
from kpass.ui.household import duplicate_dialogs
from kpass.ui.household.decision_panel import DecisionPanel
from kpass.ui.household.decision_text import not_counted_incomes
from kpass.ui.household.editor import HouseholdEditor
from kpass.ui.household.history_source import (
    DecisionEntry,
    HouseholdHistory,
    entry_of,
    load_history,
)
from kpass.ui.household.history_tab import HistoryTab
from kpass.ui.household.pass_actions import PassActions
from kpass.ui.household.photo_crop import PhotoError, load_passport_photo
from kpass.ui.household.print_actions import PrintActions
from kpass.ui.household.sections.address import AddressSection
from kpass.ui.household.sections.incomes import IncomeSection
from kpass.ui.household.sections.members import MemberSection, move_prompt
from kpass.ui.household.sections.notices import NoticeSection
from kpass.ui.printing.preview_dialog import PreviewDialog
from kpass.ui.translation import user_message
from kpass.vocabulary import format_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("HouseholdPage", text)


class HouseholdPage(PassActions, PrintActions, QWidget):
    """One household at a time: new (kept on screen until saved) or stored."""

    open_household = Signal(int)
    open_person = Signal(int, int)  # household, the person to select there
    closed = Signal()

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

    def save_everything(self) -> bool:
        """Save what is on the screen in one transaction: the entries typed and not yet
        added or corrected are taken first, then the new household or the stored one's
        changes are saved; stops at the first entry that cannot be taken."""
        if self.members.pending() and not self.members.submit():
            return False
        if self.incomes.pending() and not self.incomes.add_income():
            return False
        if self.notices.pending() and not self.notices.add_notice():
            return False
        if self.editor.draft.is_new:
            return self.save()
        if self.address.pending() and not self.address.save_move():
            return False
        return self.save_changes()

    def save_changes(self) -> bool:
        """Save a stored household's changes (all or none); a refusal is shown at the entry
        it concerns and everything stays on the screen."""
        if not self.editor.has_changes():
            return True
        self.banner.say("")
        try:
            count = self.editor.save_changes()
        except LikelyDuplicate as exc:
            return self._duplicate_refused_stored(exc)
        except ConcurrentChange:
            return False  # the banner says it; the changes stand on the fresh version
        except KpassError as exc:
            self._show_change_error(exc)
            return False
        self.banner.say(_tr("Gespeichert: %1 Änderung(en) am Haushalt Nr. %2.").replace(
            "%1", str(count)).replace("%2", str(self.editor.draft.household_id)), "success")
        self.refresh_history()
        return True

    def _show_change_error(self, exc: KpassError) -> None:
        """The refusal of a save, at the section of the change it concerns."""
        change = self.editor.failed_change
        message = user_message(exc)
        if isinstance(change, (AddIncome, EndIncome, CorrectIncome, RemoveIncome)):
            self.incomes.error.say(message)
            self.form_scroll.ensureWidgetVisible(self.incomes)
        elif isinstance(change, (AddNotice, CorrectNotice, RemoveNotice)):
            self.notices.error.say(message)
            self.form_scroll.ensureWidgetVisible(self.notices)
        elif isinstance(change, MoveHousehold):
            self.address.error.say(message)
            self.form_scroll.ensureWidgetVisible(self.address)
        else:
            self.members.error.say(message)
            self.form_scroll.ensureWidgetVisible(self.members)
        self.banner.say(_tr("Nicht gespeichert: %1").replace("%1", message), "error")

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

    def update_preview(self) -> None:
        if self._showing_stored:
            return
        heading = _tr("Vorschau für heute, %1 (noch nicht entschieden)").replace(
            "%1", format_date(self.editor.today))
        draft = self.editor.draft
        if not draft.members:
            self.panel.show_incomplete(heading, _tr("Bitte Personen erfassen."))
            return
        place = self._place_problem()
        if place is not None:
            # an input error, not a reason to refuse: say what is missing, decide nothing
            self.panel.show_incomplete(heading, _tr(
                "Noch nicht entscheidbar – %1 Bitte links unter „Anschrift“ ergänzen oder "
                "berichtigen.")
                .replace("%1", user_message(place)))
            return
        try:
            rule_input, decision = draft.preview(self.editor.today,
                                                 self.incomes.pending_income())
        except KpassError as exc:
            self.panel.show_incomplete(heading, user_message(exc))
            return
        except Exception:
            self.panel.show_incomplete(heading, _tr("Die Eingaben sind noch unvollständig."))
            return
        names = self.editor.present_names()
        self.panel.show_decision(decision, names, heading, not_counted_incomes(rule_input, names))

    def _place_problem(self) -> InvalidField | None:
        """What is wrong with the place of the address on the screen (a Stadtteil missing or
        unknown, no municipality); the rules would read it as "nicht berechtigt"."""
        try:
            check_address(self.editor.draft.address.as_input())
        except InvalidField as exc:
            if exc.field.rsplit(".", 1)[-1] in ("stadtteil_code", "municipality"):
                return exc
        return None

    def _not_counted_today(self) -> list[str]:
        """The incomes not counted in a decision made today on the saved draft."""
        try:
            rule_input = self.editor.draft.rule_input(self.editor.today)
        except KpassError:
            return []
        return not_counted_incomes(rule_input, self.editor.present_names())

    def _update_actions(self) -> None:
        stored = not self.editor.draft.is_new
        passes = self.history_data.passes
        chosen = self.panel.chosen_entry()
        p = self.panel
        p.issue_button.setEnabled(self.last_decision_eligible and self.last_decision_id
                                  not in (None, self.issued_decision_id))
        p.card_button.setEnabled(chosen is not None)
        p.sheet_button.setEnabled(any(e.status == "active" for e in passes))
        p.letter_button.setEnabled(self._latest_decision_id() is not None)
        p.form_button.setEnabled(self._latest_application_id() is not None)
        p.renew_button.setEnabled(stored and bool(passes))
        for button in (p.replace_button, p.revoke_button):
            button.setEnabled(stored and chosen is not None)
        p.name_pass_actions(f"{chosen.name}, {chosen.number}" if chosen else "")

    # -- the person the pass actions act on ------------------------------------------------
    def _person_selected(self) -> None:
        chosen = self.panel.chosen_entry()
        key = self.members.selected_key()
        if chosen is None or chosen.person_id != key:
            self.panel.follow_person(key)
        self._update_actions()

    def _pass_chosen(self, _index: int) -> None:
        """A pass chosen in the list: its holder becomes the selected person."""
        chosen = self.panel.chosen_entry()
        if chosen is not None and chosen.person_id != self.members.selected_key():
            self.members.select_person(chosen.person_id)
        self._update_actions()

    def _latest_decision_id(self) -> int | None:
        if self.last_decision_id is not None:
            return self.last_decision_id
        return self.history_data.decisions[0].decision_id if self.history_data.decisions \
            else None

    def _latest_application_id(self) -> int | None:
        decisions = sorted([*self.session_decisions, *self.history_data.decisions],
                           key=lambda d: d.decision_id, reverse=True)
        return decisions[0].application_id if decisions else None

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

    # -- saving and deciding ---------------------------------------------------------------
    def save(self) -> bool:
        """Save a new household in one call (address, persons, incomes, notices)."""
        if not self.editor.draft.is_new:
            return True
        self.banner.say("")
        return self._save_new_with(self.editor.save_new)

    def _save_new_with(self, save: Callable[[], object]) -> bool:
        """Run a saving call of the new household; a refusal is shown where it belongs."""
        try:
            save()
        except LikelyDuplicate as exc:
            return self._duplicate_refused(exc)
        except InvalidField as exc:
            self._show_field_error(exc)
            return False
        except KpassError as exc:
            self.banner.say(user_message(exc), "error")
            return False
        self._household_saved()
        return True

    def _household_saved(self) -> None:
        self.panel.say(_tr("Haushalt gespeichert (Nr. %1).").replace(
            "%1", str(self.editor.draft.household_id)), "success")
        self.refresh_history()

    # -- a person refused as a likely duplicate --------------------------------------------
    def _duplicate_refused(self, exc: LikelyDuplicate) -> bool:
        """Saving the new household was refused: one of its persons may be a registered
        one. One question per refusal; Esc keeps everything typed (nothing was saved)."""
        draft = self.editor.draft
        index = exc.member_index if exc.member_index is not None else 0
        member = draft.members[index]
        self._show_field_error(exc)
        same_as = [duplicate_dialogs.person_text(m.given_names, m.family_name, m.birth_date)
                   for j, m in enumerate(draft.members) if j in exc.same_as_members]
        typed = duplicate_dialogs.person_text(member.given_names, member.family_name,
                                              member.birth_date)
        answer = duplicate_dialogs.ask_duplicate(self, typed, exc.candidates, same_as)
        if answer is None:
            return False
        if answer.action == "different":
            self.editor.mark_distinct(member.key, answer.reason)
            return self.save()
        candidate = answer.candidate
        assert candidate is not None
        if answer.action == "open":
            assert candidate.household_id is not None
            # the person typed is the registered one: not a person of this new household
            self.editor.end_member(member.key, self.editor.today, "moved_out")
            self.banner.say("")
            self.open_person.emit(candidate.household_id, candidate.person_id)
            return False
        return self._move_into_new(member.key, member.role, candidate)

    def _duplicate_refused_stored(self, exc: LikelyDuplicate) -> bool:
        """Saving a stored household's changes was refused: a person added or corrected may
        be a registered one (registered by another seat since it was typed here). Asked as
        when typing; nothing was saved, everything stays on the screen."""
        change = self.editor.failed_change
        key = change.key if isinstance(change, AddMember) else \
            change.person_id if isinstance(change, UpdatePerson) else None
        if key is None:
            self._show_change_error(exc)
            return False
        member = self.editor.draft.member(key)
        self.members.select_person(key)
        self.members.error.say(user_message(exc))
        typed = duplicate_dialogs.person_text(member.given_names, member.family_name,
                                              member.birth_date)
        answer = duplicate_dialogs.ask_duplicate(self, typed, exc.candidates,
                                                 can_move=key < 0)
        if answer is None:
            self.banner.say(_tr("Nicht gespeichert: %1").replace("%1", user_message(exc)),
                            "error")
            return False
        if answer.action == "different":
            self.editor.mark_distinct(key, answer.reason)
            return self.save_changes()
        candidate = answer.candidate
        assert candidate is not None
        if answer.action == "open":
            assert candidate.household_id is not None
            if key < 0:
                self.editor.end_member(key, self.editor.today, "moved_out")
            self.open_person.emit(candidate.household_id, candidate.person_id)
            return False
        roles = {code: role_label(code) for code in ROLE_LABELS}
        name = duplicate_dialogs.person_text(candidate.given_names, candidate.family_name,
                                             candidate.birth_date)
        moving = duplicate_dialogs.ask_move(self, move_prompt(name, candidate.household_id),
                                            roles, member.role, self.editor.today)
        if moving is None:
            return False
        role, since = moving
        assert since is not None
        if not run_service(lambda: self.editor.replace_with_move(key, candidate, role, since),
                           self.members.error.say):
            return False
        return self.save_changes()

    def _move_into_new(self, key: int, role: str, candidate: DuplicateCandidate) -> bool:
        """The registered ``candidate`` instead of the typed person ``key``: taken over at
        once when living in no household, else the household is saved without them first
        and they move in (their old membership ends the day before)."""
        today = self.editor.today
        roles = {code: role_label(code) for code in ROLE_LABELS}
        name = duplicate_dialogs.person_text(candidate.given_names, candidate.family_name,
                                             candidate.birth_date)
        if candidate.household_id is None:
            answer = duplicate_dialogs.ask_move(self, move_prompt(name, None), roles, role,
                                                today, with_date=False)
            if answer is None:
                return False
            chosen_role = answer[0]
            if not run_service(lambda: self.editor.take_over(key, candidate, chosen_role),
                               self.members.error.say):
                return False
            return self.save()
        why = self.editor.why_not_saved_first(key)
        if why is not None:
            why = why.replace("%1", name).replace("%2", str(candidate.household_id))
            self.members.error.say(why)
            self.banner.say(why, "warning")
            return False
        answer = duplicate_dialogs.ask_move(
            self, move_prompt(name, candidate.household_id) + " " + _tr(
                "Der neue Haushalt wird zuerst ohne die eben erfasste Person gespeichert."),
            roles, role, today)
        if answer is None:
            return False
        new_role, since = answer
        assert since is not None
        if not self._save_new_with(
            lambda: self.editor.save_new_moving_in(key, candidate, new_role, since)
        ):
            return False
        self.members.select_person(candidate.person_id)
        self.banner.say(_tr("%1 ist hierher umgezogen; die bisherige Zugehörigkeit bleibt im "
                            "Verlauf.").replace("%1", name), "success")
        return True

    def _show_field_error(self, exc: InvalidField) -> None:
        path = exc.field
        if path.startswith("address"):
            self.address.errors.show(path, user_message(exc))
            self.form_scroll.ensureWidgetVisible(self.address)
        elif path.startswith("incomes"):
            self.incomes.errors.show(path, user_message(exc))
        elif path.startswith("notices"):
            self.notices.errors.show(path, user_message(exc))
        else:
            if path.startswith("members[") and "]" in path:
                row = int(path[len("members["):path.index("]")])
                self.members.table.selectRow(row)
                self.members.table.setFocus()
            self.members.error.say(user_message(exc))
        self.banner.say(user_message(exc), "error")

    def checked_proofs(self) -> tuple[str, ...]:
        return tuple(p for p, box in self.proofs.items() if box.isChecked())

    def decide_today(self) -> None:
        """Apply for today and decide: the stored decision replaces the preview.

        What is on the screen is saved first, so the decision never rests on other data
        than the caseworker sees. An input error (no Stadtteil) stops it at its field."""
        place = self._place_problem()
        if place is not None:
            self.tabs.setCurrentIndex(0)
            self._show_field_error(place)
            self.panel.say(_tr("Nicht entschieden: %1").replace("%1", user_message(place)),
                           "error")
            return
        if not self.save_everything():
            # the reason stands at its field on the form, which may be hidden behind the
            # Verlauf: show the form and say so where the caseworker looks
            self.tabs.setCurrentIndex(0)
            self.panel.say(_tr("Nicht entschieden: bitte zuerst die Eingaben links "
                               "vervollständigen oder leeren."), "error")
            return
        household_id = self.editor.draft.household_id
        assert household_id is not None
        today = self.editor.today
        proofs = self.checked_proofs()
        # apply and decide are one use case for the counter: a refusal of either is shown
        decided = run_service(lambda: decide(self.database, apply(
            self.database, household_id, today, proofs=proofs, today=today).application_id),
            self.panel.show_error)
        if not decided:
            return
        result = decided.result()
        self.last_decision_id = result.decision_id
        self.last_decision_eligible = result.decision.any_eligible
        self.session_decisions.append(entry_of(result, "new", proofs))
        self._showing_stored = True
        self.panel.show_decision(
            result.decision, self.editor.present_names(),
            _tr("Entscheidung Nr. %1 vom %2 (gespeichert)").replace(
                "%1", str(result.decision_id)).replace("%2", format_date(today)),
            self._not_counted_today())
        eligible = result.decision.any_eligible
        if eligible:
            self.panel.say(_tr("Entschieden. Jetzt „Pässe ausstellen“ (Alt+A)."), "success")
        else:
            self.panel.say(_tr("Entschieden: niemand ist berechtigt. Bescheid drucken."),
                           "warning")
        self.refresh_history()
        (self.panel.issue_button if eligible else self.panel.letter_button).setFocus()

    # -- members and incomes ---------------------------------------------------------------
    def ask_end_member(self, key: int) -> None:
        member = self.editor.draft.member(key)
        if member.key < 0:
            self.end_member(key, self.editor.today, "moved_out")
            return
        answer = dialogs.ask_reason(
            self, _tr("Person austragen"), _tr("%1 austragen (letzter Tag bzw. Todestag):")
            .replace("%1", member.name), {k: tr(v) for k, v in END_REASON_LABELS.items()},
            day=self.editor.today)
        if answer is not None:
            self.end_member(key, *answer)

    def end_member(self, key: int, until: date, reason: str) -> None:
        self.members.error.say("")
        run_service(lambda: self.editor.end_member(
            key, until, "died" if reason == "died" else "moved_out"), self.members.error.say)

    def ask_change_role(self, key: int) -> None:
        draft, today = self.editor.draft, self.editor.today
        member = draft.membership_on(key, today)
        answer = dialogs.ask_role(self, member.name, member.role,
                                  {code: role_label(code) for code in ROLE_LABELS}, today,
                                  with_date=not draft.is_new)
        if answer is not None:
            self.change_role(key, *answer)

    def change_role(self, key: int, role: str, since: date) -> bool:
        """Refusals (a second applicant, a child as applicant) are shown under the table."""
        self.members.error.say("")
        done = run_service(lambda: self.editor.change_role(key, role, since),
                           self.members.error.say)
        self.members.table.setFocus()
        return done.ok

    def choose_photo(self, key: int) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, _tr("Lichtbild wählen"), "", _tr("Bilder (*.jpg *.jpeg *.png)"))
        if path:
            self.import_photo(key, Path(path))

    def import_photo(self, key: int, path: Path) -> bool:
        """Crop the image in ``path`` to 35:45 and store it for the person."""
        try:
            image = load_passport_photo(path)
        except PhotoError:
            self.members.error.say(_tr("Die Datei %1 ist kein lesbares Bild.").replace(
                "%1", path.name))
            return False
        if not run_service(lambda: self.editor.set_photo(key, image), self.members.error.say):
            return False
        self.members.error.say("")
        return True
