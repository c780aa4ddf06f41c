"""Logging in: the right password only, disabled and locked accounts refused, the first
admin, and nothing of the password in the register."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select, text

from kpass.errors import InvalidInput, LoginFailed, PermissionDenied
from kpass.models import AppUser, AuditEvent
from kpass.models.base import utcnow
from kpass.models.engine import Database
from kpass.services.access import (
    add_user,
    create_first_admin,
    current_login,
    disable_user,
    enable_user,
    has_login_users,
    log_in,
    reset_password,
    set_login_policy,
    set_role,
)
from kpass.services.applications import apply
from kpass.services.search import search_persons
from kpass.services.uow import UnitOfWork
from tests.logins import TEST_PASSWORD, TEST_USER, log_in_admin
from tests.register_builder import add_household, household_of

PASSWORD = "kollegin-passwort"


def _events(database: Database, action: str) -> list[tuple[int, int | None]]:
    """(author, entity id) of each event of ``action``."""
    with UnitOfWork(database, write=False) as uow:
        return [
            (row.user_id, row.entity_id)
            for row in uow.session.execute(
                select(AuditEvent.user_id, AuditEvent.entity_id).where(
                    AuditEvent.action == action
                )
            )
        ]


def test_the_right_password_logs_in_and_the_login_is_audited(database: Database) -> None:
    add_user(database, "Kollegin", "caseworker", PASSWORD, "Karla Kollegin")
    login = log_in(database, "  KOLLEGIN ", PASSWORD)
    assert (login.username, login.role, login.display_name) == (
        "kollegin", "caseworker", "Karla Kollegin"
    )
    assert current_login(database) == login
    assert (login.user_id, login.user_id) in _events(database, "login")


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(database: Database) -> None:
    add_user(database, "kollegin", "caseworker", PASSWORD)
    with pytest.raises(LoginFailed) as wrong:
        log_in(database, "kollegin", "falsches-passwort")
    with pytest.raises(LoginFailed) as unknown:
        log_in(database, "niemand", PASSWORD)
    assert wrong.value.message_de == unknown.value.message_de
    # the refused attempt did not change who is logged in
    assert current_login(database) is not None
    assert current_login(database).username == TEST_USER  # type: ignore[union-attr]
    assert len(_events(database, "login_failed")) == 2


def test_failed_tries_lock_the_account_for_the_configured_time(database: Database) -> None:
    add_user(database, "kollegin", "caseworker", PASSWORD)
    set_login_policy(database, max_failures=3, lock_minutes=10)
    for _ in range(3):
        with pytest.raises(LoginFailed, match="wrong"):
            log_in(database, "kollegin", "falsch-falsch")
    # locked: even the right password is refused until the time is over
    with pytest.raises(LoginFailed, match="locked until") as locked:
        log_in(database, "kollegin", PASSWORD)
    assert "gesperrt" in locked.value.message_de
    later = utcnow() + timedelta(minutes=11)
    assert log_in(database, "kollegin", PASSWORD, now=later).username == "kollegin"


def test_an_admin_lifts_a_lock_by_enabling_or_resetting(database: Database) -> None:
    add_user(database, "kollegin", "caseworker", PASSWORD)
    set_login_policy(database, max_failures=1, lock_minutes=60)
    with pytest.raises(LoginFailed):
        log_in(database, "kollegin", "falsch-falsch")
    log_in_admin(database)
    reset_password(database, "kollegin", "neues-passwort-1")
    assert log_in(database, "kollegin", "neues-passwort-1").role == "caseworker"


def test_a_disabled_user_cannot_log_in_nor_save_in_a_session_opened_before(
    database: Database,
) -> None:
    [person] = add_household(database, [("Muster", "Erika", date(1950, 1, 1), "applicant")])
    household = household_of(database, person)
    add_user(database, "kollegin", "caseworker", PASSWORD)
    log_in(database, "kollegin", PASSWORD)
    apply(database, household, date(2026, 3, 1), today=date(2026, 3, 2))
    # the admin disables her from another seat while her session is still open
    other = Database(database.url, database.engine)
    log_in(other, TEST_USER, TEST_PASSWORD)
    disable_user(other, "kollegin")
    with pytest.raises(PermissionDenied, match="disabled"):
        apply(database, household, date(2026, 3, 2), today=date(2026, 3, 2))
    with pytest.raises(LoginFailed, match="disabled"):
        log_in(database, "kollegin", PASSWORD)
    log_in(other, TEST_USER, TEST_PASSWORD)
    enable_user(other, "kollegin")
    assert log_in(database, "kollegin", PASSWORD).username == "kollegin"


def test_the_last_admin_cannot_be_disabled_or_demoted(database: Database) -> None:
    with pytest.raises(InvalidInput, match="last active admin"):
        disable_user(database, TEST_USER)
    with pytest.raises(InvalidInput, match="last active admin"):
        set_role(database, TEST_USER, "supervisor")
    add_user(database, "zweite", "admin", PASSWORD)
    set_role(database, TEST_USER, "supervisor")


def test_the_first_admin_only_on_a_register_nobody_can_log_in_to(database: Database) -> None:
    with UnitOfWork(database) as uow:
        uow.session.execute(text("UPDATE app_user SET password_hash = NULL"))
        uow.commit()
    assert not has_login_users(database)
    create_first_admin(database, "leitung", PASSWORD)
    assert has_login_users(database)
    with pytest.raises(InvalidInput, match="already has users"):
        create_first_admin(database, "zweite", PASSWORD)
    assert log_in(database, "leitung", PASSWORD).role == "admin"


def test_kpass_user_alone_grants_nothing(database: Database) -> None:
    """A name in the environment is no login: a register opened anew is refused."""
    fresh = Database(database.url, database.engine)
    with pytest.raises(PermissionDenied, match="Nobody is logged in"):
        search_persons(fresh, "Muster")


def test_short_passwords_and_reserved_names_are_refused(database: Database) -> None:
    with pytest.raises(InvalidInput, match="at least 10"):
        add_user(database, "kollegin", "caseworker", "kurz")
    with pytest.raises(InvalidInput, match="reserved"):
        add_user(database, "system", "admin", PASSWORD)
    with pytest.raises(InvalidInput, match="no spaces"):
        add_user(database, "zwei worte", "admin", PASSWORD)
    with pytest.raises(InvalidInput, match="already"):
        add_user(database, TEST_USER, "caseworker", PASSWORD)


def test_only_an_argon2id_hash_is_stored(database: Database) -> None:
    add_user(database, "kollegin", "caseworker", PASSWORD)
    with UnitOfWork(database, write=False) as uow:
        stored = uow.session.scalar(
            select(AppUser.password_hash).where(AppUser.username == "kollegin")
        )
        dump = " ".join(
            str(row) for row in uow.session.execute(text("SELECT * FROM app_user"))
        ) + " ".join(
            str(row) for row in uow.session.execute(text("SELECT * FROM audit_event"))
        )
    assert stored is not None and stored.startswith("$argon2id$")
    assert PASSWORD not in dump
    path = database.sqlite_path
    if path is not None:
        assert PASSWORD.encode() not in path.read_bytes()
