"""The office's signing key: created on first use, rotated on request, never exported.

Only printing, rotating and the exports make a key; reading the public keys (``kpass
verify``) never writes: a database without a key says so (:class:`NoSigningKey`).

The private keys are stored sealed under the key-encryption key (KEK) that a login opens
from its key slot (kpass.services.access.key_encryption). Without that KEK signing is
unavailable (:class:`SigningUnavailable`); a key found in the clear is never used.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import exists, func, select

from kpass.documents.output import write_bytes
from kpass.errors import InvalidInput, KpassError
from kpass.models import Pass, PassValidity, SigningKey
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.key_encryption import open_private_key, seal_private_key
from kpass.services.access.permissions import Permission
from kpass.services.admin.setting_counters import next_number
from kpass.services.login_session import current_login
from kpass.services.uow import UnitOfWork
from kpass.signing import (
    TrustedKey,
    VerificationResult,
    export_public_keys,
    generate_key,
    sign_revocation_list,
    verify_payload,
)

#: register_setting: the SEQUENCE of the last revocation list made
REVOCATION_SEQUENCE_KEY = "revocation_sequence"
#: How far ahead a revocation list may promise the next one.
MAX_NEXT_UPDATE_DAYS = 366


class NoSigningKey(KpassError):
    """The database has no signing key yet (exit code 1): nothing was ever signed with it."""


class SigningUnavailable(KpassError):
    """No key-encryption key in this login, or it does not open the stored key (exit 1)."""


_NO_SLOT = SigningUnavailable(
    "Signing is unavailable: your login holds no key slot for the signing keys. An admin "
    "gives you one by resetting your password (kpass user reset-password).",
    "Signieren ist nicht möglich: Ihre Anmeldung hat keinen Schlüsselplatz für die "
    "Signaturschlüssel. Ein Admin richtet ihn ein, indem er Ihr Passwort neu setzt "
    "(kpass user reset-password).",
)


@dataclass(frozen=True)
class ActiveKey:
    key_id: str
    private_key_pem: bytes = field(repr=False)


def _login_kek(uow: UnitOfWork) -> bytes:
    login = current_login(uow.database)
    if login is None or login.kek is None:
        raise _NO_SLOT
    return login.kek


def _opened(uow: UnitOfWork, key: SigningKey) -> ActiveKey:
    private_pem = open_private_key(_login_kek(uow), key.private_key_pem, key.key_id)
    if private_pem is None:  # stored in the clear, or sealed under a KEK nobody holds now
        raise SigningUnavailable(
            f"Signing is unavailable: the signing key {key.key_id} does not open with the key "
            "of your login (it is stored unsealed or under an older key-encryption key). "
            "An admin can rotate the keys (kpass keys rotate).",
            f"Signieren ist nicht möglich: der Signaturschlüssel {key.key_id} lässt sich mit "
            "dem Schlüssel Ihrer Anmeldung nicht öffnen (unversiegelt gespeichert oder unter "
            "einem älteren Schlüssel). Ein Admin kann die Schlüssel erneuern "
            "(kpass keys rotate).",
        )
    return ActiveKey(key.key_id, private_pem)


def _current_key(uow: UnitOfWork) -> SigningKey | None:
    return uow.session.scalars(
        select(SigningKey)
        .where(SigningKey.retired_on.is_(None))
        .order_by(SigningKey.created_at.desc())
        .limit(1)
    ).first()


def find_active_key(uow: UnitOfWork) -> ActiveKey | None:
    """The key that signs now, or None in a database that has none yet (reads only)."""
    key = _current_key(uow)
    return None if key is None else _opened(uow, key)


def active_key(uow: UnitOfWork) -> ActiveKey:
    """The key that signs now; the first call in a new database makes one (``uow`` must be
    a writing unit of work that is committed afterwards)."""
    key = _current_key(uow)
    if key is None:
        key = _new_key(uow)
    return _opened(uow, key)


def draft_key(uow: UnitOfWork) -> tuple[SigningKey, ActiveKey]:
    """A new key, not yet stored: a first print signs with it and stores it (:func:`save_key`)
    in the transaction that records the print, so a failed print leaves no key behind. The
    stored row holds it sealed under the login's KEK."""
    kek = _login_kek(uow)
    private_pem, public_raw, key_id = generate_key()
    sealed = seal_private_key(kek, private_pem, key_id)
    key = SigningKey(key_id=key_id, public_key=public_raw, private_key_pem=sealed)
    return key, ActiveKey(key_id, private_pem)


def save_key(uow: UnitOfWork, key: SigningKey) -> SigningKey:
    uow.session.add(key)
    uow.session.flush()
    uow.audit("create_key", "signing_key", None, key_id=key.key_id)
    return key


def _new_key(uow: UnitOfWork) -> SigningKey:
    return save_key(uow, draft_key(uow)[0])


@requires(Permission.KEYS)
def rotate_key(database: Database, on: date | None = None) -> str:
    """Retire the current key and start a new one.

    The retirement day is the old key's ``not_after`` in key sets: its cards keep verifying
    until they expire, but a card of it whose validity starts after that day is refused
    (``key-retired``) — so reprint, with the new key, cards printed ahead of time.
    """
    with UnitOfWork(database) as uow:
        for key in uow.session.scalars(select(SigningKey).where(SigningKey.retired_on.is_(None))):
            key.retired_on = on or date.today()
        new = _new_key(uow)
        uow.audit("rotate_key", "signing_key", None, key_id=new.key_id)
        uow.commit()
        return new.key_id


def _all_public_keys(uow: UnitOfWork) -> dict[str, bytes]:
    return {k.key_id: k.public_key for k in uow.session.scalars(select(SigningKey))}


def all_trusted_keys(uow: UnitOfWork) -> dict[str, TrustedKey]:
    """Every key with the last day it signed (its retirement day; None while in use)."""
    return {
        k.key_id: TrustedKey(k.public_key, k.retired_on)
        for k in uow.session.scalars(select(SigningKey))
    }


def _no_signing_key() -> NoSigningKey:
    return NoSigningKey(
        "This database has no signing key yet, so no pass can have been signed with it "
        "(the key is made when the first card is printed). To check a pass of another "
        "office, give its signed key set: kpass verify --keyset FILE --root-fingerprint FP "
        "(for testing only: an unpinned --public-key FILE)",
        "Diese Datenbank hat noch keinen Signaturschlüssel, also kann kein Pass mit ihm "
        "signiert worden sein (der Schlüssel entsteht beim ersten Kartendruck). Für den "
        "Pass einer anderen Stelle deren signierten Schlüsselsatz angeben: "
        "kpass verify --keyset DATEI --root-fingerprint FP (nur zum Testen: eine "
        "ungesicherte --public-key DATEI)",
    )


@requires(Permission.READ_REGISTER)
def public_keys(database: Database) -> dict[str, bytes]:
    """Every key id with its public key, retired ones included.

    Reads only: a database without any key raises :class:`NoSigningKey`.
    """
    with UnitOfWork(database, write=False) as uow:
        keys = _all_public_keys(uow)
    if not keys:
        raise _no_signing_key()
    return keys


@requires(Permission.READ_REGISTER)
def trusted_keys(database: Database) -> dict[str, TrustedKey]:
    """Every key of the register with the day it was retired (``not_after``), for checking
    codes and revocation lists; reads only (:class:`NoSigningKey` without any key)."""
    with UnitOfWork(database, write=False) as uow:
        keys = all_trusted_keys(uow)
    if not keys:
        raise _no_signing_key()
    return keys


@requires(Permission.READ_REGISTER)
def verify_against_register(
    database: Database, payload: str, on: date, revoked: Collection[str] | None = None
) -> VerificationResult:
    """Check a scanned code with the register at hand: its keys (a retired key's cards only
    up to its retirement day) and its passes — a correctly signed number that is not in the
    register is reported (``not-in-register``); a pass the register holds revoked or
    replaced on ``on`` is revoked, with or without a revocation list. Reads only."""
    with UnitOfWork(database, write=False) as uow:
        keys = all_trusted_keys(uow)
        if not keys:
            raise _no_signing_key()

        def registered(number: str) -> bool:
            return bool(uow.session.scalar(select(exists().where(Pass.number == number))))

        # the register knows its revocations better than any list exported from it
        known = set(revoked or ()) | set(revoked_numbers(uow, on))
        return verify_payload(payload, keys, on, known, registered=registered)


@requires(Permission.KEYS)
def export_public_key_file(database: Database, out: Path) -> Path:
    """The unsigned public-key file (docs/qr-payload.md, appendix A: unpinned, for testing;
    partners get the signed key set); a new database makes its first key for it, kept only
    when the file was written."""
    with UnitOfWork(database) as uow:
        active_key(uow)
        text = export_public_keys(_all_public_keys(uow))
        write_bytes(out, text.encode("ascii"), "text")
        uow.commit()
    return out


def revoked_numbers(uow: UnitOfWork, on: date) -> list[str]:
    """Numbers of revoked or replaced passes that would otherwise still be valid on ``on``.

    A revocation dated after ``on`` is not listed yet: the pass is valid until that day,
    and the list's format carries no dates (docs/qr-payload.md section 7), so it appears in
    the lists made from its day on.
    """
    latest = func.max(PassValidity.valid_until)
    statement = (
        select(Pass.number)
        .join(PassValidity, PassValidity.pass_id == Pass.id)
        .where(Pass.revoked_on.is_not(None), Pass.revoked_on <= on)
        .group_by(Pass.id, Pass.number)
        .having(latest >= on)
        .order_by(Pass.number)
    )
    return list(uow.session.scalars(statement))


@dataclass(frozen=True)
class RevocationExport:
    """What :func:`export_revocation_list` wrote."""

    count: int
    sequence: int
    issued_on: date
    next_update: date


@requires(Permission.REVOKE)
def export_revocation_list(
    database: Database, out: Path, on: date | None = None, next_update_days: int = 7
) -> RevocationExport:
    """The signed list of revoked numbers for partners, with the next SEQUENCE of the
    register and the NEXT-UPDATE day ``next_update_days`` after today."""
    with UnitOfWork(database) as uow:
        text, made = signed_revocation_list(uow, on or date.today(), next_update_days)
        write_bytes(out, text.encode("ascii"), "text")
        uow.commit()
    return made


def signed_revocation_list(
    uow: UnitOfWork, day: date, next_update_days: int
) -> tuple[str, RevocationExport]:
    """A new revocation list of ``day`` (the register's next SEQUENCE, audited); the caller
    writes it out and commits."""
    if not 1 <= next_update_days <= MAX_NEXT_UPDATE_DAYS:
        raise InvalidInput(
            f"The next update must be 1 to {MAX_NEXT_UPDATE_DAYS} days ahead.",
            f"Die nächste Aktualisierung muss 1 bis {MAX_NEXT_UPDATE_DAYS} Tage entfernt sein.",
        )
    next_update = day + timedelta(days=next_update_days)
    key = active_key(uow)
    numbers = revoked_numbers(uow, day)
    sequence = next_number(uow, REVOCATION_SEQUENCE_KEY)
    text = sign_revocation_list(numbers, day, key.private_key_pem, key.key_id,
                                sequence=sequence, next_update=next_update)
    uow.audit("export_revoked", "signing_key", None, key_id=key.key_id, count=len(numbers),
              sequence=sequence, next_update=next_update.isoformat())
    return text, RevocationExport(len(numbers), sequence, day, next_update)
