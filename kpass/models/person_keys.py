"""Derived columns of a person for search and sorting, kept current by mapper events.

The search drives over ``person_search_token`` (one row per name word) in
``(token, sort_key)`` order: a typed prefix is a range on that index and the first page
comes out already sorted, without touching the person rows. Bulk loaders that bypass the
ORM call :func:`person_key_columns` and :func:`search_token_rows` themselves.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, delete, event, insert
from sqlalchemy.orm import Mapper

from kpass.models.register import Person, PersonSearchToken
from kpass.text_keys import name_key, name_tokens

# Below every printable character: "meyer" sorts before "meyer luedenscheidt".
_SEPARATOR = "\x1f"


def person_key_columns(family_name: str, given_names: str, birth_date: date) -> dict[str, str]:
    """``family_name_key``, ``given_names_key`` and ``sort_key`` of a person."""
    family = name_key(family_name)
    given = name_key(given_names)
    return {
        "family_name_key": family,
        "given_names_key": given,
        "sort_key": f"{family}{_SEPARATOR}{given}{_SEPARATOR}{birth_date.isoformat()}",
    }


def search_token_rows(
    person_id: int, family_name: str, given_names: str, sort_key: str
) -> list[dict[str, Any]]:
    """The token rows of one person, sorted so bulk inserts are deterministic."""
    return [
        {"person_id": person_id, "token": token, "sort_key": sort_key}
        for token in sorted(name_tokens(family_name, given_names))
    ]


@event.listens_for(Person, "before_insert")
@event.listens_for(Person, "before_update")
def _derive_keys(_mapper: Mapper[Person], _connection: Connection, person: Person) -> None:
    for column, value in person_key_columns(
        person.family_name, person.given_names, person.birth_date
    ).items():
        setattr(person, column, value)


@event.listens_for(Person, "after_insert")
@event.listens_for(Person, "after_update")
def _write_tokens(_mapper: Mapper[Person], connection: Connection, person: Person) -> None:
    table = PersonSearchToken.__table__
    assert isinstance(table, Table)
    connection.execute(delete(table).where(table.c.person_id == person.id))
    connection.execute(
        insert(table),
        search_token_rows(person.id, person.family_name, person.given_names, person.sort_key),
    )
