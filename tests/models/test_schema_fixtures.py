"""Every schema revision a counter may still have on disk upgrades to today's register.

``tests/fixtures/schema-NNNN.sqlite`` was written by the kpass of the history whose newest
migration was NNNN (``scripts/make-schema-fixture``): 40 demo households with two years of
applications, decisions and passes, and from 0003 on a printed card. Each is upgraded as
``kpass db upgrade`` would and then used as the counter uses it — on SQLite as it lies on
disk, and on PostgreSQL after its rows were loaded into a database migrated to the same
revision (what an office that ran that version on PostgreSQL holds).
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import MetaData, text

from kpass.models.engine import Database, open_database
from kpass.models.migrate import current_revision, head_revision, migrate_to, upgrade
from kpass.services.access import create_first_admin, has_login_users, log_in
from kpass.services.admin import check_database, open_register
from kpass.services.admin.demo_users import DEMO_PASSWORD
from kpass.services.household import household_details, household_history
from kpass.services.printing import print_cards
from kpass.services.search import search_persons
from kpass.services.statistics import count_rows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
VERSIONS = Path(__file__).resolve().parents[2] / "kpass" / "models" / "migrations" / "versions"
#: The day the fixtures' demo registers were written for (0001: without history).
AS_OF = date(2026, 11, 20)


def revisions() -> list[str]:
    return sorted(
        match.group(1)
        for path in VERSIONS.glob("*.py")
        if (match := re.match(r"(\d{4})_", path.name))
    )


def fixture_revisions() -> list[str]:
    return sorted(path.stem.removeprefix("schema-") for path in FIXTURES.glob("schema-*.sqlite"))


def test_every_revision_before_the_newest_has_a_fixture() -> None:
    """A new migration is released with a fixture of the revision it upgrades from."""
    missing = [r for r in revisions()[:-1] if r not in fixture_revisions()]
    assert not missing, f"run scripts/make-schema-fixture for {missing}"


def _register_facts(database: Database, day: date) -> tuple[int, ...]:
    """Households, persons, passes and passes valid on ``day``, read with plain SQL."""
    with database.connect() as connection:
        return tuple(
            connection.execute(text(query), {"day": day}).scalar_one()
            for query in (
                "SELECT count(*) FROM household",
                "SELECT count(*) FROM person",
                "SELECT count(*) FROM pass",
                "SELECT count(DISTINCT p.id) FROM pass p "
                "JOIN pass_validity v ON v.pass_id = p.id "
                "WHERE v.valid_from <= :day AND v.valid_until >= :day "
                "AND (p.revoked_on IS NULL OR p.revoked_on > :day)",
            )
        )


def _load_into_postgresql(source: Path, url: str, revision: str) -> None:
    """The rows of ``source`` in the PostgreSQL database at ``url``, migrated to ``revision``."""
    target = open_database(url)
    migrate_to(target, "upgrade", revision)
    old = open_database(f"sqlite:///{source}")
    tables = MetaData()
    tables.reflect(target.engine)
    with old.connect() as reading, target.engine.begin() as writing:
        # The rows arrive in table order, not in the order of their references.
        writing.execute(text("SET session_replication_role = replica"))
        # What the migrations seeded (Stadtteile, counters) comes from the file as well.
        for table in reversed(tables.sorted_tables):
            if table.name != "alembic_version":
                writing.execute(table.delete())
        for table in tables.sorted_tables:
            if table.name == "alembic_version":
                continue
            rows = [dict(row) for row in reading.execute(table.select()).mappings()]
            if rows:
                writing.execute(table.insert(), rows)
            if "id" in table.c:
                writing.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                    )
                )
    old.dispose()
    target.dispose()


@pytest.fixture
def released(
    request: pytest.FixtureRequest, backend: str, empty_database_url: str, tmp_path: Path
) -> tuple[str, str]:
    """(revision, URL of a register as that revision left it) on the test's backend."""
    revision: str = request.param
    source = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / f"schema-{revision}.sqlite", source)
    source.chmod(0o600)
    if backend == "sqlite":
        return revision, f"sqlite:///{source}"
    _load_into_postgresql(source, empty_database_url, revision)
    return revision, empty_database_url


#: Schema 0011 brought logins: registers written before it have no user who can log in.
LOGINS_REVISION = 11


@pytest.mark.slow
@pytest.mark.parametrize("released", fixture_revisions(), indirect=True)
def test_a_released_register_upgrades_and_works(released: tuple[str, str], tmp_path: Path) -> None:
    revision, url = released
    database = open_register(url, require_schema=False)
    try:
        assert current_revision(database) == revision
        before = _register_facts(database, date(2026, 10, 31))
        result = upgrade(database)
        assert result.after == head_revision()
        assert result.changed == (revision != head_revision())

        # Nothing lost, nothing invented; the register's invariants hold.
        assert _register_facts(database, date(2026, 10, 31)) == before
        report = check_database(database, today=AS_OF)
        assert report.ok, report.problems

        if int(revision) < LOGINS_REVISION:
            # Nobody can log in to a register from before logins: the first admin is created
            # without one (kpass user add --role admin), and then the counter logs in.
            assert not has_login_users(database)
            create_first_admin(database, "leitung", "erstes-passwort")
            log_in(database, "leitung", "erstes-passwort")
        else:  # the demo register's admin, written by that version, still logs in
            log_in(database, "a.verwaltung", DEMO_PASSWORD)

        households, persons, passes, valid = before
        assert households == 40 and persons > households
        if passes == 0:  # 0001 was written before the demo had history
            return

        # The statistics count what the register holds.
        active = sum(
            row.count for row in count_rows(database, ["2026-10"], []) if row.measure == "active"
        )
        assert active == valid

        # The counter finds a person, opens the household and its history.
        with database.connect() as connection:
            person_id, family_name, household_id, number = connection.execute(
                text(
                    "SELECT p.id, p.family_name, m.household_id, x.number FROM pass x "
                    "JOIN person p ON p.id = x.person_id "
                    "JOIN household_member m ON m.person_id = p.id "
                    "JOIN pass_validity v ON v.pass_id = x.id "
                    "WHERE x.status = 'active' "
                    "AND v.valid_from <= :day AND v.valid_until >= :day "
                    "ORDER BY x.number LIMIT 1"
                ),
                {"day": AS_OF},
            ).one()
        hits = search_persons(database, family_name, on=AS_OF).hits
        assert person_id in {hit.person_id for hit in hits}
        details = household_details(database, household_id, AS_OF)
        assert person_id in {member.person_id for member in details.members}
        history = household_history(database, household_id, AS_OF)
        assert number in {p.number for p in history.passes}

        # A card of the old register is printed and signed with today's code.
        printed = print_cards(database, [number], tmp_path / "card.pdf", today=AS_OF)
        assert printed.path.read_bytes().startswith(b"%PDF")
    finally:
        database.dispose()
