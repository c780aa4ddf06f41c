"""The signed revocation list: pass numbers that partners must no longer accept.

A text file, one item per line, each line ended by LF (format in docs/qr-payload.md)::

    KPASS-REVOCATIONS 1
    KEY-ID 243UGT
    ISSUED 2026-11-01
    COUNT 2
    KA-000001-51
    KA-123456-32
    SIGNATURE <base32 Ed25519 signature of all lines above, each ended by LF>

There is exactly one spelling of a list (the one :func:`sign_revocation_list` writes), and
:func:`read_revocation_list` refuses every other one, each with its own message: CR LF line
ends, a missing last LF, unsorted or repeated numbers, another spelling of the date or count.
The count line makes a truncated list fail even before the signature is checked.
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
    key_id_of,
    load_private_key,
    load_public_key,
)
from kpass.signing.payload import SIGNATURE_LENGTH, check_pass_number, pass_number_problem

HEADER = "KPASS-REVOCATIONS 1"
LINE_END = "\n"

_KEY_ID = re.compile(rf"[A-Z2-7]{{{KEY_ID_LENGTH}}}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_COUNT = re.compile(r"0|[1-9][0-9]*")


@dataclass(frozen=True)
class RevocationList:
    """A verified revocation list."""

    numbers: frozenset[str]
    issued_on: date
    key_id: str


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
    numbers: Iterable[str], issued_on: date, private_key: PrivateKeyInput, key_id: str
) -> str:
    """The signed revocation list text for ``numbers`` (canonical spelling, any order)."""
    key = load_private_key(private_key)
    if key_id_of(key) != key_id:
        raise KeyFormatError(
            f"key id {key_id!r} does not belong to the private key",
            f"Die Schlüsselkennung „{key_id}“ gehört nicht zum privaten Schlüssel",
        )
    ordered = _canonical_numbers(numbers)
    lines = [HEADER, f"KEY-ID {key_id}", f"ISSUED {issued_on.isoformat()}", f"COUNT {len(ordered)}"]
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
    if len(lines) < 5:
        raise _error("lacks KEY-ID, ISSUED or COUNT", "KEY-ID, ISSUED oder COUNT fehlt")
    return lines


def _issued_on(value: str) -> date:
    """The ISSUED date; only ``YYYY-MM-DD`` (``date.fromisoformat`` would take ``20261101``)."""
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise _error(
            f"ISSUED {value!r} is not a date written YYYY-MM-DD (e.g. 2026-11-01)",
            f"ISSUED „{value}“ ist kein als JJJJ-MM-TT geschriebenes Datum (z. B. 2026-11-01)",
        ) from None


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
    text: str, public_keys: Mapping[str, PublicKeyInput]
) -> RevocationList:
    """Parse and verify a revocation list; raises :class:`RevocationListError` unless genuine.

    Only the canonical form is accepted (docs/qr-payload.md, section 7): ASCII, every line
    ended by one LF and no CR, ``ISSUED`` as ``YYYY-MM-DD``, ``COUNT`` without leading zeros,
    canonical pass numbers in strictly ascending order, the SIGNATURE line last. Read the file
    as bytes (or with ``newline=""``): a text-mode read that converts line ends would hide a
    CR LF file.
    """
    lines = _split_lines(text)
    key_id = _value(lines, 1, "KEY-ID")
    if not _KEY_ID.fullmatch(key_id):
        raise _error(
            f"KEY-ID {key_id!r} is not 6 characters A-Z, 2-7",
            f"KEY-ID „{key_id}“ sind nicht 6 Zeichen A–Z, 2–7",
        )
    issued_on = _issued_on(_value(lines, 2, "ISSUED"))
    count_text = _value(lines, 3, "COUNT")
    if not _COUNT.fullmatch(count_text):
        raise _error(
            f"COUNT {count_text!r} is not a number written without leading zeros",
            f"COUNT „{count_text}“ ist keine ohne führende Nullen geschriebene Zahl",
        )
    numbers = lines[4:-1]
    if int(count_text) != len(numbers):
        raise _error(
            f"COUNT {count_text} but {len(numbers)} numbers (list cut off or edited)",
            f"COUNT {count_text}, aber {len(numbers)} Nummern (Liste gekürzt oder verändert)",
        )
    numbers = _numbers(numbers, first_line=5)
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
    body = "".join(line + LINE_END for line in lines[:-1])
    try:
        load_public_key(public_keys[key_id]).verify(signature, body.encode("ascii"))
    except InvalidSignature:
        raise _error(
            "the signature does not match: the list was altered or is forged",
            "die Signatur passt nicht: die Liste wurde verändert oder ist gefälscht",
        ) from None
    return RevocationList(frozenset(numbers), issued_on, key_id)


def load_revocation_list(text: str, public_keys: Mapping[str, PublicKeyInput]) -> set[str]:
    """The revoked pass numbers of a genuine list (see :func:`read_revocation_list`)."""
    return set(read_revocation_list(text, public_keys).numbers)
