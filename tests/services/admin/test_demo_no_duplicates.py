"""No two persons of a demo register are likely duplicates of each other.

The duplicate finder (:mod:`kpass.services.household.duplicates`) takes invented persons for one by
chance — same birth day and like names, or the same family name and a birth date one typo
away — and the register then refuses their passes and ``kpass db check`` fails. The
generator keeps them apart (:mod:`kpass.demo.distinct`, :class:`DistinctPersons`),
deterministically, also when a run continues a register.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from itertools import combinations

import pytest
from sqlalchemy import select

from kpass.demo.generator import DemoHousehold, generate_households, household_digest
from kpass.models import Person
from kpass.models.engine import Database, open_database
from kpass.models.migrate import upgrade
from kpass.services.admin.check import check_database
from kpass.services.admin.demo_data import DistinctPersons, create_demo_data
from kpass.services.household.duplicates import find_duplicates, match_keys
from kpass.services.household.identity import _similar_pairs, duplicate_pass_holders
from kpass.text_keys import name_key
from tests.gc_quiet import no_cycle_collection
from tests.register_builder import add_household

AS_OF = date(2026, 6, 15)
Keys = tuple[int, str, str, date]


def keyed(households: list[DemoHousehold]) -> list[Keys]:
    persons = (p for h in households for p in h.persons)
    return [
        (i, name_key(p.family_name), name_key(p.given_names), p.birth_date)
        for i, p in enumerate(persons)
    ]


def likely_duplicates(persons: list[Keys]) -> dict[tuple[int, int], tuple[str, str]]:
    """Every pair the finder matches: ``kpass db check``'s bucket scan (same birth day, or
    under one family name dates one typo apart), and exact pairs grouped on their own."""
    pairs = dict(_similar_pairs(persons))
    groups: dict[tuple[str, str, date], list[int]] = defaultdict(list)
    for person_id, family, given, birth in persons:
        groups[(family, given, birth)].append(person_id)
    for ids in groups.values():
        for pair in combinations(ids, 2):
            pairs[pair] = ("exact", "")
    return pairs


@pytest.fixture
def without_cycle_collection() -> Iterator[None]:
    """For the tests that generate tens of thousands of households (tests/gc_quiet.py)."""
    with no_cycle_collection():
        yield


def register_persons(database: Database) -> list[Keys]:
    with database.connect() as connection:
        rows = connection.execute(
            select(Person.id, Person.family_name_key, Person.given_names_key,
                   Person.birth_date).order_by(Person.id)
        )
        return [(i, family, given, birth) for i, family, given, birth in rows]


@pytest.mark.usefixtures("without_cycle_collection")
def test_a_generated_register_has_no_likely_duplicates() -> None:
    plain = list(generate_households(20_000, 11, AS_OF))
    kept_apart = list(generate_households(20_000, 11, AS_OF, distinct=DistinctPersons()))
    # by chance, hundreds of pairs (exact ones too); kept apart, none
    by_chance = likely_duplicates(keyed(plain))
    assert len(by_chance) > 200
    assert any(kind == "exact" for kind, _ in by_chance.values())
    assert likely_duplicates(keyed(kept_apart)) == {}
    # only the households with a clash differ, and only in names or birth days
    changed = [(a, b) for a, b in zip(plain, kept_apart, strict=True) if a != b]
    assert 0 < len(changed) < len(by_chance) * 1.2
    for a, b in changed:
        assert (a.index, a.household_type, a.addresses, a.benefits) == (
            b.index, b.household_type, b.addresses, b.benefits
        )
        for p, q in zip(a.persons, b.persons, strict=True):
            assert (p.family_name, p.sex, p.role, p.incomes, p.member_since) == (
                q.family_name, q.sex, q.role, q.incomes, q.member_since
            )
            assert abs((p.birth_date - q.birth_date).days) <= 7
        # a re-drawn given name is no other member's first given name
        for p, q in zip(a.persons, b.persons, strict=True):
            if p.given_names != q.given_names:
                others = {o.given_names.split()[0] for o in b.persons if o is not q}
                assert q.given_names.split()[0] not in others


@pytest.mark.usefixtures("without_cycle_collection")
def test_kept_apart_deterministically_whatever_the_batches() -> None:
    whole = list(generate_households(3000, 5, AS_OF, distinct=DistinctPersons()))
    again = list(generate_households(3000, 5, AS_OF, distinct=DistinctPersons()))
    assert household_digest(whole) == household_digest(again)
    shared = DistinctPersons()
    batched = [
        *generate_households(700, 5, AS_OF, distinct=shared),
        *generate_households(2300, 5, AS_OF, start=700, distinct=shared),
    ]
    assert batched == whole
    assert whole != list(generate_households(3000, 5, AS_OF))  # some were re-drawn


# (family, given, birth) pairs the finder takes for one person, and some it does not
SAME = [
    (("Müller", "Anna", date(1980, 3, 12)), ("Mueller", "Anna", date(1980, 3, 12))),
    (("Meier", "Jürgen", date(1960, 7, 1)), ("Meyer", "Jürgen", date(1960, 7, 1))),
    (("Yilmaz", "Ayse", date(1975, 2, 3)), ("Ayse", "Yilmaz", date(1975, 2, 3))),
    (("Schmidt", "Anna Maria", date(1990, 1, 5)), ("Schmidt", "Maria Anna", date(1990, 1, 5))),
    (("Weber", "Lena", date(2015, 9, 9)), ("Weber", "Lina", date(2015, 9, 9))),
    (("Kaya", "Elif", date(1988, 4, 30)), ("Demir", "Elif", date(1988, 4, 30))),
    (("Schulz-Kaya", "Elif", date(1988, 4, 30)), ("Kaya", "Elif", date(1988, 4, 30))),
    (("Wagner", "Thomas", date(1970, 5, 6)), ("Wagner", "Thomas", date(1970, 6, 5))),
    (("Wagner", "Thomas", date(1970, 5, 16)), ("Wagner", "Thomas", date(1970, 5, 26))),
    (("Wagner", "Thomas", date(1970, 1, 16)), ("Wagner", "Thomas", date(1970, 11, 16))),
    (("Wagner", "Thomas", date(1970, 5, 16)), ("Wagner", "Thomas", date(1978, 5, 16))),
    (("Wagner", "Thomas", date(1999, 5, 16)), ("Wagner", "Thomas", date(1899, 5, 16))),
    (("Wagner", "Thomas Karl", date(1970, 5, 16)), ("Wagner", "Thomas", date(1970, 5, 17))),
]
APART = [
    (("Müller", "Anna", date(1980, 3, 12)), ("Schneider", "Berta", date(1980, 3, 12))),
    (("Wagner", "Thomas", date(1970, 5, 16)), ("Wagner", "Thomas", date(1970, 5, 27))),
    (("Wagner", "Thomas", date(1970, 5, 16)), ("Wagner", "Peter", date(1970, 5, 17))),
    (("Wagner", "Thomas", date(1970, 5, 16)), ("Wagner", "Thomas", date(1971, 6, 16))),
    (("Wagner", "Thomas", date(1970, 5, 16)), ("Wegner", "Thomas", date(1970, 5, 17))),
    # given names alike, family names not
    (("Nguyen", "Linh", date(2001, 1, 1)), ("Tran", "Minh", date(2001, 1, 1))),
]


def finder_says(a: tuple[str, str, date], b: tuple[str, str, date]) -> bool:
    fa, ga, fb, gb = name_key(a[0]), name_key(a[1]), name_key(b[0]), name_key(b[1])
    return (
        match_keys(fa, ga, a[2], fb, gb, b[2]) is not None
        or match_keys(fb, gb, b[2], fa, ga, a[2]) is not None
    )


def registry_says(a: tuple[str, str, date], b: tuple[str, str, date]) -> bool:
    registry = DistinctPersons()
    registry.add(*a)
    return registry.clashes(*b)


@pytest.mark.parametrize(("a", "b"), SAME + APART)
def test_the_registry_uses_the_finders_definition(
    a: tuple[str, str, date], b: tuple[str, str, date]
) -> None:
    assert registry_says(a, b) == registry_says(b, a) == finder_says(a, b) == ((a, b) in SAME)


@pytest.mark.usefixtures("without_cycle_collection")
def test_the_registry_agrees_with_the_finder_on_generated_persons() -> None:
    households = list(generate_households(20_000, 3, AS_OF))  # generated once: ~1.5 s
    persons = [(p.family_name, p.given_names, p.birth_date) for h in households for p in h.persons]
    matched = likely_duplicates(keyed(households))
    assert len(matched) > 200
    pairs = list(matched)
    # pairs the buckets bring together that the finder does not match
    rng = random.Random(3)
    by_day: dict[date, list[int]] = defaultdict(list)
    by_family: dict[str, list[int]] = defaultdict(list)
    for i, (family, _, birth) in enumerate(persons):
        by_day[birth].append(i)
        by_family[name_key(family)].append(i)
    for bucket in rng.sample([b for b in by_day.values() if len(b) > 1], 300):
        pairs.extend(combinations(bucket[:4], 2))
    for bucket in [b for b in by_family.values() if len(b) > 1][:200]:
        pairs.extend(combinations(bucket[:6], 2))
    for i, j in pairs:
        a, b = persons[i], persons[j]
        expected = finder_says(a, b)
        assert expected == ((i, j) in matched), (a, b)
        assert registry_says(a, b) == registry_says(b, a) == expected, (a, b)


def test_a_demo_register_passes_the_check(database: Database) -> None:
    create_demo_data(database, 2500, 11, AS_OF)
    assert likely_duplicates(register_persons(database)) == {}
    with database.connect() as connection:
        assert duplicate_pass_holders(connection, AS_OF) == []
    report = check_database(database, today=AS_OF)
    assert report.ok, report.problems
    assert not [n for n in report.notes if "registered twice" in n], report.notes


@pytest.fixture(scope="module")
def persons_of_one_run(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, date]]:
    """The persons (name keys, birth day) of one run of 2,500 households of seed 11 into an
    empty SQLite register: the same for the test on either database, so written once."""
    once = open_database(f"sqlite:///{tmp_path_factory.mktemp('once') / 'once.sqlite'}")
    upgrade(once, backup=False)
    create_demo_data(once, 2500, 11, AS_OF, history=False)
    persons = [p[1:] for p in register_persons(once)]
    once.dispose()
    return persons


def test_a_continued_register_is_kept_apart_from_the_persons_there(
    database: Database, persons_of_one_run: list[tuple[str, str, date]]
) -> None:
    # two runs of the same seed are one run (the second reads the first's persons)
    create_demo_data(database, 1200, 11, AS_OF, batch_size=500)
    create_demo_data(database, 1300, 11, AS_OF, batch_size=700)
    persons = register_persons(database)
    assert [p[1:] for p in persons] == persons_of_one_run
    # and they differ from what the seed's households are without the register before
    plain = keyed(list(generate_households(1300, 11, AS_OF, start=1200)))
    assert [p[1:] for p in persons[-len(plain):]] != [p[1:] for p in plain]
    # a continuation with another as-of day, and another seed, regenerate nothing of the
    # register: only reading it keeps them apart
    create_demo_data(database, 1000, 11, date(2026, 11, 1), history=False)
    create_demo_data(database, 1000, 12, AS_OF, history=False)
    assert likely_duplicates(register_persons(database)) == {}


def test_persons_written_by_others_between_batches_are_read(database: Database) -> None:
    registry = DistinctPersons()
    with database.connect() as connection:
        registry.read_register(connection)
    assert registry.persons == 0
    add_household(database, [("Weiß", "Jürgen", date(1950, 5, 5), "applicant")])
    with database.connect() as connection:
        registry.read_register(connection)
        last = registry.last_person_id
        registry.read_register(connection)  # nothing new: nothing read twice
        assert registry.persons == 1 and registry.last_person_id == last
        assert registry.clashes("Weiss", "Juergen", date(1950, 5, 5))
        assert registry.clashes("Weiß", "Jürgen", date(1950, 5, 15))
        assert not registry.clashes("Weiß", "Jürgen", date(1950, 5, 27))
        # the finder agrees: it is the person registered
        assert [c.person_id for c in find_duplicates(connection, "Weiss", "Juergen",
                                                     date(1950, 5, 5))] == [last]


@pytest.mark.usefixtures("without_cycle_collection")
def test_households_drawn_elsewhere_are_kept_apart_as_drawn_here() -> None:
    """A helper process draws without the registry; taken in order against it, the
    households are exactly those generated against it (clashing ones drawn again)."""
    from kpass.demo.generator import drawn_households, kept_apart

    here = list(generate_households(12_000, 11, AS_OF, distinct=DistinctPersons()))
    drawn = drawn_households(12_000, 11, AS_OF, 0)
    taken = list(kept_apart(drawn, 11, AS_OF, DistinctPersons(), DistinctPersons))
    assert taken != drawn  # some households clashed and were drawn again
    assert household_digest(taken) == household_digest(here)


def test_a_register_written_with_a_helper_process_is_the_same(
    tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kpass.services.admin import demo_data

    registers = []
    for name, cores in (("alone", 1), ("helped", 2)):
        monkeypatch.setattr(demo_data, "cores", lambda cores=cores: cores)
        database = open_database(f"sqlite:///{tmp_path}/{name}.sqlite")
        upgrade(database, backup=False)
        create_demo_data(database, 900, 5, AS_OF, batch_size=200, history=False)
        registers.append(database)
    assert demo_data.register_digest(registers[0]) == demo_data.register_digest(registers[1])
