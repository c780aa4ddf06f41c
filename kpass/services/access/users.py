"""Managing the people who log in: add, list, disable, enable, reset a password, change role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from kpass.errors import InvalidInput
from kpass.models import LOGIN_ROLES, AppUser, KeySlot, RegisterSetting
from kpass.models.engine import Database
from kpass.rules import configured_issuers
from kpass.services.access.guard import owner_command, requires
from kpass.services.access.key_slots import (
    any_slot,
    drop_slot,
    give_slot,
    start_key_encryption,
)
from kpass.services.access.logins import (
    LOCK_MINUTES_KEY,
    MAX_FAILURES_KEY,
    login_policy,
    normalise_username,
)
from kpass.services.access.passwords import check_new_password, hash_password
from kpass.services.access.permissions import ROLE_LABELS, Permission
from kpass.services.login_session import current_login
from kpass.services.uow import UnitOfWork

MAX_NAME = 80


@dataclass(frozen=True)
class UserRow:
    username: str
    display_name: str
    role: str
    role_label: str
    active: bool
    can_log_in: bool
    locked_until: datetime | None


def _check_name(username: str) -> str:
    name = normalise_username(username)
    if not name or len(name) > MAX_NAME or any(c.isspace() for c in name):
        raise InvalidInput(
            f"A user name has 1 to {MAX_NAME} characters and no spaces: {username!r}.",
            f"Ein Benutzername hat 1 bis {MAX_NAME} Zeichen und keine Leerzeichen: "
            f"{username!r}.",
        )
    if name == "system":
        raise InvalidInput(
            "The name 'system' is reserved.", "Der Name „system“ ist vergeben."
        )
    return name


def _check_role(role: str) -> str:
    if role not in LOGIN_ROLES:
        raise InvalidInput(
            f"Unknown role {role!r}; choose one of {', '.join(LOGIN_ROLES)}.",
            f"Unbekannte Rolle {role!r}; möglich sind {', '.join(LOGIN_ROLES)}.",
        )
    return role


def _login_users(uow: UnitOfWork) -> int:
    return int(
        uow.session.scalar(
            select(func.count())
            .select_from(AppUser)
            .where(AppUser.role.in_(LOGIN_ROLES), AppUser.password_hash.is_not(None))
        )
        or 0
    )


@owner_command
def has_login_users(database: Database) -> bool:
    """Whether anybody can log in; if not, the first admin may be created without a login."""
    with UnitOfWork(database, write=False) as uow:
        return _login_users(uow) > 0


def _check_issuer(issuer: str | None) -> str | None:
    """A configured issuer's code (``ka``), or ``None`` for a user of the whole register."""
    if issuer is None:
        return None
    known = [i.code for i in configured_issuers()]
    if issuer not in known:
        raise InvalidInput(
            f"{issuer!r} is no issuer's code (known: {', '.join(known)}).",
            f"„{issuer}“ ist kein Kürzel einer ausgebenden Gemeinde (bekannt: "
            f"{', '.join(known)}).",
        )
    return issuer


def _add(
    uow: UnitOfWork, name: str, role: str, password: str, display_name: str,
    issuer: str | None = None,
) -> AppUser:
    existing = uow.session.scalar(select(AppUser).where(func.lower(AppUser.username) == name))
    password_hash = hash_password(password)
    if existing is not None:
        if existing.password_hash is not None or existing.role not in LOGIN_ROLES:
            raise InvalidInput(
                f"There is already a user {name}.", f"Es gibt schon einen Benutzer {name}."
            )
        # an author of events from before logins existed gets a login of their own
        existing.password_hash = password_hash
        existing.role = role
        existing.active = True
        existing.issuer = issuer
        if display_name:
            existing.display_name = display_name
        uow.session.flush()
        uow.audit("add_user", "app_user", existing.id, username=name, role=role)
        return existing
    user = AppUser(
        username=name,
        display_name=display_name.strip() or name,
        role=role,
        password_hash=password_hash,
        issuer=issuer,
    )
    uow.session.add(user)
    uow.session.flush()
    uow.audit("add_user", "app_user", user.id, username=name, role=role)
    return user


@owner_command
def create_first_admin(
    database: Database, username: str, password: str, display_name: str = ""
) -> None:
    """The first admin of a register nobody can log in to yet; refused once anybody can."""
    name = _check_name(username)
    with UnitOfWork(database) as uow:
        if _login_users(uow) > 0:
            raise InvalidInput(
                "This register already has users: only an admin who is logged in can add "
                "more.",
                "Dieses Register hat schon Benutzer: weitere kann nur eine angemeldete "
                "Verwaltung anlegen.",
            )
        admin = _add(uow, name, "admin", password, display_name)
        start_key_encryption(uow, admin, password)
        uow.commit()


@requires(Permission.USERS)
def add_user(
    database: Database, username: str, role: str, password: str, display_name: str = "",
    *, issuer: str | None = None,
) -> None:
    """A new login; ``issuer`` binds it to one issuer's seats (the Sozialregion)."""
    name = _check_name(username)
    _check_role(role)
    issuer = _check_issuer(issuer)
    kek = _admins_kek(database)
    with UnitOfWork(database) as uow:
        user = _add(uow, name, role, password, display_name, issuer)
        if kek is not None:
            give_slot(uow, user, password, kek)
        uow.commit()


@requires(Permission.USERS)
def list_users(database: Database) -> list[UserRow]:
    with UnitOfWork(database, write=False) as uow:
        users = uow.session.scalars(
            select(AppUser).where(AppUser.role.in_(LOGIN_ROLES)).order_by(AppUser.username)
        ).all()
        return [
            UserRow(
                u.username,
                u.display_name,
                u.role,
                ROLE_LABELS.get(u.role, u.role),
                u.active,
                u.password_hash is not None,
                u.locked_until,
            )
            for u in users
        ]


def _admins_kek(database: Database) -> bytes | None:
    login = current_login(database)
    return None if login is None else login.kek


def _user(uow: UnitOfWork, username: str) -> AppUser:
    name = normalise_username(username)
    user = uow.session.scalar(
        select(AppUser)
        .where(func.lower(AppUser.username) == name, AppUser.role.in_(LOGIN_ROLES))
        .with_for_update()
    )
    if user is None:
        raise InvalidInput(f"There is no user {name}.", f"Es gibt keinen Benutzer {name}.")
    return user


def _refuse_losing_last_admin(uow: UnitOfWork, user: AppUser) -> None:
    if user.role != "admin":
        return
    # the other admins' rows are locked, so two seats cannot each disable "the other" admin
    admins = uow.session.scalars(
        select(AppUser.id)
        .where(
            AppUser.role == "admin",
            AppUser.active.is_(True),
            AppUser.password_hash.is_not(None),
            AppUser.id != user.id,
        )
        .with_for_update()
    ).all()
    if not admins:
        raise InvalidInput(
            f"{user.username} is the last active admin; add another admin first.",
            f"{user.username} ist die letzte aktive Verwaltung; bitte zuerst eine weitere "
            "anlegen.",
        )


@requires(Permission.USERS)
def disable_user(database: Database, username: str) -> None:
    with UnitOfWork(database) as uow:
        user = _user(uow, username)
        _refuse_losing_last_admin(uow, user)
        user.active = False
        drop_slot(uow, user.id)  # a disabled user's password no longer opens the keys
        uow.audit("disable_user", "app_user", user.id, username=user.username)
        uow.commit()


@requires(Permission.USERS)
def enable_user(database: Database, username: str) -> bool:
    """Let the user log in again. Returns whether they can also sign (print cards, export
    key lists): disabling dropped their key slot, which only a new password (reset by an
    admin) gives back."""
    with UnitOfWork(database) as uow:
        user = _user(uow, username)
        user.active = True
        user.failed_logins = 0
        user.locked_until = None
        uow.audit("enable_user", "app_user", user.id, username=user.username)
        may_sign = uow.session.get(KeySlot, user.id) is not None or not any_slot(uow)
        uow.commit()
        return may_sign


@requires(Permission.USERS)
def set_role(database: Database, username: str, role: str) -> None:
    _check_role(role)
    with UnitOfWork(database) as uow:
        user = _user(uow, username)
        if role != "admin":
            _refuse_losing_last_admin(uow, user)
        before = user.role
        user.role = role
        uow.audit("set_role", "app_user", user.id, username=user.username, before=before,
                  after=role)
        uow.commit()


@requires(Permission.USERS)
def reset_password(database: Database, username: str, new_password: str) -> None:
    """An admin sets a new password (the person changes it later); also lifts a lock and
    gives the user a key slot again (from the admin's own)."""
    kek = _admins_kek(database)
    with UnitOfWork(database) as uow:
        user = _user(uow, username)
        user.password_hash = hash_password(new_password)
        if kek is not None:
            give_slot(uow, user, new_password, kek)
        else:
            drop_slot(uow, user.id)
        user.failed_logins = 0
        user.locked_until = None
        uow.audit("reset_password", "app_user", user.id, username=user.username)
        uow.commit()


@requires(Permission.READ_REGISTER)
def change_own_password(database: Database, old_password: str, new_password: str) -> None:
    from kpass.services.access.passwords import password_matches

    login = current_login(database)
    assert login is not None
    check_new_password(new_password)
    with UnitOfWork(database) as uow:
        user = _user(uow, login.username)
        if not password_matches(user.password_hash, old_password):
            raise InvalidInput(
                "The current password is wrong.", "Das bisherige Passwort ist falsch."
            )
        user.password_hash = hash_password(new_password)
        if login.kek is not None:
            give_slot(uow, user, new_password, login.kek)
        else:
            drop_slot(uow, user.id)
        uow.audit("change_password", "app_user", user.id)
        uow.commit()


@requires(Permission.SETTINGS)
def set_login_policy(database: Database, max_failures: int, lock_minutes: int) -> None:
    if not 1 <= max_failures <= 100 or not 1 <= lock_minutes <= 24 * 60:
        raise InvalidInput(
            "Failed tries must be 1 to 100 and the lock 1 to 1440 minutes.",
            "Fehlversuche müssen 1 bis 100 und die Sperre 1 bis 1440 Minuten sein.",
        )
    with UnitOfWork(database) as uow:
        before = login_policy(uow)
        for key, value in ((MAX_FAILURES_KEY, max_failures), (LOCK_MINUTES_KEY, lock_minutes)):
            row = uow.session.get(RegisterSetting, key)
            if row is None:
                uow.session.add(RegisterSetting(key=key, value=str(value)))
            else:
                row.value = str(value)
        uow.audit("set_login_policy", "register_setting", None, before=list(before),
                  after=[max_failures, lock_minutes])
        uow.commit()
