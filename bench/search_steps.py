"""What a caseworker types into the person search, keystroke by keystroke.

Shared by the search benchmarks, so the service and the Qt model are measured over the
same steps. Each step is the whole text of the field after one keystroke; the steps that
still mean nothing (a date half typed, "12.03.") are left out — they cost nothing.
"""

from __future__ import annotations

import random
import string
from typing import Any

# sqlite3's connection or bench.common.RawConnection (qmark parameters on both)
Connection = Any


def typed_queries(connection: Connection, count: int, seed: int = 11) -> list[str]:
    """Family name letter by letter, then the first given name's first letters, then the
    birth date, for ``count`` random persons."""
    rng = random.Random(seed)
    queries: list[str] = []
    for family, given, birth in _persons(connection, count, rng):
        for end in range(1, len(family) + 1):
            queries.append(family[:end])
        first_given = given.split()[0]
        for end in range(1, min(4, len(first_given)) + 1):
            queries.append(f"{family} {first_given[:end]}")
        queries.append(f"{family} {_german_date(birth)}")
    return queries


def hard_steps(
    connection: Connection, count: int, seed: int = 12, letters: bool = True
) -> list[str]:
    """The steps that read the most rows, for ``count`` other random persons.

    Every single letter (the first keystroke: "m" matches a fifth of all persons); two
    initials ("m a"); given name first, then the family name's first letters ("anna m",
    "anna mu"); a birth date alone; family name and birth year; a street typed with its
    house number ("r", "rh", … "rheinstr", "rheinstr 2", "rheinstr 24") and a pass number
    digit by digit ("KA-1034" to the whole number).
    """
    rng = random.Random(seed)
    steps = list(string.ascii_lowercase) if letters else []
    for family, given, birth in _persons(connection, count, rng):
        first_given = given.split()[0]
        steps.append(f"{family[0]} {first_given[0]}")
        steps.append(f"{first_given[0]} {family[0]}")
        for end in range(1, min(3, len(family)) + 1):
            steps.append(f"{first_given} {family[:end]}")
        steps.append(_german_date(birth))
        steps.append(f"{family} {birth[:4]}")
        steps.append(f"{family[0]} {birth[:4]}")
    for street, number in _addresses(connection, max(1, count // 4), rng):
        stem = street.split("straße")[0] + "str" if "straße" in street else street
        steps += [stem[:end] for end in range(4, len(stem) + 1)]
        steps += [f"{stem} {number[:end]}" for end in range(1, len(number) + 1)]
    for (number,) in _passes(connection, max(1, count // 4), rng):
        steps += [number[:end] for end in range(7, len(number) + 1) if number[end - 1] != "-"]
    return steps


def _addresses(
    connection: Connection, count: int, rng: random.Random
) -> list[tuple[str, str]]:
    rows = connection.execute(
        "SELECT street, house_number FROM household_address WHERE valid_until IS NULL "
        "ORDER BY id").fetchall()
    return rng.sample(rows, min(count, len(rows)))


def _passes(connection: Connection, count: int, rng: random.Random) -> list[tuple[str]]:
    rows = connection.execute("SELECT number FROM pass ORDER BY id").fetchall()
    return rng.sample(rows, min(count, len(rows)))


def warm_up_steps(connection: Connection) -> list[str]:
    """Other persons' steps, typed before measuring: a counter application that has run
    for a while has built its statements for every shape of query."""
    return hard_steps(connection, 5, seed=22, letters=False) + typed_queries(connection, 3, seed=21)


def _persons(
    connection: Connection, count: int, rng: random.Random
) -> list[tuple[str, str, str]]:
    ids = [row[0] for row in connection.execute("SELECT id FROM person ORDER BY id")]
    rows = [
        connection.execute(
            "SELECT family_name, given_names, birth_date FROM person WHERE id = ?", (person_id,)
        ).fetchone()
        for person_id in rng.sample(ids, min(count, len(ids)))
    ]
    # PostgreSQL's driver gives a date, sqlite3 the ISO text
    return [(family, given, str(birth)) for family, given, birth in rows]


def _german_date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"
