"""``kpass db check``: likely duplicates holding passes valid in overlapping periods.

The write-time wall (:mod:`~kpass.services.household.identity`) stops new cases; this
search finds the pairs already in a register (passes issued before the wall existed). It
reads the pass holders of the whole register at once and pairs them in buckets, instead of
asking the duplicate finder person by person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

from sqlalchemy import Connection, Date, Integer, String, bindparam, select, text

from kpass.models import Pass, PassValidity, PersonDistinction
from kpass.services.household.duplicates import MatchKind, match_keys

#: How far back ``kpass db check`` looks for exact duplicates among pass holders.
CHECK_YEARS = 2


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
