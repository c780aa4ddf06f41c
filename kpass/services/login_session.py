"""Who is logged in on an open register: one login per :class:`Database` object.

The GUI opens the register once and logs in once; every CLI command opens it and logs in
for itself. Services ask here, never the environment, so ``KPASS_USER`` alone grants
nothing.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field

from kpass.models.engine import Database

#: The actor of owner commands (``db``, ``demo-data``), which run without a login.
SYSTEM_USERNAME = "system"


@dataclass(frozen=True)
class Login:
    user_id: int
    username: str
    display_name: str
    role: str
    #: the key-encryption key from the user's key slot (None: this login cannot sign);
    #: only ever in memory, never shown
    kek: bytes | None = field(default=None, repr=False, compare=False)


# keyed by identity (a Database compares by value and is unhashable); the weak reference
# tells a live entry from one whose id was reused after the register was closed
_logins: dict[int, tuple[weakref.ref[Database], Login]] = {}
_lock = threading.Lock()


def current_login(database: Database) -> Login | None:
    with _lock:
        entry = _logins.get(id(database))
    if entry is None or entry[0]() is not database:
        return None
    return entry[1]


def remember_login(database: Database, login: Login) -> None:
    key = id(database)

    def forget(_: object) -> None:
        with _lock:
            if key in _logins and _logins[key][0]() is None:
                del _logins[key]

    with _lock:
        _logins[key] = (weakref.ref(database, forget), login)


def log_out(database: Database) -> None:
    with _lock:
        _logins.pop(id(database), None)
