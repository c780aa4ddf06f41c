"""Demo data goes only into a demo register.

The first batch of demo data marks the database as a demo register (``register_setting``
``demo_register``, in the batch's own transaction). A database that holds persons or
households without that mark is refused — exit 2, English and German, nothing written. On
a demo register, running demo data again with the same seed continues that seed's
households instead of writing the same people twice: two runs of 40 are one run of 80.
"""

from __future__ import annotations

import contextlib
import io
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from kpass.cli import main
from kpass.models import DEMO_REGISTER, Base, Household, Person, RegisterSetting
from kpass.models.engine import Database, open_database
from kpass.models.migrate import upgrade
from kpass.services.admin import demo_data
from kpass.services.admin.check import check_database
from kpass.services.admin.demo_data import DemoDataRefused, create_demo_data, register_digest
from kpass.services.admin.status import database_status
from kpass.services.uow import UnitOfWork
from tests.register_builder import add_household

AS_OF = date(2026, 6, 15)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as exc:
            status = int(exc.code or 0)
    return status, out.getvalue(), err.getvalue()


def row_counts(database: Database) -> dict[str, int]:
    with database.connect() as connection:
        return {
            table.name: int(
                connection.execute(text(f'SELECT count(*) FROM "{table.name}"')).scalar_one()
            )
            for table in Base.metadata.sorted_tables
        }


def marks(database: Database) -> dict[str, str]:
    with UnitOfWork(database, write=False) as uow:
        return {s.key: s.value for s in uow.session.scalars(select(RegisterSetting))}


def persons(database: Database) -> list[tuple[str, str, date]]:
    with UnitOfWork(database, write=False) as uow:
        rows = uow.session.execute(
            select(Person.family_name, Person.given_names, Person.birth_date).order_by(Person.id)
        )
        return [(family, given, birth) for family, given, birth in rows]


def test_a_real_register_is_refused_and_nothing_written(
    database: Database, database_url: str
) -> None:
    add_household(database, [("Weiß", "Jürgen", date(1950, 5, 5), "applicant")])
    before = row_counts(database)
    with pytest.raises(DemoDataRefused) as refused:
        create_demo_data(database, 10, 1, AS_OF)
    assert refused.value.exit_code == 2
    assert "not a demo database" in refused.value.message_en
    assert "keine Demo-Datenbank" in refused.value.message_de
    status, out, err = run("--database", database_url, "demo-data", "--households", "10",
                           "--as-of", "2026-06-15", "--quiet")
    assert status == 2 and out == ""
    assert "not a demo database" in err and "keine Demo-Datenbank" in err
    assert "Traceback" not in err and "UNIQUE" not in err
    assert row_counts(database) == before and marks(database) == {}
    assert database_status(database).demo_register is False


def test_the_first_batch_marks_the_database_in_its_transaction(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_batch = demo_data._write_batch

    def failing(*args: object, **kwargs: object) -> None:
        write_batch(*args, **kwargs)  # type: ignore[arg-type]
        raise RuntimeError("power cut")

    monkeypatch.setattr(demo_data, "_write_batch", failing)
    with pytest.raises(RuntimeError):
        create_demo_data(database, 5, 1, AS_OF)
    assert marks(database) == {}  # rolled back with the batch
    monkeypatch.setattr(demo_data, "_write_batch", write_batch)
    create_demo_data(database, 5, 1, AS_OF)
    assert json.loads(marks(database)[DEMO_REGISTER]) == {"seeds": {"1": 5}}
    assert database_status(database).demo_register is True


def test_the_same_seed_again_continues_its_households(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    first = create_demo_data(database, 40, 7, AS_OF, batch_size=15)
    assert first.first_index == 0
    once = persons(database)
    status, out, err = run("--database", database_url, "demo-data", "--households", "40",
                           "--seed", "7", "--as-of", "2026-06-15", "--quiet")
    assert status == 0, err
    assert "continuing the seed at its household 41" in out
    twice = persons(database)
    assert twice[: len(once)] == once and len(twice) > len(once)
    assert not set(twice[len(once):]) <= set(once)  # new people, not the same ones again
    assert check_database(database).ok
    with UnitOfWork(database, write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(Household)) == 80
    assert json.loads(marks(database)[DEMO_REGISTER]) == {"seeds": {"7": 80}}
    # two runs of 40 are the same register as one run of 80
    other = open_database(f"sqlite:///{tmp_path / 'once.sqlite'}")
    upgrade(other, backup=False)
    create_demo_data(other, 80, 7, AS_OF)
    assert register_digest(other) == register_digest(database)
    other.dispose()
    status, out, _ = run("--database", database_url, "db", "status", "--json")
    assert status == 0 and json.loads(out)["demo_register"] is True


def test_another_seed_adds_to_a_demo_register(database: Database) -> None:
    create_demo_data(database, 20, 1, AS_OF)
    result = create_demo_data(database, 20, 2, AS_OF)
    assert result.first_index == 0
    assert json.loads(marks(database)[DEMO_REGISTER]) == {"seeds": {"1": 20, "2": 20}}
    assert check_database(database).ok
