"""Opening a database by URL: SQLite with WAL and foreign keys, or PostgreSQL via psycopg 3."""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from kpass.errors import ConfigurationError, DatabaseError
from kpass.settings import PRIVATE_DIR_MODE, create_private_file, tighten

SQLITE_BUSY_TIMEOUT_MS = 5000
# PostgreSQL: a statement that waits for a row lock longer than SQLite waits for its write
# lock gives up with SQLSTATE 55P03 ("locked by another program", as on SQLite) instead of
# hanging behind another seat; no statement runs longer than the statement timeout (57014).
PG_LOCK_TIMEOUT_MS = SQLITE_BUSY_TIMEOUT_MS
PG_STATEMENT_TIMEOUT_MS = 300_000
PG_LOCK_NOT_AVAILABLE = "55P03"
PG_QUERY_CANCELED = "57014"
PG_READ_ONLY_TRANSACTION = "25006"
PG_DISK_FULL = "53100"
# SQLite's primary result codes (the low byte of an extended code, ``sqlite3.Error``'s
# ``sqlite_errorcode``); the message texts are matched as well for older drivers.
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
WRITE_OPTION = "kpass_write"
#: Files SQLite keeps beside the database; it gives them the database file's mode.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
#: ``kpass.sqlite`` → ``kpass.vor-upgrade-0010-20260101-120000.sqlite`` (``kpass db upgrade``)
UPGRADE_COPY_INFIX = ".vor-upgrade-"
#: ``kpass.sqlite`` → ``kpass.vor-wiederherstellung-20261125-083000.sqlite`` (``kpass restore``)
RESTORE_COPY_INFIX = ".vor-wiederherstellung-"
_PASSWORD = re.compile(r"(://[^/@:]*:)[^/@]*@")


def parse_database_url(text: str) -> URL:
    """Parse and normalise a URL; ``postgresql://`` means psycopg 3."""
    try:
        url = make_url(text)
    except (ArgumentError, ValueError) as exc:  # ValueError: a port that is no number
        shown = _PASSWORD.sub(r"\1***@", text)  # the URL may come from a private file
        raise ConfigurationError(
            f"Not a database URL: {shown!r} (expected e.g. sqlite:///path/kpass.sqlite or "
            "postgresql://user@host/dbname)",
            f"Keine gültige Datenbank-URL: {shown!r} (erwartet z. B. sqlite:///pfad/kpass.sqlite "
            "oder postgresql://benutzer@host/datenbank)",
        ) from exc
    backend = url.get_backend_name()
    if backend == "postgresql" and url.get_driver_name() in ("psycopg2", ""):
        url = url.set(drivername="postgresql+psycopg")
    elif backend not in ("sqlite", "postgresql"):
        raise ConfigurationError(
            f"Unsupported database {backend!r}: kpass works with SQLite and PostgreSQL.",
            f"Nicht unterstützte Datenbank {backend!r}: kpass arbeitet mit SQLite und PostgreSQL.",
        )
    return url


def _sqlite_path(url: URL) -> Path | None:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def register_files(path: Path) -> list[Path]:
    """The SQLite file, its companions and the copies ``kpass db upgrade`` and ``kpass
    restore`` set aside: those of them that exist. Each holds the whole register."""
    companions = [path.with_name(path.name + suffix) for suffix in SQLITE_COMPANIONS]
    try:
        copies = sorted(
            copy for infix in (UPGRADE_COPY_INFIX, RESTORE_COPY_INFIX)
            for copy in path.parent.glob(f"{glob.escape(path.stem)}{infix}*.sqlite")
        )
    except OSError:
        copies = []
    return [file for file in (path, *companions, *copies) if file.exists()]


def _keep_private(engine: Engine, path: Path) -> None:
    """SQLite creates a new file with the umask's mode (often 0644) and its -wal and -shm
    with the database file's: so the file is made 0600 first, and an existing one too open
    is tightened."""
    for file in register_files(path):
        tighten(file)

    @event.listens_for(engine, "do_connect")
    def _create_private(*_args: Any) -> None:
        with suppress(OSError):  # a missing folder: SQLite says so itself
            create_private_file(path)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own handling
        # defers it and cannot do BEGIN IMMEDIATE).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the lock up front: a deferred transaction that upgrades from
        # reading to writing fails at once with "database is locked" instead of waiting.
        if connection.get_execution_options().get(WRITE_OPTION):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


def _reconnect_after_read_only(engine: Engine) -> None:
    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        # A connection opened while the database was read-only stays so (SQLite opens the
        # file read-only for good; a PostgreSQL session keeps default_transaction_read_only,
        # a standby stays one): dropped, so that trying again after the fault is cleared
        # gets a fresh connection.
        original = context.original_exception
        code = getattr(original, "sqlstate", None)
        sqlite_code = getattr(original, "sqlite_errorcode", None)
        if code == PG_READ_ONLY_TRANSACTION or (
            isinstance(sqlite_code, int) and sqlite_code & 0xFF == SQLITE_READONLY
        ):
            context.is_disconnect = True


@dataclass
class Database:
    """An open database: its engine and session factories for reading and writing."""

    url: URL
    engine: Engine

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        return _sqlite_path(self.url) if self.is_sqlite else None

    def display_url(self) -> str:
        """The URL for messages and the status bar: a password is hidden, whether it came
        as ``user:password@`` or as the libpq query parameter ``?password=``."""
        url = self.url
        if "password" in url.query:
            url = url.update_query_dict({"password": "***"})
        return url.render_as_string(hide_password=True)

    def reader(self) -> Session:
        return sessionmaker(self.engine, expire_on_commit=False)()

    def writer(self) -> Session:
        return sessionmaker(
            self.engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )()

    @contextmanager
    def connect(self) -> Iterator[Any]:
        with translate_errors(self), self.engine.connect() as connection:
            yield connection

    def dispose(self) -> None:
        self.engine.dispose()


def _pg_options(url: URL) -> str:
    """Server settings for every PostgreSQL connection; ``options`` given in the URL come
    last, so that they win."""
    # jit off: the row-level security policies of a regional register make the planner's
    # estimates large enough to start JIT compilation, which costs a counter query ~150 ms
    # for a gain nowhere in kpass (short queries; bench/row_security.py).
    ours = (f"-c lock_timeout={PG_LOCK_TIMEOUT_MS} -c statement_timeout={PG_STATEMENT_TIMEOUT_MS}"
            " -c jit=off")
    given = url.query.get("options")
    if isinstance(given, tuple):
        given = " ".join(given)
    return f"{ours} {given}" if given else ours


def sqlstate(exc: DBAPIError) -> str | None:
    """The SQLSTATE of a PostgreSQL error (psycopg), else None."""
    code = getattr(exc.orig, "sqlstate", None)
    return code if isinstance(code, str) else None


def open_database(text: str, *, create_dir: bool = True, echo: bool = False) -> Database:
    """Create the engine for a URL (nothing is connected yet)."""
    url = parse_database_url(text)
    kwargs: dict[str, Any] = {"echo": echo, "future": True}
    if url.get_backend_name() == "sqlite":
        path = _sqlite_path(url)
        if path is not None and create_dir:
            try:
                # a folder kpass makes for the register is its owner's alone; an existing
                # one may be the user's choice and is left (kpass db check reports it)
                path.parent.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(
                    f"Cannot create the folder for the database {path}: {exc.strerror}",
                    f"Der Ordner für die Datenbank {path} kann nicht angelegt werden: "
                    f"{exc.strerror}",
                ) from exc
        kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
    else:
        kwargs["pool_pre_ping"] = True
        kwargs["connect_args"] = {"connect_timeout": 5, "options": _pg_options(url)}
    try:
        engine = create_engine(url, **kwargs)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise ConfigurationError(
            f"The database driver for {url.drivername} is not installed "
            "(PostgreSQL needs: pip install 'kpass[postgres]').",
            f"Der Datenbanktreiber für {url.drivername} ist nicht installiert "
            "(PostgreSQL braucht: pip install 'kpass[postgres]').",
        ) from exc
    if url.get_backend_name() == "sqlite":
        _configure_sqlite(engine)
        path = _sqlite_path(url)
        if path is not None:
            _keep_private(engine, path)
    _reconnect_after_read_only(engine)
    return Database(url=url, engine=engine)


def describe_db_error(exc: DBAPIError, database: Database | None = None) -> DatabaseError:
    """Turn a driver error into one clear line for the person at the screen."""
    text = str(exc.orig) if exc.orig is not None else str(exc)
    lowered = text.lower()
    where = database.display_url() if database is not None else "the database"
    code = sqlstate(exc)
    if code == PG_LOCK_NOT_AVAILABLE or "locked" in lowered or "busy" in lowered:
        return DatabaseError(
            f"The database is locked by another program ({where}); try again in a moment.",
            f"Die Datenbank ist von einem anderen Programm gesperrt ({where}); "
            "bitte gleich noch einmal versuchen.",
        )
    # before "could not …" below: PostgreSQL says "could not extend file" when its disk is full
    if _is_disk_full(exc, code, lowered):
        return DatabaseError(
            f"The disk holding the database is full ({where}); nothing was changed. Free "
            "some space (or ask IT to), then try again.",
            f"Der Datenträger der Datenbank ist voll ({where}); es wurde nichts geändert. "
            "Bitte Platz schaffen (oder die IT darum bitten) und dann noch einmal versuchen.",
        )
    if _is_read_only(exc, code, lowered, database):
        return DatabaseError(
            f"The database is read-only ({where}); nothing was changed. Ask IT to allow "
            "writing to it again, then try again.",
            f"Die Datenbank ist schreibgeschützt ({where}); es wurde nichts geändert. Bitte "
            "die IT bitten, das Schreiben wieder zu erlauben, und dann noch einmal versuchen.",
        )
    if _sqlite_code(exc) == SQLITE_IOERR or "disk i/o error" in lowered:
        return DatabaseError(
            f"The database file could not be read or written (disk I/O error, {where}); "
            "nothing was changed. Check the drive or the network connection, then try again.",
            f"Die Datenbankdatei konnte nicht gelesen oder geschrieben werden "
            f"(Ein-/Ausgabefehler, {where}); es wurde nichts geändert. Bitte das Laufwerk oder "
            "die Netzwerkverbindung prüfen und dann noch einmal versuchen.",
        )
    if code == PG_QUERY_CANCELED:
        return DatabaseError(
            f"The database took too long to answer and the step was cancelled ({where}); "
            "nothing was saved. Please try again.",
            f"Die Datenbank hat zu lange für die Antwort gebraucht, der Schritt wurde "
            f"abgebrochen ({where}); nichts wurde gespeichert. Bitte noch einmal versuchen.",
        )
    if "no such table" in lowered or ("relation" in lowered and "does not exist" in lowered):
        return DatabaseError(
            f"The database has no kpass tables yet ({where}); run: kpass db upgrade",
            f"Die Datenbank enthält noch keine kpass-Tabellen ({where}); "
            "bitte ausführen: kpass db upgrade",
        )
    if (
        "unable to open" in lowered
        or "connection" in lowered
        or "could not" in lowered
        or "does not exist" in lowered
        or "timeout" in lowered
        or "no such host" in lowered
        or "name or service" in lowered
    ):
        return DatabaseError(
            f"The database cannot be reached ({where}): {text.strip().splitlines()[0]}",
            f"Die Datenbank ist nicht erreichbar ({where}): {text.strip().splitlines()[0]}",
        )
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return DatabaseError(
            f"The database file is damaged or not a kpass database ({where}).",
            f"Die Datenbankdatei ist beschädigt oder keine kpass-Datenbank ({where}).",
        )
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return DatabaseError(
        f"Database error ({where}): {first}",
        f"Datenbankfehler ({where}): {first}",
    )


def _sqlite_code(exc: DBAPIError) -> int | None:
    """SQLite's primary result code of a driver error, else None."""
    code = getattr(exc.orig, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _is_disk_full(exc: DBAPIError, code: str | None, lowered: str) -> bool:
    # SQLite: "database or disk is full"; PostgreSQL 53100 "could not extend file …: No
    # space left on device" (also without its SQLSTATE, e.g. a WAL write failing)
    return (
        code == PG_DISK_FULL
        or _sqlite_code(exc) == SQLITE_FULL
        or "disk is full" in lowered
        or "no space left on device" in lowered
    )


def _is_read_only(
    exc: DBAPIError, code: str | None, lowered: str, database: Database | None
) -> bool:
    # SQLite: "attempt to write a readonly database"; PostgreSQL 25006 "cannot execute
    # INSERT in a read-only transaction" (a standby, default_transaction_read_only)
    if (
        code == PG_READ_ONLY_TRANSACTION
        or _sqlite_code(exc) == SQLITE_READONLY
        or "read-only" in lowered
        or "readonly" in lowered
    ):
        return True
    # A WAL database on a read-only drive or in a folder kpass may not write cannot even be
    # opened ("unable to open database file"): its -shm cannot be made.
    path = database.sqlite_path if database is not None else None
    if path is None or _sqlite_code(exc) != SQLITE_CANTOPEN or not path.exists():
        return False
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


@contextmanager
def translate_errors(database: Database | None = None) -> Iterator[None]:
    """Re-raise driver errors as :class:`DatabaseError` with a readable message."""
    try:
        yield
    except DBAPIError as exc:
        raise describe_db_error(exc, database) from exc
