"""``kpass demo-data``: a synthetic register written in complete, batched transactions.

Each batch of households is one transaction, so an interrupted run (even ``kill -9``)
leaves only whole households behind. Rows go in through Core ``executemany`` with ids
assigned here, which is several times faster than the ORM's unit of work.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, func, select, text

from kpass.demo.generator import DemoHousehold, generate_households
from kpass.errors import InvalidInput
from kpass.models import (
    BenefitNotice,
    BenefitNoticePerson,
    Household,
    HouseholdAddress,
    HouseholdMember,
    Income,
    Person,
    PersonSearchToken,
)
from kpass.models.base import utcnow
from kpass.models.engine import Database, translate_errors
from kpass.models.person_keys import person_key_columns, search_token_rows
from kpass.services.uow import UnitOfWork

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
)


@dataclass
class _Rows:
    """Rows of one batch, per table, in insertion order (parents first)."""

    tables: dict[str, list[dict[str, Any]]]

    @classmethod
    def empty(cls) -> _Rows:
        names = [m.__tablename__ for m in _ID_TABLES] + [
            PersonSearchToken.__tablename__,
            BenefitNoticePerson.__tablename__,
        ]
        return cls({name: [] for name in names})


def _next_ids(connection: Connection) -> dict[str, int]:
    return {
        model.__tablename__: int(connection.scalar(select(func.max(model.id))) or 0) + 1
        for model in _ID_TABLES
    }


def _household_rows(h: DemoHousehold, ids: dict[str, int], rows: _Rows, now: Any) -> None:
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
                    "valid_from": income.valid_from,
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


def _write_batch(uow: UnitOfWork, households: Iterable[DemoHousehold]) -> int:
    connection = uow.session.connection()
    if connection.dialect.name == "postgresql":
        names = ", ".join(m.__tablename__ for m in _ID_TABLES)
        connection.execute(text(f"LOCK TABLE {names} IN EXCLUSIVE MODE"))
    ids = _next_ids(connection)
    rows = _Rows.empty()
    now = utcnow()
    count = 0
    for household in households:
        _household_rows(household, ids, rows, now)
        count += 1
    tables: dict[str, Table] = {
        m.__tablename__: m.__table__ for m in (*_ID_TABLES, PersonSearchToken, BenefitNoticePerson)
    }
    for name, table_rows in rows.tables.items():
        if table_rows:
            connection.execute(tables[name].insert(), table_rows)
    if connection.dialect.name == "postgresql":
        _fix_sequences(connection)
    return count


@dataclass(frozen=True)
class DemoDataResult:
    households: int
    seed: int
    as_of: date


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
) -> DemoDataResult:
    """Write ``households`` synthetic households, batch by batch."""
    check_household_count(households)
    done = 0
    with translate_errors(database):
        while done < households:
            size = min(batch_size, households - done)
            with UnitOfWork(database) as uow:
                _write_batch(uow, generate_households(size, seed, as_of, start=done))
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
    return DemoDataResult(households, seed, as_of)


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
