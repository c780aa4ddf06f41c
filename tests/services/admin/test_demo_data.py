"""``kpass demo-data`` writes a deterministic, consistent register, batch by batch."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kpass.models import Household, HouseholdMember, Person
from kpass.models.engine import Database, open_database
from kpass.models.migrate import upgrade
from kpass.services.admin.check import check_database
from kpass.services.admin.demo_data import create_demo_data, register_digest
from kpass.services.search.persons import search_persons
from kpass.services.uow import UnitOfWork
from tests.cli_process import run_kpass

AS_OF = date(2026, 6, 15)


@pytest.fixture(scope="module")
def sqlite_digests(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """Digests of 300 households of seed 7 (one batch) and of seed 8 in SQLite files: the same
    for the test on either database, so written once."""
    folder = tmp_path_factory.mktemp("digests")

    def digest(seed: int, **batches: int) -> str:
        other = open_database(f"sqlite:///{folder / f'seed-{seed}.sqlite'}")
        upgrade(other, backup=False)
        create_demo_data(other, 300, seed, AS_OF, **batches)
        made = register_digest(other)
        other.dispose()
        return made

    return digest(7, batch_size=300), digest(8)


def test_same_seed_same_register_on_both_databases(
    database: Database, sqlite_digests: tuple[str, str]
) -> None:
    seed_7, seed_8 = sqlite_digests
    create_demo_data(database, 300, 7, AS_OF, batch_size=70)
    assert register_digest(database) == seed_7
    assert seed_8 != seed_7


def test_register_is_consistent_and_searchable(database: Database) -> None:
    create_demo_data(database, 500, 3, AS_OF)
    assert check_database(database).ok
    with UnitOfWork(database, write=False) as uow:
        households = uow.session.scalar(select(func.count()).select_from(Household))
        persons = uow.session.scalar(select(func.count()).select_from(Person))
        applicants = uow.session.scalar(
            select(func.count()).select_from(HouseholdMember).where(
                HouseholdMember.role == "applicant"
            )
        )
        some_id, family, given = uow.session.execute(
            select(Person.id, Person.family_name, Person.given_names).limit(1)
        ).one()
    assert households == applicants == 500
    assert persons is not None and 1.9 <= persons / 500 <= 2.35
    found = search_persons(database, f"{family} {given}")
    assert some_id in [h.person_id for h in found.hits]


def test_demo_data_adds_to_an_existing_register(database: Database) -> None:
    create_demo_data(database, 50, 1, AS_OF)
    create_demo_data(database, 50, 2, AS_OF)
    assert check_database(database).ok
    with UnitOfWork(database, write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Household)) == 100


def test_cli_reports_and_status_counts(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    env = {**os.environ, "KPASS_DATABASE_URL": url}
    run_kpass("db", "upgrade", env=env, check=True)
    made = run_kpass("demo-data", "--households", "120", "--seed", "7", "--as-of", "2026-06-15",
                     env=env)
    assert made.returncode == 0, made.stderr
    assert "120 demo households" in made.stdout
    status = run_kpass("db", "status", "--json", env=env, check=True)
    counts = json.loads(status.stdout)["counts"]
    assert counts["households"] == 120 and counts["persons"] > 200
