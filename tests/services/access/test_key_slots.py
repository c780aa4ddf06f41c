"""Each user who may sign holds the key-encryption key in a slot only their password opens."""

from __future__ import annotations

from sqlalchemy import select, text

from kpass.models import AppUser, KeySlot
from kpass.models.engine import Database
from kpass.services.access import (
    add_user,
    change_own_password,
    current_login,
    disable_user,
    enable_user,
    log_in,
    reset_password,
)
from kpass.services.access.key_encryption import (
    is_sealed,
    new_kek,
    open_private_key,
    seal_private_key,
)
from kpass.services.uow import UnitOfWork
from tests.logins import TEST_PASSWORD, TEST_USER

PASSWORD = "kollegin-passwort"


def _kek(database: Database) -> bytes | None:
    login = current_login(database)
    assert login is not None
    return login.kek


def _slots(database: Database) -> set[str]:
    with UnitOfWork(database, write=False) as uow:
        return set(
            uow.session.scalars(
                select(AppUser.username).join(KeySlot, KeySlot.user_id == AppUser.id)
            )
        )


def test_every_user_added_by_an_admin_opens_the_same_key(database: Database) -> None:
    admins = _kek(database)
    assert admins is not None and len(admins) == 32
    add_user(database, "kollegin", "caseworker", PASSWORD)
    log_in(database, "kollegin", PASSWORD)
    assert _kek(database) == admins
    assert "KEK" not in repr(current_login(database)) and repr(admins) not in repr(
        current_login(database)
    )


def test_a_disabled_user_loses_the_slot_and_a_reset_gives_it_back(database: Database) -> None:
    admins = _kek(database)
    add_user(database, "kollegin", "caseworker", PASSWORD)
    disable_user(database, "kollegin")
    assert "kollegin" not in _slots(database)
    assert enable_user(database, "kollegin") is False  # the admin is told: reset needed
    log_in(database, "kollegin", PASSWORD)
    assert _kek(database) is None  # may log in, may not sign until an admin resets
    log_in(database, TEST_USER, TEST_PASSWORD)
    reset_password(database, "kollegin", "neues-passwort-2")
    log_in(database, "kollegin", "neues-passwort-2")
    assert _kek(database) == admins


def test_changing_the_own_password_rewraps_the_slot(database: Database) -> None:
    admins = _kek(database)
    change_own_password(database, TEST_PASSWORD, "ganz-neues-passwort")
    log_in(database, TEST_USER, "ganz-neues-passwort")
    assert _kek(database) == admins


def test_a_slot_copied_onto_another_user_does_not_open(database: Database) -> None:
    add_user(database, "kollegin", "caseworker", PASSWORD)
    with UnitOfWork(database) as uow:
        # somebody with write access to the file copies the admin's slot onto her row and
        # sets her password hash to the admin's: the slot is bound to the user name
        uow.session.execute(
            text(
                "UPDATE key_slot SET salt = (SELECT salt FROM key_slot s JOIN app_user u "
                "ON u.id = s.user_id WHERE u.username = :admin), sealed = (SELECT sealed "
                "FROM key_slot s JOIN app_user u ON u.id = s.user_id WHERE u.username = "
                ":admin) WHERE user_id = (SELECT id FROM app_user WHERE username = :her)"
            ),
            {"admin": TEST_USER, "her": "kollegin"},
        )
        uow.commit()
    log_in(database, "kollegin", PASSWORD)
    assert _kek(database) is None


def test_a_sealed_key_opens_only_with_its_kek_and_id() -> None:
    kek = new_kek()
    sealed = seal_private_key(kek, b"-----BEGIN PRIVATE KEY-----\nxyz", "k1")
    assert is_sealed(sealed) and b"BEGIN PRIVATE KEY" not in sealed
    assert open_private_key(kek, sealed, "k1") == b"-----BEGIN PRIVATE KEY-----\nxyz"
    assert open_private_key(new_kek(), sealed, "k1") is None
    assert open_private_key(kek, sealed, "k2") is None
