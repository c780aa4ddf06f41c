"""One person, one registration: the duplicate check as a wall, not a hint.

The editor warns while the caseworker types (:func:`kpass.services.household.duplicates.
find_possible_duplicates`); that warning is advice and may come too late. The refusals here
run inside the write transaction of every use case that creates a person or corrects a
name or birth date, and of every issuing of a pass, so that a second seat, the command line
or an Enter pressed too early meet the same wall:

* saving a person whom the duplicate finder takes for a registered one (exact or similar) is
  refused with :class:`LikelyDuplicate`, unless the caseworker states a reason why it is a
  different person (``PersonInput.distinct_from_reason``); the statement is recorded for each
  pair (``person_distinction``) and respected by every later check;
* issuing refuses a pass when a likely duplicate of the holder, not recorded as different,
  holds a pass valid in an overlapping period (:class:`DuplicatePassHolder`);
* ``kpass db check`` lists such pairs
  (:func:`~kpass.services.household.duplicate_holders.duplicate_pass_holders`).

Two seats saving the same new person at once: on PostgreSQL every check before a save takes
one transaction-level advisory lock (:func:`lock_person_identity`), so the second seat reads
after the first committed; SQLite writers take the whole database at BEGIN anyway. Issuing
locks the persons' likely duplicates together with the persons (:func:`likely_duplicates_of`).

The refusals and their messages live in :mod:`~kpass.services.household.duplicate_errors`,
the register-wide search of ``kpass db check`` in
:mod:`~kpass.services.household.duplicate_holders`; both are re-exported here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import date, timedelta

from sqlalchemy import or_, select, text

from kpass.models import Pass, PassValidity, Person, PersonDistinction
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.household.duplicate_errors import DuplicatePassHolder as DuplicatePassHolder
from kpass.services.household.duplicate_errors import LikelyDuplicate as LikelyDuplicate
from kpass.services.household.duplicate_errors import PassHeld, full_name
from kpass.services.household.duplicate_holders import CHECK_YEARS as CHECK_YEARS
from kpass.services.household.duplicate_holders import DuplicateHolders as DuplicateHolders
from kpass.services.household.duplicate_holders import _similar_pairs as _similar_pairs
from kpass.services.household.duplicate_holders import (
    duplicate_pass_holders as duplicate_pass_holders,
)
from kpass.services.household.duplicates import Executor, find_duplicates, match_keys
from kpass.services.household.validation import PersonInput, Place, check_distinct_reason
from kpass.services.uow import UnitOfWork
from kpass.text_keys import name_key

# Any constant will do, as long as nothing else in the register's database uses it.
PERSON_IDENTITY_LOCK = 0x6B70_6173_7349_4400  # "kpassID"


# ---------------------------------------------------------------------------------------------
# Recorded distinctions


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def distinct_person_ids(session: Executor, person_id: int) -> set[int]:
    """The persons recorded as different from ``person_id``."""
    table = PersonDistinction.__table__
    rows = session.execute(
        select(table.c.person_id, table.c.other_person_id).where(
            or_(table.c.person_id == person_id, table.c.other_person_id == person_id)
        )
    ).all()
    return {b if a == person_id else a for a, b in rows}


def record_distinctions(
    uow: UnitOfWork, person_id: int, other_person_ids: Iterable[int], reason: str
) -> list[int]:
    """Record ``person_id`` as different from each of ``other_person_ids`` (a pair recorded
    before keeps its first reason); returns the others newly recorded."""
    session = uow.session
    known = distinct_person_ids(session, person_id)
    recorded = []
    for other in sorted(set(other_person_ids) - known - {person_id}):
        low, high = _pair(person_id, other)
        session.add(PersonDistinction(person_id=low, other_person_id=high, reason=reason,
                                      created_by_id=uow.user_id()))
        recorded.append(other)
    if recorded:
        session.flush()
        uow.audit("record_distinction", "person", person_id, other_person_ids=recorded,
                  reason=reason)
    return recorded


@requires(Permission.EDIT_REGISTER)
def record_distinction(
    database: Database, person_id: int, other_person_id: int, reason: str
) -> bool:
    """State that two registered persons are different people (e.g. when issuing was refused
    because of a likely duplicate); ``False`` when that was recorded before."""
    place = Place("", "Andere Person", "Different person")
    reason_text = check_distinct_reason(place, reason)
    if person_id == other_person_id:
        raise place.fail("person_id", "names the same person twice",
                         "nennt zweimal dieselbe Person")
    with UnitOfWork(database) as uow:
        for ident in (person_id, other_person_id):
            if uow.session.get(Person, ident) is None:
                raise place.fail("person_id", f"no. {ident} does not exist",
                                 f"Nr. {ident} gibt es nicht")
        recorded = record_distinctions(uow, person_id, [other_person_id], reason_text)
        uow.commit()
    return bool(recorded)


# ---------------------------------------------------------------------------------------------
# Saving a person


def lock_person_identity(uow: UnitOfWork) -> None:
    """Serialize the duplicate checks of concurrent saves (PostgreSQL; held until commit).

    Taken as the last lock of a transaction, after its row locks, so that it never waits
    while holding what another check's transaction needs.
    """
    if not uow.database.is_sqlite:
        uow.session.execute(
            text("SELECT pg_advisory_xact_lock(:key)"), {"key": PERSON_IDENTITY_LOCK}
        )


def refuse_likely_duplicate(
    uow: UnitOfWork,
    place: Place,
    person: PersonInput,
    *,
    on: date,
    exclude_person_ids: Collection[int] = (),
    member_index: int | None = None,
    same_as_members: Sequence[tuple[int, str]] = (),
) -> list[int]:
    """Refuse to save ``person`` (checked input) when the register holds a likely duplicate,
    unless ``person.distinct_from_reason`` says why it is another person.

    ``same_as_members``: earlier members of the same new household who may be this person
    (index, why). Returns the ids to record as different from the person once saved.
    """
    lock_person_identity(uow)
    candidates = find_duplicates(uow.session, person.family_name, person.given_names,
                                 person.birth_date, exclude_person_ids=exclude_person_ids,
                                 on=on)
    if (candidates or same_as_members) and person.distinct_from_reason is None:
        raise LikelyDuplicate(place, candidates, member_index=member_index,
                              same_as_members=same_as_members)
    return [c.person_id for c in candidates]


def refuse_corrected_duplicate(
    uow: UnitOfWork, place: Place, person_id: int, person: PersonInput, on: date
) -> None:
    """After a name or birth date of ``person_id`` was corrected (and flushed): refuse when
    the corrected person is a likely duplicate, else record the stated reason."""
    exclude = {person_id, *distinct_person_ids(uow.session, person_id)}
    others = refuse_likely_duplicate(uow, place, person, on=on, exclude_person_ids=exclude)
    if others and person.distinct_from_reason is not None:
        record_distinctions(uow, person_id, others, person.distinct_from_reason)


def same_as_earlier(
    persons: Sequence[PersonInput | None], index: int
) -> list[tuple[int, str]]:
    """Earlier new persons of one input who may be person ``index`` (similar; exact ones are
    refused outright as the same person twice)."""
    person = persons[index]
    if person is None:
        return []
    keys = (name_key(person.family_name), name_key(person.given_names), person.birth_date)
    found = []
    for earlier, other in enumerate(persons[:index]):
        if other is None:
            continue
        match = match_keys(*keys, name_key(other.family_name), name_key(other.given_names),
                           other.birth_date)
        if match is not None:
            found.append((earlier, match[1]))
    return found


# ---------------------------------------------------------------------------------------------
# Issuing


def likely_duplicates_of(uow: UnitOfWork, person_ids: Iterable[int]) -> set[int]:
    """The likely duplicates of these persons not recorded as different (issuing locks them
    with the persons, so that two seats cannot issue to one person under two records)."""
    found: set[int] = set()
    for person_id in set(person_ids):
        person = uow.session.get(Person, person_id)
        if person is None:
            continue
        exclude = {person_id, *distinct_person_ids(uow.session, person_id)}
        found.update(c.person_id for c in find_duplicates(
            uow.session, person.family_name, person.given_names, person.birth_date,
            exclude_person_ids=exclude))
    return found - set(person_ids)


def _passes_held(
    session: Executor, person_ids: Collection[int], valid_from: date, valid_until: date
) -> list[PassHeld]:
    """Passes of these persons valid on some day from ``valid_from`` to ``valid_until``,
    each with its whole validity (up to the day before a revocation)."""
    if not person_ids:
        return []
    rows = session.execute(
        select(Pass.id, Pass.person_id, Pass.number, Pass.revoked_on,
               PassValidity.valid_from, PassValidity.valid_until)
        .join(PassValidity, PassValidity.pass_id == Pass.id)
        .where(Pass.person_id.in_(sorted(person_ids)))
        .order_by(Pass.id, PassValidity.valid_from)
    ).all()
    periods: dict[int, list[tuple[date, date]]] = defaultdict(list)
    holders: dict[int, tuple[int, str]] = {}
    for pass_id, holder, number, revoked_on, start, end in rows:
        if revoked_on is not None:
            end = min(end, revoked_on - timedelta(days=1))
        if start <= end:
            periods[pass_id].append((start, end))
            holders[pass_id] = (holder, number)
    held = []
    for pass_id, spans in periods.items():
        if any(start <= valid_until and valid_from <= end for start, end in spans):
            holder, number = holders[pass_id]
            held.append(PassHeld(holder, number, min(s for s, _ in spans),
                                 max(e for _, e in spans)))
    return held


def refuse_duplicate_pass_holder(
    uow: UnitOfWork, person_id: int, valid_from: date, valid_until: date
) -> None:
    """Refuse a pass for ``person_id`` from ``valid_from`` to ``valid_until`` when a likely
    duplicate, not recorded as a different person, holds a pass valid on any of those days."""
    person = uow.session.get(Person, person_id)
    if person is None:
        return
    exclude = {person_id, *distinct_person_ids(uow.session, person_id)}
    candidates = find_duplicates(uow.session, person.family_name, person.given_names,
                                 person.birth_date, exclude_person_ids=exclude, on=valid_from)
    if not candidates:
        return
    held = _passes_held(uow.session, [c.person_id for c in candidates], valid_from,
                        valid_until)
    for candidate in candidates:  # exact matches first
        for card in held:
            if card.person_id == candidate.person_id:
                raise DuplicatePassHolder(
                    person_id, full_name(person.given_names, person.family_name),
                    person.birth_date, candidate, card)
