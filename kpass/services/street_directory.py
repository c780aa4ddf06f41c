"""The city's street directory: import it, and suggest the Stadtteil for an address.

File format (CSV, UTF-8, ``;``): ``Straße;Hausnummern;Stadtteil`` with a header line, e.g.
``Kaiserstraße;1-89;01`` — the numbers as ``von-bis`` (inclusive) or ``alle``, the Stadtteil by
its two-digit code or its name. An import replaces the directory as a whole, in one
transaction; a bad line stops it with the line number and nothing changes.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, select

from kpass.errors import InvalidInput
from kpass.models import Stadtteil, StreetDirectoryEntry
from kpass.models.engine import Database
from kpass.services.uow import UnitOfWork
from kpass.text_keys import street_key

ALL_NUMBERS = (1, 9999)
_RANGE = re.compile(r"^\s*(\d{1,4})\s*[-–]\s*(\d{1,4})\s*$")
_NUMBER = re.compile(r"^\s*(\d{1,4})")


@dataclass(frozen=True)
class DirectoryLine:
    street: str
    number_from: int
    number_to: int
    stadtteil_code: str


def _street_key(street: str) -> str:
    # "Kaiserstr." and "Kaiserstraße" are the same street at the counter.
    return street_key(street)


def parse_directory(text: str, stadtteile: dict[str, str]) -> list[DirectoryLine]:
    """Lines of a directory file; ``stadtteile`` maps codes and lower-case names to codes."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    lines: list[DirectoryLine] = []
    for number, row in enumerate(reader, start=1):
        if not row or not any(cell.strip() for cell in row):
            continue
        if number == 1 and row[0].strip().lower() in ("straße", "strasse", "street"):
            continue
        if len(row) != 3:
            raise _bad(
                number,
                "expected 3 fields (street;numbers;Stadtteil)",
                "erwartet 3 Felder (Straße;Hausnummern;Stadtteil)",
            )
        street, numbers, place = (cell.strip() for cell in row)
        if not street:
            raise _bad(number, "the street is empty", "die Straße ist leer")
        if numbers.lower() in ("alle", "all", ""):
            first, last = ALL_NUMBERS
        else:
            match = _RANGE.match(numbers)
            if match is None:
                raise _bad(
                    number,
                    f"house numbers {numbers!r} are not 'from-to' or 'alle'",
                    f"Hausnummern „{numbers}“ sind weder „von-bis“ noch „alle“",
                )
            first, last = int(match.group(1)), int(match.group(2))
            if last < first:
                raise _bad(
                    number,
                    f"the range {numbers} runs backwards",
                    f"der Bereich {numbers} ist verkehrt herum",
                )
        code = stadtteile.get(place.zfill(2) if place.isdigit() else place.lower())
        if code is None:
            raise _bad(number, f"unknown Stadtteil {place!r}", f"unbekannter Stadtteil „{place}“")
        lines.append(DirectoryLine(street, first, last, code))
    if not lines:
        raise InvalidInput(
            "The street directory file has no entries.",
            "Die Datei des Straßenverzeichnisses enthält keine Einträge.",
        )
    return lines


def _bad(line: int, en: str, de: str) -> InvalidInput:
    return InvalidInput(
        f"Street directory, line {line}: {en}.", f"Straßenverzeichnis, Zeile {line}: {de}."
    )


def import_directory(database: Database, path: Path) -> int:
    """Replace the street directory with the file's lines; returns how many."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            f"Cannot read {path}: {exc}.", f"{path} kann nicht gelesen werden: {exc}."
        ) from exc
    with UnitOfWork(database) as uow:
        names: dict[str, str] = {}
        for code, name in uow.session.execute(select(Stadtteil.code, Stadtteil.name)):
            names[code] = code
            names[name.lower()] = code
        lines = parse_directory(text, names)
        uow.session.execute(delete(StreetDirectoryEntry))
        uow.session.add_all(
            StreetDirectoryEntry(
                street=line.street,
                street_key=_street_key(line.street),
                number_from=line.number_from,
                number_to=line.number_to,
                stadtteil_code=line.stadtteil_code,
            )
            for line in lines
        )
        uow.audit("import_streets", "street_directory", None, lines=len(lines), file=path.name)
        uow.commit()
    return len(lines)


def suggest_stadtteil(database: Database, street: str, house_number: str) -> str | None:
    """The Stadtteil code the directory gives for an address, or None when it cannot tell."""
    key = _street_key(street)
    if not key:
        return None
    match = _NUMBER.match(house_number or "")
    statement = select(StreetDirectoryEntry.stadtteil_code).where(
        StreetDirectoryEntry.street_key == key
    )
    if match is not None:
        number = int(match.group(1))
        statement = statement.where(
            StreetDirectoryEntry.number_from <= number, StreetDirectoryEntry.number_to >= number
        )
    with UnitOfWork(database, write=False) as uow:
        codes = set(uow.session.scalars(statement))
    return codes.pop() if len(codes) == 1 else None
