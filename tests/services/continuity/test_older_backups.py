"""A backup made by an older kpass restores into the current one: its copy is brought to
the current schema before the register is touched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from kpass.models.engine import Database, open_database
from kpass.models.migrate import head_revision
from kpass.services.admin import check_database
from kpass.services.continuity import create_backup, restore_backup
from tests.services.continuity.helpers import last_event, table_counts

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.mark.parametrize("revision", ["0010"])
def test_a_backup_of_an_older_schema_is_upgraded_on_restore(
    tmp_path: Path, revision: str
) -> None:
    old_file = tmp_path / "alt.sqlite"
    shutil.copyfile(FIXTURES / f"schema-{revision}.sqlite", old_file)
    old = open_database(f"sqlite:///{old_file}")
    try:
        old_counts = table_counts(old)
        backup = create_backup(old, tmp_path / "alt.kpassbackup")
    finally:
        old.dispose()
    assert backup.manifest.schema_revision == revision

    target = open_database(f"sqlite:///{tmp_path / 'neu' / 'kpass.sqlite'}")
    try:
        result = restore_backup(target, backup.path)
        assert result.upgraded_from == revision
        counts = table_counts(target)
        assert counts["alembic_version"] == 1
        for table in ("household", "person", "pass", "decision"):
            assert counts[table] == old_counts[table] > 0
        assert check_database(target).ok
        assert last_event(target)[0] == "restore_backup"
        with target.engine.connect() as connection:
            assert connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version").scalar() == head_revision()
    finally:
        target.dispose()


@pytest.mark.parametrize("backend", ["postgresql"])
def test_a_postgresql_backup_older_than_a_table_gets_its_row_security_on_restore(
    database: Database, tmp_path: Path, data_folder: Path
) -> None:
    """A backup of schema 0017 knows no ``stat_month``: restored and upgraded by the
    owner, the new table gets its policy and the seats' grants, or every decision at a seat
    would fail on it."""
    from kpass.models.migrate import migrate_to

    migrate_to(database, "downgrade", "0017")
    backup = create_backup(database, tmp_path / "alt.kpassbackup")
    assert backup.manifest.schema_revision == "0017"

    result = restore_backup(database, backup.path, force=True)

    assert result.upgraded_from == "0017"
    with database.engine.connect() as connection:
        policies = connection.execute(text(
            "SELECT count(*) FROM pg_policies WHERE tablename = 'stat_month'")).scalar()
        region_may_write = connection.execute(text(
            "SELECT has_table_privilege('kpass_region', 'stat_month', 'INSERT, UPDATE')"
        )).scalar()
    assert policies == 1
    assert region_may_write is True
