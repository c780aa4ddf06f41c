"""The rows of a demo batch: built from generated households with ids assigned here, and
written through the driver's ``executemany``.

Assigning ids and bypassing the ORM is what makes a demo register of a million households
feasible; it is apart from :mod:`~kpass.services.admin.demo_data`, which decides what goes
into which transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from itertools import chain
from typing import Any

from sqlalchemy import Connection, Table, func, select, text

from kpass.demo.generator import DemoHousehold
from kpass.models import (
    Application,
    BenefitNotice,
    BenefitNoticePerson,
    Decision,
    Household,
    HouseholdAddress,
    HouseholdMember,
    Income,
    Pass,
    PassValidity,
    Person,
    PersonSearchToken,
    StatRecord,
)
from kpass.models.person_keys import person_key_columns, search_token_rows
from kpass.services.admin.demo_history import HistoryContext, simulate_history
from kpass.services.issuers import issuer_code
from kpass.text_keys import street_key

ID_TABLES: tuple[Any, ...] = (
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
OTHER_TABLES: tuple[Any, ...] = (PersonSearchToken, BenefitNoticePerson, StatRecord)


@dataclass
class BatchRows:
    """Rows of one batch, per table, in insertion order (parents first)."""

    tables: dict[str, list[dict[str, Any]]]

    @classmethod
    def empty(cls) -> BatchRows:
        names = [m.__tablename__ for m in (*ID_TABLES, *OTHER_TABLES)]
        return cls({name: [] for name in names})


def next_ids(connection: Connection) -> dict[str, int]:
    """The first free id of every table whose ids are assigned here."""
    return {
        model.__tablename__: int(connection.scalar(select(func.max(model.id))) or 0) + 1
        for model in ID_TABLES
    }


def _household_rows(
    h: DemoHousehold, ids: dict[str, int], rows: BatchRows, now: Any
) -> tuple[int, dict[int, int]]:
    """Register rows of one household; returns its id and the ids of its persons by key."""
    t = rows.tables

    def take(table: str) -> int:
        value = ids[table]
        ids[table] = value + 1
        return value

    def on(day: date) -> Any:
        # recorded when the household came to the office, as a real register would show
        # (the retention schedule counts from these days), never after the demo is written
        return min(now, datetime.combine(day, time(9), tzinfo=UTC))

    household_id = take("household")
    came = min(a.valid_from for a in h.addresses) if h.addresses else now.date()
    # the issuer of the residence, as the counter's household editor sets it
    issuer = issuer_code(h.addresses[-1].municipality if h.addresses else None)
    t["household"].append(
        {"id": household_id, "created_at": on(came), "version": 1, "issuer": issuer}
    )
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
                "issuer": issuer,
                "created_at": on(max(came, p.member_since)),
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
                "created_at": on(b.valid_from),
            }
        )
        for key in b.member_keys:
            t["benefit_notice_person"].append(
                {"notice_id": notice_id, "person_id": person_ids[key]}
            )
    return household_id, person_ids


def fix_sequences(connection: Connection) -> None:
    """PostgreSQL serials do not see explicit ids; move them past the new rows."""
    for model in ID_TABLES:
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
) -> tuple[BatchRows, int]:
    """All rows of a batch: the register and its casework history; returns the last serial."""
    rows = BatchRows.empty()
    context = HistoryContext(ids, rows.tables, as_of, seed, user_id, now, serial)
    for household in households:
        household_id, person_ids = _household_rows(household, ids, rows, now)
        if history:
            simulate_history(context, household, household_id, person_ids)
    return rows, context.serial


def insert_many(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows through the driver's executemany, converting values column by column.

    The column types' own bind processors do the conversion (so the stored form is what
    the ORM writes and reads), but once per column rather than per value and statement,
    which makes bulk loading several times cheaper than ``connection.execute(insert, rows)``.
    Rows may differ in their keys; a missing key is NULL.
    """
    dialect = connection.dialect
    names = sorted(set(chain.from_iterable(rows)))  # a dict iterates over its keys
    columns = [table.c[name] for name in names]
    processors = [column.type._cached_bind_processor(dialect) for column in columns]
    values = [[row.get(name) for row in rows] for name in names]
    for index, processor in enumerate(processors):
        if processor is not None:
            values[index] = [None if v is None else processor(v) for v in values[index]]
    quote = dialect.identifier_preparer.quote
    if dialect.name == "postgresql":
        _copy(connection, quote(table.name), [quote(n) for n in names], values)
        return
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
        f"VALUES ({', '.join(marker for _ in names)})"
    )
    connection.exec_driver_sql(sql, list(zip(*values, strict=True)))



def _copy(connection: Connection, table: str, names: list[str], values: list[list[Any]]) -> None:
    """PostgreSQL's COPY: several times faster than executemany's one statement per row
    (the processed values are sent as text, which the server parses per column type)."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
        for row in zip(*values, strict=True):
            copy.write_row(row)
