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
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, exists, func, select, text, update

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
from kpass.services.demo_history import HistoryContext, simulate_history
from kpass.services.passes import SERIAL_COUNTER
from kpass.services.uow import UnitOfWork
from kpass.text_keys import street_key

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
    uow: UnitOfWork, households: Iterable[DemoHousehold], as_of: date, seed: int, history: bool
) -> None:
    connection = uow.session.connection()
    user_id = uow.user_id()
    if connection.dialect.name == "postgresql":
        names = ", ".join(m.__tablename__ for m in (*_ID_TABLES, *_OTHER_TABLES, Counter))
        connection.execute(text(f"LOCK TABLE {names} IN EXCLUSIVE MODE"))
    serial = connection.scalar(select(Counter.value).where(Counter.name == SERIAL_COUNTER))
    if serial is None:
        raise InvalidInput(
            "The database has no pass number counter; run: kpass db upgrade",
            "Die Datenbank hat keinen Passnummernzähler; bitte ausführen: kpass db upgrade",
        )
    rows, last_serial = build_batch_rows(
        households,
        _next_ids(connection),
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
    with translate_errors(database):
        with UnitOfWork(database, write=False) as uow:
            _refuse_unless_demo(uow)  # at once, before anything is generated
        while done < households:
            size = min(batch_size, households - done)
            with UnitOfWork(database) as uow:
                start = _reserve_households(uow, seed, size)
                if first_index is None:
                    first_index = start
                batch = generate_households(size, seed, as_of, start=start)
                _write_batch(uow, batch, as_of, seed, history)
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
