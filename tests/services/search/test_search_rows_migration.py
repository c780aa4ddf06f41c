"""Migration 0006: the search rows of an existing register gain the short prefixes.

A register written before 0006 holds one search row per name word. After the upgrade it
must hold exactly what kpass writes for a new person today, so short prefixes find old
persons as they find new ones; a downgrade leaves rows the old search reads correctly.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import insert, select

from kpass.models import Person, PersonSearchToken
from kpass.models.engine import Database, open_database
from kpass.models.migrate import head_revision, migrate_to, upgrade
from kpass.models.person_keys import person_key_columns, search_words
from kpass.services.search.persons import search_persons
from kpass.text_keys import name_tokens
from tests.logins import log_in_admin

PERSONS = (
    ("Müller", "Anna-Lena", date(1980, 3, 12)),
    ("Mueller-Schmidt", "Max", date(1975, 5, 1)),
    ("Ma", "Li Mark", date(1990, 1, 2)),  # "ma" is a word and begins "mark"
    ("Öztürk", "Ümit", date(1966, 9, 9)),
    ("Schäfer", "Sophie Sophia", date(2001, 12, 31)),
)


def _migrate(database: Database, direction: str, revision: str) -> None:
    migrate_to(database, direction, revision)


def _rows(database: Database) -> dict[int, set[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    with database.connect() as connection:
        table = PersonSearchToken.__table__
        for person_id, token in connection.execute(select(table.c.person_id, table.c.token)):
            found[person_id].add(token)
    return dict(found)


def _register_at_0005(database: Database) -> dict[int, tuple[str, str]]:
    """Persons written as kpass wrote them before 0006: one search row per word."""
    _migrate(database, "upgrade", "0005")
    names: dict[int, tuple[str, str]] = {}
    with database.engine.begin() as connection:
        for person_id, (family, given, birth) in enumerate(PERSONS, start=1):
            keys = person_key_columns(family, given, birth)
            connection.execute(
                insert(Person.__table__).values(
                    id=person_id,
                    family_name=family,
                    given_names=given,
                    birth_date=birth,
                    disability=False,
                    foster_child=False,
                    created_at=datetime(2026, 1, 1, tzinfo=UTC),
                    version=1,
                    **keys,
                )
            )
            connection.execute(
                insert(PersonSearchToken.__table__),
                [
                    {"person_id": person_id, "token": token, "sort_key": keys["sort_key"]}
                    for token in sorted(name_tokens(family, given))
                ],
            )
            names[person_id] = (family, given)
    return names


def test_upgrade_adds_the_prefix_rows_and_downgrade_takes_them_away(
    empty_database_url: str,
) -> None:
    database = open_database(empty_database_url)
    names = _register_at_0005(database)
    upgrade(database, backup=False)
    log_in_admin(database)
    assert [h.family_name for h in search_persons(database, "muel").hits] == [
        "Müller",
        "Mueller-Schmidt",
    ]
    assert _rows(database) == {pid: search_words(*name) for pid, name in names.items()}
    # Found by the short prefixes, in name order, like persons written after 0006.
    assert [h.family_name for h in search_persons(database, "m").hits] == [
        "Ma",
        "Müller",
        "Mueller-Schmidt",
    ]
    assert [h.given_names for h in search_persons(database, "s ma").hits] == ["Max"]

    _migrate(database, "downgrade", "0005")
    rows = _rows(database)
    for person_id, (family, given) in names.items():
        words = name_tokens(family, given)
        # Every word stays but a short one that begins another word of the same person
        # ("ma" of "Ma Li Mark"), which finds nobody "mark" does not find.
        kept = {w for w in words if not any(v != w and v.startswith(w) for v in words)}
        assert kept <= rows[person_id] <= words
    assert rows[3] == {"li", "mark"}
    # What the search before 0006 reads: the persons with a row beginning with the prefix.
    for prefix in ("m", "ma", "mar", "mu", "s", "l", "ue"):
        by_rows = {pid for pid, tokens in rows.items() if any(t.startswith(prefix) for t in tokens)}
        by_name = {
            pid
            for pid, name in names.items()
            if any(w.startswith(prefix) for w in name_tokens(*name))
        }
        assert by_rows == by_name, prefix

    upgrade(database, backup=False)
    assert _rows(database) == {pid: search_words(*name) for pid, name in names.items()}
    database.dispose()


def test_the_released_schema_0001_gains_the_prefix_rows(tmp_path: Path) -> None:
    import shutil

    fixtures = Path(__file__).resolve().parents[2] / "fixtures"
    path = tmp_path / "kpass.sqlite"
    shutil.copyfile(fixtures / "schema-0001.sqlite", path)
    database = open_database(f"sqlite:///{path}")
    assert upgrade(database, backup=False).after == head_revision()
    with sqlite3.connect(path) as connection:
        persons = connection.execute("SELECT id, family_name, given_names FROM person").fetchall()
    assert len(persons) > 50
    assert _rows(database) == {pid: search_words(family, given) for pid, family, given in persons}
    database.dispose()
