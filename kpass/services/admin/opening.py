"""Opening the register: the one place that turns a URL (or the default) into a database,
creates it, brings its schema up to date, or refuses an old or missing one.

The app and the command line both come here, so a second copy of these decisions cannot
drift: only ``create=True`` (``kpass db upgrade``, the app's start) may create a new SQLite
file; every other command says that there is none instead of leaving an empty one.
"""

from __future__ import annotations

from dataclasses import replace

from kpass.atomic_file import protect
from kpass.errors import ConfigurationError, DatabaseError
from kpass.models.engine import Database, open_database
from kpass.models.migrate import UpgradeResult, ensure_current, upgrade
from kpass.models.row_security import apply_row_security, owns_the_register
from kpass.rules import ParameterError, configured_issuers
from kpass.services.access.guard import owner_command
from kpass.settings import data_dir, resolve_database_url, tighten


def open_register(url_text: str | None, *, create: bool = False,
                  require_schema: bool = True) -> Database:
    """The database named by ``url_text`` (else the environment, else the default file).

    ``require_schema``: refused unless its schema is current. The SQLite file and its
    companions are protected: no output file of this process may replace them, and they
    (and the data folder holding them) are kept to their owner (:mod:`kpass.settings`).
    """
    database = open_database(resolve_database_url(url_text), create_dir=create)
    path = database.sqlite_path
    if path is not None:
        protect(path)
        if path.parent.absolute() == data_dir().absolute():
            # kpass's own folder is tightened; a folder the user chose is only reported
            tighten(path.parent)
    if not create and path is not None and not path.exists():
        raise DatabaseError(
            f"There is no database at {path}; create it with: kpass db upgrade",
            f"Unter {path} gibt es keine Datenbank; anlegen mit: kpass db upgrade",
        )
    if require_schema:
        ensure_current(database)
    return database


@owner_command
def upgrade_register(database: Database) -> UpgradeResult:
    """Create or upgrade the schema (a SQLite file is copied aside first).

    On PostgreSQL, run by the owner of the tables, the row-level security of the Sozialregion
    is set as well: a group role per configured issuer, their grants and the policies
    (:mod:`kpass.models.row_security`). A seat (not the owner) starting the app leaves it."""
    result = upgrade(database)
    if database.is_sqlite:
        return result
    codes = [issuer.code for issuer in configured_issuers()]
    with database.engine.begin() as connection:
        if not owns_the_register(connection):
            return result
        missing = apply_row_security(connection, codes)
    return replace(result, row_security=True, missing_roles=tuple(missing))


def check_rule_files() -> None:
    """Every issuer's rule parameter file can be read and agrees with the others; else a
    :class:`ConfigurationError` naming the file and the key (a broken installation is told
    at the start, not halfway through a decision)."""
    try:
        configured_issuers()
    except ParameterError as exc:
        raise rule_files_broken(exc) from exc


def rule_files_broken(problem: Exception) -> ConfigurationError:
    return ConfigurationError(
        f"The rule parameters cannot be read: {problem}. Nothing was changed; please tell "
        "the administration.",
        f"Die Regelparameter sind nicht lesbar: {problem}. Es wurde nichts geändert; bitte "
        "die Verwaltung verständigen.",
    )


def open_and_upgrade(url_text: str | None) -> Database:
    """The app's start: the rule files are checked, the database opened (created if need
    be) and its schema brought up to date."""
    check_rule_files()
    database = open_register(url_text, create=True, require_schema=False)
    upgrade_register(database)
    return database
