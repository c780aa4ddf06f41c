"""The demo register's users, one per role, named in the README (never in a real register:
they are written only with demo data, which a real register refuses)."""

from __future__ import annotations

from sqlalchemy import func, select

from kpass.models import AppUser
from kpass.services.access.key_encryption import new_kek
from kpass.services.access.key_slots import any_slot, give_slot, seal_clear_keys
from kpass.services.access.passwords import hash_password
from kpass.services.uow import UnitOfWork

DEMO_PASSWORD = "kpass-demo-2026"
DEMO_USERS = (
    ("s.beispiel", "Sabine Beispiel", "caseworker"),
    ("l.muster", "Lena Muster", "supervisor"),
    ("a.verwaltung", "Anton Verwaltung", "admin"),
)


def add_demo_users(uow: UnitOfWork) -> None:
    """Add those of the demo users that the register does not have yet."""
    known = set(uow.session.scalars(select(func.lower(AppUser.username))))
    # without slots yet the demo users start the key encryption; on a register whose keys
    # another user holds, they get no slot (signing is then theirs to give, by a reset)
    kek: bytes | None = None if any_slot(uow) else new_kek()
    password_hash: str | None = None
    for username, display_name, role in DEMO_USERS:
        if username in known:
            continue
        password_hash = password_hash or hash_password(DEMO_PASSWORD)
        user = AppUser(
            username=username, display_name=display_name, role=role, password_hash=password_hash
        )
        uow.session.add(user)
        uow.session.flush()
        if kek is not None:
            give_slot(uow, user, DEMO_PASSWORD, kek)
    if kek is not None:
        seal_clear_keys(uow, kek)
