"""What the household page does with its draft, and when it is saved.

One model of saving for every household: what the caseworker adds, corrects, ends or
removes collects on the screen, and "Speichern" (Ctrl+S) saves all of it in one
transaction — a new household with ``create_household``, a stored one with
``save_household_changes``. Until then nothing is in the database. A stored household's
changes are kept as a list (:mod:`kpass.ui.household.pending`) replayed onto the household
as loaded, so when another seat saved the same household first, the changes are replayed
onto the fresh version instead of being lost.

The actions on persons (:mod:`~kpass.ui.household.person_edits`), on a likely duplicate
(:mod:`~kpass.ui.household.duplicate_edits`) and on incomes and notices
(:mod:`~kpass.ui.household.income_notice_edits`) are mixed in; this module keeps the draft,
the list of changes, the address, and loading and saving.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

from kpass.errors import ConcurrentChange, KpassError
from kpass.services import Database
from kpass.services import household as editing
from kpass.services.household import (
    ADDRESS,
    AddIncome,
    AddMember,
    AddNotice,
    ChangeRole,
    CorrectIncome,
    CorrectNotice,
    EndIncome,
    EndMembership,
    HouseholdChange,
    InvalidField,
    MoveHousehold,
    MovePersonIn,
    RemoveIncome,
    RemoveNotice,
    SetPhoto,
    UpdatePerson,
    check_address,
    check_date,
    check_household_changes,
    household_details,
    save_household_changes,
    set_photo,
)
from kpass.ui.household import pending
from kpass.ui.household.draft import DraftAddress, DraftMember, HouseholdDraft
from kpass.ui.household.duplicate_edits import DuplicateEdits
from kpass.ui.household.income_notice_edits import IncomeNoticeEdits
from kpass.ui.household.person_edits import PersonEdits


class HouseholdEditor(PersonEdits, DuplicateEdits, IncomeNoticeEdits, QObject):
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
