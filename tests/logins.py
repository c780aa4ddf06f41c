"""Logging tests in: the test admin on a register of their own, and users of each role."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kpass.models.engine import Database

TEST_USER = "testerin"
TEST_PASSWORD = "testerin-passwort"
ROLE_PASSWORD = "rollen-passwort"


def log_in_admin(database: Database) -> None:
    """Log in as the test admin, creating her first on a register nobody can log in to."""
    from kpass.services.access import create_first_admin, has_login_users, log_in

    if not has_login_users(database):
        create_first_admin(database, TEST_USER, TEST_PASSWORD)
    log_in(database, TEST_USER, TEST_PASSWORD)


def log_in_as(database: Database, role: str) -> str:
    """Add (once) and log in a user ``<role>-test`` of ``role``; needs an admin logged in.
    Returns the user name."""
    from kpass.services.access import add_user, current_login, log_in, role_allows
    from kpass.services.access.permissions import Permission

    name = f"{role}-test"
    login = current_login(database)
    if login is not None and role_allows(login.role, Permission.USERS):
        from kpass.services.access import list_users

        if name not in {user.username for user in list_users(database)}:
            add_user(database, name, role, ROLE_PASSWORD)
    log_in(database, name, ROLE_PASSWORD)
    return name
