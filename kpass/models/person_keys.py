"""Derived columns of a person for search and sorting, kept current by mapper events.

The search drives over ``person_search_token`` in ``(token, sort_key)`` order. Its rows
are the words of a person's name *and* their prefixes of up to :data:`SHORT_PREFIX`
letters ("mueller" also gives "m", "mu", "mue"), each once per person. So a short typed
prefix is an equality on that index and its matches come out in name order, the first
page without reading the rest ("m" matches a fifth of the register); a longer prefix is
a range over few rows. A row therefore means "a word of this person starts with it":
a range ``[p, p_end)`` still finds exactly the persons with a word starting with ``p``.
Bulk loaders that bypass the ORM call :func:`person_key_columns` and
:func:`search_token_rows` themselves. An address's ``street_key`` (folded street, see
:func:`kpass.text_keys.street_key`) is kept the same way.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, delete, event, insert
from sqlalchemy.orm import Mapper

from kpass.models.register import HouseholdAddress, Person, PersonSearchToken
from kpass.text_keys import name_key, name_tokens, street_key

# Below every printable character: "meyer" sorts before "meyer luedenscheidt".
SORT_KEY_SEPARATOR = "\x1f"
# The sort key ends with the separator and the ISO birth date: "…\x1f1980-03-12".
SORT_KEY_DATE_LENGTH = 11
# Prefixes up to this length get rows of their own (see the module docstring). Three
# covers "sch", the most frequent start of a German family name; a four-letter prefix
# matches at most a few thousand rows, cheap to sort.
SHORT_PREFIX = 3


def person_key_columns(family_name: str, given_names: str, birth_date: date) -> dict[str, str]:
    """``family_name_key``, ``given_names_key`` and ``sort_key`` of a person."""
    family = name_key(family_name)
    given = name_key(given_names)
    sep = SORT_KEY_SEPARATOR
    return {
        "family_name_key": family,
        "given_names_key": given,
        "sort_key": f"{family}{sep}{given}{sep}{birth_date.isoformat()}",
    }


def search_words(family_name: str, given_names: str) -> set[str]:
    """The name's words and their prefixes of up to :data:`SHORT_PREFIX` letters."""
    words: set[str] = set()
    for token in name_tokens(family_name, given_names):
        words.add(token)
        words.update(token[:length] for length in range(1, min(len(token), SHORT_PREFIX) + 1))
    return words


def search_token_rows(
    person_id: int, family_name: str, given_names: str, sort_key: str
) -> list[dict[str, Any]]:
    """The token rows of one person, sorted so bulk inserts are deterministic."""
    return [
        {"person_id": person_id, "token": token, "sort_key": sort_key}
        for token in sorted(search_words(family_name, given_names))
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


@event.listens_for(HouseholdAddress, "before_insert")
@event.listens_for(HouseholdAddress, "before_update")
def _derive_street_key(
    _mapper: Mapper[HouseholdAddress], _connection: Connection, address: HouseholdAddress
) -> None:
    address.street_key = street_key(address.street)
