"""What the household page does with its draft, and when it is saved.

One model of saving for every household: what the caseworker adds, corrects, ends or
removes collects on the screen, and "Speichern" (Ctrl+S) saves all of it in one
transaction — a new household with ``create_household``, a stored one with
``save_household_changes``. Until then nothing is in the database. A stored household's
changes are kept as a list (:mod:`kpass.ui.household.pending`) replayed onto the household
as loaded, so when another seat saved the same household first, the changes are replayed
onto the fresh version instead of being lost.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QObject, Signal

from kpass.errors import ConcurrentChange, KpassError
from kpass.services import Database
from kpass.services import household as editing
from kpass.services.household import (
    ADDRESS,
    INCOME,
    NOTICE,
    PERSON,
    ROLE_LABELS,
    AddIncome,
    AddMember,
    AddNotice,
    ChangeRole,
    CorrectIncome,
    CorrectNotice,
    DuplicateCandidate,
    EndIncome,
    EndMembership,
    HouseholdChange,
    IncomeInput,
    InvalidField,
    MemberInput,
    MoveHousehold,
    MovePersonIn,
    NoticeInput,
    PersonInput,
    Place,
    RemoveIncome,
    RemoveNotice,
    SetPhoto,
    UpdatePerson,
    check_address,
    check_date,
    check_end,
    check_household_changes,
    check_income,
    check_member,
    check_notice,
    check_person,
    check_reason,
    check_role,
    household_details,
    save_household_changes,
    set_photo,
)
from kpass.ui.household import pending
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
        self.stored = HouseholdDraft()  # a stored household as loaded
        self.changes: list[HouseholdChange] = []  # a stored household's, not saved yet
        self.failed_change: HouseholdChange | None = None  # the one the last save refused
        self._registered: dict[int, DraftMember] = {}  # persons moving in, as found
        self._typed_address: DraftAddress | None = None
        self._next_key = -1

    # -- loading ---------------------------------------------------------------------------
    def start_new(self) -> None:
        self.draft = HouseholdDraft()
        self._forget_changes()
        self.changed.emit()

    def load(self, household_id: int) -> None:
        details = household_details(self.database, household_id, self.today)
        self.stored = HouseholdDraft.from_details(details)
        self._forget_changes()
        self._rebuild()

    def reload(self) -> None:
        if self.draft.household_id is not None:
            self.load(self.draft.household_id)

    def _forget_changes(self) -> None:
        self.changes = []
        self.failed_change = None
        self._registered = {}
        self._typed_address = None

    def has_changes(self) -> bool:
        """A stored household's changes not saved yet."""
        return bool(self.changes)

    def changed_members(self) -> dict[int, str]:
        """Person key → what is not saved yet about them, in German."""
        return self._marks({AddMember: self.tr("neu"), MovePersonIn: self.tr("zieht ein"),
                            UpdatePerson: self.tr("berichtigt"),
                            EndMembership: self.tr("ausgetragen"),
                            ChangeRole: self.tr("neue Rolle"), SetPhoto: self.tr("neues Bild")})

    def changed_incomes(self) -> dict[int, str]:
        return self._marks({AddIncome: self.tr("neu"), CorrectIncome: self.tr("berichtigt"),
                            EndIncome: self.tr("beendet")})

    def changed_notices(self) -> dict[int, str]:
        return self._marks({AddNotice: self.tr("neu"), CorrectNotice: self.tr("berichtigt")})

    def _marks(self, words: dict[type, str]) -> dict[int, str]:
        marks: dict[int, str] = {}
        for change in self.changes:
            word = words.get(type(change))
            if word is None:
                continue
            key = _subject(change)
            if key not in marks:
                marks[key] = self.tr("%1, ungespeichert").replace("%1", word)
        return marks

    def new_key(self) -> int:
        key = self._next_key
        self._next_key -= 1
        return key

    def _rebuild(self) -> None:
        self.draft = pending.replay(self.stored, self.changes, self._registered, self.today)
        if self._typed_address is not None:
            self.draft.address = self._typed_address
        self.changed.emit()

    def _propose(self, changes: list[HouseholdChange], why: str | None = None) -> None:
        """Take ``changes`` as the household's changes once the services' rules accepted
        them (checked in a transaction that is rolled back: nothing is saved). Refused: the
        changes stay as they were and the error names the field. Another seat saved the
        household meanwhile: the changes are replayed onto the fresh version (``why``
        says so) and ``ConcurrentChange`` is raised."""
        household_id = self.stored.household_id
        assert household_id is not None
        try:
            check_household_changes(self.database, household_id, self.stored.version,
                                    changes, today=self.today)
        except ConcurrentChange:
            self._rebase(household_id, why)
            raise
        self.changes = changes
        self._rebuild()

    def _record(self, change: HouseholdChange, why: str | None = None) -> None:
        self._propose([*self.changes, change], why)

    def _replace_change(self, old: HouseholdChange, new: HouseholdChange | None,
                        why: str | None = None) -> None:
        changes = list(self.changes)
        index = changes.index(old)
        if new is None:
            del changes[index]
        else:
            changes[index] = new
        self._propose(changes, why)

    def _add_member_change(self, key: int) -> AddMember:
        return next(c for c in self.changes if isinstance(c, AddMember) and c.key == key)

    # -- persons ---------------------------------------------------------------------------
    def add_member(self, person: PersonInput, role: str) -> int:
        """Add a person; returns the person's key (negative while unsaved). A likely
        duplicate of a registered person is refused at once (and again when saving)."""
        checked = check_member(_NEW_MEMBER, MemberInput.new(person, role), self.today)
        assert checked is not None
        if role == "applicant" and self.draft.applicant(self.today) is not None:
            raise _NEW_MEMBER.fail("role", "is already given", "„Antragsteller/in“ ist "
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
        why = self.tr(
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

    # -- a likely duplicate refused when saving --------------------------------------------
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
        self._refuse_draft_applicant(key, check_role(_NEW_MEMBER, role))
        member.registered_id = candidate.person_id
        member.family_name, member.given_names = candidate.family_name, candidate.given_names
        member.birth_date, member.role = candidate.birth_date, role
        member.distinct_from_reason = None
        self.changed.emit()

    def move_person_here(self, candidate: DuplicateCandidate, role: str, since: date) -> None:
        """The registered ``candidate`` moves into this stored household on ``since`` (their
        membership so far ends the day before, kept in the history) — when saved."""
        role = check_role(_NEW_MEMBER, role)
        since = check_date(_NEW_MEMBER, "since", since)
        if any(m.key == candidate.person_id for m in self.draft.members):
            raise _NEW_MEMBER.fail("person_id", "already belongs to the household",
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
            return self.tr(
                "%1 soll hier Antragsteller/in sein, lebt aber noch im Haushalt %2. Bitte "
                "dort zuerst austragen („Haushalt dieser Person öffnen“, „Austragen …“) und "
                "hier erneut speichern: dann wird die registrierte Person übernommen.")
        if any(key in n.person_keys for n in self.draft.notices):
            return self.tr(
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

    def change_role(self, key: int, role: str, since: date) -> None:
        """The person's role from ``since`` on (stored: the old role stays on record until
        the day before; not yet saved: simply the role)."""
        role = check_role(_ROLE, role)
        if key < 0:
            self._refuse_draft_applicant(key, role)
            member = self.draft.member(key)
            if member.role == role:
                raise _ROLE.fail("role", f"is already {role}",
                                 f"ist bereits „{ROLE_LABELS[role]}“")
            if self.draft.is_new:
                member.role = role
                self.changed.emit()
                return
            added = self._add_member_change(key)
            self._replace_change(added, replace(added, member=replace(added.member,
                                                                      role=role)))
            return
        since = check_date(_ROLE, "since", since)
        if self.draft.membership_on(key, since).role == role:
            raise _ROLE.fail("role", f"is already {role}", f"ist bereits „{ROLE_LABELS[role]}“")
        self._record(ChangeRole(key, role, since))

    def _refuse_draft_applicant(self, key: int, role: str) -> None:
        if role == "applicant" and any(
                m.role == "applicant" and m.key != key and m.present_on(self.today)
                for m in self.draft.members):
            raise _ROLE.fail("role", "is already given", "„Antragsteller/in“ ist schon "
                             "vergeben; bitte zuerst die Rolle der bisherigen Person ändern")

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

    # -- incomes ---------------------------------------------------------------------------
    def add_income(self, person_key: int, kind: str, amount: Decimal, period: str,
                   valid_from: date) -> None:
        income = check_income(INCOME, IncomeInput(person_key, kind, amount, period, valid_from))
        if self.draft.is_new:
            self.draft.incomes.append(DraftIncome(self.draft.new_key(), person_key, income.kind,
                                                  income.amount, income.period,
                                                  income.valid_from))
            self.changed.emit()
            return
        self._record(AddIncome(self.new_key(), income))

    def end_income(self, key: int, until: date) -> None:
        """The income is paid until ``until``; one not saved yet is just taken away."""
        if key < 0:
            self.remove_income(key, "")
            return
        until = check_date(INCOME, "valid_until", until)
        income = self.draft_income(key)
        if until < income.valid_from:
            raise INCOME.fail("valid_until", "lies before valid from",
                              f"liegt vor „Gültig ab“ ({income.valid_from:%d.%m.%Y})")
        self._propose([*(c for c in self.changes
                         if not (isinstance(c, EndIncome) and c.income_id == key)),
                       EndIncome(key, until)])

    def correct_income(self, key: int, corrected: IncomeInput, reason: str) -> None:
        """The income as it should have been entered (an income not saved yet: simply
        changed; a saved one: with ``reason``, kept in the history)."""
        corrected = check_income(INCOME, corrected)
        if key < 0:
            if self.draft.is_new:
                income = self.draft_income(key)
                income.person_key, income.kind = corrected.person_ref, corrected.kind
                income.amount, income.period = corrected.amount, corrected.period
                income.valid_from = corrected.valid_from
                self.changed.emit()
                return
            added = next(c for c in self.changes if isinstance(c, AddIncome) and c.key == key)
            self._replace_change(added, replace(added, income=corrected))
            return
        reason = check_reason(INCOME, reason)
        earlier = next((c for c in self.changes
                        if isinstance(c, CorrectIncome) and c.income_id == key), None)
        if earlier is not None:
            self._replace_change(earlier, CorrectIncome(key, corrected,
                                                        f"{earlier.reason}; {reason}"))
        else:
            self._record(CorrectIncome(key, corrected, reason))

    def remove_income(self, key: int, reason: str) -> None:
        """Take an income away: one not saved yet at once, a saved one entered by mistake
        with ``reason`` (when saved)."""
        if self.draft.is_new:
            self.draft.incomes = [i for i in self.draft.incomes if i.key != key]
            self.changed.emit()
            return
        changes = [c for c in self.changes if not pending.concerns_income(c, key)]
        if key > 0:
            changes.append(RemoveIncome(key, check_reason(INCOME, reason)))
        self._propose(changes)

    def draft_income(self, key: int) -> DraftIncome:
        return next(i for i in self.draft.incomes if i.key == key)

    # -- notices ---------------------------------------------------------------------------
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
        self._record(AddNotice(self.new_key(), notice))

    def correct_notice(self, key: int, corrected: NoticeInput, reason: str) -> None:
        corrected = check_notice(NOTICE, corrected)
        if key < 0:
            if self.draft.is_new:
                notice = self.draft_notice(key)
                notice.kind, notice.reference = corrected.kind, corrected.reference
                notice.valid_from, notice.valid_until = corrected.valid_from, \
                    corrected.valid_until
                notice.person_keys = corrected.person_refs
                self.changed.emit()
                return
            added = next(c for c in self.changes if isinstance(c, AddNotice) and c.key == key)
            self._replace_change(added, replace(added, notice=corrected))
            return
        reason = check_reason(NOTICE, reason)
        earlier = next((c for c in self.changes
                        if isinstance(c, CorrectNotice) and c.notice_id == key), None)
        if earlier is not None:
            self._replace_change(earlier, CorrectNotice(key, corrected,
                                                        f"{earlier.reason}; {reason}"))
        else:
            self._record(CorrectNotice(key, corrected, reason))

    def remove_notice(self, key: int, reason: str = "") -> None:
        if self.draft.is_new:
            self.draft.notices = [n for n in self.draft.notices if n.key != key]
            self.changed.emit()
            return
        changes = [c for c in self.changes if not pending.concerns_notice(c, key)]
        if key > 0:
            changes.append(RemoveNotice(key, check_reason(NOTICE, reason)))
        self._propose(changes)

    def draft_notice(self, key: int) -> DraftNotice:
        return next(n for n in self.draft.notices if n.key == key)

    # -- address ---------------------------------------------------------------------------
    def type_address(self, address: DraftAddress) -> None:
        """The address as being typed (no signal: the preview follows the section's own)."""
        self.draft.address = address
        if not self.draft.is_new:
            self._typed_address = address

    def address_changed(self) -> bool:
        stored = self.draft.stored_address
        return stored is not None and vars(stored) != vars(self.draft.address)

    def move(self, since: date) -> None:
        """The stored household moves to the address on the screen from ``since``."""
        address = check_address(self.draft.address.as_input())
        since = check_date(ADDRESS, "since", since)
        self._propose([*(c for c in self.changes if not isinstance(c, MoveHousehold)),
                       MoveHousehold(address, since)])
        self._typed_address = None
        self._rebuild()

    # -- saving ----------------------------------------------------------------------------
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

    def save_changes(self) -> int:
        """Save a stored household's changes in one transaction; returns how many.

        Refused: the changes stay on the screen and ``failed_change`` names the one refused.
        Another seat was faster: the changes are replayed onto the fresh version (a
        correction of a person whom the other seat changed too is dropped and named) and
        ``ConcurrentChange`` is raised after ``reloaded`` said so."""
        household_id = self.draft.household_id
        assert household_id is not None
        if not self.changes:
            return 0
        self.failed_change = None
        try:
            save_household_changes(self.database, household_id, self.stored.version,
                                   self.changes, today=self.today)
        except ConcurrentChange:
            self._rebase(household_id)
            raise
        except KpassError as exc:
            if exc.change_index is not None and exc.change_index < len(self.changes):
                self.failed_change = self.changes[exc.change_index]
            raise
        count = len(self.changes)
        self.load(household_id)
        return count

    def _rebase(self, household_id: int, why: str | None = None) -> None:
        changes = self.changes
        details = household_details(self.database, household_id, self.today)
        self.stored = HouseholdDraft.from_details(details)
        versions = {m.key: m.person_version for m in self.stored.members}
        kept: list[HouseholdChange] = []
        dropped: list[str] = []
        for change in changes:
            if isinstance(change, UpdatePerson) and versions.get(change.person_id) \
                    != change.version:
                dropped.append(f"{change.person.given_names} {change.person.family_name}")
                continue
            kept.append(change)
        self.changes = kept
        try:
            self._rebuild()
        except (StopIteration, KeyError, IndexError):
            # an entry changed here was removed there: start from the fresh version
            self.changes = []
            self._rebuild()
            self.reloaded.emit(self.tr(
                "Jemand anderes hat diesen Haushalt inzwischen geändert, auch Einträge, die "
                "hier geändert wurden. Die aktuelle Fassung wurde geladen; Ihre Änderungen "
                "konnten nicht übernommen werden – bitte erneut erfassen."))
            return
        why = why or self.tr(
            "Jemand anderes hat diesen Haushalt inzwischen geändert. Ihre Änderungen stehen "
            "jetzt auf der aktuellen Fassung; bitte prüfen und erneut speichern (Strg+S).")
        if dropped:
            why += " " + self.tr("Die Berichtigung von %1 wurde verworfen, weil die Person "
                                 "inzwischen anders gespeichert wurde.").replace(
                "%1", ", ".join(dropped))
        self.reloaded.emit(why)

    def present_names(self) -> dict[str, str]:
        """Member key of the rules (``p12``) → name, for the decision panel."""
        from kpass.services.household import member_key

        return {member_key(m.key): m.name for m in self.draft.members}


def _subject(change: HouseholdChange) -> int:
    """The key of the entry a change is about (person, income or notice)."""
    if isinstance(change, (AddMember, AddIncome, AddNotice)):
        return change.key
    if isinstance(change, (MovePersonIn, UpdatePerson)):
        return change.person_id
    if isinstance(change, (EndMembership, ChangeRole, SetPhoto)):
        return change.person
    if isinstance(change, (EndIncome, CorrectIncome, RemoveIncome)):
        return change.income_id
    if isinstance(change, (CorrectNotice, RemoveNotice)):
        return change.notice_id
    return 0


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


def _without_person(change: HouseholdChange, key: int) -> HouseholdChange:
    """``change`` no longer naming person ``key`` (a notice keeps the others)."""
    if isinstance(change, (AddNotice, CorrectNotice)) and key in change.notice.person_refs:
        refs = tuple(k for k in change.notice.person_refs if k != key)
        return replace(change, notice=replace(change.notice, person_refs=refs))
    return change
