"""The household editor's answers to a likely duplicate: a different person, or the
registered one taken over or moving in.

Mixed into :class:`~kpass.ui.household.editor.HouseholdEditor`; kept apart because these
actions follow only from a refusal when saving (the page's duplicate questions), not from
editing a person.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kpass.services.household import (
    AddIncome,
    AddMember,
    AddNotice,
    ChangeRole,
    CorrectIncome,
    DuplicateCandidate,
    EndMembership,
    HouseholdChange,
    MemberInput,
    MovePersonIn,
    SetPhoto,
    UpdatePerson,
    check_date,
    check_role,
)
from kpass.ui.household.draft import DraftMember
from kpass.ui.household.person_edits import NEW_MEMBER

if TYPE_CHECKING:
    from decimal import Decimal

    from PySide6.QtCore import SignalInstance

    from kpass.ui.household.draft import HouseholdDraft


def _tr(text: str) -> str:
    # the editor's own context: these texts were the editor's ``self.tr`` before
    return QCoreApplication.translate("HouseholdEditor", text)


class DuplicateEdits:
    """Mixed into :class:`~kpass.ui.household.editor.HouseholdEditor` (a ``QObject``)."""

    if TYPE_CHECKING:
        today: date
        draft: HouseholdDraft
        changes: list[HouseholdChange]
        _registered: dict[int, DraftMember]
        changed: SignalInstance

        def _propose(self, changes: list[HouseholdChange], why: str | None = None) -> None: ...
        def _record(self, change: HouseholdChange, why: str | None = None) -> None: ...
        def _replace_change(self, old: HouseholdChange, new: HouseholdChange | None,
                            why: str | None = None) -> None: ...
        def _add_member_change(self, key: int) -> AddMember: ...
        def _refuse_draft_applicant(self, key: int, role: str) -> None: ...
        def add_income(self, person_key: int, kind: str, amount: Decimal, period: str,
                       valid_from: date) -> None: ...
        def save_new(self) -> int: ...
        def save_changes(self) -> int: ...

    def mark_distinct(self, key: int, reason: str) -> None:
        """A person not saved yet is a different person than the registered one(s) the check
        named, for ``reason`` (recorded when the household is saved)."""
        if self.draft.is_new:
            self.draft.member(key).distinct_from_reason = reason
            return
        if key > 0:
            update = next(c for c in self.changes
                          if isinstance(c, UpdatePerson) and c.person_id == key)
            self._replace_change(update, replace(update, person=replace(
                update.person, distinct_from_reason=reason)))
            return
        added = self._add_member_change(key)
        person = added.member.person
        assert person is not None
        self._replace_change(added, replace(added, member=MemberInput.new(
            replace(person, distinct_from_reason=reason), added.member.role)))

    def take_over(self, key: int, candidate: DuplicateCandidate, role: str) -> None:
        """A new household's person not saved yet is the registered ``candidate`` (who lives
        in no household): the household is saved with that person instead of a new one."""
        member = self.draft.member(key)
        self._refuse_draft_applicant(key, check_role(NEW_MEMBER, role))
        member.registered_id = candidate.person_id
        member.family_name, member.given_names = candidate.family_name, candidate.given_names
        member.birth_date, member.role = candidate.birth_date, role
        member.distinct_from_reason = None
        self.changed.emit()

    def move_person_here(self, candidate: DuplicateCandidate, role: str, since: date) -> None:
        """The registered ``candidate`` moves into this stored household on ``since`` (their
        membership so far ends the day before, kept in the history) — when saved."""
        role = check_role(NEW_MEMBER, role)
        since = check_date(NEW_MEMBER, "since", since)
        if any(m.key == candidate.person_id for m in self.draft.members):
            raise NEW_MEMBER.fail("person_id", "already belongs to the household",
                                  "gehört bereits zum Haushalt")
        self._refuse_draft_applicant(candidate.person_id, role)
        self._registered[candidate.person_id] = DraftMember(
            candidate.person_id, candidate.family_name, candidate.given_names,
            candidate.birth_date, role)
        self._record(MovePersonIn(candidate.person_id, role, since))

    def replace_with_move(self, key: int, candidate: DuplicateCandidate, role: str,
                          since: date) -> None:
        """The person typed as ``key`` (not saved yet) is the registered ``candidate``, who
        moves in instead; the incomes typed for them follow."""
        index = self.changes.index(self._add_member_change(key))
        self._registered[candidate.person_id] = DraftMember(
            candidate.person_id, candidate.family_name, candidate.given_names,
            candidate.birth_date, role)
        changes = list(self.changes)
        changes[index] = MovePersonIn(candidate.person_id, role, since)
        self._propose([_renamed(c, key, candidate.person_id) for c in changes])

    def why_not_saved_first(self, key: int) -> str | None:
        """Why a new household cannot be saved without person ``key`` (so that the
        registered person moves in afterwards), in German; None when it can."""
        member = self.draft.member(key)
        others = [m for m in self.draft.members if m.key != key]
        if member.role == "applicant" or not any(m.role == "applicant" for m in others):
            return _tr(
                "%1 soll hier Antragsteller/in sein, lebt aber noch im Haushalt %2. Bitte "
                "dort zuerst austragen („Haushalt dieser Person öffnen“, „Austragen …“) und "
                "hier erneut speichern: dann wird die registrierte Person übernommen.")
        if any(key in n.person_keys for n in self.draft.notices):
            return _tr(
                "Ein Bescheid nennt %1. Bitte den Haushalt erst ohne diesen Bescheid "
                "speichern, dann die Person umziehen und den Bescheid erfassen.")
        return None

    def save_new_moving_in(self, key: int, candidate: DuplicateCandidate, role: str,
                           since: date) -> None:
        """Save the new household without person ``key`` (typed anew), then move the
        registered ``candidate`` in with their incomes typed here — in a second save, so
        that the draft stays as it was when the first fails."""
        kept = (self.draft.members, self.draft.incomes)
        incomes = [i for i in self.draft.incomes if i.person_key == key]
        self.draft.members = [m for m in self.draft.members if m.key != key]
        self.draft.incomes = [i for i in self.draft.incomes if i.person_key != key]
        try:
            self.save_new()
        except Exception:
            self.draft.members, self.draft.incomes = kept
            self.changed.emit()
            raise
        self.move_person_here(candidate, role, since)
        for income in incomes:
            self.add_income(candidate.person_id, income.kind, income.amount, income.period,
                            income.valid_from)
        self.save_changes()


def _renamed(change: HouseholdChange, old: int, new: int) -> HouseholdChange:
    """``change`` with person key ``old`` replaced by ``new``."""
    if isinstance(change, (AddIncome, CorrectIncome)) and change.income.person_ref == old:
        return replace(change, income=replace(change.income, person_ref=new))
    if isinstance(change, (EndMembership, ChangeRole, SetPhoto)) and change.person == old:
        return replace(change, person=new)
    if isinstance(change, AddNotice) and old in change.notice.person_refs:
        refs = tuple(new if k == old else k for k in change.notice.person_refs)
        return replace(change, notice=replace(change.notice, person_refs=refs))
    return change
