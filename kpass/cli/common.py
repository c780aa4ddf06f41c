"""Helpers shared by the CLI commands: the argument parser, checked argument types, opening
the database, printing.

Every id, date, month, number, pass number, file name and free text on the command line is
read by one of the ``*_arg`` types here, at parse time, before any database is opened. What
they accept: ASCII digits only (``٢٠٢٦`` is no year), ids that fit the database's 32-bit
integer columns, dates and months from 1900 to 2999 (so date arithmetic cannot overflow),
no lone surrogates (bytes that are not UTF-8) and no control characters. A bad value ends
the command with exit code 2 and one line in English and one in German that name the
argument and echo at most :data:`SHOWN_CHARS` characters of the value.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Collection, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn
from urllib.parse import urlsplit

from kpass.errors import InvalidInput

if TYPE_CHECKING:
    from kpass.services.admin import Database

#: Ids are ``Integer`` columns: 32-bit signed on PostgreSQL, and so kept on SQLite too.
MAX_ID = 2**31 - 1
#: Dates and months on the command line lie in these years (date arithmetic stays in range).
FIRST_YEAR = 1900
LAST_YEAR = 2999
#: A bad value is echoed with at most this many characters.
SHOWN_CHARS = 80
#: Pass numbers in one ``--passes`` list.
MAX_PASS_NUMBERS = 10_000
MAX_PATH_CHARS = 4096

_INTEGER = re.compile(r"[+-]?[0-9]+")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_PRINTABLE_ASCII = re.compile(r"[\x20-\x7e]+")
_ARGUMENT = re.compile(r"(argument [^:]+: )(.*)", re.DOTALL)
_INVALID_CHOICE = re.compile(r"(invalid choice: )(.*?)( \(choose from .*)?$", re.DOTALL)


def shown(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text`` quoted for a message: escaped like Python's repr (a lone surrogate or a
    control character cannot garble the terminal) and cut to ``limit`` characters with "…"."""
    quoted = repr(text)
    return quoted if len(quoted) <= limit else quoted[: limit - 1] + "…"


def _bad(english: str, german: str) -> argparse.ArgumentTypeError:
    # ArgumentParser.error below prints the two lines, each after the argument's name.
    return argparse.ArgumentTypeError(f"{english}\n{german}")


class ArgumentParser(argparse.ArgumentParser):
    """argparse with kpass's error lines: exit 2, English and German, bad values cut short.

    ``describe``: the description made when the help is shown, for a text that names what a
    service package knows (the parser is built without loading the services)."""

    describe: Callable[[], str] | None = None

    def format_help(self) -> str:
        if self.describe is not None:
            self.description = self.describe()
        return super().format_help()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        for line in _error_lines(message):
            # a lone surrogate in an unknown argument must not break the error message itself
            safe = line.encode("utf-8", "backslashreplace").decode("utf-8")
            print(f"{self.prog}: {safe}", file=sys.stderr)
        self.exit(2)


class ServiceChoices(Collection[str]):
    """The choices of an argument as a service package knows them, read from it when a value
    is checked or the help shown (``help="… %(choices)s"``), not when the parser is built:
    ``kpass`` starts without loading every service."""

    def __init__(self, load: Callable[[], Collection[str]]) -> None:
        self._load = load
        self._values: tuple[str, ...] | None = None

    def _all(self) -> tuple[str, ...]:
        if self._values is None:
            self._values = tuple(self._load())
        return self._values

    def __contains__(self, value: object) -> bool:
        return value in self._all()

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _error_lines(message: str) -> list[str]:
    prefix = ""
    match = _ARGUMENT.fullmatch(message)
    if match:
        prefix, message = match.group(1), match.group(2)
    english, _, german = message.partition("\n")
    if not german:  # argparse's own message ("invalid choice: …", "unrecognized …")
        choice = _INVALID_CHOICE.fullmatch(english)
        if choice:
            value = choice.group(2)
            if len(value) > SHOWN_CHARS:
                value = value[: SHOWN_CHARS - 1] + "…"
            english = f"{choice.group(1)}{value}{choice.group(3) or ''}"
        limit = 3 * SHOWN_CHARS
        return [prefix + (english if len(english) <= limit else english[: limit - 1] + "…")]
    return [prefix + english, prefix.replace("argument", "Argument", 1) + german]


def _de(number: int) -> str:
    """``1.000.000``: a number as German readers write it."""
    return f"{number:,}".replace(",", ".")


def _integer(text: str, low: int, high: int) -> int:
    stripped = text.strip(" \t")
    # [0-9], not int(): int() takes "٣", "1_000" and 5,000-digit numbers
    if len(stripped) > 40 or not _INTEGER.fullmatch(stripped) or not low <= int(stripped) <= high:
        raise _bad(
            f"{shown(text)} is not a whole number from {low:,} to {high:,}.",
            f"{shown(text)} ist keine ganze Zahl von {_de(low)} bis {_de(high)}.",
        )
    return int(stripped)


def id_arg(text: str) -> int:
    """A record id: 1 … 2,147,483,647 (the range of the database's integer columns)."""
    try:
        return _integer(text, 1, MAX_ID)
    except argparse.ArgumentTypeError:
        raise _bad(
            f"{shown(text)} is not an id (a whole number from 1 to {MAX_ID:,}).",
            f"{shown(text)} ist keine Kennnummer (eine ganze Zahl von 1 bis {_de(MAX_ID)}).",
        ) from None


def number_arg(low: int, high: int) -> Callable[[str], int]:
    """The type of a whole-number argument between ``low`` and ``high``."""

    def number(text: str) -> int:
        return _integer(text, low, high)

    return number


def _check_year(year: int, text: str, what_en: str, what_de: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise _bad(
            f"{shown(text)}: the {what_en} must lie in the years {FIRST_YEAR}–{LAST_YEAR}.",
            f"{shown(text)}: {what_de} muss in den Jahren {FIRST_YEAR}–{LAST_YEAR} liegen.",
        )


def parse_date(text: str) -> date:
    """A day written ``YYYY-MM-DD`` in ASCII digits, 1900–2999; ArgumentTypeError else."""
    match = _DATE.fullmatch(text.strip(" \t"))
    day: date | None = None
    if match:
        try:
            day = date(*(int(group) for group in match.groups()))
        except ValueError:
            day = None
    if match is None or day is None:
        raise _bad(
            f"{shown(text)} is not a date (expected YYYY-MM-DD, e.g. 2026-03-15).",
            f"{shown(text)} ist kein Datum (erwartet JJJJ-MM-TT, z. B. 2026-03-15).",
        )
    _check_year(day.year, text, "date", "das Datum")
    return day


def date_arg(text: str) -> date:
    """The argparse type of a date argument (see :func:`parse_date`)."""
    return parse_date(text)


def iso_date(text: str, option: str) -> date:
    """A date given on the command line as YYYY-MM-DD, read after parsing."""
    try:
        return parse_date(text)
    except argparse.ArgumentTypeError as exc:
        english, _, german = str(exc).partition("\n")
        raise InvalidInput(f"{option}: {english}", f"{option}: {german}") from None


class Month(NamedTuple):
    year: int
    month: int

    @property
    def text(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def month_arg(text: str) -> Month:
    """A month written ``YYYY-MM`` in ASCII digits, 1900–2999."""
    match = _MONTH.fullmatch(text.strip(" \t"))
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise _bad(
            f"{shown(text)} is not a month (expected YYYY-MM, e.g. 2027-03).",
            f"{shown(text)} ist kein Monat (erwartet JJJJ-MM, z. B. 2027-03).",
        )
    _check_year(int(match.group(1)), text, "month", "der Monat")
    return Month(int(match.group(1)), int(match.group(2)))


def _unprintable(text: str) -> bool:
    """Lone surrogates (undecodable bytes in argv) or control characters."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return any(unicodedata.category(c) == "Cc" for c in text)


def text_arg(max_chars: int, *, required: bool = True) -> Callable[[str], str]:
    """The type of a free-text argument: printable, at most ``max_chars`` characters, and
    not blank when ``required``."""

    def text(value: str) -> str:
        if _unprintable(value):
            raise _bad(
                f"{shown(value)} holds characters that are not text (control characters or "
                "bytes that are not UTF-8).",
                f"{shown(value)} enthält Zeichen, die kein Text sind (Steuerzeichen oder "
                "Bytes, die kein UTF-8 sind).",
            )
        if len(value) > max_chars:
            raise _bad(
                f"{shown(value)} is longer than {max_chars:,} characters.",
                f"{shown(value)} ist länger als {_de(max_chars)} Zeichen.",
            )
        if required and not value.strip():
            raise _bad("must not be empty.", "darf nicht leer sein.")
        return value

    return text


def path_arg(value: str) -> Path:
    """A file or folder name: not empty, printable, at most 4,096 characters."""
    text_arg(MAX_PATH_CHARS)(value)
    return Path(value)


def _pass_number(text: str) -> str:
    number = text.strip(" \t")
    if not number or len(number) > 40 or not _PRINTABLE_ASCII.fullmatch(number):
        raise _bad(
            f"{shown(text)} is not a pass number (e.g. KA-123456-78; ASCII digits only).",
            f"{shown(text)} ist keine Passnummer (z. B. KA-123456-78; nur ASCII-Ziffern).",
        )
    return number


def pass_number_arg(text: str) -> str:
    """A pass number as typed; its check digits are checked where it is looked up."""
    return _pass_number(text)


def pass_numbers_arg(text: str) -> list[str]:
    """Comma-separated pass numbers, each once, at most :data:`MAX_PASS_NUMBERS`."""
    parts = [part for part in text.split(",") if part.strip(" \t")]
    if not parts:
        raise _bad("names no pass number.", "nennt keine Passnummer.")
    if len(parts) > MAX_PASS_NUMBERS:
        raise _bad(
            f"names {len(parts):,} pass numbers; at most {MAX_PASS_NUMBERS:,} go on one print.",
            f"nennt {_de(len(parts))} Passnummern; höchstens {_de(MAX_PASS_NUMBERS)} passen in "
            "einen Druck.",
        )
    return list(dict.fromkeys(_pass_number(part) for part in parts))


_AMOUNT = re.compile(r"[0-9]+(?:[.,][0-9]{1,2})?")
_AMBIGUOUS_AMOUNT = re.compile(r"([1-9][0-9]{0,2})[.,]([0-9]{3})")


def amount_arg(text: str) -> str:
    """A euro amount as typed (``1430.00``, ``1430,00``, ``1430``), checked by the service.

    No thousands separators: ``1,900`` and ``1.900`` are refused as ambiguous (1900 or 1.90,
    depending on who wrote them), never guessed."""
    amount = text.strip(" \t")
    ambiguous = _AMBIGUOUS_AMOUNT.fullmatch(amount) if len(text) <= 32 else None
    if ambiguous:
        whole, cents = ambiguous.groups()
        small = cents[:2] if cents.endswith("0") else cents  # "1,900": 1.90
        raise _bad(
            f"{shown(text)} is ambiguous: {whole}{cents}.00 or {whole}.{small}? Write the "
            "amount without a thousands separator and with at most two decimals.",
            f"{shown(text)} ist mehrdeutig: {whole}{cents},00 oder {whole},{small}? "
            "Bitte ohne Tausendertrennzeichen und mit höchstens zwei Nachkommastellen.",
        )
    if len(text) > 32 or not _AMOUNT.fullmatch(amount):
        raise _bad(
            f"{shown(text)} is not an amount in euro (e.g. 1430.00).",
            f"{shown(text)} ist kein Eurobetrag (z. B. 1430,00).",
        )
    return amount


def database_from_args(
    args: argparse.Namespace,
    *,
    create: bool = False,
    require_schema: bool = True,
    login: bool = True,
) -> Database:
    """Open the database named by ``--database``/the environment/the default (see
    :func:`kpass.services.admin.open_register`) and log in (``--user``, the password);
    ``login=False`` for the owner's commands, which act without a login."""
    from kpass.services.admin import open_register

    warn_if_password(getattr(args, "database", None))
    database = open_register(getattr(args, "database", None), create=create,
                             require_schema=require_schema)
    if login:
        from kpass.cli.login import log_in_from_args

        log_in_from_args(database, args)
    return database


def warn_if_password(url_text: str | None) -> None:
    """A password in ``--database`` works, but every user of the computer can read it in
    the process list while kpass runs: say so on stderr."""
    try:
        password = urlsplit(url_text).password if url_text else None
    except ValueError:  # not a URL at all: opening it says what is wrong
        return
    if password:
        print("kpass: warning: the password in --database is visible to other users of this "
              "computer; put the URL into a file only you can read (chmod 600) and name it "
              "in KPASS_DATABASE_URL_FILE, or the password into ~/.pgpass.", file=sys.stderr)
        print("kpass: Warnung: das Passwort in --database ist für andere Benutzer dieses "
              "Rechners sichtbar; die URL besser in eine nur für Sie lesbare Datei (chmod 600) "
              "schreiben und diese in KPASS_DATABASE_URL_FILE nennen, oder das Passwort in "
              "~/.pgpass.", file=sys.stderr)


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
