"""Password hashes: argon2id with the library's RFC 9106 defaults, never the password itself."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from kpass.errors import InvalidInput

MIN_LENGTH = 10

_hasher = PasswordHasher()


def use_cheap_hashing_for_tests() -> None:
    """Lower the cost of *new* hashes and key slots (each check reads its cost from the hash
    or the slot itself)."""
    global _hasher
    _hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    from kpass.services.access.key_encryption import use_cheap_key_derivation_for_tests

    use_cheap_key_derivation_for_tests()


def check_new_password(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise InvalidInput(
            f"The password must have at least {MIN_LENGTH} characters.",
            f"Das Passwort muss mindestens {MIN_LENGTH} Zeichen lang sein.",
        )
    if password != password.strip():
        raise InvalidInput(
            "The password must not begin or end with a space.",
            "Das Passwort darf nicht mit einem Leerzeichen beginnen oder enden.",
        )


def hash_password(password: str) -> str:
    check_new_password(password)
    return _hasher.hash(password)


def password_matches(password_hash: str | None, password: str) -> bool:
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


_dummy_hash: str | None = None


def dummy_verify(password: str) -> None:
    """Spend the time of a real check, so an unknown user name is not told apart by speed."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("kpass-no-such-user")
    password_matches(_dummy_hash, password)
