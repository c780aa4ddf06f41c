"""``kpass demo-data``: a synthetic register written in complete, batched transactions.

Each batch of households is one transaction, so an interrupted run (even ``kill -9``)
leaves only whole households behind. Rows go in through Core ``executemany`` with ids
assigned here, which is several times faster than the ORM's unit of work.

Demo data goes only into a demo register: the first batch marks the database as one (a
``register_setting`` row :data:`~kpass.models.DEMO_REGISTER`, in the batch's transaction),
and a database that holds persons or households without that mark is refused
(:class:`DemoDataRefused`, nothing written). The mark also counts the households written
per seed: running demo data again with a seed continues that seed's households (household
``i`` of a seed is always the same) instead of writing the same people twice.

No two persons of a demo register are likely duplicates of each other as the duplicate
finder defines them (:mod:`kpass.services.household.duplicates`; the register would refuse to issue
them passes, and ``kpass db check`` would report them): a run reads the persons already in
the register into a :class:`DistinctPersons` and keeps it across its batches, and the
generator re-draws a new person's given name (or birth day) while it clashes. A run that
continues a seed therefore sees the seed's earlier households as one long run would have
seen them — the same register — and also the persons of other seeds and of other as-of
days, which regenerating the earlier households would miss.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, exists, func, select, text, update

from kpass.demo.distinct import PersonRegistry
from kpass.demo.generator import DemoHousehold, generate_households
from kpass.errors import InvalidInput
from kpass.models import (
    DEMO_REGISTER,
    Application,
    BenefitNotice,
    BenefitNoticePerson,
    Counter,
    Decision,
    Household,
    HouseholdAddress,
    HouseholdMember,
    Income,
    Pass,
    PassValidity,
    Person,
    PersonSearchToken,
    RegisterSetting,
    StatRecord,
)
from kpass.models.base import utcnow
from kpass.models.engine import Database, translate_errors
from kpass.models.person_keys import person_key_columns, search_token_rows
from kpass.services.admin.demo_history import HistoryContext, simulate_history
from kpass.services.household.duplicates import match_keys
from kpass.services.passes.actions import SERIAL_COUNTER
from kpass.services.uow import UnitOfWork
from kpass.text_keys import name_key, street_key

BATCH_SIZE = 2000
MAX_HOUSEHOLDS = 2_000_000
Progress = Callable[[int, int], None]

_ID_TABLES: tuple[Any, ...] = (
    Household,
    HouseholdAddress,
    Person,
    HouseholdMember,
    Income,
    BenefitNotice,
    Application,
    Decision,
    Pass,
    PassValidity,
)
_OTHER_TABLES: tuple[Any, ...] = (PersonSearchToken, BenefitNoticePerson, StatRecord)


@dataclass
class _Rows:
    """Rows of one batch, per table, in insertion order (parents first)."""

    tables: dict[str, list[dict[str, Any]]]

    @classmethod
    def empty(cls) -> _Rows:
        names = [m.__tablename__ for m in (*_ID_TABLES, *_OTHER_TABLES)]
        return cls({name: [] for name in names})


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


def _next_ids(connection: Connection) -> dict[str, int]:
    return {
        model.__tablename__: int(connection.scalar(select(func.max(model.id))) or 0) + 1
        for model in _ID_TABLES
    }


def _household_rows(
    h: DemoHousehold, ids: dict[str, int], rows: _Rows, now: Any
) -> tuple[int, dict[int, int]]:
    """Register rows of one household; returns its id and the ids of its persons by key."""
    t = rows.tables

    def take(table: str) -> int:
        value = ids[table]
        ids[table] = value + 1
        return value

    household_id = take("household")
    t["household"].append({"id": household_id, "created_at": now, "version": 1})
    addresses = h.addresses
    for i, a in enumerate(addresses):
        following = addresses[i + 1].valid_from if i + 1 < len(addresses) else None
        t["household_address"].append(
            {
                "id": take("household_address"),
                "household_id": household_id,
                "street": a.street,
                "street_key": street_key(a.street),
                "house_number": a.house_number,
                "postcode": a.postcode,
                "municipality": a.municipality,
                "stadtteil_code": a.stadtteil_code,
                "valid_from": a.valid_from,
                "valid_until": date.fromordinal(following.toordinal() - 1) if following else None,
            }
        )
    person_ids: dict[int, int] = {}
    for p in h.persons:
        person_id = take("person")
        person_ids[p.key] = person_id
        keys = person_key_columns(p.family_name, p.given_names, p.birth_date)
        t["person"].append(
            {
                "id": person_id,
                "family_name": p.family_name,
                "given_names": p.given_names,
                **keys,
                "birth_date": p.birth_date,
                "sex": p.sex,
                "disability": "disability" in p.flags,
                "foster_child": "foster_child" in p.flags,
                "died_on": None,
                "created_at": now,
                "version": 1,
            }
        )
        t["person_search_token"].extend(
            search_token_rows(person_id, p.family_name, p.given_names, keys["sort_key"])
        )
        t["household_member"].append(
            {
                "id": take("household_member"),
                "household_id": household_id,
                "person_id": person_id,
                "role": p.role,
                "valid_from": p.member_since,
                "valid_until": None,
            }
        )
        for income in p.incomes:
            t["income"].append(
                {
                    "id": take("income"),
                    "person_id": person_id,
                    "kind": income.kind,
                    "amount": income.amount,
                    "period": income.period,
                    # The evidence is recent, the income itself runs since the person
                    # joined: the history decides earlier applications on it.
                    "valid_from": p.member_since,
                    "valid_until": None,
                    "evidence": income.evidence,
                }
            )
    for b in h.benefits:
        notice_id = take("benefit_notice")
        t["benefit_notice"].append(
            {
                "id": notice_id,
                "household_id": household_id,
                "kind": b.kind,
                "valid_from": b.valid_from,
                "valid_until": b.valid_until,
                "reference": b.reference,
                "created_at": now,
            }
        )
        for key in b.member_keys:
            t["benefit_notice_person"].append(
                {"notice_id": notice_id, "person_id": person_ids[key]}
            )
    return household_id, person_ids


def _fix_sequences(connection: Connection) -> None:
    """PostgreSQL serials do not see explicit ids; move them past the new rows."""
    for model in _ID_TABLES:
        name = model.__tablename__
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {name}), false)"
            )
        )


def build_batch_rows(
    households: Iterable[DemoHousehold],
    ids: dict[str, int],
    *,
    as_of: date,
    seed: int,
    user_id: int,
    serial: int,
    now: Any,
    history: bool = True,
) -> tuple[_Rows, int]:
    """All rows of a batch: the register and its casework history; returns the last serial."""
    rows = _Rows.empty()
    context = HistoryContext(ids, rows.tables, as_of, seed, user_id, now, serial)
    for household in households:
        household_id, person_ids = _household_rows(household, ids, rows, now)
        if history:
            simulate_history(context, household, household_id, person_ids)
    return rows, context.serial


def _insert_many(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows through the driver's executemany, converting values column by column.

    The column types' own bind processors do the conversion (so the stored form is what
    the ORM writes and reads), but once per column rather than per value and statement,
    which makes bulk loading several times cheaper than ``connection.execute(insert, rows)``.
    Rows may differ in their keys; a missing key is NULL.
    """
    dialect = connection.dialect
    names = sorted(set().union(*(row.keys() for row in rows)))
    columns = [table.c[name] for name in names]
    processors = [column.type._cached_bind_processor(dialect) for column in columns]
    values = [[row.get(name) for row in rows] for name in names]
    for index, processor in enumerate(processors):
        if processor is not None:
            values[index] = [None if v is None else processor(v) for v in values[index]]
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
        f"VALUES ({', '.join(marker for _ in names)})"
    )
    connection.exec_driver_sql(sql, list(zip(*values, strict=True)))


def _write_batch(
    uow: UnitOfWork,
    households: Iterable[DemoHousehold],
    as_of: date,
    seed: int,
    history: bool,
    distinct: DistinctPersons | None = None,
) -> None:
    """Write the households (generated lazily, while the rows are built) in the unit of
    work; ``distinct``, the registry they are generated against, first reads the persons
    written since it last looked (by another run, between this run's batches)."""
    connection = uow.session.connection()
    user_id = uow.user_id()
    if connection.dialect.name == "postgresql":
        names = ", ".join(m.__tablename__ for m in (*_ID_TABLES, *_OTHER_TABLES, Counter))
        connection.execute(text(f"LOCK TABLE {names} IN EXCLUSIVE MODE"))
    if distinct is not None:
        distinct.read_register(connection)
    serial = connection.scalar(select(Counter.value).where(Counter.name == SERIAL_COUNTER))
    if serial is None:
        raise InvalidInput(
            "The database has no pass number counter; run: kpass db upgrade",
            "Die Datenbank hat keinen Passnummernzähler; bitte ausführen: kpass db upgrade",
        )
    ids = _next_ids(connection)
    rows, last_serial = build_batch_rows(
        households,
        ids,
        as_of=as_of,
        seed=seed,
        user_id=user_id,
        serial=int(serial),
        now=utcnow(),
        history=history,
    )
    tables: dict[str, Table] = {m.__tablename__: m.__table__ for m in (*_ID_TABLES, *_OTHER_TABLES)}
    for name, table_rows in rows.tables.items():
        if table_rows:
            _insert_many(connection, tables[name], table_rows)
    connection.execute(
        update(Counter).where(Counter.name == SERIAL_COUNTER).values(value=last_serial)
    )
    if connection.dialect.name == "postgresql":
        _fix_sequences(connection)
    if distinct is not None:
        # this batch's persons are in the registry already
        distinct.last_person_id = max(distinct.last_person_id, ids["person"] - 1)


@dataclass(frozen=True)
class DemoDataResult:
    households: int
    seed: int
    as_of: date
    first_index: int = 0  # the seed's first household written (> 0: the seed continued)


class DemoDataRefused(InvalidInput):
    """The database holds a register that is not a demo register (exit code 2)."""


def _seed_counts(setting: RegisterSetting | None) -> dict[str, int]:
    """Households written per seed, from the demo mark (an unreadable value counts none)."""
    if setting is None:
        return {}
    try:
        seeds = json.loads(setting.value).get("seeds", {})
        return {str(k): int(v) for k, v in seeds.items()}
    except (ValueError, TypeError, AttributeError):
        return {}


def _refuse_unless_demo(uow: UnitOfWork) -> RegisterSetting | None:
    """The demo mark; :class:`DemoDataRefused` when the register holds persons or
    households without it."""
    setting = uow.session.get(RegisterSetting, DEMO_REGISTER)
    if setting is not None:
        return setting
    holds_data = uow.session.scalar(select(exists().select_from(Person))) or uow.session.scalar(
        select(exists().select_from(Household))
    )
    if holds_data:
        households = int(uow.session.scalar(select(func.count()).select_from(Household)) or 0)
        german_count = f"{households:,}".replace(",", ".")
        raise DemoDataRefused(
            f"This database holds a register ({households:,} households) and is not a demo "
            "database: demo data would mix invented households with real ones. Write demo data "
            "into a new, empty database, e.g.: kpass --database sqlite:///demo.sqlite db "
            "upgrade",
            f"Diese Datenbank enthält ein Register ({german_count} Haushalte) und ist keine "
            "Demo-Datenbank: Demodaten würden erfundene Haushalte mit echten vermischen. "
            "Demodaten bitte in eine neue, leere Datenbank schreiben, z. B.: kpass --database "
            "sqlite:///demo.sqlite db upgrade",
        )
    return None


def _reserve_households(uow: UnitOfWork, seed: int, count: int) -> int:
    """Check and mark the register as a demo register, and reserve the seed's next
    ``count`` households; returns the index of the first (in the batch's transaction)."""
    connection = uow.session.connection()
    if connection.dialect.name == "postgresql":
        # concurrent runs take their households one after the other
        connection.execute(text("LOCK TABLE register_setting IN EXCLUSIVE MODE"))
    setting = _refuse_unless_demo(uow)
    seeds = _seed_counts(setting)
    start = seeds.get(str(seed), 0)
    seeds[str(seed)] = start + count
    value = json.dumps({"seeds": seeds}, sort_keys=True)
    if setting is None:
        uow.session.add(RegisterSetting(key=DEMO_REGISTER, value=value))
    else:
        setting.value = value
    uow.session.flush()
    return start


def check_household_count(households: int) -> None:
    if households < 0 or households > MAX_HOUSEHOLDS:
        raise InvalidInput(
            f"--households must be between 0 and {MAX_HOUSEHOLDS:,}, not {households}.",
            f"--households muss zwischen 0 und {MAX_HOUSEHOLDS:,} liegen, nicht {households}.",
        )


def create_demo_data(
    database: Database,
    households: int,
    seed: int,
    as_of: date,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    history: bool = True,
) -> DemoDataResult:
    """Write ``households`` synthetic households, batch by batch, each with two years of
    applications, decisions and passes up to ``as_of`` unless ``history`` is off."""
    check_household_count(households)
    done = 0
    first_index: int | None = None
    distinct = DistinctPersons()  # filled from the register by the first batch
    with translate_errors(database):
        with UnitOfWork(database, write=False) as uow:
            _refuse_unless_demo(uow)  # at once, before anything is generated
        while done < households:
            size = min(batch_size, households - done)
            with UnitOfWork(database) as uow:
                start = _reserve_households(uow, seed, size)
                if first_index is None:
                    first_index = start
                batch = generate_households(size, seed, as_of, start=start, distinct=distinct)
                _write_batch(uow, batch, as_of, seed, history, distinct)
                if done + size >= households:
                    uow.audit(
                        "demo_data",
                        "register",
                        None,
                        households=households,
                        seed=seed,
                        as_of=as_of.isoformat(),
                    )
                uow.commit()
            done += size
            if progress is not None:
                progress(done, households)
    return DemoDataResult(households, seed, as_of, first_index or 0)


_DIGEST_QUERIES = (
    "SELECT id, family_name, given_names, birth_date, sex, disability, foster_child "
    "FROM person ORDER BY id",
    "SELECT household_id, person_id, role, valid_from, valid_until "
    "FROM household_member ORDER BY id",
    "SELECT household_id, street, house_number, postcode, municipality, stadtteil_code, "
    "valid_from, valid_until FROM household_address ORDER BY id",
    "SELECT person_id, kind, amount, period, valid_from, evidence FROM income ORDER BY id",
    "SELECT household_id, kind, valid_from, valid_until, reference FROM benefit_notice ORDER BY id",
    "SELECT notice_id, person_id FROM benefit_notice_person ORDER BY notice_id, person_id",
    "SELECT id, household_id, applicant_person_id, application_date, kind FROM application "
    "ORDER BY id",
    "SELECT id, application_id, decided_on, rule_set FROM decision ORDER BY id",
    "SELECT id, number, person_id, pass_type, status, revoked_on FROM pass ORDER BY id",
    "SELECT pass_id, decision_id, kind, valid_from, valid_until FROM pass_validity ORDER BY id",
)


def register_digest(database: Database) -> str:
    """SHA-256 over the register's content (not its timestamps), for determinism checks."""
    digest = hashlib.sha256()
    with database.connect() as connection:
        for sql in _DIGEST_QUERIES:
            for row in connection.execute(text(sql)):
                digest.update(repr(tuple(_canonical(v) for v in row)).encode())
    return digest.hexdigest()


def _canonical(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
