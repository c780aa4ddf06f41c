"""Without PostgreSQL's client tools a backup of a PostgreSQL register says which package
to install, before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpass.models.engine import Database
from kpass.services.continuity import (
    DEBIAN_PACKAGE,
    PG_BIN_ENV,
    PgToolsMissing,
    create_backup,
    restore_backup,
)
from kpass.services.continuity.postgres_tools import libpq_environment
from tests.services.continuity.helpers import table_counts


@pytest.mark.parametrize("backend", ["postgresql"])
def test_missing_client_tools_are_named_with_their_package(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = create_backup(database, tmp_path / "pg.kpassbackup")
    empty = tmp_path / "no-tools"
    empty.mkdir()
    # PATH alone does not hide Debian's /usr/lib/postgresql/*/bin; the folder kpass is told
    # to use is the only one it looks in
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setenv(PG_BIN_ENV, str(empty))
    before = table_counts(database)
    for attempt in (lambda: create_backup(database, tmp_path / "new.kpassbackup"),
                    lambda: restore_backup(database, backup.path, force=True)):
        with pytest.raises(PgToolsMissing) as missing:
            attempt()
        assert f"apt install {DEBIAN_PACKAGE}" in missing.value.message_en
        assert f"apt install {DEBIAN_PACKAGE}" in missing.value.message_de
    assert not (tmp_path / "new.kpassbackup").exists()
    assert table_counts(database) == before


def test_the_password_goes_to_the_tools_in_the_environment() -> None:
    from sqlalchemy.engine import make_url

    url = make_url("postgresql+psycopg://kpass:s3cret@db.example/register"
                   "?sslmode=verify-full&host=/run/pg")
    environment = libpq_environment(url)
    assert environment["PGPASSWORD"] == "s3cret"
    assert environment["PGHOST"] == "db.example"  # the URL's host wins over its query
    assert (environment["PGUSER"], environment["PGDATABASE"]) == ("kpass", "register")
    assert environment["PGSSLMODE"] == "verify-full"


def test_a_password_in_the_url_query_is_passed_and_never_shown() -> None:
    from sqlalchemy.engine import make_url

    from kpass.services.continuity.postgres_tools import display_url

    url = make_url("postgresql+psycopg://kpass@db.example/register?password=s3cret")
    assert libpq_environment(url)["PGPASSWORD"] == "s3cret"
    assert "s3cret" not in display_url(url)
    both = make_url("postgresql+psycopg://kpass:userinfo@db/register?password=query")
    assert libpq_environment(both)["PGPASSWORD"] == "userinfo"  # user:password@ wins
    assert "userinfo" not in display_url(both) and "query" not in display_url(both)


# A pg_restore that writes part of the real SQL and then dies (a disk error, a killed
# process): where it writes to ("--file -" or a file) it gets the first COPY block, which
# is complete SQL that psql would run and commit.
_DYING_PG_RESTORE = """#!{python}
import subprocess, sys
args = sys.argv[1:]
if "--no-owner" not in args:  # listing and counting while the backup is checked
    sys.exit(subprocess.call(["{real}", *args]))
at = args.index("--file")
target = args[at + 1]
real = subprocess.run(["{real}", *args[:at], "--file", "-", *args[at + 2:]],
                      capture_output=True, check=True).stdout
part = real[: real.index(b"\\n\\\\.\\n") + 4]
if target == "-":
    sys.stdout.buffer.write(part)
    sys.stdout.flush()
else:
    with open(target, "wb") as out:
        out.write(part)
sys.stderr.write("pg_restore: error: could not read from input file: end of file\\n")
sys.exit(1)
"""


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_pg_restore_that_dies_halfway_changes_nothing(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from kpass.services.continuity import BackupFailed
    from kpass.services.continuity.postgres_tools import find_tool

    backup = create_backup(database, tmp_path / "pg.kpassbackup")
    tools = tmp_path / "tools"
    tools.mkdir()
    for name in ("pg_dump", "psql"):
        (tools / name).symlink_to(find_tool(name))
    wrapper = tools / "pg_restore"
    wrapper.write_text(_DYING_PG_RESTORE.format(python=sys.executable,
                                                real=find_tool("pg_restore")))
    wrapper.chmod(0o755)
    monkeypatch.setenv(PG_BIN_ENV, str(tools))
    before = table_counts(database)

    with pytest.raises(BackupFailed) as failed:
        restore_backup(database, backup.path, force=True)

    assert "pg_restore failed" in failed.value.message_en
    assert "end of file" in failed.value.message_en
    assert "pg_restore ist fehlgeschlagen" in failed.value.message_de
    assert table_counts(database) == before
