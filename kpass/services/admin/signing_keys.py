"""The office's signing key: created on first use, rotated on request, never exported.

Only printing, rotating and the exports make a key; reading the public keys (``kpass
verify``) never writes: a database without a key says so (:class:`NoSigningKey`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from kpass.documents.output import write_bytes
from kpass.errors import KpassError
from kpass.models import Pass, PassValidity, SigningKey
from kpass.models.engine import Database
from kpass.services.uow import UnitOfWork
from kpass.signing import export_public_keys, generate_key, sign_revocation_list


class NoSigningKey(KpassError):
    """The database has no signing key yet (exit code 1): nothing was ever signed with it."""


@dataclass(frozen=True)
class ActiveKey:
    key_id: str
    private_key_pem: bytes


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
    return None if key is None else ActiveKey(key.key_id, key.private_key_pem)


def active_key(uow: UnitOfWork) -> ActiveKey:
    """The key that signs now; the first call in a new database makes one (``uow`` must be
    a writing unit of work that is committed afterwards)."""
    key = _current_key(uow)
    if key is None:
        key = _new_key(uow)
    return ActiveKey(key.key_id, key.private_key_pem)


def draft_key() -> tuple[SigningKey, ActiveKey]:
    """A new key, not yet stored: a first print signs with it and stores it (:func:`save_key`)
    in the transaction that records the print, so a failed print leaves no key behind."""
    private_pem, public_raw, key_id = generate_key()
    key = SigningKey(key_id=key_id, public_key=public_raw, private_key_pem=private_pem)
    return key, ActiveKey(key_id, private_pem)


def save_key(uow: UnitOfWork, key: SigningKey) -> SigningKey:
    uow.session.add(key)
    uow.session.flush()
    uow.audit("create_key", "signing_key", None, key_id=key.key_id)
    return key


def _new_key(uow: UnitOfWork) -> SigningKey:
    return save_key(uow, draft_key()[0])


def rotate_key(database: Database, on: date | None = None) -> str:
    """Retire the current key and start a new one; old cards keep verifying."""
    with UnitOfWork(database) as uow:
        for key in uow.session.scalars(select(SigningKey).where(SigningKey.retired_on.is_(None))):
            key.retired_on = on or date.today()
        new = _new_key(uow)
        uow.audit("rotate_key", "signing_key", None, key_id=new.key_id)
        uow.commit()
        return new.key_id


def _all_public_keys(uow: UnitOfWork) -> dict[str, bytes]:
    return {k.key_id: k.public_key for k in uow.session.scalars(select(SigningKey))}


def public_keys(database: Database) -> dict[str, bytes]:
    """Every key id with its public key, retired ones included.

    Reads only: a database without any key raises :class:`NoSigningKey`.
    """
    with UnitOfWork(database, write=False) as uow:
        keys = _all_public_keys(uow)
    if not keys:
        raise NoSigningKey(
            "This database has no signing key yet, so no pass can have been signed with it "
            "(the key is made when the first card is printed). To check a pass of another "
            "office, give its public-key file: kpass verify --public-key FILE",
            "Diese Datenbank hat noch keinen Signaturschlüssel, also kann kein Pass mit ihm "
            "signiert worden sein (der Schlüssel entsteht beim ersten Kartendruck). Für den "
            "Pass einer anderen Stelle deren Schlüsseldatei angeben: "
            "kpass verify --public-key DATEI",
        )
    return keys


def export_public_key_file(database: Database, out: Path) -> Path:
    """The public-key file for partners (docs/qr-payload.md); a new database makes its
    first key for it, kept only when the file was written."""
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


def export_revocation_list(database: Database, out: Path, on: date | None = None) -> int:
    """The signed list of revoked numbers for partners; returns how many it holds."""
    day = on or date.today()
    with UnitOfWork(database) as uow:
        key = active_key(uow)
        numbers = revoked_numbers(uow, day)
        text = sign_revocation_list(numbers, day, key.private_key_pem, key.key_id)
        write_bytes(out, text.encode("ascii"), "text")
        uow.audit("export_revoked", "signing_key", None, key_id=key.key_id, count=len(numbers))
        uow.commit()
    return len(numbers)
