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

The registry is :mod:`~kpass.services.admin.distinct_persons`, the rows of a batch and their
bulk insert :mod:`~kpass.services.admin.demo_rows`, the casework history
:mod:`~kpass.services.admin.demo_history`; this module runs the batches and guards the register.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Table, exists, func, select, text, update

from kpass.demo.generator import DemoHousehold, generate_households, kept_apart
from kpass.errors import InvalidInput
from kpass.models import DEMO_REGISTER, Counter, Household, Pass, Person, RegisterSetting
from kpass.models.base import utcnow
from kpass.models.engine import Database, translate_errors
from kpass.services.access.guard import owner_command
from kpass.services.admin.demo_ahead import DrawAhead, cores
from kpass.services.admin.demo_rows import (
    ID_TABLES,
    OTHER_TABLES,
    build_batch_rows,
    fix_sequences,
    insert_many,
    next_ids,
)
from kpass.services.admin.demo_users import add_demo_users
from kpass.services.admin.distinct_persons import DistinctPersons
from kpass.services.audit.baseline import record_pass_baselines
from kpass.services.month_counts import add_to_months
from kpass.services.passes.actions import SERIAL_COUNTER
from kpass.services.uow import UnitOfWork

__all__ = [
    "BATCH_SIZE",
    "MAX_HOUSEHOLDS",
    "DemoDataRefused",
    "DemoDataResult",
    "DistinctPersons",
    "Progress",
    "build_batch_rows",
    "check_household_count",
    "create_demo_data",
    "register_digest",
]

BATCH_SIZE = 2000
MAX_HOUSEHOLDS = 2_000_000
Progress = Callable[[int, int], None]


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
        names = ", ".join(m.__tablename__ for m in (*ID_TABLES, *OTHER_TABLES, Counter))
        connection.execute(text(f"LOCK TABLE {names} IN EXCLUSIVE MODE"))
    if distinct is not None:
        distinct.read_register(connection)
    serial = connection.scalar(select(Counter.value).where(Counter.name == SERIAL_COUNTER))
    if serial is None:
        raise InvalidInput(
            "The database has no pass number counter; run: kpass db upgrade",
            "Die Datenbank hat keinen Passnummernzähler; bitte ausführen: kpass db upgrade",
        )
    ids = next_ids(connection)
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
    tables: dict[str, Table] = {m.__tablename__: m.__table__ for m in (*ID_TABLES, *OTHER_TABLES)}
    for name, table_rows in rows.tables.items():
        if table_rows:
            insert_many(connection, tables[name], table_rows)
    # written past the ORM, so summed here rather than on commit
    add_to_months(connection, rows.tables["stat_record"])
    connection.execute(
        update(Counter).where(Counter.name == SERIAL_COUNTER).values(value=last_serial)
    )
    if connection.dialect.name == "postgresql":
        fix_sequences(connection)
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
        add_demo_users(uow)
    else:
        setting.value = value
    uow.session.flush()
    return start


@contextmanager
def closing_ahead(ahead: DrawAhead | None) -> Iterator[None]:
    try:
        yield
    finally:
        if ahead is not None:
            ahead.close()


def check_household_count(households: int) -> None:
    if households < 0 or households > MAX_HOUSEHOLDS:
        raise InvalidInput(
            f"--households must be between 0 and {MAX_HOUSEHOLDS:,}, not {households}.",
            f"--households muss zwischen 0 und {MAX_HOUSEHOLDS:,} liegen, nicht {households}.",
        )


@owner_command
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
    # a helper process draws the next batch while this one writes, where that pays
    ahead = DrawAhead(seed, as_of) if households >= 2 * batch_size and cores() > 1 else None
    with translate_errors(database), closing_ahead(ahead):
        with UnitOfWork(database, write=False) as uow:
            _refuse_unless_demo(uow)  # at once, before anything is generated
        while done < households:
            size = min(batch_size, households - done)
            with UnitOfWork(database) as uow:
                start = _reserve_households(uow, seed, size)
                if first_index is None:
                    first_index = start
                drawn = ahead.take(start, size) if ahead is not None else None
                following = min(batch_size, households - done - size)
                if ahead is not None and following > 0:
                    ahead.ask(start + size, following)
                batch = (
                    generate_households(size, seed, as_of, start=start, distinct=distinct)
                    if drawn is None
                    else kept_apart(drawn, seed, as_of, distinct, DistinctPersons)
                )
                before = uow.session.scalar(select(func.max(Pass.id))) or 0
                _write_batch(uow, batch, as_of, seed, history, distinct)
                # the passes are written in bulk: their states go into the trail here, so
                # `audit verify` checks them like passes issued at the counter
                record_pass_baselines(uow, before)
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
