"""Base32 without padding (RFC 4648 alphabet A–Z, 2–7) and the key id.

Base32 is used because its alphabet is a subset of the QR alphanumeric character set, so a
signature costs 5.5 bits per character in the code instead of 8 in byte mode.
"""

from __future__ import annotations

import base64
import hashlib
import re

_BASE32 = re.compile(r"[A-Z2-7]*")
# Lengths mod 8 that a whole number of bytes can produce (1, 3 and 6 cannot).
_VALID_REMAINDERS = frozenset({0, 2, 4, 5, 7})

#: Length of a key id in characters (30 bits of the public key's SHA-256).
KEY_ID_LENGTH = 6


def b32_encode(data: bytes) -> str:
    """Upper-case base32 of ``data`` without ``=`` padding."""
    return base64.b32encode(data).decode("ascii").rstrip("=")


def b32_decode(text: str) -> bytes:
    """The bytes of an unpadded base32 text; raises ``ValueError`` unless it is canonical.

    Canonical means that encoding the result gives ``text`` back. Without this check the
    unused low bits of the last character could be changed and the text would still decode to
    the same bytes: a changed character that nobody would notice.
    """
    if not _BASE32.fullmatch(text):
        raise ValueError("contains characters outside A-Z and 2-7")
    if len(text) % 8 not in _VALID_REMAINDERS:
        raise ValueError(f"has an impossible length ({len(text)} characters)")
    data = base64.b32decode(text + "=" * (-len(text) % 8))
    if b32_encode(data) != text:
        raise ValueError("is not in canonical form (unused bits of the last character are set)")
    return data


def key_id_for_public_bytes(raw_public_key: bytes) -> str:
    """The key id of a 32-byte Ed25519 public key: its SHA-256, base32, first 6 characters."""
    return b32_encode(hashlib.sha256(raw_public_key).digest())[:KEY_ID_LENGTH]
