"""Ed25519 keys: generation, loading, key ids, trusted keys and the unsigned key file.

Private keys are PKCS#8 PEM (unencrypted; protect the file, not the bytes) or the 32-byte raw
seed. Public keys are the 32 raw bytes, 64 hex digits or a SubjectPublicKeyInfo PEM. No
function here ever writes or shows private key material; error messages never quote the key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kpass.signing.encoding import key_id_for_public_bytes
from kpass.signing.errors import KeyFormatError

PrivateKeyInput = bytes | str | Ed25519PrivateKey
PublicKeyInput = bytes | str | Ed25519PublicKey

PUBLIC_KEY_FILE_FORMAT = "kpass-public-keys"
PUBLIC_KEY_FILE_VERSION = 1
ALGORITHM = "Ed25519"

_HEX_KEY = re.compile(r"[0-9a-fA-F]{64}")
# In the public-key file only the spelling export_public_keys writes: lower case.
_FILE_HEX_KEY = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class TrustedKey:
    """A public key a checker trusts, with the last day it may have signed anything.

    ``not_after`` is the key's retirement day (None while it is in use): a card whose
    validity starts after it, or a revocation list issued after it, is not accepted under
    this key (docs/qr-payload.md, section 4).
    """

    public_key: bytes
    not_after: date | None = None


def split_trusted(value: PublicKeyInput | TrustedKey) -> tuple[PublicKeyInput, date | None]:
    """``(public key, not_after)`` of a bare public key (never retired) or a trusted key."""
    if isinstance(value, TrustedKey):
        return value.public_key, value.not_after
    return value, None


def generate_key() -> tuple[bytes, bytes, str]:
    """A new signing key: ``(private_pem, public_raw_32_bytes, key_id)``.

    Store ``private_pem`` where only the issuing office can read it; hand out the public key
    with :func:`export_public_keys`.
    """
    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_raw = raw_public_bytes(private.public_key())
    return private_pem, public_raw, key_id_for_public_bytes(public_raw)


def raw_public_bytes(public_key: Ed25519PublicKey) -> bytes:
    """The 32 raw bytes of a public key."""
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def load_private_key(data: PrivateKeyInput) -> Ed25519PrivateKey:
    """A private key from PKCS#8 PEM (bytes or str), the 32-byte raw seed, or a key object."""
    if isinstance(data, Ed25519PrivateKey):
        return data
    if isinstance(data, str):
        data = data.encode("ascii", errors="replace")
    return _load_private_key_bytes(bytes(data))


@lru_cache(maxsize=8)
def _load_private_key_bytes(data: bytes) -> Ed25519PrivateKey:
    # Cached: a batch of 1,000 cards would otherwise parse the PEM 1,000 times.
    if len(data) == 32:
        return Ed25519PrivateKey.from_private_bytes(data)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise KeyFormatError(
            "the private key is neither an unencrypted PKCS#8 PEM nor a 32-byte Ed25519 seed",
            "Der private Schlüssel ist weder ein unverschlüsseltes PKCS#8-PEM noch ein "
            "32-Byte-Ed25519-Schlüssel",
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFormatError(
            "the private key is not an Ed25519 key",
            "Der private Schlüssel ist kein Ed25519-Schlüssel",
        )
    return key


def load_public_key(data: PublicKeyInput) -> Ed25519PublicKey:
    """A public key from 32 raw bytes, 64 hex digits, a PEM (bytes or str) or a key object."""
    if isinstance(data, Ed25519PublicKey):
        return data
    if isinstance(data, str):
        if _HEX_KEY.fullmatch(data.strip()):
            return _load_public_key_bytes(bytes.fromhex(data.strip()))
        data = data.encode("ascii", errors="replace")
    return _load_public_key_bytes(bytes(data))


@lru_cache(maxsize=64)
def _load_public_key_bytes(data: bytes) -> Ed25519PublicKey:
    if len(data) == 32:
        return Ed25519PublicKey.from_public_bytes(data)
    if b"PRIVATE KEY" in data:
        # Said plainly, because the next step would be to send this file to a partner.
        raise KeyFormatError(
            "a private key was given where a public key is expected",
            "Statt eines öffentlichen wurde ein privater Schlüssel angegeben",
        )
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise KeyFormatError(
            "the public key is neither 32 raw bytes, 64 hex digits nor a PEM public key",
            "Der öffentliche Schlüssel ist weder 32 Bytes, 64 Hexziffern noch ein PEM-Schlüssel",
        ) from None
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFormatError(
            "the public key is not an Ed25519 key",
            "Der öffentliche Schlüssel ist kein Ed25519-Schlüssel",
        )
    return key


def key_id_of(key: PublicKeyInput | Ed25519PrivateKey) -> str:
    """The key id of a public key (or of the public half of a private key object)."""
    if isinstance(key, Ed25519PrivateKey):
        key = key.public_key()
    return key_id_for_public_bytes(raw_public_bytes(load_public_key(key)))


def export_public_keys(keys: Mapping[str, PublicKeyInput]) -> str:
    """The unsigned public-key file (JSON, docs/qr-payload.md appendix A): unpinned, for
    testing only; partners get the signed key set (:mod:`kpass.signing.key_set`).

    Every key id must match its key. This also stops a raw 32-byte *private* seed passed by
    mistake: its id as a public key would differ from the stated one.
    """
    entries = []
    for key_id in sorted(keys):
        raw = raw_public_bytes(load_public_key(keys[key_id]))
        if key_id_for_public_bytes(raw) != key_id:
            raise KeyFormatError(
                f"key id {key_id!r} does not belong to the key given for it",
                f"Die Schlüsselkennung „{key_id}“ gehört nicht zum angegebenen Schlüssel",
            )
        entries.append({"key_id": key_id, "algorithm": ALGORITHM, "public_key": raw.hex()})
    document = {
        "format": PUBLIC_KEY_FILE_FORMAT,
        "version": PUBLIC_KEY_FILE_VERSION,
        "keys": entries,
    }
    return json.dumps(document, indent=2) + "\n"


def _key_file_error(what_en: str, what_de: str) -> KeyFormatError:
    return KeyFormatError(
        f"public-key file: {what_en}", f"Datei der öffentlichen Schlüssel: {what_de}"
    )


def load_public_keys(text: str) -> dict[str, bytes]:
    """``{key_id: raw 32-byte public key}`` from a file made by :func:`export_public_keys`.

    Refuses the whole file when anything is off (format, version, algorithm, a key that is not
    64 lower-case hex digits, a key that does not match its id, a repeated id), so a partner
    never checks against a half-read key set.
    """
    try:
        document: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _key_file_error(
            f"not valid JSON ({exc.msg})", f"kein gültiges JSON ({exc.msg})"
        ) from None
    if not isinstance(document, dict) or document.get("format") != PUBLIC_KEY_FILE_FORMAT:
        raise _key_file_error(
            f'"format" is not "{PUBLIC_KEY_FILE_FORMAT}"',
            f"„format“ ist nicht „{PUBLIC_KEY_FILE_FORMAT}“",
        )
    if document.get("version") != PUBLIC_KEY_FILE_VERSION:
        raise _key_file_error(
            f"unsupported version {document.get('version')!r}",
            f"Version {document.get('version')!r} wird nicht unterstützt",
        )
    entries = document.get("keys")
    if not isinstance(entries, list):
        raise _key_file_error('"keys" is not a list', "„keys“ ist keine Liste")
    keys: dict[str, bytes] = {}
    for position, entry in enumerate(entries, start=1):
        keys_entry = _read_key_entry(entry, position)
        if keys_entry[0] in keys:
            raise _key_file_error(
                f"key id {keys_entry[0]} appears twice", f"Kennung {keys_entry[0]} doppelt"
            )
        keys[keys_entry[0]] = keys_entry[1]
    return keys


def _read_key_entry(entry: Any, position: int) -> tuple[str, bytes]:
    where_en, where_de = f"key {position}", f"Schlüssel {position}"
    if not isinstance(entry, dict):
        raise _key_file_error(f"{where_en} is not an object", f"{where_de} ist kein Objekt")
    key_id, algorithm, public_hex = entry.get("key_id"), entry.get("algorithm"), entry.get(
        "public_key"
    )
    if algorithm != ALGORITHM:
        raise _key_file_error(
            f"{where_en}: algorithm {algorithm!r} is not {ALGORITHM}",
            f"{where_de}: Verfahren {algorithm!r} ist nicht {ALGORITHM}",
        )
    if not isinstance(public_hex, str) or not _FILE_HEX_KEY.fullmatch(public_hex):
        raise _key_file_error(
            f"{where_en}: public_key is not 64 hex digits in lower case (0-9, a-f)",
            f"{where_de}: public_key sind nicht 64 Hexziffern in Kleinbuchstaben (0–9, a–f)",
        )
    raw = bytes.fromhex(public_hex)
    if not isinstance(key_id, str) or key_id_for_public_bytes(raw) != key_id:
        raise _key_file_error(
            f"{where_en}: key_id {key_id!r} does not match the public key",
            f"{where_de}: key_id {key_id!r} passt nicht zum öffentlichen Schlüssel",
        )
    return key_id, raw
