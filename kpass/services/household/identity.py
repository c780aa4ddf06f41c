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
* ``kpass db check`` lists such pairs (:func:`duplicate_pass_holders`).

Two seats saving the same new person at once: on PostgreSQL every check before a save takes
one transaction-level advisory lock (:func:`lock_person_identity`), so the second seat reads
after the first committed; SQLite writers take the whole database at BEGIN anyway. Issuing
locks the persons' likely duplicates together with the persons (:func:`likely_duplicates_of`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

from sqlalchemy import Connection, Date, Integer, String, bindparam, or_, select, text

from kpass.errors import InvalidInput
from kpass.models import Pass, PassValidity, Person, PersonDistinction
from kpass.models.engine import Database
from kpass.services.household.duplicates import (
    DuplicateCandidate,
    Executor,
    MatchKind,
    find_duplicates,
    match_keys,
)
from kpass.services.household.validation import (
    InvalidField,
    PersonInput,
    Place,
    check_distinct_reason,
)
from kpass.services.uow import UnitOfWork
from kpass.text_keys import name_key
from kpass.vocabulary import format_date

# Any constant will do, as long as nothing else in the register's database uses it.
PERSON_IDENTITY_LOCK = 0x6B70_6173_7349_4400  # "kpassID"
#: How far back ``kpass db check`` looks for exact duplicates among pass holders.
CHECK_YEARS = 2

_MORE_SHOWN = 1  # the message names the first candidate and counts the rest


# ---------------------------------------------------------------------------------------------
# Errors


def _name(given: str, family: str) -> str:
    return f"{given} {family}"


def _home_de(candidate: DuplicateCandidate) -> str:
    if candidate.household_id is None:
        where = "derzeit in keinem Haushalt"
    elif candidate.street:
        where = f"Haushalt {candidate.household_id}, {candidate.street} {candidate.house_number}"
    else:
        where = f"Haushalt {candidate.household_id}"
    if candidate.died_on is not None:
        where += f", verstorben am {format_date(candidate.died_on)}"
    return where


def _home_en(candidate: DuplicateCandidate) -> str:
    if candidate.household_id is None:
        where = "in no household at present"
    elif candidate.street:
        where = f"household {candidate.household_id}, {candidate.street} {candidate.house_number}"
    else:
        where = f"household {candidate.household_id}"
    if candidate.died_on is not None:
        where += f", died {format_date(candidate.died_on)}"
    return where


def _why_en(reason: MatchKind) -> str:
    return "same name and birth date" if reason == "exact" else "similar name or birth date"


def _candidate_de(candidate: DuplicateCandidate) -> str:
    who = (f"{_name(candidate.given_names, candidate.family_name)}, "
           f"geb. {format_date(candidate.birth_date)}")
    if candidate.reason == "exact":
        return f"{who}, ist bereits registriert ({_home_de(candidate)})"
    return (f"{who}, ist möglicherweise dieselbe Person und bereits registriert "
            f"({_home_de(candidate)}; {candidate.explanation})")


def _candidate_en(candidate: DuplicateCandidate) -> str:
    who = (f"{_name(candidate.given_names, candidate.family_name)}, "
           f"born {format_date(candidate.birth_date)}")
    if candidate.reason == "exact":
        return f"{who}, is already registered ({_home_en(candidate)})"
    return (f"{who}, may be the same person and is already registered "
            f"({_home_en(candidate)}; {_why_en(candidate.reason)})")


class LikelyDuplicate(InvalidField):
    """Saving a person refused: they may be a registered person (or another person of the
    same new household), and no reason was given why they are not.

    ``candidates``: the registered persons, exact matches first, each with where they live
    now; ``same_as_members``: indices of earlier members of the same new household who may
    be this one. ``place``/``member_index`` name the offending member (``member_index`` is
    ``None`` outside a household's member list, e.g. when a person is corrected).
    ``field`` is that member's ``family_name``; saving again with
    ``PersonInput.distinct_from_reason`` set records the pairs as different persons —
    or the caseworker takes a candidate over instead
    (:func:`kpass.services.household.members.move_person_to_household`,
    ``MemberInput.existing``).
    """

    def __init__(
        self,
        place: Place,
        candidates: Sequence[DuplicateCandidate],
        *,
        member_index: int | None = None,
        same_as_members: Sequence[tuple[int, str]] = (),
    ) -> None:
        self.place = place
        self.member_index = member_index
        self.candidates = tuple(candidates)
        self.same_as_members = tuple(index for index, _why in same_as_members)
        parts_de: list[str] = []
        parts_en: list[str] = []
        if self.candidates:
            first, more = self.candidates[0], len(self.candidates) - _MORE_SHOWN
            parts_de.append(_candidate_de(first) + (
                f"; dazu {more} weitere mögliche Treffer" if more > 0 else ""))
            parts_en.append(_candidate_en(first) + (
                f"; and {more} more possible matches" if more > 0 else ""))
        for index, why in same_as_members:
            parts_de.append(f"ist möglicherweise dieselbe wie Person {index + 1} ({why})")
            parts_en.append(f"may be the same as person {index + 1} (similar name or birth "
                            "date)")
        path = f"{place.path}.family_name" if place.path else "family_name"
        super().__init__(
            path,
            f"{place.label_en}: {'; '.join(parts_en)}. Take the registered person over "
            "instead, or state why this is a different person.",
            f"{place.label_de}: {'; '.join(parts_de)}. Bitte die registrierte Person "
            "übernehmen oder begründen, warum es eine andere Person ist.",
        )


@dataclass(frozen=True)
class PassHeld:
    """A pass of a likely duplicate, with the days it is valid on (revocation counted)."""

    person_id: int
    number: str
    valid_from: date
    valid_until: date


class DuplicatePassHolder(InvalidInput):
    """Issuing refused: a likely duplicate of ``person_id`` (``candidate``, not recorded as a
    different person) holds pass ``other_pass_number``, valid from ``other_valid_from`` to
    ``other_valid_until``, which overlaps the period to be issued."""

    def __init__(
        self,
        person_id: int,
        person_name: str,
        birth_date: date,
        candidate: DuplicateCandidate,
        held: PassHeld,
    ) -> None:
        self.person_id = person_id
        self.candidate = candidate
        self.other_person_id = candidate.person_id
        self.other_pass_number = held.number
        self.other_valid_from = held.valid_from
        self.other_valid_until = held.valid_until
        other = _name(candidate.given_names, candidate.family_name)
        period = f"{format_date(held.valid_from)}–{format_date(held.valid_until)}"
        super().__init__(
            f"No pass for {person_name} (no. {person_id}, born {format_date(birth_date)}): "
            f"{other} (no. {candidate.person_id}, born {format_date(candidate.birth_date)}, "
            f"{_home_en(candidate)}) is likely the same person ({_why_en(candidate.reason)}) "
            f"and holds pass {held.number}, valid {period}. If they are different persons, "
            "record that first.",
            f"Kein Pass für {person_name} (Nr. {person_id}, geb. {format_date(birth_date)}): "
            f"{other} (Nr. {candidate.person_id}, geb. {format_date(candidate.birth_date)}, "
            f"{_home_de(candidate)}) ist wahrscheinlich dieselbe Person "
            f"({candidate.explanation}) und hat den Pass {held.number}, gültig {period}. "
            "Sind es verschiedene Personen, bitte das zuerst vermerken.",
        )


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
                    person_id, _name(person.given_names, person.family_name),
                    person.birth_date, candidate, card)


# ---------------------------------------------------------------------------------------------
# kpass db check


@dataclass(frozen=True)
class DuplicateHolders:
    """Two persons, likely one, holding passes valid in overlapping periods."""

    person_id: int
    other_person_id: int
    reason: MatchKind
    explanation: str


_PersonKeys = tuple[int, str, str, date]
_KEY_COLUMNS = {"id": Integer, "f": String, "g": String, "b": Date}


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _keys(connection: Connection, sql: str, parameter: str, day: date) -> list[_PersonKeys]:
    statement = text(sql).bindparams(bindparam(parameter, type_=Date)).columns(**_KEY_COLUMNS)
    rows = connection.execute(statement, {parameter: day})
    return [(row.id, row.f, row.g, row.b) for row in rows]


def _holders_since(connection: Connection, since: date) -> list[_PersonKeys]:
    """Persons with the same folded names and birth date, both holding a pass valid on some
    day from ``since`` on (grouped in SQL: few rows come back from a clean register)."""
    return _keys(
        connection,
        "WITH holders AS (SELECT DISTINCT p.person_id AS id FROM pass p "
        "  JOIN pass_validity v ON v.pass_id = p.id WHERE v.valid_until >= :since), "
        "keyed AS (SELECT pe.id, pe.family_name_key AS f, pe.given_names_key AS g, "
        "  pe.birth_date AS b FROM person pe JOIN holders h ON h.id = pe.id), "
        "twins AS (SELECT f, g, b FROM keyed GROUP BY f, g, b HAVING COUNT(*) > 1) "
        "SELECT k.id, k.f, k.g, k.b FROM keyed k "
        "JOIN twins t ON t.f = k.f AND t.g = k.g AND t.b = k.b ORDER BY k.id",
        "since",
        since,
    )


def _holders_on(connection: Connection, day: date) -> list[_PersonKeys]:
    return _keys(
        connection,
        "SELECT pe.id, pe.family_name_key AS f, pe.given_names_key AS g, pe.birth_date AS b "
        "FROM person pe WHERE pe.id IN (SELECT p.person_id FROM pass p "
        "  JOIN pass_validity v ON v.pass_id = p.id "
        "  WHERE v.valid_from <= :day AND v.valid_until >= :day "
        "  AND (p.revoked_on IS NULL OR p.revoked_on > :day)) ORDER BY pe.id",
        "day",
        day,
    )


_POWERS = tuple(10 ** (7 - position) for position in range(8))
_SWAPPED = 10**9  # above every masked key


def _near_keys(birth: date) -> list[int]:
    """Keys two birth dates share when one may be the other mistyped: the digits of
    dd.mm.yyyy with one digit masked (a key per position), or day and month swapped."""
    number = birth.day * 1_000_000 + birth.month * 10_000 + birth.year
    keys = [(number - (number // power) % 10 * power) * 10 + position
            for position, power in enumerate(_POWERS)]
    if birth.day <= 12:
        low, high = sorted((birth.day, birth.month))
        keys.append(_SWAPPED + birth.year * 10_000 + low * 100 + high)
    return keys


def _similar_pairs(persons: Sequence[_PersonKeys]) -> dict[tuple[int, int], tuple[MatchKind, str]]:
    """Pairs of these persons (in ascending id order) the duplicate finder takes for one,
    compared only within buckets — the same birth date, or dates one typo apart under the
    same family name — so that a hundred thousand persons cost a second or two, not hours."""
    by_day: dict[date, list[_PersonKeys]] = defaultdict(list)
    by_family: dict[str, list[_PersonKeys]] = defaultdict(list)
    for person in persons:
        by_day[person[3]].append(person)
        if person[1]:
            by_family[person[1]].append(person)
    found: dict[tuple[int, int], tuple[MatchKind, str]] = {}
    for members in by_day.values():
        for a, b in combinations(members, 2):
            match = match_keys(a[1], a[2], a[3], b[1], b[2], b[3])
            if match is not None:
                found[(a[0], b[0])] = match
    for relatives in by_family.values():  # a typo in the date keeps the family name
        if len(relatives) < 2:
            continue
        near: dict[int, list[_PersonKeys]] = defaultdict(list)
        for person in relatives:
            for key in _near_keys(person[3]):
                near[key].append(person)
        for members in near.values():
            for a, b in combinations(members, 2):
                if a[3] != b[3] and (a[0], b[0]) not in found:
                    match = match_keys(a[1], a[2], a[3], b[1], b[2], b[3])
                    if match is not None:
                        found[(a[0], b[0])] = match
    return found


def _periods(
    connection: Connection, person_ids: Collection[int]
) -> dict[int, list[tuple[date, date]]]:
    """The days each person holds a valid pass (up to the day before a revocation)."""
    by_person: dict[int, list[tuple[date, date]]] = defaultdict(list)
    ids = sorted(person_ids)
    for start in range(0, len(ids), 500):
        rows = connection.execute(
            select(Pass.person_id, Pass.revoked_on, PassValidity.valid_from,
                   PassValidity.valid_until)
            .join(PassValidity, PassValidity.pass_id == Pass.id)
            .where(Pass.person_id.in_(ids[start:start + 500]))
        ).all()
        for person_id, revoked_on, begin, end in rows:
            if revoked_on is not None:
                end = min(end, revoked_on - timedelta(days=1))
            if begin <= end:
                by_person[person_id].append((begin, end))
    return by_person


def duplicate_pass_holders(connection: Connection, today: date) -> list[DuplicateHolders]:
    """Likely duplicates holding passes valid in overlapping periods, not recorded as
    different persons: exact ones (same folded names and birth date) among the pass holders
    of the last :data:`CHECK_YEARS` years, similar ones among the holders of a pass valid
    ``today``."""
    since = _years_before(today, CHECK_YEARS)
    pairs: dict[tuple[int, int], tuple[MatchKind, str]] = {}
    groups: dict[tuple[str, str, date], list[int]] = defaultdict(list)
    for person_id, family, given, birth in _holders_since(connection, since):
        groups[(family, given, birth)].append(person_id)
    for ids in groups.values():
        for a, b in combinations(sorted(ids), 2):
            pairs[(a, b)] = ("exact", "Name und Geburtsdatum stimmen überein")
    for pair, match in _similar_pairs(_holders_on(connection, today)).items():
        pairs.setdefault(pair, match)
    if not pairs:
        return []
    table = PersonDistinction.__table__
    recorded = {
        (a, b) for a, b in connection.execute(select(table.c.person_id, table.c.other_person_id))
    }
    pairs = {pair: match for pair, match in pairs.items() if pair not in recorded}
    periods = _periods(connection, {i for pair in pairs for i in pair})
    found = []
    for (a, b), (kind, why) in sorted(pairs.items()):
        if any(s1 <= e2 and s2 <= e1 for s1, e1 in periods[a] for s2, e2 in periods[b]):
            found.append(DuplicateHolders(a, b, kind, why))
    return found
