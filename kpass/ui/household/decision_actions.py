"""The household page's decision side: the preview for today, deciding (Ctrl+Return), and
which of the panel's buttons can act.

Mixed into :class:`~kpass.ui.household.page.HouseholdPage`; the decision panel shows, this
module decides what it shows: the rules' preview of the draft while typing, the stored
decision after "Entscheiden", and the person whose pass the pass buttons act on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kpass.errors import KpassError
from kpass.services.applications import apply, decide, education_hint
from kpass.services.approvals import ApprovalView, decision_approval
from kpass.services.household import InvalidField, check_place
from kpass.ui.approvals.texts import reason_text
from kpass.ui.common import dialogs
from kpass.ui.common.run_service import run_service
from kpass.ui.household.decision_text import adults_without_income, not_counted_incomes
from kpass.ui.household.history_source import HouseholdHistory, entry_of
from kpass.ui.translation import user_message
from kpass.vocabulary import format_date

if TYPE_CHECKING:
    from PySide6.QtWidgets import QCheckBox, QTabWidget

    from kpass.services import Database
    from kpass.ui.household.decision_panel import DecisionPanel
    from kpass.ui.household.editor import HouseholdEditor
    from kpass.ui.household.history_source import DecisionEntry
    from kpass.ui.household.sections.incomes import IncomeSection
    from kpass.ui.household.sections.members import MemberSection


def _tr(text: str) -> str:
    return QCoreApplication.translate("HouseholdPage", text)


#: four-eyes states in which nothing of the decision goes out (the services refuse it too)
HELD_STATES = ("pending", "returned", "superseded")


class DecisionActions:
    """Mixed into :class:`~kpass.ui.household.page.HouseholdPage` (a ``QWidget``)."""

    # the four-eyes state of the latest decision, read again whenever the history is
    # (re)loaded or another decision becomes the latest
    approval: ApprovalView | None = None
    _approval_of: tuple[int | None, HouseholdHistory] | None = None

    if TYPE_CHECKING:
        database: Database
        editor: HouseholdEditor
        panel: DecisionPanel
        tabs: QTabWidget
        proofs: dict[str, QCheckBox]
        members: MemberSection
        incomes: IncomeSection
        history_data: HouseholdHistory
        session_decisions: list[DecisionEntry]
        last_decision_id: int | None
        issued_decision_id: int | None
        last_decision_eligible: bool
        _showing_stored: bool

        def save_everything(self) -> bool: ...
        def is_dirty(self) -> bool: ...
        def _show_field_error(self, exc: InvalidField) -> None: ...
        def refresh_history(self) -> None: ...

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

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
        self.panel.show_decision(decision, names, heading, not_counted_incomes(rule_input, names),
                                 adults_without_income(rule_input, names))
        self.panel.show_education_hint(education_hint(rule_input))

    def _place_problem(self) -> InvalidField | None:
        """What is wrong with the place of the address on the screen (a Stadtteil missing or
        unknown, no municipality); the rules would read it as "nicht berechtigt"."""
        address = self.editor.draft.address.as_input()
        try:
            check_place(address.municipality, address.stadtteil_code)
        except InvalidField as exc:
            return exc
        return None

    def show_education_hint_today(self) -> None:
        """The Bildung-und-Teilhabe note for a decision made today on the saved draft."""
        try:
            rule_input = self.editor.draft.rule_input(self.editor.today)
        except KpassError:
            self.panel.show_education_hint("")
            return
        self.panel.show_education_hint(education_hint(rule_input))

    def _not_counted_today(self) -> list[str]:
        """The incomes not counted in a decision made today on the saved draft."""
        try:
            rule_input = self.editor.draft.rule_input(self.editor.today)
        except KpassError:
            return []
        return not_counted_incomes(rule_input, self.editor.present_names())

    def _load_approval(self) -> ApprovalView | None:
        """The four-eyes state of the latest decision, shown in the panel."""
        decision_id = self._latest_decision_id()
        known = self._approval_of
        if known is None or known[0] != decision_id or known[1] is not self.history_data:
            self._approval_of = (decision_id, self.history_data)
            found = None
            if decision_id is not None:
                read = run_service(lambda: decision_approval(self.database, decision_id),
                                   self.panel.show_error)
                found = read.value if read else None
            self.approval = found
            self.panel.show_approval(found)
        return self.approval

    def decision_held(self) -> bool:
        """The latest decision waits for a supervisor, was returned or replaced: its letter,
        passes and cards do not go out."""
        approval = self._load_approval()
        return approval is not None and approval.state in HELD_STATES

    def _issuable_decision_id(self) -> int | None:
        """The decision "Pässe ausstellen" issues for: the one just made here, or — the
        household opened again — the latest one, confirmed by a supervisor since, for which
        nothing was issued yet."""
        if self.last_decision_id is not None:
            return self.last_decision_id if self.last_decision_eligible \
                and self.last_decision_id != self.issued_decision_id else None
        approval = self.approval
        decisions = self.history_data.decisions
        if approval is None or approval.state != "confirmed" or not decisions:
            return None
        latest = decisions[0]
        if latest.decision_id != approval.decision_id \
                or not any(m.get("eligible") for m in latest.output.get("members", [])) \
                or any(p.decision_id == latest.decision_id for p in self.history_data.passes):
            return None
        return latest.decision_id

    def _update_actions(self) -> None:
        stored = not self.editor.draft.is_new
        passes = self.history_data.passes
        chosen = self.panel.chosen_entry()
        p = self.panel
        held = self.decision_held()
        p.issue_button.setEnabled(not held and self._issuable_decision_id() is not None)
        p.card_button.setEnabled(chosen is not None and not held)
        p.sheet_button.setEnabled(any(e.status == "active" for e in passes) and not held)
        p.letter_button.setEnabled(self._latest_decision_id() is not None and not held)
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
        just_decided = self.last_decision_id if self.session_decisions and \
            self.last_decision_id == self.session_decisions[-1].decision_id else None
        if just_decided is not None and self._showing_stored and not self.is_dirty() \
                and not dialogs.ask_decide_again(self._widget(), just_decided):
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
        self.show_education_hint_today()
        eligible = result.decision.any_eligible
        if result.approval is not None:
            why = reason_text(result.approval.reason, result.approval.income_minus_limit)
            self.panel.say(_tr("Entschieden. Die Entscheidung wartet auf Freigabe durch die "
                               "Leitung (%1); Bescheid und Pässe erst nach der Freigabe.")
                           .replace("%1", why), "warning")
        elif eligible:
            self.panel.say(_tr("Entschieden. Jetzt „Pässe ausstellen“ (Alt+A)."), "success")
        else:
            self.panel.say(_tr("Entschieden: niemand ist berechtigt. Bescheid drucken."),
                           "warning")
        self.refresh_history()
        if result.approval is not None:
            self.panel.result_scroll.setFocus()  # the actions wait: read the decision
        else:
            (self.panel.issue_button if eligible else self.panel.letter_button).setFocus()

