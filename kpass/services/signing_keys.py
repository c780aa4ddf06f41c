"""The office's signing key: created on first use, rotated on request, never exported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from kpass.documents.output import write_bytes
from kpass.models import Pass, PassValidity, SigningKey
from kpass.models.engine import Database
from kpass.services.uow import UnitOfWork
from kpass.signing import export_public_keys, generate_key, sign_revocation_list


@dataclass(frozen=True)
class ActiveKey:
    key_id: str
    private_key_pem: bytes


def active_key(uow: UnitOfWork) -> ActiveKey:
    """The key that signs now; the first call in a new database makes one."""
    key = uow.session.scalars(
        select(SigningKey)
        .where(SigningKey.retired_on.is_(None))
        .order_by(SigningKey.created_at.desc())
        .limit(1)
    ).first()
    if key is None:
        key = _new_key(uow)
    return ActiveKey(key.key_id, key.private_key_pem)


def _new_key(uow: UnitOfWork) -> SigningKey:
    private_pem, public_raw, key_id = generate_key()
    key = SigningKey(key_id=key_id, public_key=public_raw, private_key_pem=private_pem)
    uow.session.add(key)
    uow.session.flush()
    uow.audit("create_key", "signing_key", None, key_id=key_id)
    return key


def rotate_key(database: Database, on: date | None = None) -> str:
    """Retire the current key and start a new one; old cards keep verifying."""
    with UnitOfWork(database) as uow:
        for key in uow.session.scalars(select(SigningKey).where(SigningKey.retired_on.is_(None))):
            key.retired_on = on or date.today()
        new = _new_key(uow)
        uow.audit("rotate_key", "signing_key", None, key_id=new.key_id)
        uow.commit()
        return new.key_id


def public_keys(database: Database) -> dict[str, bytes]:
    """Every key id with its public key, retired ones included (a new database gets one)."""
    with UnitOfWork(database) as uow:
        active_key(uow)
        keys = {k.key_id: k.public_key for k in uow.session.scalars(select(SigningKey))}
        uow.commit()
    return keys


def export_public_key_file(database: Database, out: Path) -> Path:
    """The public-key file for partners (docs/qr-payload.md)."""
    text = export_public_keys(public_keys(database))
    write_bytes(out, text.encode("ascii"))
    return out


def revoked_numbers(uow: UnitOfWork, on: date) -> list[str]:
    """Numbers of revoked or replaced passes that would otherwise still be valid on ``on``."""
    latest = func.max(PassValidity.valid_until)
    statement = (
        select(Pass.number)
        .join(PassValidity, PassValidity.pass_id == Pass.id)
        .where(Pass.status != "active")
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
        write_bytes(out, text.encode("ascii"))
        uow.audit("export_revoked", "signing_key", None, key_id=key.key_id, count=len(numbers))
        uow.commit()
    return len(numbers)
