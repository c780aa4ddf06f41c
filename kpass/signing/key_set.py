"""The signed key set: the office's card-signing keys, signed by its offline root key.

Partners pin the root key's *fingerprint* once (they get it from the office on paper or by
phone) and from then on trust any key set that the root key signed, that has not expired and
that is not older than one they saw before. The file is JSON in exactly one spelling (the
one :func:`sign_key_set` writes); the signature is over a line-based *signing text* built
from the values, so that no JSON library's quirks can change what is signed. Format, signing
text and the order of the checks are in docs/qr-payload.md, section 6.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from cryptography.exceptions import InvalidSignature

from kpass.signing.encoding import KEY_ID_LENGTH, b32_decode, b32_encode, key_id_for_public_bytes
from kpass.signing.errors import KeySetError
from kpass.signing.keys import (
    ALGORITHM,
    PrivateKeyInput,
    PublicKeyInput,
    TrustedKey,
    load_private_key,
    load_public_key,
    raw_public_bytes,
    split_trusted,
)
from kpass.signing.payload import SIGNATURE_LENGTH

FORMAT_NAME = "kpass-keyset"
FORMAT_VERSION = 1
SIGNING_HEADER = "KPASS-KEYSET 1"
#: Largest key-set version: fits a signed 32-bit integer everywhere.
MAX_VERSION = 2**31 - 1
#: A key set is small (about 200 bytes a key); anything longer is refused unread.
MAX_CHARS = 1_000_000

_MEMBERS = ("format", "format_version", "keyset_version", "issued", "expires", "root_key_id",
            "root_public_key", "keys", "signature")
_KEY_MEMBERS = ("key_id", "algorithm", "public_key", "not_after")
_HEX_KEY = re.compile(r"[0-9a-f]{64}")
_KEY_ID = re.compile(rf"[A-Z2-7]{{{KEY_ID_LENGTH}}}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FINGERPRINT = re.compile(r"[0-9A-Fa-f]{64}")


@dataclass(frozen=True)
class KeySetEntry:
    """One card-signing key of a key set."""

    key_id: str
    public_key: bytes
    not_after: date | None


@dataclass(frozen=True)
class KeySet:
    """A key set read from its file (see :func:`read_key_set` for one that was checked)."""

    version: int
    issued: date
    expires: date
    root_key_id: str
    root_public_key: bytes
    keys: tuple[KeySetEntry, ...]
    signature: bytes

    @property
    def fingerprint(self) -> str:
        return root_fingerprint(self.root_public_key)

    def trusted_keys(self) -> dict[str, TrustedKey]:
        """``{key id: TrustedKey}`` for :func:`~kpass.signing.verify.verify_payload`."""
        return {key.key_id: TrustedKey(key.public_key, key.not_after) for key in self.keys}

    def signing_text(self) -> str:
        return signing_text(self.version, self.issued, self.expires, self.root_public_key,
                            self.keys)


def _error(what_en: str, what_de: str) -> KeySetError:
    return KeySetError(f"key set: {what_en}", f"Schlüsselsatz: {what_de}")


def root_fingerprint(public_key: PublicKeyInput) -> str:
    """The fingerprint partners pin: SHA-256 of the 32 raw bytes of the root public key, as
    64 upper-case hex digits in 16 groups of 4 separated by single spaces."""
    raw = raw_public_bytes(load_public_key(public_key))
    digest = hashlib.sha256(raw).hexdigest().upper()
    return " ".join(digest[start:start + 4] for start in range(0, len(digest), 4))


def parse_fingerprint(text: str) -> str:
    """A fingerprint as typed (upper or lower case, with or without the spaces between the
    groups) in its canonical spelling; raises :class:`KeySetError` for anything else."""
    compact = text.replace(" ", "")
    if not _FINGERPRINT.fullmatch(compact):
        shown = text if len(text) <= 100 else text[:99] + "…"
        raise KeySetError(
            f"root fingerprint {shown!r} is not 64 hex digits (groups of 4 may be separated "
            "by spaces)",
            f"Wurzel-Fingerabdruck „{shown}“ sind nicht 64 Hexziffern (Vierergruppen dürfen "
            "durch Leerzeichen getrennt sein)",
        )
    upper = compact.upper()
    return " ".join(upper[start:start + 4] for start in range(0, len(upper), 4))


def signing_text(
    version: int, issued: date, expires: date, root_public_key: bytes,
    keys: tuple[KeySetEntry, ...],
) -> str:
    """The exact text the root key signs (ASCII, each line ended by LF)."""
    lines = [
        SIGNING_HEADER,
        f"KEYSET-VERSION {version}",
        f"ISSUED {issued.isoformat()}",
        f"EXPIRES {expires.isoformat()}",
        f"ROOT {key_id_for_public_bytes(root_public_key)} {root_public_key.hex()}",
    ]
    for key in keys:
        not_after = key.not_after.isoformat() if key.not_after is not None else "-"
        lines.append(f"KEY {key.key_id} {ALGORITHM} {key.public_key.hex()} {not_after}")
    return "".join(line + "\n" for line in lines)


def _document(key_set: KeySet) -> str:
    """The one spelling of the file: JSON, members in this order, two spaces per level."""
    document = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "keyset_version": key_set.version,
        "issued": key_set.issued.isoformat(),
        "expires": key_set.expires.isoformat(),
        "root_key_id": key_set.root_key_id,
        "root_public_key": key_set.root_public_key.hex(),
        "keys": [
            {
                "key_id": key.key_id,
                "algorithm": ALGORITHM,
                "public_key": key.public_key.hex(),
                "not_after": key.not_after.isoformat() if key.not_after is not None else None,
            }
            for key in key_set.keys
        ],
        "signature": b32_encode(key_set.signature),
    }
    return json.dumps(document, indent=2, ensure_ascii=True) + "\n"


def sign_key_set(
    keys: Mapping[str, PublicKeyInput | TrustedKey],
    *,
    version: int,
    issued: date,
    expires: date,
    root_private_key: PrivateKeyInput,
) -> str:
    """The key-set file for ``keys`` (key id → public key, or TrustedKey with the day it was
    retired), signed by the root key."""
    root = load_private_key(root_private_key)
    root_public = raw_public_bytes(root.public_key())
    if not 1 <= version <= MAX_VERSION:
        raise _error(f"keyset_version {version} is not from 1 to {MAX_VERSION}",
                     f"keyset_version {version} liegt nicht zwischen 1 und {MAX_VERSION}")
    if expires <= issued:
        raise _error("expires must be after issued", "expires muss nach issued liegen")
    if not keys:
        raise _error("there is no key to sign", "es gibt keinen Schlüssel zu signieren")
    entries = []
    for key_id in sorted(keys):
        public_key, not_after = split_trusted(keys[key_id])
        raw = raw_public_bytes(load_public_key(public_key))
        if key_id_for_public_bytes(raw) != key_id:
            raise _error(f"key id {key_id!r} does not belong to the key given for it",
                         f"Kennung „{key_id}“ gehört nicht zum angegebenen Schlüssel")
        if raw == root_public:
            raise _error("the root key must not be a card-signing key",
                         "der Wurzelschlüssel darf kein Kartenschlüssel sein")
        entries.append(KeySetEntry(key_id, raw, not_after))
    unsigned = KeySet(version, issued, expires, key_id_for_public_bytes(root_public),
                      root_public, tuple(entries), b"")
    signature = root.sign(unsigned.signing_text().encode("ascii"))
    return _document(KeySet(version, issued, expires, unsigned.root_key_id, root_public,
                            unsigned.keys, signature))


def _members(value: Any, names: tuple[str, ...], where_en: str, where_de: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _error(f"{where_en} is not a JSON object", f"{where_de} ist kein JSON-Objekt")
    if tuple(value) != names:
        raise _error(
            f"{where_en} must have exactly the members {', '.join(names)} in this order",
            f"{where_de} muss genau die Felder {', '.join(names)} in dieser Reihenfolge haben",
        )
    return value


def _integer(value: Any, name: str) -> int:
    if type(value) is not int or not 1 <= value <= MAX_VERSION:
        raise _error(f"{name} is not a whole number from 1 to {MAX_VERSION}",
                     f"{name} ist keine ganze Zahl von 1 bis {MAX_VERSION}")
    return value


def _date(value: Any, name: str) -> date:
    try:
        if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise _error(f"{name} is not a date written YYYY-MM-DD",
                     f"{name} ist kein als JJJJ-MM-TT geschriebenes Datum") from None


def _public_key(value: Any, key_id: Any, where_en: str, where_de: str) -> bytes:
    if not isinstance(value, str) or not _HEX_KEY.fullmatch(value):
        raise _error(f"{where_en}: the public key is not 64 hex digits in lower case",
                     f"{where_de}: der öffentliche Schlüssel sind nicht 64 Hexziffern in "
                     "Kleinbuchstaben")
    raw = bytes.fromhex(value)
    if not isinstance(key_id, str) or not _KEY_ID.fullmatch(key_id) \
            or key_id_for_public_bytes(raw) != key_id:
        raise _error(f"{where_en}: the key id does not match the public key",
                     f"{where_de}: die Kennung passt nicht zum öffentlichen Schlüssel")
    return raw


def _entry(value: Any, position: int) -> KeySetEntry:
    where_en, where_de = f"key {position}", f"Schlüssel {position}"
    entry = _members(value, _KEY_MEMBERS, where_en, where_de)
    if entry["algorithm"] != ALGORITHM:
        raise _error(f"{where_en}: algorithm is not {ALGORITHM}",
                     f"{where_de}: Verfahren ist nicht {ALGORITHM}")
    raw = _public_key(entry["public_key"], entry["key_id"], where_en, where_de)
    not_after = entry["not_after"]
    return KeySetEntry(entry["key_id"], raw,
                       None if not_after is None else _date(not_after, f"{where_en}: not_after"))


def _load_json(text: str) -> Any:
    if len(text) > MAX_CHARS:
        raise _error(f"longer than {MAX_CHARS} characters", f"länger als {MAX_CHARS} Zeichen")
    if not text.isascii():
        raise _error("contains non-ASCII characters", "enthält Zeichen außerhalb von ASCII")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # JSONDecodeError, or an integer far too long
        raise _error("not valid JSON", "kein gültiges JSON") from None


def parse_key_set(text: str) -> KeySet:
    """A key set from its file: every member in its format and the file in its one spelling;
    raises :class:`KeySetError` otherwise. The signature is not checked here
    (:func:`read_key_set` does all the checks)."""
    document = _members(_load_json(text), _MEMBERS, "the file", "die Datei")
    if document["format"] != FORMAT_NAME:
        raise _error(f'"format" is not "{FORMAT_NAME}"', f"„format“ ist nicht „{FORMAT_NAME}“")
    if type(document["format_version"]) is not int or document["format_version"] != 1:
        raise _error(f"format_version is not {FORMAT_VERSION} (update the checker for a later "
                     "one)", f"format_version ist nicht {FORMAT_VERSION} (für eine spätere das "
                     "Prüfprogramm aktualisieren)")
    version = _integer(document["keyset_version"], "keyset_version")
    issued = _date(document["issued"], "issued")
    expires = _date(document["expires"], "expires")
    if expires <= issued:
        raise _error("expires is not after issued", "expires liegt nicht nach issued")
    root_public = _public_key(document["root_public_key"], document["root_key_id"], "root key",
                              "Wurzelschlüssel")
    entries = document["keys"]
    if not isinstance(entries, list) or not entries:
        raise _error("keys is not a list of at least one key",
                     "keys ist keine Liste mit mindestens einem Schlüssel")
    keys = tuple(_entry(entry, position) for position, entry in enumerate(entries, start=1))
    for position, (before, after) in enumerate(pairwise(keys), start=2):
        if after.key_id <= before.key_id:
            raise _error(f"key {position}: key ids are not in strictly ascending order",
                         f"Schlüssel {position}: Kennungen nicht streng aufsteigend sortiert")
    if any(key.public_key == root_public for key in keys):
        raise _error("the root key is listed as a card-signing key",
                     "der Wurzelschlüssel steht als Kartenschlüssel in der Liste")
    signature_text = document["signature"]
    try:
        if not isinstance(signature_text, str) or len(signature_text) != SIGNATURE_LENGTH:
            raise ValueError(signature_text)
        signature = b32_decode(signature_text)
    except ValueError:
        raise _error(f"the signature is not {SIGNATURE_LENGTH} characters of base32 in "
                     "canonical form", f"die Signatur sind nicht {SIGNATURE_LENGTH} Zeichen "
                     "Base32 in kanonischer Form") from None
    key_set = KeySet(version, issued, expires, document["root_key_id"], root_public, keys,
                     signature)
    if _document(key_set) != text:
        raise _error(
            "not written in the one accepted spelling (layout, spacing, line ends or escapes "
            "differ from the file kpass writes)",
            "nicht in der einzigen zulässigen Schreibweise (Einrückung, Leerzeichen, "
            "Zeilenenden oder Maskierungen weichen von der Datei ab, die kpass schreibt)",
        )
    return key_set


def read_key_set(
    text: str, pinned_fingerprint: str, on: date, last_version: int | None = None
) -> KeySet:
    """A key set that passed every check of docs/qr-payload.md section 6.3, in that order:
    form, the pinned root, the root's signature, issued not after ``on``, not expired on
    ``on``, and its version not below ``last_version`` (the highest seen before)."""
    key_set = parse_key_set(text)
    pinned = parse_fingerprint(pinned_fingerprint)
    if key_set.fingerprint != pinned:
        raise _error(
            f"signed by another root key (fingerprint {key_set.fingerprint}), not by the "
            f"pinned one ({pinned})",
            f"von einem anderen Wurzelschlüssel signiert (Fingerabdruck "
            f"{key_set.fingerprint}), nicht vom hinterlegten ({pinned})",
        )
    try:
        load_public_key(key_set.root_public_key).verify(
            key_set.signature, key_set.signing_text().encode("ascii")
        )
    except InvalidSignature:
        raise _error("the root key's signature does not match: the file was altered or forged",
                     "die Signatur des Wurzelschlüssels passt nicht: die Datei wurde verändert "
                     "oder gefälscht") from None
    if key_set.issued > on:
        raise _error(
            f"issued {key_set.issued.isoformat()} is in the future (today is {on.isoformat()}): "
            "check the computer's date",
            f"issued {key_set.issued.isoformat()} liegt in der Zukunft (heute ist "
            f"{on.isoformat()}): bitte das Datum des Rechners prüfen",
        )
    if on > key_set.expires:
        raise _error(
            f"expired on {key_set.expires.isoformat()}: get the current key set from the office",
            f"am {key_set.expires.isoformat()} abgelaufen: bitte den aktuellen Schlüsselsatz "
            "bei der Stelle anfordern",
        )
    if last_version is not None and key_set.version < last_version:
        raise _error(
            f"version {key_set.version} is older than version {last_version}, seen before: "
            "keep using the newer key set",
            f"Version {key_set.version} ist älter als die bereits gesehene Version "
            f"{last_version}: bitte den neueren Schlüsselsatz weiter verwenden",
        )
    return key_set
