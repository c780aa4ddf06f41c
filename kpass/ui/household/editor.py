"""What the household page does with its draft: keep it (new household) or save each change
with one service call (stored household), and tell the widgets when it changed."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import NoReturn

from PySide6.QtCore import QObject, Signal

from kpass.errors import ConcurrentChange
from kpass.models.engine import Database
from kpass.services import household_editing as editing
from kpass.services.duplicates import DuplicateCandidate
from kpass.services.household_details import household_details
from kpass.services.household_photos import set_photo
from kpass.services.household_validation import (
    INCOME,
    NOTICE,
    PERSON,
    ROLE_LABELS,
    IncomeInput,
    InvalidField,
    MemberInput,
    NoticeInput,
    PersonInput,
    Place,
    check_address,
    check_income,
    check_member,
    check_notice,
    check_person,
    check_role,
)
from kpass.ui.household.draft import (
    DraftAddress,
    DraftIncome,
    DraftMember,
    DraftNotice,
    HouseholdDraft,
)

_NEW_MEMBER = Place("member", "Person hinzufügen", "Adding a person")
_ROLE = Place("", "Rolle wechseln", "Changing the role")


class HouseholdEditor(QObject):
    """The draft of one household and the actions on it; raises the services' errors
    (``InvalidField`` with the field to focus, ``KpassError`` otherwise) to the widgets."""

    changed = Signal()
    reloaded = Signal(str)  # why (German), e.g. after somebody else changed the household

    def __init__(self, database: Database, today: date | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.today = today or date.today()
        self.draft = HouseholdDraft()

    # -- loading ---------------------------------------------------------------------------
    def start_new(self) -> None:
        self.draft = HouseholdDraft()
        self.changed.emit()

    def load(self, household_id: int) -> None:
        details = household_details(self.database, household_id, self.today)
        self.draft = HouseholdDraft.from_details(details)
        self.changed.emit()

    def reload(self) -> None:
        if self.draft.household_id is not None:
            self.load(self.draft.household_id)

    def _stored(self, action: str) -> int:
        """The household id for a change of a stored household."""
        assert self.draft.household_id is not None, action
        return self.draft.household_id

    def _after_concurrent(self, exc: ConcurrentChange, why: str | None = None) -> NoReturn:
        self.reload()
        self.reloaded.emit(why or self.tr(
            "Jemand anderes hat diesen Haushalt inzwischen geändert. Die aktuelle Fassung "
            "wurde geladen; bitte die Eingabe prüfen und erneut speichern."))
        raise exc

    # -- persons ---------------------------------------------------------------------------
    def add_member(self, person: PersonInput, role: str) -> int:
        """Add a person; returns the person's key (id, or negative while unsaved)."""
        member = MemberInput.new(person, role)
        if self.draft.is_new:
            checked = check_member(_NEW_MEMBER, member, self.today)
            assert checked is not None
            if role == "applicant" and self.draft.applicant(self.today) is not None:
                raise _NEW_MEMBER.fail("role", "is already given", "„Antragsteller/in“ ist "
                                       "schon vergeben; bitte eine andere Rolle wählen")
            key = self.draft.new_key()
            self.draft.members.append(DraftMember(
                key, checked.family_name, checked.given_names, checked.birth_date, role,
                checked.disability, checked.foster_child, checked.sex,
                salutation=checked.salutation))
            self.changed.emit()
            return key
        try:
            saved = editing.add_member(self.database, self._stored("add_member"),
                                       self.draft.version, member, self.today,
                                       today=self.today)
        except ConcurrentChange as exc:
            self._after_concurrent(exc)
        self.reload()
        return int(saved.record_id or 0)

    def update_person(self, key: int, person: PersonInput, role: str | None = None) -> None:
        """Correct a person's data (names, birth date, marks, salutation; the sex is kept as
        stored). ``role`` is changed only for a person not saved yet (a stored person's role
        changes from a day on: :meth:`change_role`)."""
        member = self.draft.member(key)
        person = replace(person, sex=member.sex)
        if key < 0:
            checked = check_person(PERSON, person, self.today)
            if role is not None:
                self._refuse_draft_applicant(key, check_role(PERSON, role))
                member.role = role
            if (checked.family_name, checked.given_names, checked.birth_date) != (
                    member.family_name, member.given_names, member.birth_date):
                # another person now: taken over or told apart afresh when saved
                member.registered_id = None
                member.distinct_from_reason = checked.distinct_from_reason
            member.family_name, member.given_names = checked.family_name, checked.given_names
            member.birth_date = checked.birth_date
            member.disability, member.foster_child = checked.disability, checked.foster_child
            member.salutation = checked.salutation
            self.changed.emit()
            return
        try:
            editing.update_person(self.database, key, member.person_version, person,
                                  today=self.today)
        except ConcurrentChange as exc:
            self._after_concurrent(exc, self.tr(
                "Jemand anderes hat die Daten von %1 inzwischen geändert. Die aktuelle Fassung "
                "steht in der Tabelle; bitte die Eingabe prüfen und erneut speichern.")
                .replace("%1", member.name))
        self.reload()

    # -- a likely duplicate refused when saving --------------------------------------------
    def mark_distinct(self, key: int, reason: str) -> None:
        """A new household's person not saved yet is a different person than the registered
        one(s) the check named, for ``reason`` (recorded when the household is saved)."""
        self.draft.member(key).distinct_from_reason = reason

    def take_over(self, key: int, candidate: DuplicateCandidate, role: str) -> None:
        """A new household's person not saved yet is the registered ``candidate`` (who lives
        in no household): the household is saved with that person instead of a new one."""
        member = self.draft.member(key)
        self._refuse_draft_applicant(key, check_role(_NEW_MEMBER, role))
        member.registered_id = candidate.person_id
        member.family_name, member.given_names = candidate.family_name, candidate.given_names
        member.birth_date, member.role = candidate.birth_date, role
        member.distinct_from_reason = None
        self.changed.emit()

    def move_person_here(self, person_id: int, role: str, since: date) -> editing.PersonMoved:
        """A registered person moves into this stored household on ``since``; their
        membership so far ends the day before (kept in the history)."""
        try:
            moved = editing.move_person_to_household(
                self.database, person_id, self._stored("move_person"), self.draft.version,
                role, since, today=self.today)
        except ConcurrentChange as exc:
            self._after_concurrent(exc)
        self.reload()
        return moved

    def why_not_saved_first(self, key: int) -> str | None:
        """Why a new household cannot be saved without person ``key`` (so that the
        registered person moves in afterwards), in German; None when it can."""
        member = self.draft.member(key)
        others = [m for m in self.draft.members if m.key != key]
        if member.role == "applicant" or not any(m.role == "applicant" for m in others):
            return self.tr(
                "%1 soll hier Antragsteller/in sein, lebt aber noch im Haushalt %2. Bitte "
                "dort zuerst austragen („Haushalt dieser Person öffnen“, „Austragen …“) und "
                "hier erneut speichern: dann wird die registrierte Person übernommen.")
        if any(key in n.person_keys for n in self.draft.notices):
            return self.tr(
                "Ein Bescheid nennt %1. Bitte den Haushalt erst ohne diesen Bescheid "
                "speichern, dann die Person umziehen und den Bescheid erfassen.")
        return None

    def save_new_moving_in(self, key: int, person_id: int, role: str,
                           since: date) -> editing.PersonMoved:
        """Save the new household without person ``key`` (typed anew), then move the
        registered person ``person_id`` in; their incomes typed here follow them. The draft
        stays as it was when saving fails."""
        kept = deepcopy(self.draft)
        incomes = [i for i in self.draft.incomes if i.person_key == key]
        self.draft.members = [m for m in self.draft.members if m.key != key]
        self.draft.incomes = [i for i in self.draft.incomes if i.person_key != key]
        try:
            self.save_new()
        except Exception:
            self.draft = kept
            self.changed.emit()
            raise
        moved = self.move_person_here(person_id, role, since)
        for income in incomes:
            self.add_income(person_id, income.kind, income.amount, income.period,
                            income.valid_from)
        return moved

    def change_role(self, key: int, role: str, since: date) -> None:
        """The person's role from ``since`` on (stored: the old role stays on record until
        the day before; not yet saved: simply the role)."""
        if key < 0:
            self._refuse_draft_applicant(key, check_role(_ROLE, role))
            member = self.draft.member(key)
            if member.role == role:
                raise _ROLE.fail("role", f"is already {role}",
                                 f"ist bereits „{ROLE_LABELS[role]}“")
            member.role = role
            self.changed.emit()
            return
        try:
            editing.change_role(self.database, self._stored("role"), self.draft.version, key,
                                role, since)
        except ConcurrentChange as exc:
            self._after_concurrent(exc)
        self.reload()

    def _refuse_draft_applicant(self, key: int, role: str) -> None:
        if role == "applicant" and any(m.role == "applicant" and m.key != key
                                       for m in self.draft.members):
            raise _ROLE.fail("role", "is already given", "„Antragsteller/in“ ist schon "
                             "vergeben; bitte zuerst die Rolle der bisherigen Person ändern")

    def end_member(self, key: int, until: date, reason: editing.EndReason) -> None:
        if self.draft.is_new or key < 0:
            self.draft.members = [m for m in self.draft.members if m.key != key]
            self.draft.incomes = [i for i in self.draft.incomes if i.person_key != key]
            for notice in self.draft.notices:
                notice.person_keys = tuple(k for k in notice.person_keys if k != key)
            self.changed.emit()
            return
        try:
            editing.end_membership(self.database, self._stored("end"), self.draft.version,
                                   key, until, reason, today=self.today)
        except ConcurrentChange as exc:
            self._after_concurrent(exc)
        self.reload()

    def set_photo(self, key: int, image: bytes) -> None:
        member = self.draft.member(key)
        if key < 0:
            member.photo = image
            member.has_photo = True
            self.changed.emit()
            return
        set_photo(self.database, key, image)
        self.reload()

    # -- incomes and notices ---------------------------------------------------------------
    def add_income(self, person_key: int, kind: str, amount: Decimal, period: str,
                   valid_from: date) -> None:
        income = check_income(INCOME, IncomeInput(person_key, kind, amount, period, valid_from))
        if self.draft.is_new or person_key < 0:
            self.draft.incomes.append(DraftIncome(self.draft.new_key(), person_key, income.kind,
                                                  income.amount, income.period,
                                                  income.valid_from))
            self.changed.emit()
            return
        try:
            editing.add_income(self.database, self._stored("income"), self.draft.version, income)
        except ConcurrentChange as exc:
            self._after_concurrent(exc)
        self.reload()

    def end_income(self, key: int, until: date) -> None:
        if key < 0:
            self.draft.incomes = [i for i in self.draft.incomes if i.key != key]
            self.changed.emit()
            return
        try:
            editing.end_income(self.database, self._stored("end_income"), self.draft.version,
                               key, until)
        except ConcurrentChange as exc:
            self._after_concurrent(exc)
        self.reload()

    def add_notice(self, kind: str, valid_from: date, valid_until: date | None, reference: str,
                   person_keys: tuple[int, ...]) -> None:
        """A benefit notice; ``valid_until`` ``None``: granted "bis auf Weiteres"."""
        notice = check_notice(NOTICE, NoticeInput(kind, valid_from, valid_until, reference,
                                                  person_keys))
        if self.draft.is_new:
            self.draft.notices.append(DraftNotice(self.draft.new_key(), notice.kind,
                                                  notice.valid_from, notice.valid_until,
                                                  notice.reference, notice.person_refs))
            self.changed.emit()
            return
        try:
            editing.add_notice(self.database, self._stored("notice"), self.draft.version, notice)
        except ConcurrentChange as exc:
            self._after_concurrent(exc)
        self.reload()

    def remove_notice(self, key: int) -> None:
        if key < 0:
            self.draft.notices = [n for n in self.draft.notices if n.key != key]
            self.changed.emit()
            return
        try:
            editing.remove_notice(self.database, self._stored("remove_notice"),
                                  self.draft.version, key)
        except ConcurrentChange as exc:
            self._after_concurrent(exc)
        self.reload()

    # -- address and saving ----------------------------------------------------------------
    def set_address(self, address: DraftAddress) -> None:
        """The address on the screen (not saved: a new household's, or a move being typed)."""
        self.draft.address = address
        self.changed.emit()

    def address_changed(self) -> bool:
        stored = self.draft.stored_address
        return stored is not None and vars(stored) != vars(self.draft.address)

    def move(self, since: date) -> None:
        """The stored household moves to the address on the screen from ``since``."""
        try:
            editing.move_household(self.database, self._stored("move"), self.draft.version,
                                   self.draft.address.as_input(), since)
        except ConcurrentChange as exc:
            self._after_concurrent(exc)
        self.reload()

    def save_new(self) -> int:
        """``create_household`` with everything on the screen; photos follow per person."""
        check_address(self.draft.address.as_input())
        address, members, incomes, notices = self.draft.creation_input()
        if not members:
            raise InvalidField("members", "The household needs at least one person.",
                               "Der Haushalt braucht mindestens eine Person.")
        created = editing.create_household(self.database, address, members, incomes, notices,
                                           since=self.today, today=self.today)
        photos = [(pid, m.photo) for pid, m in zip(created.person_ids, self.draft.members,
                                                   strict=True) if m.photo]
        for person_id, image in photos:
            assert image is not None
            set_photo(self.database, person_id, image)
        self.load(created.household_id)
        return created.household_id

    def present_names(self) -> dict[str, str]:
        """Member key of the rules (``p12``) → name, for the decision panel."""
        from kpass.services.household_facts import member_key

        return {member_key(m.key): m.name for m in self.draft.members}

