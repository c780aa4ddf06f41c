"""The signed revocation list: pass numbers that partners must no longer accept.

A text file, one item per line, each line ended by LF (format in docs/qr-payload.md)::

    KPASS-REVOCATIONS 2
    KEY-ID 243UGT
    SEQUENCE 1
    ISSUED 2026-11-01
    NEXT-UPDATE 2026-11-08
    COUNT 2
    KA-000001-51
    KA-123456-32
    SIGNATURE <base32 Ed25519 signature of all lines above, each ended by LF>

There is exactly one spelling of a list (the one :func:`sign_revocation_list` writes), and
:func:`read_revocation_list` refuses every other one, each with its own message: CR LF line
ends, a missing last LF, unsorted or repeated numbers, another spelling of a date or number.
The count line makes a truncated list fail even before the signature is checked. SEQUENCE
grows with every list the office makes, so a checker that remembers the highest it has seen
refuses an older list given to it again; a list is *stale* after its NEXT-UPDATE day.
Version 1 lists (without SEQUENCE and NEXT-UPDATE) are no longer read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from cryptography.exceptions import InvalidSignature

from kpass.signing.encoding import KEY_ID_LENGTH, b32_decode, b32_encode
from kpass.signing.errors import KeyFormatError, PayloadError, RevocationListError
from kpass.signing.keys import (
    PrivateKeyInput,
    PublicKeyInput,
    TrustedKey,
    key_id_of,
    load_private_key,
    load_public_key,
    split_trusted,
)
from kpass.signing.payload import SIGNATURE_LENGTH, check_pass_number, pass_number_problem

FORMAT_NAME = "KPASS-REVOCATIONS"
FORMAT_VERSION = 2
HEADER = f"{FORMAT_NAME} {FORMAT_VERSION}"
LINE_END = "\n"
#: Largest SEQUENCE (and key-set version): fits a signed 32-bit integer everywhere.
MAX_SEQUENCE = 2**31 - 1
#: Lines before the pass numbers: header, KEY-ID, SEQUENCE, ISSUED, NEXT-UPDATE, COUNT.
_FIXED_LINES = 6

_KEY_ID = re.compile(rf"[A-Z2-7]{{{KEY_ID_LENGTH}}}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_COUNT = re.compile(r"0|[1-9][0-9]*")
_SEQUENCE = re.compile(r"[1-9][0-9]{0,9}")
_OTHER_HEADER = re.compile(rf"{FORMAT_NAME} ([1-9][0-9]{{0,5}})")


@dataclass(frozen=True)
class RevocationList:
    """A verified revocation list."""

    numbers: frozenset[str]
    issued_on: date
    key_id: str
    sequence: int
    next_update: date

    def is_stale(self, on: date) -> bool:
        """Whether the office promised a newer list by ``on`` (the day after NEXT-UPDATE)."""
        return on > self.next_update


def _error(what_en: str, what_de: str) -> RevocationListError:
    return RevocationListError(f"revocation list: {what_en}", f"Sperrliste: {what_de}")


def _canonical_numbers(numbers: Iterable[str]) -> list[str]:
    result = set()
    for number in numbers:
        try:
            check_pass_number(number)
        except PayloadError:
            raise _error(
                f"{number!r} is not a pass number of the form KA-123456-32",
                f"„{number}“ ist keine Passnummer der Form KA-123456-32",
            ) from None
        result.add(number)
    return sorted(result)


def sign_revocation_list(
    numbers: Iterable[str],
    issued_on: date,
    private_key: PrivateKeyInput,
    key_id: str,
    *,
    sequence: int,
    next_update: date,
) -> str:
    """The signed revocation list text for ``numbers`` (canonical spelling, any order).

    ``sequence`` is the list's number (1, 2, …: each list the office makes gets a higher
    one), ``next_update`` the day by which the office publishes the next list (after
    ``issued_on``).
    """
    key = load_private_key(private_key)
    if key_id_of(key) != key_id:
        raise KeyFormatError(
            f"key id {key_id!r} does not belong to the private key",
            f"Die Schlüsselkennung „{key_id}“ gehört nicht zum privaten Schlüssel",
        )
    if not 1 <= sequence <= MAX_SEQUENCE:
        raise _error(f"SEQUENCE {sequence} is not from 1 to {MAX_SEQUENCE}",
                     f"SEQUENCE {sequence} liegt nicht zwischen 1 und {MAX_SEQUENCE}")
    if next_update <= issued_on:
        raise _error("NEXT-UPDATE must be after ISSUED", "NEXT-UPDATE muss nach ISSUED liegen")
    ordered = _canonical_numbers(numbers)
    lines = [
        HEADER,
        f"KEY-ID {key_id}",
        f"SEQUENCE {sequence}",
        f"ISSUED {issued_on.isoformat()}",
        f"NEXT-UPDATE {next_update.isoformat()}",
        f"COUNT {len(ordered)}",
    ]
    lines.extend(ordered)
    body = "".join(line + LINE_END for line in lines)
    signature = b32_encode(key.sign(body.encode("ascii")))
    return f"{body}SIGNATURE {signature}{LINE_END}"


def _value(lines: list[str], index: int, keyword: str) -> str:
    line = lines[index]
    prefix = keyword + " "
    if not line.startswith(prefix):
        raise _error(
            f"line {index + 1}: expected {keyword} …, found {line[:40]!r}",
            f"Zeile {index + 1}: {keyword} … erwartet, gefunden: {line[:40]!r}",
        )
    return line[len(prefix):]


def _split_lines(text: str) -> list[str]:
    """The lines of a list in canonical form, without their LF; refuses any other line end."""
    if not text.isascii():
        raise _error("contains non-ASCII characters", "enthält Zeichen außerhalb von ASCII")
    if "\r" in text:
        raise _error(
            "contains a CR: lines must end with LF only, not CR LF (was the file converted "
            "to Windows line ends?)",
            "enthält ein CR: Zeilen enden nur mit LF, nicht mit CR LF (wurde die Datei in "
            "Windows-Zeilenenden umgewandelt?)",
        )
    if not text.startswith(HEADER + LINE_END):
        first_line = text.split(LINE_END, 1)[0]
        other = _OTHER_HEADER.fullmatch(first_line)
        if other is not None and other.group(1) == "1":
            raise _error(
                "format version 1 (without SEQUENCE and NEXT-UPDATE) is no longer read: ask "
                "the issuing office for a current list (KPASS-REVOCATIONS 2)",
                "Formatversion 1 (ohne SEQUENCE und NEXT-UPDATE) wird nicht mehr gelesen: "
                "bitte bei der ausgebenden Stelle eine aktuelle Liste anfordern "
                "(KPASS-REVOCATIONS 2)",
            )
        if other is not None:
            raise _error(
                f"names format version {other.group(1)}, only {FORMAT_VERSION} is known "
                "(update the checker)",
                f"nennt Formatversion {other.group(1)}, bekannt ist nur {FORMAT_VERSION} "
                "(Prüfprogramm aktualisieren)",
            )
        raise _error(f"does not start with the line {HEADER!r}",
                     f"beginnt nicht mit der Zeile „{HEADER}“")
    if not text.endswith(LINE_END):
        raise _error(
            "the last line does not end with LF (file cut off?)",
            "die letzte Zeile endet nicht mit LF (Datei abgeschnitten?)",
        )
    lines = text[: -len(LINE_END)].split(LINE_END)
    if not lines[-1].startswith("SIGNATURE "):
        raise _error(
            "the last line is not the SIGNATURE line (list cut off, or text after it)",
            "die letzte Zeile ist nicht die Zeile SIGNATURE (Liste abgeschnitten oder Text "
            "dahinter)",
        )
    if len(lines) < _FIXED_LINES + 1:
        raise _error(
            "lacks KEY-ID, SEQUENCE, ISSUED, NEXT-UPDATE or COUNT",
            "KEY-ID, SEQUENCE, ISSUED, NEXT-UPDATE oder COUNT fehlt",
        )
    return lines


def _date_value(keyword: str, value: str) -> date:
    """A date line's value; only ``YYYY-MM-DD`` (``date.fromisoformat`` would take
    ``20261101``)."""
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise _error(
            f"{keyword} {value!r} is not a date written YYYY-MM-DD (e.g. 2026-11-01)",
            f"{keyword} „{value}“ ist kein als JJJJ-MM-TT geschriebenes Datum "
            "(z. B. 2026-11-01)",
        ) from None


def _sequence(value: str) -> int:
    if not _SEQUENCE.fullmatch(value) or int(value) > MAX_SEQUENCE:
        raise _error(
            f"SEQUENCE {value!r} is not a number from 1 to {MAX_SEQUENCE} written without "
            "leading zeros",
            f"SEQUENCE „{value}“ ist keine ohne führende Nullen geschriebene Zahl von 1 bis "
            f"{MAX_SEQUENCE}",
        )
    return int(value)


def _numbers(lines: list[str], first_line: int) -> list[str]:
    """The pass numbers: each canonical, strictly ascending (so no repeats)."""
    previous = ""
    for line_number, number in enumerate(lines, start=first_line):
        problem = pass_number_problem(number)
        if problem is not None:
            raise _error(
                f"line {line_number}: pass number {number!r} {problem[0]}",
                f"Zeile {line_number}: Passnummer „{number}“ {problem[1]}",
            )
        if number == previous:
            raise _error(
                f"line {line_number}: {number} is repeated (each number appears once)",
                f"Zeile {line_number}: {number} ist wiederholt (jede Nummer steht nur einmal)",
            )
        if number < previous:
            raise _error(
                f"line {line_number}: numbers not sorted ({number} after {previous})",
                f"Zeile {line_number}: Nummern nicht sortiert ({number} nach {previous})",
            )
        previous = number
    return list(lines)


def read_revocation_list(
    text: str,
    public_keys: Mapping[str, PublicKeyInput | TrustedKey],
    *,
    on: date | None = None,
    last_sequence: int | None = None,
) -> RevocationList:
    """Parse and verify a revocation list; raises :class:`RevocationListError` unless it is
    genuine and acceptable.

    Only the canonical form is accepted (docs/qr-payload.md, section 7): ASCII, every line
    ended by one LF and no CR, dates as ``YYYY-MM-DD``, numbers without leading zeros,
    canonical pass numbers in strictly ascending order, the SIGNATURE line last. Read the file
    as bytes (or with ``newline=""``): a text-mode read that converts line ends would hide a
    CR LF file. A list issued after the retirement of its key is refused; with ``on``, one
    issued after ``on`` too; with ``last_sequence`` (the highest SEQUENCE seen before), an
    older list. Whether it is stale is for the caller to ask (:meth:`RevocationList.is_stale`).
    """
    lines = _split_lines(text)
    key_id = _value(lines, 1, "KEY-ID")
    if not _KEY_ID.fullmatch(key_id):
        raise _error(
            f"KEY-ID {key_id!r} is not 6 characters A-Z, 2-7",
            f"KEY-ID „{key_id}“ sind nicht 6 Zeichen A–Z, 2–7",
        )
    sequence = _sequence(_value(lines, 2, "SEQUENCE"))
    issued_on = _date_value("ISSUED", _value(lines, 3, "ISSUED"))
    next_update = _date_value("NEXT-UPDATE", _value(lines, 4, "NEXT-UPDATE"))
    if next_update <= issued_on:
        raise _error(
            f"NEXT-UPDATE {next_update.isoformat()} is not after ISSUED {issued_on.isoformat()}",
            f"NEXT-UPDATE {next_update.isoformat()} liegt nicht nach ISSUED "
            f"{issued_on.isoformat()}",
        )
    count_text = _value(lines, 5, "COUNT")
    if not _COUNT.fullmatch(count_text):
        raise _error(
            f"COUNT {count_text!r} is not a number written without leading zeros",
            f"COUNT „{count_text}“ ist keine ohne führende Nullen geschriebene Zahl",
        )
    numbers = lines[_FIXED_LINES:-1]
    if int(count_text) != len(numbers):
        raise _error(
            f"COUNT {count_text} but {len(numbers)} numbers (list cut off or edited)",
            f"COUNT {count_text}, aber {len(numbers)} Nummern (Liste gekürzt oder verändert)",
        )
    numbers = _numbers(numbers, first_line=_FIXED_LINES + 1)
    signature_text = _value(lines, len(lines) - 1, "SIGNATURE")
    try:
        if len(signature_text) != SIGNATURE_LENGTH:
            raise ValueError(signature_text)
        signature = b32_decode(signature_text)
    except ValueError:
        raise _error(
            f"the signature is not {SIGNATURE_LENGTH} characters of base32 (A-Z, 2-7)",
            f"die Signatur sind nicht {SIGNATURE_LENGTH} Zeichen Base32 (A–Z, 2–7)",
        ) from None
    if key_id not in public_keys:
        raise _error(f"signed with unknown key {key_id}",
                     f"mit unbekanntem Schlüssel {key_id} signiert")
    public_key, not_after = split_trusted(public_keys[key_id])
    body = "".join(line + LINE_END for line in lines[:-1])
    try:
        load_public_key(public_key).verify(signature, body.encode("ascii"))
    except InvalidSignature:
        raise _error(
            "the signature does not match: the list was altered or is forged",
            "die Signatur passt nicht: die Liste wurde verändert oder ist gefälscht",
        ) from None
    revocations = RevocationList(frozenset(numbers), issued_on, key_id, sequence, next_update)
    _check_acceptable(revocations, not_after, on, last_sequence)
    return revocations


def _check_acceptable(
    revocations: RevocationList, not_after: date | None, on: date | None,
    last_sequence: int | None,
) -> None:
    """The checks of a genuine list against the key's retirement, the day and the state."""
    issued = revocations.issued_on.isoformat()
    if not_after is not None and revocations.issued_on > not_after:
        raise _error(
            f"signed with key {revocations.key_id}, retired on {not_after.isoformat()}, but "
            f"ISSUED {issued}: a retired key signs nothing new",
            f"mit Schlüssel {revocations.key_id} signiert, der am {not_after.isoformat()} "
            f"stillgelegt wurde, aber ISSUED {issued}: ein stillgelegter Schlüssel "
            "signiert nichts Neues",
        )
    if on is not None and revocations.issued_on > on:
        raise _error(
            f"ISSUED {issued} is in the future (today is {on.isoformat()}): check the "
            "computer's date, or ask the office",
            f"ISSUED {issued} liegt in der Zukunft (heute ist {on.isoformat()}): bitte das "
            "Datum des Rechners prüfen oder bei der Stelle nachfragen",
        )
    if last_sequence is not None and revocations.sequence < last_sequence:
        raise _error(
            f"SEQUENCE {revocations.sequence} is lower than {last_sequence}, the highest seen "
            "before: this is an older list (keep using the newer one)",
            f"SEQUENCE {revocations.sequence} ist kleiner als {last_sequence}, die höchste "
            "bisher gesehene: das ist eine ältere Liste (bitte die neuere weiter verwenden)",
        )


def load_revocation_list(
    text: str, public_keys: Mapping[str, PublicKeyInput | TrustedKey]
) -> set[str]:
    """The revoked pass numbers of a genuine list (see :func:`read_revocation_list`)."""
    return set(read_revocation_list(text, public_keys).numbers)
