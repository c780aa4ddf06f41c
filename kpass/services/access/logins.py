"""Logging in: a password checked against its argon2id hash, failures counted, locks."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select

from kpass.errors import LoginFailed
from kpass.models import LOGIN_ROLES, AppUser, RegisterSetting
from kpass.models.base import utcnow
from kpass.models.engine import Database
from kpass.services.access.guard import login_mechanics
from kpass.services.access.key_slots import open_slot
from kpass.services.access.passwords import dummy_verify, password_matches
from kpass.services.access.seat import refuse_other_issuers_seat
from kpass.services.login_session import SYSTEM_USERNAME, Login, remember_login
from kpass.services.uow import UnitOfWork

MAX_FAILURES_KEY = "login_max_failures"
LOCK_MINUTES_KEY = "login_lock_minutes"
DEFAULT_MAX_FAILURES = 5
DEFAULT_LOCK_MINUTES = 15

_WRONG = LoginFailed(
    "User name or password is wrong.", "Benutzername oder Passwort ist falsch."
)


def normalise_username(name: str) -> str:
    return name.strip().lower()


def login_policy(uow: UnitOfWork) -> tuple[int, int]:
    """(failed tries before a lock, minutes the lock lasts), as the admin configured them."""
    rows: dict[str, str] = {
        key: value
        for key, value in uow.session.execute(
            select(RegisterSetting.key, RegisterSetting.value).where(
                RegisterSetting.key.in_((MAX_FAILURES_KEY, LOCK_MINUTES_KEY))
            )
        )
    }
    return (
        int(rows.get(MAX_FAILURES_KEY, DEFAULT_MAX_FAILURES)),
        int(rows.get(LOCK_MINUTES_KEY, DEFAULT_LOCK_MINUTES)),
    )


@login_mechanics
def log_in(
    database: Database, username: str, password: str, *, now: datetime | None = None
) -> Login:
    """Check the password and remember the login on ``database``; refuses with one message
    for an unknown name and a wrong password, and says when an account is disabled or
    locked (only to whoever knows its password, or while it is locked)."""
    now = now or utcnow()
    name = normalise_username(username)
    refusal: LoginFailed | None = None
    login: Login | None = None
    with UnitOfWork(database, user=SYSTEM_USERNAME) as uow:
        user = uow.session.scalar(
            select(AppUser).where(func.lower(AppUser.username) == name).with_for_update()
        )
        if user is None or user.role not in LOGIN_ROLES or not user.password_hash:
            dummy_verify(password)
            uow.audit("login_failed", "app_user", None, reason="unknown")
            uow.commit()
            raise _WRONG
        if user.locked_until is not None and user.locked_until > now:
            until = user.locked_until.astimezone().strftime("%H:%M")
            refusal = LoginFailed(
                f"Too many failed tries: the account {user.username} is locked until {until}.",
                f"Zu viele Fehlversuche: das Konto {user.username} ist bis {until} Uhr "
                "gesperrt.",
            )
            uow.audit("login_failed", "app_user", user.id, reason="locked")
        elif not password_matches(user.password_hash, password):
            max_failures, lock_minutes = login_policy(uow)
            user.failed_logins += 1
            reason = "password"
            if user.failed_logins >= max_failures:
                user.locked_until = now + timedelta(minutes=lock_minutes)
                user.failed_logins = 0
                reason = "password, locked"
            uow.audit("login_failed", "app_user", user.id, reason=reason)
            refusal = _WRONG
        elif not user.active:
            refusal = LoginFailed(
                f"The account {user.username} is disabled; an admin can enable it.",
                f"Das Konto {user.username} ist deaktiviert; die Verwaltung kann es wieder "
                "freischalten.",
            )
            uow.audit("login_failed", "app_user", user.id, reason="disabled")
        elif (wrong_seat := refuse_other_issuers_seat(uow, user)) is not None:
            refusal = wrong_seat
            uow.audit("login_failed", "app_user", user.id, reason="seat of another issuer")
        else:
            user.failed_logins = 0
            user.locked_until = None
            login = Login(
                user.id,
                user.username,
                user.display_name or user.username,
                user.role,
                kek=open_slot(uow, user, password),
            )
            uow.act_as(user.id)
            uow.audit("login", "app_user", user.id)
        uow.commit()
    if refusal is not None:
        raise refusal
    assert login is not None
    remember_login(database, login)
    return login
