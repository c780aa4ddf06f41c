"""Rows that belong to a person beyond the person itself (search tokens)."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from kpass.models import Person, PersonSearchToken
from kpass.text_keys import name_key, name_tokens


def person_keys(family_name: str, given_names: str) -> tuple[str, str]:
    """The folded forms stored beside the names, for sorting and duplicate checks."""
    return name_key(family_name), name_key(given_names)


def token_rows(person_id: int, family_name: str, given_names: str) -> list[dict[str, object]]:
    """Search-token rows of a person, sorted so bulk inserts are deterministic."""
    return [
        {"token": token, "person_id": person_id}
        for token in sorted(name_tokens(family_name, given_names))
    ]


def refresh_search_tokens(session: Session, person: Person) -> None:
    """Rewrite a person's tokens after their name changed (call after flush)."""
    session.execute(delete(PersonSearchToken).where(PersonSearchToken.person_id == person.id))
    session.add_all(
        PersonSearchToken(token=str(row["token"]), person_id=person.id)
        for row in token_rows(person.id, person.family_name, person.given_names)
    )


def new_person(session: Session, **fields: object) -> Person:
    """Add a person with its folded keys and search tokens."""
    family = str(fields["family_name"])
    given = str(fields["given_names"])
    family_key, given_key = person_keys(family, given)
    person = Person(family_name_key=family_key, given_names_key=given_key, **fields)
    session.add(person)
    session.flush()
    refresh_search_tokens(session, person)
    return person
