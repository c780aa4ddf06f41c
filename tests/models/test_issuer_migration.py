"""Migration 0016 gives every existing row the issuer its data says, on both databases.

The register is the fixture of 0014 (a demo register of Stadt Karlsruhe with two years of
history); one household has moved to Ettlingen before the upgrade.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text

from kpass.models.engine import open_database
from kpass.models.migrate import migrate_to, upgrade
from tests.models.test_schema_fixtures import FIXTURES, _load_into_postgresql, fixture_revisions

#: The revision before the issuers (0016's down_revision when it was written).
BEFORE = "0014"


def test_existing_rows_get_the_issuer_of_their_data(
    backend: str, empty_database_url: str, tmp_path: Path
) -> None:
    # the newest register from before 0016 (0016 follows 0014 or a revision after it)
    revision = max(r for r in fixture_revisions() if r <= BEFORE)
    source = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / f"schema-{revision}.sqlite", source)
    if backend == "sqlite":
        url = f"sqlite:///{source}"
    else:
        _load_into_postgresql(source, empty_database_url, revision)
        url = empty_database_url
    database = open_database(url)
    try:
        if revision != BEFORE:
            migrate_to(database, "upgrade", BEFORE)
        with database.engine.begin() as connection:
            moved = connection.execute(text(
                "SELECT household_id FROM household_address WHERE valid_until IS NULL "
                "ORDER BY household_id LIMIT 1")).scalar_one()
            connection.execute(text(
                "UPDATE household_address SET municipality = 'Ettlingen', stadtteil_code = NULL "
                "WHERE household_id = :h AND valid_until IS NULL"), {"h": moved})
            members = set(connection.execute(text(
                "SELECT person_id FROM household_member WHERE household_id = :h"),
                {"h": moved}).scalars())
        upgrade(database, backup=False)
        with database.connect() as connection:
            def issuers(query: str) -> dict[object, str]:
                return {row[0]: row[1] for row in connection.execute(text(query))}

            households = issuers("SELECT id, issuer FROM household")
            assert len(households) == 40
            assert households.pop(moved) == "et"
            assert set(households.values()) == {"ka"}
            persons = issuers("SELECT id, issuer FROM person")
            assert {persons[p] for p in members} == {"et"}
            assert {v for k, v in persons.items() if k not in members} == {"ka"}
            # every decision so far was taken under Karlsruhe's rules, every pass numbered KA
            assert set(issuers("SELECT id, issuer FROM decision").values()) == {"ka"}
            assert set(issuers("SELECT number, issuer FROM pass").values()) == {"ka"}
            assert set(issuers("SELECT id, issuer FROM stat_record").values()) == {"ka"}
            assert set(issuers("SELECT id, issuer FROM app_user").values()) == {None}
    finally:
        database.dispose()
