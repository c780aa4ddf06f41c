"""The household page: the editor on the left, the decision and pass actions on the right."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
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
from kpass.models.engine import Database
from kpass.services.applications import PROOFS, apply, decide
from kpass.services.household_validation import ROLE_LABELS, InvalidField
from kpass.services.passes import issue_passes, renew_pass, replace_pass, revoke_pass
from kpass.ui import dialogs, print_outbox
from kpass.ui.address_section import AddressSection
from kpass.ui.decision_panel import DecisionPanel
from kpass.ui.decision_text import not_counted_incomes
from kpass.ui.german_input import format_date, format_month
from kpass.ui.history_source import DecisionEntry, HouseholdHistory, entry_of, load_history
from kpass.ui.history_tab import HistoryTab, type_change_text
from kpass.ui.household_editor import HouseholdEditor
from kpass.ui.income_section import IncomeSection
from kpass.ui.inline_errors import ErrorLabel
from kpass.ui.labels import END_REASON_LABELS, proof_label, role_label, tr
from kpass.ui.member_section import MemberSection
from kpass.ui.notice_section import NoticeSection
from kpass.ui.photo_crop import PhotoError, load_passport_photo
from kpass.ui.preview_dialog import PreviewDialog
from kpass.ui.style import make_heading
from kpass.ui.translation import user_message


def _tr(text: str) -> str:
    return QCoreApplication.translate("HouseholdPage", text)


class HouseholdPage(QWidget):
    """One household at a time: new (kept on screen until saved) or stored."""

    open_household = Signal(int)
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
        self.banner = ErrorLabel()
        self.banner.setObjectName("banner")
        self.address = AddressSection(self.editor)
        self.members = MemberSection(self.editor)
        self.incomes = IncomeSection(self.editor)
        self.notices = NoticeSection(self.editor)
        self.proofs_box = QGroupBox()
        self.proofs: dict[str, QCheckBox] = {}
        grid = QGridLayout(self.proofs_box)
        for i, proof in enumerate(PROOFS):
            box = QCheckBox()
            box.setObjectName(f"proof_{proof}")
            self.proofs[proof] = box
            grid.addWidget(box, i // 3, i % 3)
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
        self._showing_stored = False
        self.preview_windows: list[PreviewDialog] = []

        self.editor.changed.connect(self._draft_changed)
        self.editor.reloaded.connect(self.banner.say)
        self.address.changed.connect(self.update_preview)
        self.incomes.typing.connect(self.update_preview)
        self.members.open_household.connect(self.open_household)
        self.members.end_requested.connect(self.ask_end_member)
        self.members.role_requested.connect(self.ask_change_role)
        self.members.photo_requested.connect(self.choose_photo)
        self.incomes.end_requested.connect(self.ask_end_income)
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
        self.save_button.setText(_tr("Haushalt &speichern"))
        self.save_button.setAccessibleName(_tr("Neuen Haushalt speichern (Strg+S)"))
        self.save_button.setToolTip(_tr("Neuen Haushalt speichern (Strg+S)"))
        # the decision panel's button, but the shortcut is the page's
        self.panel.decide_button.setToolTip(
            _tr("Antrag stellen und heute entscheiden (Strg+Eingabe)"))
        self.back_button.setText(_tr("Zurück zur Suche (Esc)"))
        self.back_button.setAccessibleName(_tr("Zurück zur Suche"))
        self.title.setAccessibleName(_tr("Haushalt"))
        self.banner.setAccessibleName(_tr("Hinweis"))
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
        self.address.street.setFocus()

    def open(self, household_id: int) -> None:
        self._reset()
        self.editor.load(household_id)
        self.refresh_history()
        self.members.table.setFocus()

    def _reset(self) -> None:
        self.banner.say("")
        self.panel.say("")
        self.session_decisions = []
        self.last_decision_id = None
        self.issued_decision_id = None
        self.history_data = HouseholdHistory()
        for box in self.proofs.values():
            box.setChecked(False)
        self.members.cancel_edit(focus=False)
        for section in (self.members, self.incomes, self.notices, self.address):
            section.errors.clear()
        for field in (self.members.family, self.members.given, self.members.birth,
                      self.incomes.amount, self.notices.reference):
            field.clear()
        self.tabs.setCurrentIndex(0)

    def is_dirty(self) -> bool:
        """Something on the screen that is not saved."""
        draft = self.editor.draft
        return (draft.is_new and draft.has_content()) or self.members.pending() \
            or self.incomes.pending() or self.notices.pending() or self.address.pending()

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
        """Save what is on the screen: typed entries not yet added or corrected, a new
        household, a move; stops at the first entry that cannot be taken."""
        if self.members.pending() and not self.members.submit():
            return False
        if self.incomes.pending() and not self.incomes.add_income():
            return False
        if self.notices.pending() and not self.notices.add_notice():
            return False
        if self.editor.draft.is_new:
            return self.save()
        if self.address.pending():
            return self.address.save_move()
        return True

    # -- showing ---------------------------------------------------------------------------
    def _update_title(self) -> None:
        draft = self.editor.draft
        if draft.is_new:
            self.title.setText(_tr("Neuer Antrag – neuer Haushalt (noch nicht gespeichert)"))
        else:
            applicant = draft.applicant(self.editor.today)
            name = applicant.name if applicant else ""
            self.title.setText(_tr("Haushalt Nr. %1 – %2").replace(
                "%1", str(draft.household_id)).replace("%2", name))
        self.save_button.setVisible(draft.is_new)

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

    def _not_counted_today(self) -> list[str]:
        """The incomes not counted in a decision made today on the saved draft."""
        try:
            rule_input = self.editor.draft.rule_input(self.editor.today)
        except KpassError:
            return []
        return not_counted_incomes(rule_input, self.editor.present_names())

    def _update_actions(self) -> None:
        stored = not self.editor.draft.is_new
        passes = [p for p in self.history_data.passes]
        has_pass = bool(passes)
        p = self.panel
        p.issue_button.setEnabled(self.last_decision_id not in (None, self.issued_decision_id))
        p.card_button.setEnabled(has_pass)
        p.sheet_button.setEnabled(has_pass)
        p.letter_button.setEnabled(self._latest_decision_id() is not None)
        p.form_button.setEnabled(self._latest_application_id() is not None)
        for button in (p.renew_button, p.replace_button, p.revoke_button):
            button.setEnabled(stored and has_pass)

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
        try:
            self.history_data = load_history(self.database, draft.household_id,
                                             {m.key for m in draft.members},
                                             self.session_decisions, self.editor.today)
        except KpassError as exc:
            self.banner.say(user_message(exc))
            return
        names = self.editor.present_names()
        self.history.show_history(self.history_data, names, self.editor.today)
        self.panel.set_passes(self.history_data.passes, self.editor.today)
        self._update_actions()

    # -- saving and deciding ---------------------------------------------------------------
    def save(self) -> bool:
        """Save a new household in one call (address, persons, incomes, notices)."""
        if not self.editor.draft.is_new:
            return True
        self.banner.say("")
        try:
            self.editor.save_new()
        except InvalidField as exc:
            self._show_field_error(exc)
            return False
        except KpassError as exc:
            self.banner.say(user_message(exc))
            return False
        self.panel.say(_tr("Haushalt gespeichert (Nr. %1).").replace(
            "%1", str(self.editor.draft.household_id)))
        self.refresh_history()
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
        self.banner.say(user_message(exc))

    def checked_proofs(self) -> tuple[str, ...]:
        return tuple(p for p, box in self.proofs.items() if box.isChecked())

    def decide_today(self) -> None:
        """Apply for today and decide: the stored decision replaces the preview.

        What is on the screen is saved first, so the decision never rests on other data
        than the caseworker sees."""
        if not self.save_everything():
            # the reason stands at its field on the form, which may be hidden behind the
            # Verlauf: show the form and say so where the caseworker looks
            self.tabs.setCurrentIndex(0)
            self.panel.say(_tr("Nicht entschieden: bitte zuerst die Eingaben links "
                               "vervollständigen oder leeren."))
            return
        household_id = self.editor.draft.household_id
        assert household_id is not None
        today = self.editor.today
        proofs = self.checked_proofs()
        try:
            application = apply(self.database, household_id, today, proofs=proofs, today=today)
            result = decide(self.database, application.application_id)
        except KpassError as exc:
            self.panel.say(user_message(exc))
            return
        self.last_decision_id = result.decision_id
        self.session_decisions.append(entry_of(result, "new", proofs))
        self._showing_stored = True
        self.panel.show_decision(
            result.decision, self.editor.present_names(),
            _tr("Entscheidung Nr. %1 vom %2 (gespeichert)").replace(
                "%1", str(result.decision_id)).replace("%2", format_date(today)),
            self._not_counted_today())
        eligible = result.decision.any_eligible
        self.panel.say(_tr("Entschieden. Jetzt „Pässe ausstellen“ (Alt+A).") if eligible
                       else _tr("Entschieden: niemand ist berechtigt. Bescheid drucken."))
        self.refresh_history()
        (self.panel.issue_button if eligible else self.panel.letter_button).setFocus()

    def issue(self) -> None:
        if self.last_decision_id is None:
            return
        try:
            issued = issue_passes(self.database, self.last_decision_id)
        except KpassError as exc:
            self.panel.say(user_message(exc))
            return
        names = {m.key: m.name for m in self.editor.draft.members}
        parts = []
        for i in issued:
            name = names.get(i.person_id, "")
            if i.action == "none":
                parts.append(_tr("%1 hat schon einen Pass bis %2").replace("%1", name).replace(
                    "%2", format_month(i.held_until)))
            else:
                parts.append(_tr("%1: Pass %2 bis %3").replace("%1", name).replace(
                    "%2", i.number or "").replace("%3", format_month(i.valid_until)))
                if i.type_changed and i.previous_type is not None:
                    parts[-1] += " (" + type_change_text(i.previous_type, i.pass_type) + ")"
        self.panel.say(_tr("Ausgestellt – %1.").replace("%1", "; ".join(parts)) if parts
                       else _tr("Kein Pass auszustellen."))
        self.issued_decision_id = self.last_decision_id
        self.refresh_history()
        first = next((i.number for i in issued if i.number), None)
        if first is not None:
            self.panel.passes.setCurrentIndex(max(self.panel.passes.findData(first), 0))
        self.panel.card_button.setFocus()

    # -- printing --------------------------------------------------------------------------
    def _show_pdf(self, pdf: Path, title: str) -> PreviewDialog:
        self.panel.say(_tr("PDF gespeichert: %1").replace("%1", str(pdf)))
        dialog = PreviewDialog(pdf, title, self)
        self.preview_windows.append(dialog)
        dialog.show()
        return dialog

    def print_card(self) -> PreviewDialog | None:
        number = self.panel.chosen_pass()
        if number is None:
            return None
        try:
            pdf = print_outbox.print_cards(self.database, [number])
        except KpassError as exc:
            self.panel.say(user_message(exc))
            return None
        return self._show_pdf(pdf, _tr("Karte %1").replace("%1", number))

    def print_sheet(self) -> PreviewDialog | None:
        numbers = [p.number for p in self.history_data.passes if p.status == "active"]
        if not numbers:
            return None
        try:
            pdf = print_outbox.print_cards(self.database, numbers, sheet=True)
        except KpassError as exc:
            self.panel.say(user_message(exc))
            return None
        return self._show_pdf(pdf, _tr("Kartenbogen"))

    def print_letter(self) -> PreviewDialog | None:
        decision_id = self._latest_decision_id()
        if decision_id is None:
            return None
        try:
            pdf = print_outbox.print_decision_letter(self.database, decision_id)
        except KpassError as exc:
            self.panel.say(user_message(exc))
            return None
        return self._show_pdf(pdf, _tr("Bescheid %1").replace("%1", str(decision_id)))

    def print_application_form(self) -> PreviewDialog | None:
        application_id = self._latest_application_id()
        if application_id is None:
            return None
        try:
            pdf = print_outbox.print_application_form(self.database, application_id)
        except KpassError as exc:
            self.panel.say(user_message(exc))
            return None
        return self._show_pdf(pdf, _tr("Antrag %1").replace("%1", str(application_id)))

    # -- passes ----------------------------------------------------------------------------
    def renew(self) -> None:
        number = self.panel.chosen_pass()
        if number is None:
            return
        try:
            result = renew_pass(self.database, number, self.editor.today,
                                today=self.editor.today)
        except KpassError as exc:
            self.panel.say(user_message(exc))
            return
        self.last_decision_id = result.decision.decision_id
        self.session_decisions.append(entry_of(result.decision, "renewal", ()))
        held = result.holder_pass
        until = held.valid_until if held else None
        message = _tr("Pass %1 verlängert bis %2.").replace("%1", number).replace(
            "%2", format_month(until)) if until else \
            _tr("Verlängerung entschieden; kein neuer Zeitraum (nicht mehr berechtigt).")
        if held is not None and held.type_changed and held.previous_type is not None:
            message += " " + type_change_text(held.previous_type, held.pass_type) + "."
        self.panel.say(message)
        self.refresh_history()

    def ask_replace(self) -> None:
        number = self.panel.chosen_pass()
        if number is None:
            return
        answer = dialogs.ask_reason(self, _tr("Ersatzausweis"),
                                    _tr("Ersatz für Pass %1 (neue Nummer, gleiche "
                                        "Gültigkeit):").replace("%1", number),
                                    day=self.editor.today)
        if answer is not None:
            self.replace(number, *answer)

    def replace(self, number: str, on: date, reason: str) -> None:
        try:
            new = replace_pass(self.database, number, on, reason, today=self.editor.today)
        except KpassError as exc:
            self.panel.say(user_message(exc))
            return
        self.panel.say(_tr("Ersatzausweis %1 ausgestellt; Pass %2 ist ab %3 ungültig.")
                       .replace("%1", new.number or "").replace("%2", number)
                       .replace("%3", format_date(on)))
        self.refresh_history()
        self.panel.passes.setCurrentIndex(max(self.panel.passes.findData(new.number), 0))

    def ask_revoke(self) -> None:
        number = self.panel.chosen_pass()
        if number is None:
            return
        answer = dialogs.ask_reason(self, _tr("Pass sperren"),
                                    _tr("Pass %1 sperren ab:").replace("%1", number),
                                    day=self.editor.today)
        if answer is not None:
            self.revoke(number, *answer)

    def revoke(self, number: str, on: date, reason: str) -> None:
        try:
            revoke_pass(self.database, number, on, reason, today=self.editor.today)
        except KpassError as exc:
            self.panel.say(user_message(exc))
            return
        if on > self.editor.today:
            self.panel.say(_tr("Pass %1 wird ab %2 gesperrt; bis dahin bleibt er gültig.")
                           .replace("%1", number).replace("%2", format_date(on)))
        else:
            self.panel.say(_tr("Pass %1 ist ab %2 gesperrt.").replace("%1", number).replace(
                "%2", format_date(on)))
        self.refresh_history()

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
        try:
            self.editor.end_member(key, until, "died" if reason == "died" else "moved_out")
        except ConcurrentChange:
            return
        except KpassError as exc:
            self.members.error.say(user_message(exc))

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
        try:
            self.editor.change_role(key, role, since)
        except ConcurrentChange:
            return False
        except KpassError as exc:
            self.members.error.say(user_message(exc))
            self.members.table.setFocus()
            return False
        self.members.table.setFocus()
        return True

    def ask_end_income(self, key: int) -> None:
        if key < 0:
            self.editor.end_income(key, self.editor.today)
            return
        answer = dialogs.ask_reason(self, _tr("Einkommen beenden"),
                                    _tr("Letzter Tag, für den das Einkommen gezahlt wird:"),
                                    {"ended": _tr("Einkommen entfällt")},
                                    day=self.editor.today)
        if answer is not None:
            try:
                self.editor.end_income(key, answer[0])
            except ConcurrentChange:
                return
            except KpassError as exc:
                self.incomes.error.say(user_message(exc))

    def choose_photo(self, key: int) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, _tr("Lichtbild wählen"), "", _tr("Bilder (*.jpg *.jpeg *.png)"))
        if path:
            self.import_photo(key, Path(path))

    def import_photo(self, key: int, path: Path) -> bool:
        """Crop the image in ``path`` to 35:45 and store it for the person."""
        try:
            image = load_passport_photo(path)
            self.editor.set_photo(key, image)
        except PhotoError:
            self.members.error.say(_tr("Die Datei %1 ist kein lesbares Bild.").replace(
                "%1", path.name))
            return False
        except KpassError as exc:
            self.members.error.say(user_message(exc))
            return False
        self.members.error.say("")
        return True
