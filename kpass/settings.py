"""Where the database lives, who is acting, and keeping the register's files to the office.

The register holds personal data of vulnerable people: every folder and file kpass makes for
it is its owner's alone (folders 0700, files 0600), whatever the user's umask, and one that
is open to others is tightened when kpass opens it, if the user owns it. On Windows the
POSIX modes mean nothing and are left alone.
"""

from __future__ import annotations

import getpass
import os
import stat
from pathlib import Path

import platformdirs

from kpass.errors import ConfigurationError

APP_NAME = "kpass"
APP_AUTHOR = "Stadt Karlsruhe"
DATABASE_ENV = "KPASS_DATABASE_URL"
DATABASE_FILE_ENV = "KPASS_DATABASE_URL_FILE"
#: In the user's config folder: the database URL, used when no variable names one.
URL_FILE_NAME = "database-url"
#: In the data folder: the PDFs the desktop app prints (kpass.ui.printing.outbox).
OUTBOX_NAME = "Ausgabe"
USER_ENV = "KPASS_USER"
#: The office's own letter texts (a TOML file with only the changed entries): named by this
#: variable (a shared folder, the same for every seat), else this file in the config folder.
LETTER_SETTINGS_ENV = "KPASS_LETTER_SETTINGS"
LETTER_SETTINGS_NAME = "letter_settings.toml"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
_OTHERS = 0o077  # group and others: read, write, execute
_POSIX = os.name == "posix"


def data_dir() -> Path:
    """The user's data directory for kpass (see :func:`private_data_dir` to create it)."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def private_data_dir() -> Path:
    """:func:`data_dir`, created 0700 or tightened to it (see :func:`private_dir`)."""
    return private_dir(data_dir())


def default_outbox() -> Path:
    """The seat's folder for printed PDFs (made private when kpass first prints into it)."""
    return data_dir() / OUTBOX_NAME


def default_url_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / URL_FILE_NAME


def letter_settings_file() -> Path | None:
    """The office's letter settings laid over the shipped ones, if it has a file; a path
    named by the variable that does not exist is returned as well (and refused when read,
    naming it), so a typo is not silently ignored."""
    named = os.environ.get(LETTER_SETTINGS_ENV, "").strip()
    if named:
        return Path(named).expanduser()
    beside = default_url_file().with_name(LETTER_SETTINGS_NAME)
    return beside if beside.is_file() else None


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'kpass.sqlite'}"


def resolve_database_url(explicit: str | None = None) -> str:
    """``--database`` wins over ``KPASS_DATABASE_URL``, over the file
    ``KPASS_DATABASE_URL_FILE`` names, over :func:`default_url_file` if it exists, over the
    default SQLite file. A file keeps a PostgreSQL password off every command line."""
    if explicit:
        return explicit
    from_env = os.environ.get(DATABASE_ENV, "").strip()
    if from_env:
        return from_env
    named = os.environ.get(DATABASE_FILE_ENV, "").strip()
    if named:
        return read_url_file(Path(named))
    default_file = default_url_file()
    if default_file.exists():
        return read_url_file(default_file)
    return default_database_url()


def read_url_file(path: Path) -> str:
    """The first line of ``path`` that is neither blank nor a ``#`` comment; refused when
    other users may read the file, since the URL may hold the database password."""
    try:
        with open(path, encoding="utf-8") as stream:
            mode = os.fstat(stream.fileno()).st_mode
            if _POSIX and mode & _OTHERS:
                raise ConfigurationError(
                    f"The database URL file {path} is open to other users (mode "
                    f"{stat.S_IMODE(mode):04o}) and may hold the password; make it yours "
                    f"alone: chmod 600 {path}",
                    f"Die Datei mit der Datenbank-URL {path} ist für andere Benutzer "
                    f"zugänglich (Modus {stat.S_IMODE(mode):04o}) und enthält vielleicht das "
                    f"Passwort; bitte nur für sich lesbar machen: chmod 600 {path}",
                )
            lines = [line.strip() for line in stream]
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigurationError(
            f"Cannot read the database URL file {path}: {reason}",
            f"Die Datei mit der Datenbank-URL {path} kann nicht gelesen werden: {reason}",
        ) from exc
    url = next((line for line in lines if line and not line.startswith("#")), "")
    if not url:
        raise ConfigurationError(
            f"The database URL file {path} holds no URL.",
            f"Die Datei mit der Datenbank-URL {path} enthält keine URL.",
        )
    return url


def open_to_others(path: Path) -> int | None:
    """The permissions group and others have on ``path`` (e.g. ``0o044``); None when they
    have none, the path does not exist or the system has no POSIX modes."""
    if not _POSIX:
        return None
    try:
        bits = stat.S_IMODE(os.stat(path).st_mode) & _OTHERS
    except OSError:
        return None
    return bits or None


def tighten(path: Path) -> None:
    """Take group and others' permissions away from ``path`` if this user owns it; a file of
    another user, or one that cannot be changed, is left for ``kpass db check`` to report."""
    if not _POSIX:
        return
    try:
        status = os.stat(path)
        if status.st_uid == os.geteuid() and status.st_mode & _OTHERS:
            os.chmod(path, stat.S_IMODE(status.st_mode) & ~_OTHERS)
    except OSError:
        pass


def private_dir(path: Path) -> Path:
    """``path`` as a folder only its owner may enter: created 0700 (missing parents get the
    user's usual permissions), or an existing one tightened (see :func:`tighten`)."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    tighten(path)
    return path


def create_private_file(path: Path) -> bool:
    """Create ``path`` empty with mode 0600 unless it exists (True if this call made it), so
    that whoever writes it next (SQLite) keeps that mode; the umask is never touched."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    os.close(descriptor)
    return True


def acting_username() -> str:
    """Who is working: ``KPASS_USER`` or the operating-system login, until kpass has logins."""
    name = os.environ.get(USER_ENV, "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in some containers
        return "unbekannt"
