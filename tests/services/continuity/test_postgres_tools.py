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
