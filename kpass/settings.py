"""Where the database lives and who is acting: resolved once per process."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import platformdirs

APP_NAME = "kpass"
APP_AUTHOR = "Stadt Karlsruhe"
DATABASE_ENV = "KPASS_DATABASE_URL"
USER_ENV = "KPASS_USER"


def data_dir() -> Path:
    """The user's data directory for kpass (created on demand)."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'kpass.sqlite'}"


def resolve_database_url(explicit: str | None = None) -> str:
    """``--database`` wins over ``KPASS_DATABASE_URL``, which wins over the default file."""
    if explicit:
        return explicit
    from_env = os.environ.get(DATABASE_ENV, "").strip()
    return from_env or default_database_url()


def acting_username() -> str:
    """Who is working: ``KPASS_USER`` or the operating-system login, until kpass has logins."""
    name = os.environ.get(USER_ENV, "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in some containers
        return "unbekannt"
