"""Key slots: who holds the key-encryption key, and sealing the signing keys under it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, func, select

from kpass.models import AppUser, KeySlot, SigningKey
from kpass.services.access.key_encryption import (
    WrappedKek,
    is_sealed,
    new_kek,
    seal_private_key,
    unwrap_kek,
    wrap_kek,
)
from kpass.services.uow import UnitOfWork


def give_slot(uow: UnitOfWork, user: AppUser, password: str, kek: bytes) -> None:
    """``user``'s slot (new or replaced) holding ``kek`` under ``password``."""
    wrapped = wrap_kek(kek, password, user.username)
    slot = uow.session.get(KeySlot, user.id)
    if slot is None:
        uow.session.add(
            KeySlot(user_id=user.id, salt=wrapped.salt, sealed=wrapped.sealed, kdf=wrapped.kdf)
        )
    else:
        slot.salt, slot.sealed, slot.kdf = wrapped.salt, wrapped.sealed, wrapped.kdf
    uow.session.flush()


def drop_slot(uow: UnitOfWork, user_id: int) -> None:
    uow.session.execute(delete(KeySlot).where(KeySlot.user_id == user_id))


def open_slot(uow: UnitOfWork, user: AppUser, password: str) -> bytes | None:
    slot = uow.session.get(KeySlot, user.id)
    if slot is None:
        return None
    return unwrap_kek(WrappedKek(slot.salt, slot.sealed, slot.kdf), password, user.username)


def start_key_encryption(uow: UnitOfWork, user: AppUser, password: str) -> bytes:
    """The first user of a register: a new KEK in their slot, every signing key stored in the
    clear sealed under it. Slots nobody can open any more (their users lost their
    passwords) are dropped, and keys sealed under such an old KEK retired, so that printing
    makes a new key instead of failing."""
    kek = new_kek()
    uow.session.execute(delete(KeySlot))
    seal_clear_keys(uow, kek, retire_others=True)
    give_slot(uow, user, password, kek)
    return kek


def seal_clear_keys(uow: UnitOfWork, kek: bytes, *, retire_others: bool = False) -> None:
    """Seal every signing key still stored in the clear under ``kek``; ``retire_others``:
    also retire keys sealed under a KEK nobody holds any more."""
    for key in uow.session.scalars(select(SigningKey).with_for_update()):
        if not is_sealed(key.private_key_pem):
            key.private_key_pem = seal_private_key(kek, key.private_key_pem, key.key_id)
        elif retire_others and key.retired_on is None:
            key.retired_on = date.today()


def any_slot(uow: UnitOfWork) -> bool:
    return bool(uow.session.scalar(select(func.count()).select_from(KeySlot)))
