"""The household page's pass actions: issue, renew, replace, revoke.

They act on the pass of the person selected in the person table, and every question names
that person (name, birth date) and the pass (type, number, validity, state) before anything
is done. A likely duplicate holding a pass stops issuing and renewing until the caseworker
records that the two are different people or opens the other household.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QTabWidget, QWidget

from kpass.services.applications import renewal_possible_from
from kpass.services.household import DuplicatePassHolder, member_key, record_distinction
from kpass.services.passes import (
    IssuedPass,
    RenewalResult,
    issue_passes,
    renew_passes,
    replace_pass,
    revoke_pass,
)
from kpass.ui.common import dialogs
from kpass.ui.common.labels import pass_status_text, pass_type_text
from kpass.ui.common.run_service import run_service
from kpass.ui.household import duplicate_dialogs
from kpass.ui.household.history_source import DecisionEntry, PassEntry, entry_of
from kpass.ui.household.history_tab import type_change_text
from kpass.ui.translation import user_message
from kpass.vocabulary import format_date, format_month

if TYPE_CHECKING:
    from kpass.services import Database
    from kpass.ui.household.decision_panel import DecisionPanel
    from kpass.ui.household.editor import HouseholdEditor
    from kpass.ui.household.history_source import HouseholdHistory
    from kpass.ui.household.sections.members import MemberSection


def _tr(text: str) -> str:
    return QCoreApplication.translate("HouseholdPage", text)


class PassActions:
    """Mixed into :class:`~kpass.ui.household.page.HouseholdPage` (a ``QWidget``)."""

    if TYPE_CHECKING:
        database: Database
        editor: HouseholdEditor
        panel: DecisionPanel
        members: MemberSection
        history_data: HouseholdHistory
        session_decisions: list[DecisionEntry]
        last_decision_id: int | None
        issued_decision_id: int | None
        last_decision_eligible: bool
        _showing_stored: bool
        open_person: SignalInstance

        tabs: QTabWidget

        def refresh_history(self) -> None: ...
        def save_everything(self) -> bool: ...
        def _issuable_decision_id(self) -> int | None: ...
        def _not_counted_today(self) -> list[str]: ...
        def show_education_hint_today(self) -> None: ...

    def _parent(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def issue(self) -> None:
        decision_id = self._issuable_decision_id()
        if decision_id is None:
            return
        done = run_service(lambda: issue_passes(self.database, decision_id),
                           self.panel.show_error)
        if not done:
            if isinstance(done.error, DuplicatePassHolder):
                self._duplicate_holder(done.error,
                                       _tr("Jetzt erneut „Pässe ausstellen“ (Alt+A)."))
                self.panel.issue_button.setFocus()
            return
        issued = done.result()
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
        if parts:
            self.panel.say(_tr("Ausgestellt – %1.").replace("%1", "; ".join(parts)), "success")
        else:
            self.panel.say(_tr("Kein Pass auszustellen."), "warning")
        # a confirmed decision issued after the household was opened again becomes the
        # session's decision: the button is done with it
        self.last_decision_id = self.issued_decision_id = decision_id
        self.refresh_history()
        if self.panel.chosen_entry() is None:
            # the selected person got no pass: select the first who got one
            first = next((i.person_id for i in issued if i.number), None)
            if first is not None:
                self.members.select_person(first)
        self.panel.card_button.setFocus()

    def renewal_choices(self) -> list[dialogs.RenewalChoice]:
        """Each person's current pass (a replaced card is history), in the order of the
        person table; due when in its expiry month or past it and neither revoked nor
        replaced, and its holder still lives in the household."""
        latest: dict[int, PassEntry] = {}
        for entry in self.history_data.passes:
            if entry.status == "replaced":
                continue
            held = latest.get(entry.person_id)
            if held is None or (entry.valid_until, entry.valid_from, entry.number) > (
                    held.valid_until, held.valid_from, held.number):
                latest[entry.person_id] = entry
        order: dict[int, int] = {}
        for row, member in enumerate(self.editor.draft.members):
            order.setdefault(member.key, row)
        selected = self.members.selected_key()
        choices = []
        for person_id, entry in sorted(latest.items(), key=lambda item: (
                order.get(item[0], len(order)), item[1].number)):
            why = self._why_not_renewable(entry)
            choices.append(dialogs.RenewalChoice(
                entry.number, self._person_text(person_id, entry.name), self._pass_text(entry),
                not why, why, person_id == selected))
        return choices

    def _why_not_renewable(self, entry: PassEntry) -> str:
        today = self.editor.today
        if entry.revoked_on is not None:
            return _tr("nicht verlängerbar (%1)").replace(
                "%1", pass_status_text(entry.status, entry.revoked_on, today))
        if not any(m.key == entry.person_id and m.present_on(today)
                   for m in self.editor.draft.members):
            return _tr("nicht mehr im Haushalt")
        possible = renewal_possible_from(entry.valid_until)
        if today < possible:
            return _tr("noch nicht fällig (verlängerbar ab %1)").replace(
                "%1", format_date(possible))
        return ""

    def renew(self) -> None:
        """Ask which of the household's passes to renew (those due are ticked), then renew
        them in one decision.

        What is on the screen is saved first (as for "Entscheiden"): a renewal never rests
        on other incomes or notices than the caseworker sees."""
        if not self.save_everything():
            self.tabs.setCurrentIndex(0)
            self.panel.say(_tr("Nicht verlängert: bitte zuerst die Eingaben links "
                               "vervollständigen oder leeren."), "error")
            return
        choices = self.renewal_choices()
        if not any(c.due for c in choices):
            why = "; ".join(f"{c.person} – {c.pass_text}: {c.why_not}" for c in choices)
            self.panel.say(_tr("Kein Pass ist zur Verlängerung fällig – %1.").replace("%1", why)
                           if choices else _tr("Der Haushalt hat keinen Pass."), "error")
            return
        numbers = dialogs.ask_renewal(self._parent(), choices)
        if numbers:
            self.renew_chosen(numbers)

    def renew_chosen(self, numbers: list[str]) -> None:
        """Renew the passes ``numbers``: one application and decision for the household;
        the stored decision is shown, and each renewed person named."""
        today = self.editor.today
        entries = {e.number: e for e in self.history_data.passes}
        done = run_service(lambda: renew_passes(self.database, numbers, today, today=today),
                           self.panel.show_error)
        if not done:
            if isinstance(done.error, DuplicatePassHolder):
                self._duplicate_holder(done.error, _tr("Jetzt erneut „Verlängern“."))
                self.panel.renew_button.setFocus()
            return
        result = done.result()
        decision_id = result.decision.decision_id
        waits = result.decision.approval is not None  # four-eyes rule: issued after it
        self.last_decision_id = decision_id
        self.issued_decision_id = None if waits else decision_id  # issued already
        self.last_decision_eligible = result.decision.decision.any_eligible
        self.session_decisions.append(entry_of(result.decision, "renewal", ()))
        self._showing_stored = True
        self.panel.show_decision(
            result.decision.decision, self.editor.present_names(),
            _tr("Verlängerung: Entscheidung Nr. %1 vom %2 (gespeichert)").replace(
                "%1", str(decision_id)).replace("%2", format_date(today)),
            self._not_counted_today())
        self.show_education_hint_today()
        renewed = {member_key(i.person_id) for i in result.issued if i.action != "none"}
        self.panel.note_without_pass(set(self.panel.member_ids) - renewed,
                                     _tr("wartet auf Freigabe") if waits
                                     else _tr("nicht verlängert"))
        if waits:
            self.panel.say(_tr("Verlängerung entschieden; sie wartet auf Freigabe durch die "
                               "Leitung. Nach der Freigabe verlängert „Pässe ausstellen“ die "
                               "Pässe."), "warning")
        else:
            self.panel.say(*self._renewal_message(numbers, entries, result))
        self.refresh_history()

    def _renewal_message(self, numbers: list[str], entries: dict[str, PassEntry],
                         result: RenewalResult) -> tuple[str, Literal["success", "warning"]]:
        issued = {i.person_id: i for i in result.issued}
        renewed: list[tuple[str, IssuedPass]] = []
        refused: list[str] = []
        for number in numbers:
            entry = entries.get(number)
            name = entry.name if entry else number
            held = issued.get(entry.person_id) if entry else None
            if held is not None and held.action != "none" and held.valid_until is not None:
                renewed.append((name, held))
            else:
                refused.append(name)

        def changed(held: IssuedPass) -> str:
            if held.type_changed and held.previous_type is not None:
                return type_change_text(held.previous_type, held.pass_type)
            return ""

        if len(renewed) == 1 and not refused:
            name, held = renewed[0]
            message = _tr("Pass %1 verlängert bis %2 (%3).").replace(
                "%1", held.number or "").replace("%2", format_month(held.valid_until)).replace(
                "%3", name)
            if changed(held):
                message += " " + changed(held) + "."
            return message, "success"
        parts = []
        for name, held in renewed:
            part = _tr("%1: Pass %2 bis %3").replace("%1", name).replace(
                "%2", held.number or "").replace("%3", format_month(held.valid_until))
            parts.append(part + (f" ({changed(held)})" if changed(held) else ""))
        message = _tr("Verlängert – %1.").replace("%1", "; ".join(parts)) if parts else \
            _tr("Verlängerung entschieden.")
        if refused:
            message += " " + _tr("Nicht verlängert (nicht mehr berechtigt): %1.").replace(
                "%1", ", ".join(refused))
            return message, "warning"
        return message, "success"

    def ask_replace(self) -> None:
        entry = self.panel.chosen_entry()
        if entry is None:
            return
        answer = dialogs.ask_reason(self._parent(), _tr("Ersatzausweis"), self._pass_details(entry)
                                    + "\n\n" + _tr("Ersatzausweis für diesen Pass (neue "
                                                   "Nummer, gleiche Gültigkeit) ab:"),
                                    day=self.editor.today)
        if answer is not None:
            self.replace(entry.number, *answer)

    def replace(self, number: str, on: date, reason: str) -> None:
        done = run_service(lambda: replace_pass(self.database, number, on, reason,
                                                today=self.editor.today),
                           self.panel.show_error)
        if not done:
            return
        new = done.result()
        self.panel.say(_tr("Ersatzausweis %1 ausgestellt; Pass %2 ist ab %3 ungültig.")
                       .replace("%1", new.number or "").replace("%2", number)
                       .replace("%3", format_date(on)), "success")
        self.refresh_history()
        self.members.select_person(new.person_id)
        self.panel.passes.setCurrentIndex(max(self.panel.passes.findData(new.number), 0))

    def ask_revoke(self) -> None:
        entry = self.panel.chosen_entry()
        if entry is None:
            return
        answer = dialogs.ask_reason(self._parent(), _tr("Pass sperren"), self._pass_details(entry)
                                    + "\n\n" + _tr("Diesen Pass sperren ab:"),
                                    day=self.editor.today)
        if answer is not None:
            self.revoke(entry.number, *answer)

    def revoke(self, number: str, on: date, reason: str) -> None:
        if not run_service(lambda: revoke_pass(self.database, number, on, reason,
                                               today=self.editor.today),
                           self.panel.show_error):
            return
        if on > self.editor.today:
            self.panel.say(_tr("Pass %1 wird ab %2 gesperrt; bis dahin bleibt er gültig.")
                           .replace("%1", number).replace("%2", format_date(on)), "success")
        else:
            self.panel.say(_tr("Pass %1 ist ab %2 gesperrt.").replace("%1", number).replace(
                "%2", format_date(on)), "success")
        self.refresh_history()

    def _duplicate_holder(self, exc: DuplicatePassHolder, again: str) -> None:
        """Issuing or renewing refused: a likely duplicate holds a pass. Record the two as
        different persons (then ``again`` says how to try once more), or open the other's
        household."""
        message = user_message(exc)  # already shown in the panel
        member = next((m for m in self.editor.draft.members if m.key == exc.person_id), None)
        person = duplicate_dialogs.person_text(member.given_names, member.family_name,
                                               member.birth_date) if member else \
            _tr("Nr. %1").replace("%1", str(exc.person_id))
        other = exc.candidate
        other_text = duplicate_dialogs.person_text(other.given_names, other.family_name,
                                                   other.birth_date)
        answer = duplicate_dialogs.ask_duplicate_holder(self._parent(), message, person, other_text,
                                                        other.household_id is not None)
        if answer is None:
            return
        if answer.action == "open":
            assert other.household_id is not None
            self.open_person.emit(other.household_id, other.person_id)
            return
        if not run_service(lambda: record_distinction(
                self.database, exc.person_id, exc.other_person_id, answer.reason),
                self.panel.show_error):
            return
        self.panel.say(_tr("Vermerkt: %1 und %2 sind verschiedene Personen. %3")
                       .replace("%1", person).replace("%2", other_text).replace("%3", again),
                       "success")

    def _person_text(self, person_id: int, name: str) -> str:
        """"Anna-Lena Müller, geb. 12.03.1980" (the name alone for a person not in the
        household any more)."""
        member = next((m for m in self.editor.draft.members if m.key == person_id), None)
        if member is None:
            return name
        return _tr("%1, geb. %2").replace("%1", member.name).replace(
            "%2", format_date(member.birth_date))

    def _pass_text(self, entry: PassEntry) -> str:
        """"Karlsruher Pass KA-100480-90, gültig vom 01.04.2026 bis 31.03.2027 (gültig)"."""
        return (_tr("%1 %2, gültig vom %3 bis %4 (%5)")
                .replace("%1", pass_type_text(entry.pass_type)).replace("%2", entry.number)
                .replace("%3", format_date(entry.valid_from))
                .replace("%4", format_date(entry.valid_until))
                .replace("%5", pass_status_text(entry.status, entry.revoked_on,
                                                self.editor.today)))

    def _pass_details(self, entry: PassEntry) -> str:
        """Whose pass and which: the lines every question about a pass begins with."""
        return self._person_text(entry.person_id, entry.name) + "\n" + self._pass_text(entry)
