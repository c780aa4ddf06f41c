"""The signing keys at rest: sealed under a key-encryption key (KEK) that each user who
may print holds wrapped with their password, like the key slots of an encrypted disk.

The register never holds the KEK or a private key in the clear once a user exists: a copy
of the database file tells nothing without one user's password. A login unwraps the KEK
from its slot and keeps it in memory for signing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEK_BYTES = 32
SEALED_PREFIX = b"KPASS-SEALED-1:"
_NONCE = 12


@dataclass(frozen=True)
class KdfCost:
    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 4

    def text(self) -> str:
        return f"argon2id:t={self.time_cost},m={self.memory_kib},p={self.parallelism}"

    @classmethod
    def parse(cls, text: str) -> KdfCost:
        name, _, rest = text.partition(":")
        if name != "argon2id":
            raise ValueError(f"unknown key derivation {name!r}")
        values = dict(part.split("=", 1) for part in rest.split(","))
        return cls(int(values["t"]), int(values["m"]), int(values["p"]))


_cost = KdfCost()


def use_cheap_key_derivation_for_tests() -> None:
    global _cost
    _cost = KdfCost(1, 8, 1)


@dataclass(frozen=True)
class WrappedKek:
    salt: bytes
    sealed: bytes  # nonce + AES-GCM ciphertext of the KEK
    kdf: str


def new_kek() -> bytes:
    return os.urandom(KEK_BYTES)


def _derive(password: str, salt: bytes, cost: KdfCost) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_kib,
        parallelism=cost.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _seal(key: bytes, plain: bytes, context: bytes) -> bytes:
    nonce = os.urandom(_NONCE)
    return nonce + AESGCM(key).encrypt(nonce, plain, context)


def _open(key: bytes, sealed: bytes, context: bytes) -> bytes | None:
    try:
        return AESGCM(key).decrypt(sealed[:_NONCE], sealed[_NONCE:], context)
    except (InvalidTag, ValueError):
        return None


def wrap_kek(kek: bytes, password: str, username: str) -> WrappedKek:
    """The KEK sealed with a key derived from ``password``; bound to the user name, so a slot
    copied onto another user's row does not open."""
    salt = os.urandom(16)
    sealed = _seal(_derive(password, salt, _cost), kek, b"kpass-slot:" + username.encode())
    return WrappedKek(salt, sealed, _cost.text())


def unwrap_kek(slot: WrappedKek, password: str, username: str) -> bytes | None:
    """The KEK, or None when the password (or the slot) does not fit."""
    key = _derive(password, slot.salt, KdfCost.parse(slot.kdf))
    return _open(key, slot.sealed, b"kpass-slot:" + username.encode())


def is_sealed(stored: bytes) -> bool:
    return stored.startswith(SEALED_PREFIX)


def seal_private_key(kek: bytes, private_pem: bytes, key_id: str) -> bytes:
    return SEALED_PREFIX + _seal(kek, private_pem, b"kpass-key:" + key_id.encode())


def open_private_key(kek: bytes, stored: bytes, key_id: str) -> bytes | None:
    if not is_sealed(stored):
        return None
    return _open(kek, stored[len(SEALED_PREFIX):], b"kpass-key:" + key_id.encode())
