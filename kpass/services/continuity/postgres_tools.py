"""PostgreSQL's own client tools for backups: ``pg_dump -Fc``, ``pg_restore`` and ``psql``.

They are found in ``$KPASS_PG_BIN_DIR`` when that is set (only there), else on ``PATH``,
else in the newest ``/usr/lib/postgresql/*/bin`` (Debian installs them there). Connection
details go to the tools through libpq's environment variables (``PGHOST``, ``PGPASSWORD``,
…), never as command-line arguments, which every user of the computer can read in the
process list.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.engine import URL

from kpass.services.continuity.errors import BackupFailed, PgToolsMissing
from kpass.settings import create_private_file

PG_BIN_ENV = "KPASS_PG_BIN_DIR"
DEBIAN_PG_BIN = "/usr/lib/postgresql/*/bin"
DEBIAN_PACKAGE = "postgresql-client"
#: How long a restore waits for the app's connections to let go of a table.
LOCK_TIMEOUT_MS = 10_000
#: URL query parameters that libpq also reads from the environment.
_LIBPQ_ENV = {
    "host": "PGHOST",
    "hostaddr": "PGHOSTADDR",
    "port": "PGPORT",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "sslcrl": "PGSSLCRL",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
    "gssencmode": "PGGSSENCMODE",
    "channel_binding": "PGCHANNELBINDING",
    # a password given as ``?password=`` (libpq's own keyword) reaches the tools too; the
    # URL's ``user:password@`` wins when both are given
    "password": "PGPASSWORD",
}
#: what is never shown (in messages, a backup's header): libpq's password keyword
_SECRET_QUERY_KEYS = ("password",)
_COPY = re.compile(r"COPY (?:public\.)?\"?([A-Za-z0-9_]+)\"? \(.*\) FROM stdin;")
_MAX_MESSAGE_LINES = 5


def _version_key(folder: str) -> tuple[int, ...]:
    version = Path(folder).parent.name
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def find_tool(name: str) -> Path:
    """The tool ``name``; :class:`PgToolsMissing` naming the Debian package otherwise."""
    chosen = os.environ.get(PG_BIN_ENV, "").strip()
    if chosen:
        candidate = Path(chosen) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    else:
        found = shutil.which(name)
        if found:
            return Path(found)
        for folder in sorted(glob.glob(DEBIAN_PG_BIN), key=_version_key, reverse=True):
            candidate = Path(folder) / name
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return candidate
    where = (f"in {chosen}, the folder {PG_BIN_ENV} names" if chosen
             else f"on PATH or in {DEBIAN_PG_BIN}")
    where_de = (f"in {chosen}, dem Ordner aus {PG_BIN_ENV}" if chosen
                else f"im PATH oder in {DEBIAN_PG_BIN}")
    raise PgToolsMissing(
        f"Backups of a PostgreSQL register need PostgreSQL's client tools, but {name} was not "
        f"found {where}. Install them (Debian/Ubuntu: sudo apt install {DEBIAN_PACKAGE}; of "
        "at least the server's version) or name their folder in KPASS_PG_BIN_DIR.",
        f"Sicherungen eines PostgreSQL-Registers brauchen die Client-Programme von "
        f"PostgreSQL, aber {name} wurde {where_de} nicht gefunden. Bitte installieren "
        f"(Debian/Ubuntu: sudo apt install {DEBIAN_PACKAGE}; mindestens in der Version des "
        "Servers) oder ihren Ordner in KPASS_PG_BIN_DIR angeben.",
    )


def display_url(url: URL) -> str:
    """``url`` as messages and a backup's header show it: without its password, whether it
    is given as ``user:password@`` or as ``?password=``."""
    hidden = {key: "***" for key in _SECRET_QUERY_KEYS if key in url.query}
    if hidden:
        url = url.update_query_dict(hidden)
    return url.render_as_string(hide_password=True)


def libpq_environment(url: URL) -> dict[str, str]:
    """The process environment for a tool that connects to ``url``'s database."""
    # libpq's own variables (PGPASSFILE, PGSSLMODE, …) apply as they do to kpass's own
    # connections; what the URL names wins
    environment = dict(os.environ)
    for key, variable in _LIBPQ_ENV.items():
        value = url.query.get(key)
        if isinstance(value, tuple):
            value = value[-1] if value else None
        if value:
            environment[variable] = str(value)
    if url.host:
        environment["PGHOST"] = url.host
    if url.port:
        environment["PGPORT"] = str(url.port)
    if url.username:
        environment["PGUSER"] = url.username
    if url.password:
        environment["PGPASSWORD"] = str(url.password)
    if url.database:
        environment["PGDATABASE"] = url.database
    environment["PGAPPNAME"] = "kpass-backup"
    # no notices on stderr (they would read like errors); a restore gives up when the app
    # keeps a table locked, instead of waiting without end
    environment["PGOPTIONS"] = f"-c client_min_messages=warning -c lock_timeout={LOCK_TIMEOUT_MS}"
    return environment


def _failure(tool: str, stderr: str) -> BackupFailed:
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    shown = " / ".join(lines[:_MAX_MESSAGE_LINES]) or "no message"
    return BackupFailed(
        f"{tool} failed: {shown}",
        f"{tool} ist fehlgeschlagen: {shown}",
    )


def run_tool(name: str, arguments: list[str], url: URL | None) -> str:
    """Run a tool to its end; its standard output, or :class:`BackupFailed` with its
    messages."""
    tool = find_tool(name)
    environment = libpq_environment(url) if url is not None else dict(os.environ)
    completed = subprocess.run(
        [str(tool), *arguments], env=environment, capture_output=True, text=True,
        check=False, stdin=subprocess.DEVNULL,
    )
    if completed.returncode != 0:
        raise _failure(name, completed.stderr)
    return completed.stdout


def dump(url: URL, target: Path, snapshot: str | None = None) -> None:
    """``pg_dump -Fc`` of ``url``'s database into ``target``; with ``snapshot`` exactly the
    state of that exported snapshot (the one the counts were read in)."""
    arguments = ["--format=custom", "--file", str(target), "--no-password"]
    if snapshot is not None:
        arguments += ["--snapshot", snapshot]
    run_tool("pg_dump", arguments, url)


def list_archive(path: Path) -> str:
    """The table of contents of an archive; fails on one that is not whole."""
    return run_tool("pg_restore", ["--list", str(path)], None)


def _copy_lines(path: Path) -> Iterator[str]:
    tool = find_tool("pg_restore")
    with subprocess.Popen(
        [str(tool), "--data-only", "--file", "-", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL, text=True, encoding="utf-8", errors="replace",
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        yield from process.stdout
        stderr = process.stderr.read()
        if process.wait() != 0:
            raise _failure("pg_restore", stderr)


def archive_counts(path: Path) -> dict[str, int]:
    """Rows of every table in an archive: its data read to the end, as a restore would.

    COPY's text format writes one row per line (line breaks inside values are escaped), so
    counting lines between ``COPY … FROM stdin;`` and ``\\.`` counts rows."""
    counts: dict[str, int] = {}
    table: str | None = None
    for line in _copy_lines(path):
        if table is None:
            match = _COPY.match(line)
            if match:
                table = match.group(1)
                counts.setdefault(table, 0)
        elif line.rstrip("\n") == "\\.":
            table = None
        else:
            counts[table] += 1
    return counts


def restore_script(path: Path, work: Path) -> Path:
    """The SQL that restores the archive, written by ``pg_restore`` into ``work`` (a private
    folder) and checked to have been written whole, before the database is touched.

    A pipe from ``pg_restore`` into ``psql`` would not do: when ``pg_restore`` dies halfway,
    ``psql`` only sees the end of its input and commits the schema dropped and half of the
    restore; and ``pg_restore``'s messages could be read only after ``psql`` ended (it stops
    when more than a pipe's worth of warnings waits)."""
    script = work / "restore.sql"
    create_private_file(script)
    # run_tool reads stdout and stderr together (communicate), so no pipe fills up
    run_tool("pg_restore", ["--no-owner", "--no-privileges", "--file", str(script), str(path)],
             None)
    return script


def run_restore_script(url: URL, script: Path) -> None:
    """Replace everything in ``url``'s schema ``public`` by what ``script`` creates, in one
    transaction: if any statement fails, ``psql`` stops (ON_ERROR_STOP) and the whole
    transaction — the schema dropped included — is rolled back."""
    run_tool("psql", ["--no-psqlrc", "--quiet", "--no-password", "--set", "ON_ERROR_STOP=1",
                      "--single-transaction", "--output", os.devnull,
                      "--command",
                      "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;",
                      "--file", str(script)], url)
