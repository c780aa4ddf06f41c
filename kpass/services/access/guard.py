"""The permission check at the door of every use case.

``@requires(Permission.X)`` refuses before the use case reads or writes anything when
nobody is logged in on the register or the role lacks the permission. ``@owner_command``
marks the few use cases that the database owner runs without a login (creating and
upgrading the register, demo data). Every public service that takes a database carries one
of the two; ``tests/services/test_permissions.py`` fails on one that carries neither.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from kpass.errors import PermissionDenied
from kpass.models.engine import Database
from kpass.services.access.permissions import ROLE_LABELS, Permission, role_allows
from kpass.services.login_session import Login, current_login

P = ParamSpec("P")
R = TypeVar("R")

PERMISSION_ATTRIBUTE = "__kpass_permission__"
OWNER = "owner"
#: the login machinery itself: logging in, out, and asking who is logged in
LOGIN_MECHANICS = "login mechanics"

_TEXTS_DE = {
    Permission.READ_REGISTER: "das Register einsehen",
    Permission.EDIT_REGISTER: "Haushalte und Personen bearbeiten",
    Permission.DECIDE: "entscheiden",
    Permission.ISSUE: "Pässe ausstellen und verlängern",
    Permission.PRINT: "drucken",
    Permission.REVOKE: "Pässe sperren",
    Permission.REPLACE: "Ersatzausweise ausstellen",
    Permission.EXACT_STATISTICS: "exakte Statistiken abrufen",
    Permission.WHAT_IF: "Was-wäre-wenn-Rechnungen ausführen",
    Permission.AUDIT: "das Protokoll einsehen",
    Permission.BULK_READ: "Listen vieler Personen abrufen",
    Permission.USERS: "Benutzer verwalten",
    Permission.PARAMETERS: "Regelparameter ändern",
    Permission.KEYS: "Signaturschlüssel verwalten",
    Permission.SETTINGS: "Einstellungen ändern",
    Permission.ERASE: "personenbezogene Daten auf Antrag löschen",
    Permission.DECIDE_OBJECTIONS: "über Widersprüche entscheiden",
    Permission.APPROVE: "Entscheidungen freigeben (Vier-Augen-Prinzip)",
    Permission.RETENTION: "das Löschkonzept ändern oder ausführen",
}


def login_mechanics(function: Callable[P, R]) -> Callable[P, R]:
    """Marks the functions that log in and out and ask what the login may do."""
    setattr(function, PERMISSION_ATTRIBUTE, LOGIN_MECHANICS)
    return function


def _find_database(signature: inspect.Signature, args: Any, kwargs: Any) -> Database:
    bound = signature.bind_partial(*args, **kwargs)
    database = bound.arguments.get("database")
    if not isinstance(database, Database):
        raise TypeError("a guarded service needs its 'database' argument")
    return database


@login_mechanics
def check_permission(database: Database, permission: Permission) -> Login:
    """The login allowed to do ``permission`` on ``database``; refuses otherwise."""
    login = current_login(database)
    if login is None:
        raise PermissionDenied(
            "Nobody is logged in: log in first (kpass: --user NAME or KPASS_USER, and the "
            "password from the prompt, --password-stdin or KPASS_PASSWORD).",
            "Niemand ist angemeldet: bitte zuerst anmelden (kpass: --user NAME oder "
            "KPASS_USER und das Passwort über die Abfrage, --password-stdin oder "
            "KPASS_PASSWORD).",
        )
    if not role_allows(login.role, permission):
        role_de = ROLE_LABELS.get(login.role, login.role)
        raise PermissionDenied(
            f"{login.username} ({login.role}) may not do this ({permission.value}).",
            f"{login.username} ({role_de}) darf nicht {_TEXTS_DE[permission]}.",
        )
    return login


def requires(permission: Permission) -> Callable[[Callable[P, R]], Callable[P, R]]:
    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(function)
        if "database" not in signature.parameters:
            raise TypeError(f"{function.__qualname__} has no 'database' parameter")

        @functools.wraps(function)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
            check_permission(_find_database(signature, args, kwargs), permission)
            return function(*args, **kwargs)

        setattr(guarded, PERMISSION_ATTRIBUTE, permission)
        return guarded

    return decorate


def owner_command(function: Callable[P, R]) -> Callable[P, R]:
    """Marks a use case of the database owner: no login, acts as the system actor."""
    setattr(function, PERMISSION_ATTRIBUTE, OWNER)
    return function


def permission_of(function: Callable[..., Any]) -> Permission | str | None:
    return getattr(function, PERMISSION_ATTRIBUTE, None)


@login_mechanics
def can(database: Database, permission: Permission) -> bool:
    """For the UI: whether to offer an action at all (the service checks again)."""
    login = current_login(database)
    return login is not None and role_allows(login.role, permission)
