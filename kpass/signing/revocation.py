"""The signed revocation list: pass numbers that partners must no longer accept.

A text file, one item per line (format in docs/qr-payload.md)::

    KPASS-REVOCATIONS 1
    KEY-ID ABCDEF
    ISSUED 2026-11-01
    COUNT 2
    KA-000001-xx
    KA-000002-xx
    SIGNATURE <base32 Ed25519 signature of all lines above, each ended by LF>

The count line makes a truncated list fail even before the signature is checked, with a
clearer message.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from cryptography.exceptions import InvalidSignature

from kpass.signing.encoding import b32_decode, b32_encode
from kpass.signing.errors import KeyFormatError, PayloadError, RevocationListError
from kpass.signing.keys import (
    PrivateKeyInput,
    PublicKeyInput,
    key_id_of,
    load_private_key,
    load_public_key,
)
from kpass.signing.payload import check_pass_number

HEADER = "KPASS-REVOCATIONS 1"


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
                f"{number!r} is not a pass number of the form KA-123456-78",
                f"„{number}“ ist keine Passnummer der Form KA-123456-78",
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
    body = "".join(line + "\n" for line in lines)
    signature = b32_encode(key.sign(body.encode("ascii")))
    return f"{body}SIGNATURE {signature}\n"


def _value(line: str, keyword: str) -> str:
    prefix = keyword + " "
    if not line.startswith(prefix):
        raise _error(f"expected a line {keyword} …, found {line[:40]!r}",
                     f"Zeile {keyword} … erwartet, gefunden: {line[:40]!r}")
    return line[len(prefix):]


def read_revocation_list(
    text: str, public_keys: Mapping[str, PublicKeyInput]
) -> RevocationList:
    """Parse and verify a revocation list; raises :class:`RevocationListError` unless genuine.

    Windows line ends are accepted (the signature covers the lines, each ended by LF).
    """
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    if len(lines) < 5 or lines[0] != HEADER:
        raise _error(f"does not start with {HEADER!r}", f"beginnt nicht mit „{HEADER}“")
    key_id = _value(lines[1], "KEY-ID")
    try:
        issued_on = date.fromisoformat(_value(lines[2], "ISSUED"))
    except ValueError:
        raise _error(
            "ISSUED is not a date YYYY-MM-DD", "ISSUED ist kein Datum JJJJ-MM-TT"
        ) from None
    count_text = _value(lines[3], "COUNT")
    numbers = lines[4:-1]
    if not count_text.isdigit() or int(count_text) != len(numbers):
        raise _error(
            f"COUNT {count_text} but {len(numbers)} numbers (list cut off or edited)",
            f"COUNT {count_text}, aber {len(numbers)} Nummern (Liste gekürzt oder verändert)",
        )
    try:
        signature = b32_decode(_value(lines[-1], "SIGNATURE"))
    except ValueError:
        raise _error("the signature is not base32", "die Signatur ist kein Base32") from None
    if key_id not in public_keys:
        raise _error(f"signed with unknown key {key_id}",
                     f"mit unbekanntem Schlüssel {key_id} signiert")
    body = "".join(line + "\n" for line in lines[:-1])
    try:
        load_public_key(public_keys[key_id]).verify(signature, body.encode("utf-8"))
    except InvalidSignature:
        raise _error(
            "the signature does not match: the list was altered or is forged",
            "die Signatur passt nicht: die Liste wurde verändert oder ist gefälscht",
        ) from None
    return RevocationList(frozenset(_canonical_numbers(numbers)), issued_on, key_id)


def load_revocation_list(text: str, public_keys: Mapping[str, PublicKeyInput]) -> set[str]:
    """The revoked pass numbers of a genuine list (see :func:`read_revocation_list`)."""
    return set(read_revocation_list(text, public_keys).numbers)
