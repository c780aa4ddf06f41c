"""The city's street directory: import it, and suggest the Stadtteil for an address.

File format (CSV, UTF-8, ``;``): ``Straße;Hausnummern;Stadtteil`` with a header line, e.g.
``Kaiserstraße;1-89;01`` — the numbers as ``von-bis`` (inclusive) or ``alle``, the Stadtteil by
its two-digit code or its name. An import replaces the directory as a whole, in one
transaction; a bad line stops it with the line number and nothing changes.

Limits, so that a wrong file is refused with a message (:class:`~kpass.errors.InvalidInput`,
exit code 2) before anything is written: at most :data:`MAX_FILE_BYTES` bytes and
:data:`MAX_ENTRIES` lines, a line at most :data:`MAX_LINE_CHARS` characters, a street at
most :data:`MAX_STREET_CHARS`; the file must be UTF-8 text (no NUL or other control bytes);
a first line that starts with "Straße" must be the header ``Straße;Hausnummern;Stadtteil``.
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
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.uow import UnitOfWork
from kpass.text_keys import street_key

ALL_NUMBERS = (1, 9999)
#: Karlsruhe's whole directory is well under 1 MB; 4 MiB leaves room and stops wrong files.
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_ENTRIES = 100_000
MAX_LINE_CHARS = 1000
MAX_STREET_CHARS = 120  # the street column's length
_HEADER_WORDS = (
    ("straße", "strasse", "street"),
    ("hausnummern", "hausnummer", "nummern", "house numbers", "numbers"),
    ("stadtteil", "district"),
)
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
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
    text = text.lstrip("\ufeff")
    for number, physical in enumerate(text.splitlines(), start=1):
        if len(physical) > MAX_LINE_CHARS:
            raise _bad(
                number,
                f"the line is longer than {MAX_LINE_CHARS:,} characters",
                f"die Zeile ist länger als {MAX_LINE_CHARS} Zeichen",
            )
    reader = csv.reader(io.StringIO(text), delimiter=";")
    lines: list[DirectoryLine] = []
    while True:
        number = reader.line_num + 1  # where the record starts (a quoted field may span lines)
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # e.g. a quote never closed runs past csv's field limit
            raise _bad(
                number,
                f"not readable as CSV, is a quote (\") not closed? ({exc})",
                f"nicht als CSV lesbar, fehlt ein schließendes Anführungszeichen (\")? ({exc})",
            ) from None
        if not row or not any(cell.strip() for cell in row):
            continue
        if number == 1 and row[0].strip().lower() in _HEADER_WORDS[0]:
            _check_header(row)
            continue
        try:
            lines.append(_entry(number, row, stadtteile))
        except InvalidInput:
            if number == 1 and not any(c.isdigit() for cell in row for c in cell):
                raise _header_error() from None  # a header, but not the right one
            raise
        if len(lines) > MAX_ENTRIES:
            raise _bad(
                number,
                f"more than {MAX_ENTRIES:,} entries",
                f"mehr als {MAX_ENTRIES:_} Einträge".replace("_", "."),
            )
    if not lines:
        raise InvalidInput(
            "The street directory file has no entries.",
            "Die Datei des Straßenverzeichnisses enthält keine Einträge.",
        )
    return lines


def _header_error() -> InvalidInput:
    return _bad(
        1,
        "the header must be Straße;Hausnummern;Stadtteil",
        "die Kopfzeile muss Straße;Hausnummern;Stadtteil lauten",
    )


def _check_header(row: list[str]) -> None:
    cells = [cell.strip().lower() for cell in row]
    if len(cells) != 3 or any(
        cell not in words for cell, words in zip(cells, _HEADER_WORDS, strict=True)
    ):
        raise _header_error()


def _entry(number: int, row: list[str], stadtteile: dict[str, str]) -> DirectoryLine:
    if len(row) != 3:
        raise _bad(
            number,
            "expected 3 fields (street;numbers;Stadtteil)",
            "erwartet 3 Felder (Straße;Hausnummern;Stadtteil)",
        )
    street, numbers, place = (cell.strip() for cell in row)
    if not street:
        raise _bad(number, "the street is empty", "die Straße ist leer")
    key = _street_key(street)
    if len(street) > MAX_STREET_CHARS or not key or len(key) > MAX_STREET_CHARS:
        raise _bad(
            number,
            f"{street[:40]!r} is no street name (letters, at most {MAX_STREET_CHARS} characters)",
            f"„{street[:40]}“ ist kein Straßenname (Buchstaben, höchstens {MAX_STREET_CHARS} "
            "Zeichen)",
        )
    if numbers.lower() in ("alle", "all", ""):
        first, last = ALL_NUMBERS
    else:
        match = _RANGE.match(numbers)
        if match is None:
            raise _bad(
                number,
                f"house numbers {numbers[:40]!r} are not 'from-to' or 'alle'",
                f"Hausnummern „{numbers[:40]}“ sind weder „von-bis“ noch „alle“",
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
        raise _bad(
            number,
            f"unknown Stadtteil {place[:40]!r}",
            f"unbekannter Stadtteil „{place[:40]}“",
        )
    return DirectoryLine(street, first, last, code)


def _bad(line: int, en: str, de: str) -> InvalidInput:
    return InvalidInput(
        f"Street directory, line {line}: {en}.", f"Straßenverzeichnis, Zeile {line}: {de}."
    )


def _cannot_read(path: Path, en: str, de: str) -> InvalidInput:
    shown = str(path)
    shown = shown if len(shown) <= 80 else "…" + shown[-79:]
    return InvalidInput(f"Cannot read {shown}: {en}.", f"{shown} kann nicht gelesen werden: {de}.")


def read_directory_file(path: Path) -> str:
    """The text of a directory file: at most :data:`MAX_FILE_BYTES`, UTF-8, no binary."""
    try:
        with open(path, "rb") as stream:  # read() of a bounded size: /dev/zero ends too
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _cannot_read(
            path, exc.strerror or str(exc), exc.strerror or "Fehler des Betriebssystems"
        ) from exc
    if len(data) > MAX_FILE_BYTES:
        raise _cannot_read(
            path,
            f"it is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; a street directory is "
            "far smaller (is it the right file?)",
            f"die Datei ist größer als {MAX_FILE_BYTES // (1024 * 1024)} MB; ein "
            "Straßenverzeichnis ist viel kleiner (ist es die richtige Datei?)",
        )
    if _CONTROL_BYTES.search(data):
        raise _cannot_read(
            path,
            "it is not a text file (it holds binary data)",
            "das ist keine Textdatei (sie enthält Binärdaten)",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _cannot_read(
            path,
            f"line {line} is not UTF-8 (save the file as \"CSV UTF-8\")",
            f"Zeile {line} ist nicht in UTF-8 (bitte als „CSV UTF-8“ speichern)",
        ) from None


@requires(Permission.SETTINGS)
def import_directory(database: Database, path: Path) -> int:
    """Replace the street directory with the file's lines; returns how many.

    The file is read and checked completely before the write transaction begins."""
    text = read_directory_file(path)
    with UnitOfWork(database, write=False) as uow:
        names: dict[str, str] = {}
        for code, name in uow.session.execute(select(Stadtteil.code, Stadtteil.name)):
            names[code] = code
            names[name.lower()] = code
    lines = parse_directory(text, names)
    with UnitOfWork(database) as uow:
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


@requires(Permission.READ_REGISTER)
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
