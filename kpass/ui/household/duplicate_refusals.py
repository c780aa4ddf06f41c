"""The household page's questions when saving was refused because a person typed may be a
registered one: a different person, open the other household, or take them over here.

Mixed into :class:`~kpass.ui.household.page.HouseholdPage`; kept apart from saving because
each answer leads to its own path (mark as distinct, end the typed person, move the
registered one in) before saving is tried again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kpass.services.household import ROLE_LABELS, AddMember, UpdatePerson
from kpass.ui.common.labels import role_label
from kpass.ui.common.run_service import run_service
from kpass.ui.household import duplicate_dialogs
from kpass.ui.household.sections.members import move_prompt
from kpass.ui.translation import user_message

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import SignalInstance

    from kpass.errors import KpassError
    from kpass.services.household import DuplicateCandidate, InvalidField, LikelyDuplicate
    from kpass.ui.common.style import MessageBar
    from kpass.ui.household.editor import HouseholdEditor
    from kpass.ui.household.sections.members import MemberSection


def _tr(text: str) -> str:
    return QCoreApplication.translate("HouseholdPage", text)


class DuplicateRefusals:
    """Mixed into :class:`~kpass.ui.household.page.HouseholdPage` (a ``QWidget``)."""

    if TYPE_CHECKING:
        editor: HouseholdEditor
        banner: MessageBar
        members: MemberSection
        open_person: SignalInstance

        def save(self) -> bool: ...
        def save_changes(self) -> bool: ...
        def _save_new_with(self, save: Callable[[], object]) -> bool: ...
        def _show_field_error(self, exc: InvalidField) -> None: ...
        def _show_change_error(self, exc: KpassError) -> None: ...

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
        assert isinstance(self, QWidget)
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
        assert isinstance(self, QWidget)
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
        assert isinstance(self, QWidget)
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
