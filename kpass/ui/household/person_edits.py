"""The household editor's actions on its persons: add, correct, change the role, end, photo.

Mixed into :class:`~kpass.ui.household.editor.HouseholdEditor`, which keeps the draft and the
list of changes; kept apart so that the editor module holds loading and saving, and this one
what a caseworker does to one person. A new household's person is edited in the draft
directly, a stored household's as a change that the services' rules check at once.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from kpass.services import household as editing
from kpass.services.household import (
    PERSON,
    ROLE_LABELS,
    AddMember,
    AddNotice,
    ChangeRole,
    CorrectNotice,
    EndMembership,
    HouseholdChange,
    MemberInput,
    MovePersonIn,
    PersonInput,
    Place,
    SetPhoto,
    UpdatePerson,
    check_date,
    check_end,
    check_member,
    check_person,
    check_role,
)
from kpass.ui.household import pending
from kpass.ui.household.draft import DraftMember

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from kpass.ui.household.draft import HouseholdDraft

NEW_MEMBER = Place("member", "Person hinzufügen", "Adding a person")
ROLE_CHANGE = Place("", "Rolle wechseln", "Changing the role")


def _tr(text: str) -> str:
    # the editor's own context: these texts were the editor's ``self.tr`` before
    return QCoreApplication.translate("HouseholdEditor", text)


class PersonEdits:
    """Mixed into :class:`~kpass.ui.household.editor.HouseholdEditor` (a ``QObject``)."""

    if TYPE_CHECKING:
        today: date
        draft: HouseholdDraft
        stored: HouseholdDraft
        changes: list[HouseholdChange]
        _registered: dict[int, DraftMember]
        changed: SignalInstance

        def new_key(self) -> int: ...
        def _propose(self, changes: list[HouseholdChange], why: str | None = None) -> None: ...
        def _record(self, change: HouseholdChange, why: str | None = None) -> None: ...
        def _replace_change(self, old: HouseholdChange, new: HouseholdChange | None,
                            why: str | None = None) -> None: ...
        def _add_member_change(self, key: int) -> AddMember: ...

    def add_member(self, person: PersonInput, role: str) -> int:
        """Add a person; returns the person's key (negative while unsaved). A likely
        duplicate of a registered person is refused at once (and again when saving)."""
        checked = check_member(NEW_MEMBER, MemberInput.new(person, role), self.today)
        assert checked is not None
        if role == "applicant" and self.draft.applicant(self.today) is not None:
            raise NEW_MEMBER.fail("role", "is already given", "„Antragsteller/in“ ist "
                                  "schon vergeben; bitte eine andere Rolle wählen")
        if self.draft.is_new:
            key = self.draft.new_key()
            self.draft.members.append(DraftMember(
                key, checked.family_name, checked.given_names, checked.birth_date, role,
                checked.disability, checked.foster_child, checked.sex,
                salutation=checked.salutation))
            self.changed.emit()
            return key
        key = self.new_key()
        self._record(AddMember(key, MemberInput.new(checked, role), self.today))
        return key

    def update_person(self, key: int, person: PersonInput, role: str | None = None) -> None:
        """Correct a person's data (names, birth date, marks, salutation; the sex is kept as
        stored). ``role`` is changed only for a person not saved yet (a stored person's role
        changes from a day on: :meth:`change_role`)."""
        member = self.draft.member(key)
        person = check_person(PERSON, replace(person, sex=member.sex), self.today)
        if role is not None and key < 0:
            self._refuse_draft_applicant(key, check_role(PERSON, role))
        if self.draft.is_new:
            self._update_new_household_person(member, person, role)
            return
        if key < 0:
            added = self._add_member_change(key)
            self._replace_change(added, replace(added, member=MemberInput.new(
                person, role or added.member.role)))
            return
        why = _tr(
            "Jemand anderes hat die Daten von %1 inzwischen geändert. Die aktuelle Fassung "
            "steht in der Tabelle; bitte die Eingabe prüfen und erneut übernehmen.") \
            .replace("%1", member.name)
        earlier = next((c for c in self.changes
                        if isinstance(c, UpdatePerson) and c.person_id == key), None)
        if earlier is not None:
            self._replace_change(earlier, replace(earlier, person=person), why)
        else:
            self._record(UpdatePerson(key, self.stored.member(key).person_version, person),
                         why)

    def _update_new_household_person(self, member: DraftMember, person: PersonInput,
                                     role: str | None) -> None:
        if role is not None:
            member.role = role
        if (person.family_name, person.given_names, person.birth_date) != (
                member.family_name, member.given_names, member.birth_date):
            # another person now: taken over or told apart afresh when saved
            member.registered_id = None
            member.distinct_from_reason = person.distinct_from_reason
        pending.set_person(member, person)
        self.changed.emit()

    def change_role(self, key: int, role: str, since: date) -> None:
        """The person's role from ``since`` on (stored: the old role stays on record until
        the day before; not yet saved: simply the role)."""
        role = check_role(ROLE_CHANGE, role)
        if key < 0:
            self._refuse_draft_applicant(key, role)
            member = self.draft.member(key)
            if member.role == role:
                raise ROLE_CHANGE.fail("role", f"is already {role}",
                                       f"ist bereits „{ROLE_LABELS[role]}“")
            if self.draft.is_new:
                member.role = role
                self.changed.emit()
                return
            added = self._add_member_change(key)
            self._replace_change(added, replace(added, member=replace(added.member,
                                                                      role=role)))
            return
        since = check_date(ROLE_CHANGE, "since", since)
        if self.draft.membership_on(key, since).role == role:
            raise ROLE_CHANGE.fail("role", f"is already {role}",
                                   f"ist bereits „{ROLE_LABELS[role]}“")
        self._record(ChangeRole(key, role, since))

    def _refuse_draft_applicant(self, key: int, role: str) -> None:
        if role == "applicant" and any(
                m.role == "applicant" and m.key != key and m.present_on(self.today)
                for m in self.draft.members):
            raise ROLE_CHANGE.fail("role", "is already given", "„Antragsteller/in“ ist "
                                   "schon vergeben; bitte zuerst die Rolle der bisherigen "
                                   "Person ändern")

    def end_member(self, key: int, until: date, reason: editing.EndReason) -> None:
        """A stored person leaves (or died) on ``until``; a person not saved yet is simply
        taken off the screen with everything typed for them."""
        if key < 0:
            if self.draft.is_new:
                self.draft.members = [m for m in self.draft.members if m.key != key]
                self.draft.incomes = [i for i in self.draft.incomes if i.person_key != key]
                for notice in self.draft.notices:
                    notice.person_keys = tuple(k for k in notice.person_keys if k != key)
                self.changed.emit()
                return
            self._propose([_without_person(c, key) for c in self.changes
                           if not pending.refers_to(c, key)])
            return
        if key in self._registered and any(isinstance(c, MovePersonIn) and c.person_id == key
                                           for c in self.changes):
            self._propose([c for c in self.changes if not (
                isinstance(c, MovePersonIn) and c.person_id == key) and not
                pending.refers_to(c, key)])
            return
        check_end(until, reason, self.today)
        self._record(EndMembership(key, until, reason))

    def set_photo(self, key: int, image: bytes) -> None:
        if self.draft.is_new:
            member = self.draft.member(key)
            member.photo = image
            member.has_photo = True
            self.changed.emit()
            return
        self._propose([*(c for c in self.changes
                         if not (isinstance(c, SetPhoto) and c.person == key)),
                       SetPhoto(key, image)])


def _without_person(change: HouseholdChange, key: int) -> HouseholdChange:
    """``change`` no longer naming person ``key`` (a notice keeps the others)."""
    if isinstance(change, (AddNotice, CorrectNotice)) and key in change.notice.person_refs:
        refs = tuple(k for k in change.notice.person_refs if k != key)
        return replace(change, notice=replace(change.notice, person_refs=refs))
    return change
