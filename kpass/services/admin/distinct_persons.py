"""The persons of a register as the duplicate finder compares them, so that the demo
generator can keep each new person apart from all of them.

A register of a million persons must not hold two the finder takes for the same person, and
asking the finder about every pair is out of the question; this index asks it only about the
pairs it could match, and is the hot loop of ``kpass demo-data``. It is apart from
:mod:`~kpass.services.admin.demo_data` because it knows the finder's rules, not how rows are
written.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, select

from kpass.demo.distinct import PersonRegistry
from kpass.models import Person
from kpass.services.household.duplicates import match_keys
from kpass.text_keys import name_key

# A registered person: folded family name, folded given names, birth date, and of the given
# names their first word, the set of their characters (a bit each, see _characters) and
# their length.
_Keys = tuple[str, str, date, str, int, int]


class DistinctPersons(PersonRegistry):
    """The persons of a register by what the duplicate finder compares, for keeping new ones
    apart from them (:class:`~kpass.demo.distinct.PersonRegistry`).

    :func:`~kpass.services.household.duplicates.match_keys` decides, asked both ways; the
    buckets only
    choose whom to ask, as the finder's queries do: everybody born on the same day, and
    under the same folded family name everybody whose birth date may be this one mistyped —
    one digit of the day off (same year and month), day and month swapped (same year), one
    digit of the month off (same year and day) or one of the year (same day and month).
    Tests that every pair the finder matches passes spare most of the comparisons: the
    digits of the dates (:func:`_one_digit_apart`), and whether two given names may be alike
    at all — the same first word, or lengths and letters close enough (what
    ``duplicates._close`` asks before it counts the edits) and then the finder's own verdict
    on the given names alone, computed once per pair of names (:meth:`_given_alike`).

    The buckets are tuples, not lists: the cyclic garbage collector stops tracking tuples of
    strings and dates, and would otherwise walk hundreds of thousands of lists again and
    again while the register is generated.
    """

    def __init__(self) -> None:
        self._by_day: dict[date, tuple[_Keys, ...]] = {}
        # (family, year, month), (family, year, day), (family, month, day)
        self._by_month: dict[tuple[str, int, int], tuple[_Keys, ...]] = {}
        self._by_day_of_year: dict[tuple[str, int, int], tuple[_Keys, ...]] = {}
        self._by_anniversary: dict[tuple[str, int, int], tuple[_Keys, ...]] = {}
        self._given_pairs: dict[tuple[str, str], bool] = {}
        # names repeat a lot: their folded keys, and of given names the first word and the
        # characters, are computed once (and shared by the entries)
        self._folded: dict[str, str] = {}
        self._given: dict[str, tuple[str, int, int]] = {}
        self.persons = 0
        #: The highest person id read from the register (:meth:`read_register`).
        self.last_person_id = 0

    def _fold(self, name: str) -> str:
        folded = self._folded.get(name)
        if folded is None:
            folded = self._folded[name] = name_key(name)
        return folded

    def _keys(self, family: str, given: str, birth: date) -> _Keys:
        parts = self._given.get(given)
        if parts is None:
            parts = self._given[given] = (
                given.split(" ", 1)[0], _characters(given), len(given)
            )
        return family, given, birth, parts[0], parts[1], parts[2]

    def _given_alike(self, keys: _Keys, other: _Keys) -> bool:
        """False only if the finder takes neither given names for alike (with another first
        word): asked with the same (empty) family name and birth day, where any given names
        it calls alike match (and some more: the same words in another order), once per pair
        of names — unless lengths or letters already rule it out: one typo is allowed in a name
        of up to four letters, else two, and each changes the length by at most one and the
        set of letters by at most two."""
        length, other_length = keys[5], other[5]
        limit = 1 if length <= 4 or other_length <= 4 else 2
        if (
            abs(length - other_length) > limit
            or (keys[4] ^ other[4]).bit_count() > 2 * limit
        ):
            return False
        pair = (keys[1], other[1])
        alike = self._given_pairs.get(pair)
        if alike is None:
            alike = self._given_pairs[pair] = _alike(
                ("", keys[1], _ANY_DAY, "", 0, 0), ("", other[1], _ANY_DAY, "", 0, 0)
            )
        return alike

    def clashes(self, family_name: str, given_names: str, birth_date: date) -> bool:
        return self.clash_with(family_name, given_names, birth_date) is not None

    def clash_with(
        self, family_name: str, given_names: str, birth_date: date
    ) -> tuple[str, str, date] | None:
        """A registered person (folded names, birth date) the finder would take this one
        for, or ``None``."""
        keys = self._keys(self._fold(family_name), self._fold(given_names), birth_date)
        family, given, _, first, characters, length = keys
        # Every reason on the same day needs the same family name, or the names swapped, or
        # given names alike. This loop runs a million times for 100,000 households: the
        # cheap half of _given_alike is repeated inline.
        for other in self._by_day.get(birth_date, ()):
            if (
                other[0] == family
                or other[3] == first
                or (other[1] == family and other[0] == given)
                or (
                    -2 <= length - other[5] <= 2
                    and (characters ^ other[4]).bit_count() <= 4
                    and self._given_alike(keys, other)
                )
            ) and _alike(keys, other):
                return other[:3]
        if not family:
            return None
        year, month, day = birth_date.year, birth_date.month, birth_date.day
        # a digit of the day off, or day and month swapped: the same year
        for other in self._by_month.get((family, year, month), ()):
            if _one_digit_apart(day, other[2].day, 2) and self._near(keys, other):
                return other[:3]
        if day <= 12 and day != month:
            for other in self._by_month.get((family, year, day), ()):
                if other[2].day == month and self._near(keys, other):
                    return other[:3]
        # a digit of the month off
        for other in self._by_day_of_year.get((family, year, day), ()):
            if _one_digit_apart(month, other[2].month, 2) and self._near(keys, other):
                return other[:3]
        # a digit of the year off
        for other in self._by_anniversary.get((family, month, day), ()):
            if _one_digit_apart(year, other[2].year, 4) and self._near(keys, other):
                return other[:3]
        return None

    def _near(self, keys: _Keys, other: _Keys) -> bool:
        """The finder's verdict on a nearby birth date (it asks for given names alike)."""
        return (keys[3] == other[3] or self._given_alike(keys, other)) and _alike(keys, other)

    def add(self, family_name: str, given_names: str, birth_date: date) -> None:
        self._add(self._keys(self._fold(family_name), self._fold(given_names), birth_date))

    def _add(self, keys: _Keys) -> None:
        family, birth = keys[0], keys[2]
        by_day = self._by_day
        by_day[birth] = (*by_day.get(birth, ()), keys)
        if family:
            year, month, day = birth.year, birth.month, birth.day
            for buckets, bucket in (
                (self._by_month, (family, year, month)),
                (self._by_day_of_year, (family, year, day)),
                (self._by_anniversary, (family, month, day)),
            ):
                buckets[bucket] = (*buckets.get(bucket, ()), keys)
        self.persons += 1

    def read_register(self, connection: Connection) -> None:
        """Add the register's persons after :attr:`last_person_id` (at the start of a run
        all of them; before a later batch those another run wrote in between)."""
        table = Person.__table__
        rows = connection.execute(
            select(table.c.id, table.c.family_name_key, table.c.given_names_key,
                   table.c.birth_date)
            .where(table.c.id > self.last_person_id)
            .order_by(table.c.id)
        )
        for person_id, family, given, birth in rows:
            self._add(self._keys(family, given, birth))
            self.last_person_id = person_id


_ANY_DAY = date(2000, 1, 1)
_CHARACTER_BITS = {
    character: 1 << bit for bit, character in enumerate(" 0123456789abcdefghijklmnopqrstuvwxyz")
}


def _characters(key: str) -> int:
    """The set of a folded key's characters as bits (folded keys use no others)."""
    bits = 0
    for character in key:
        bits |= _CHARACTER_BITS.get(character, 0)
    return bits


def _alike(keys: _Keys, other: _Keys) -> bool:
    """The finder's verdict, asked both ways (it is symmetric, but need not stay so)."""
    family, given, birth = keys[0], keys[1], keys[2]
    other_family, other_given, other_birth = other[0], other[1], other[2]
    return (
        match_keys(family, given, birth, other_family, other_given, other_birth) is not None
        or match_keys(other_family, other_given, other_birth, family, given, birth) is not None
    )


def _one_digit_apart(a: int, b: int, digits: int) -> bool:
    """Whether ``a`` and ``b``, written with ``digits`` digits, differ in exactly one."""
    differing = 0
    for _ in range(digits):
        differing += a % 10 != b % 10
        a, b = a // 10, b // 10
    return differing == 1
