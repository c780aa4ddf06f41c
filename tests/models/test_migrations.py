"""Schema creation and upgrades through Alembic, on both databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import inspect, text

from kpass.models import Base
from kpass.models.engine import open_database
from kpass.models.migrate import current_revision, head_revision, upgrade


def test_upgrade_from_empty_creates_every_table(empty_database_url: str) -> None:
    database = open_database(empty_database_url)
    assert current_revision(database) is None
    result = upgrade(database)
    assert result.before is None and result.after == head_revision()
    tables = set(inspect(database.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    with database.connect() as connection:
        names = dict(connection.execute(text("SELECT code, name FROM stadtteil")).all())
    assert len(names) == 27 and names["19"] == "Durlach" and names["08"] == "Mühlburg"
    again = upgrade(database)
    assert not again.changed and again.backup is None
    database.dispose()


def test_models_match_the_migrations(empty_database_url: str) -> None:
    """Autogenerate finds nothing to do: the models and the migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    database = open_database(empty_database_url)
    upgrade(database)
    with database.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
    database.dispose()


def test_a_schema_from_a_newer_kpass_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kpass.sqlite"
    database = open_database(f"sqlite:///{path}")
    upgrade(database)
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO app_user (username, display_name, role, active, "
                "created_at) VALUES ('alt', 'Alt', 'admin', 1, '2026-01-01')"
            )
        )
        # Pretend the file was written by a newer release.
        connection.execute(text("UPDATE alembic_version SET version_num = 'old'"))
    database.dispose()
    # Its unknown revision is refused; nothing is changed.
    database = open_database(f"sqlite:///{path}")
    try:
        upgrade(database)
    except Exception as exc:
        assert "old" in str(exc)
    else:
        raise AssertionError("unknown revision accepted")
    database.dispose()


def test_backup_copy_is_a_complete_database(tmp_path: Path) -> None:
    from kpass.models.migrate import backup_sqlite

    path = tmp_path / "kpass.sqlite"
    database = open_database(f"sqlite:///{path}")
    upgrade(database)
    with database.engine.begin() as connection:
        connection.execute(text("INSERT INTO counter (name, value) VALUES ('x', 41)"))
    copy = backup_sqlite(path, head_revision())
    database.dispose()
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT value FROM counter WHERE name = 'x'").fetchone() == (41,)
    assert copy.parent == path.parent and copy != path


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_upgrade_of_a_released_schema_keeps_the_data_and_a_copy(tmp_path: Path) -> None:
    """schema-0001.sqlite was written by kpass at revision 0001 (40 demo households)."""
    import shutil

    path = tmp_path / "kpass.sqlite"
    shutil.copyfile(FIXTURES / "schema-0001.sqlite", path)
    database = open_database(f"sqlite:///{path}")
    assert current_revision(database) == "0001"
    result = upgrade(database)
    assert result.before == "0001" and result.after == head_revision()
    assert result.backup is not None and result.backup.exists()
    with database.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM household")).scalar_one() == 40
        assert connection.execute(
            text("SELECT value FROM counter WHERE name = 'pass_serial'")
        ).scalar_one() >= 100000
    database.dispose()
    with sqlite3.connect(result.backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert old.execute("SELECT count(*) FROM household").fetchone() == (40,)


def test_the_head_every_start_compares_with_is_the_newest_migration() -> None:
    """A new migration without ``HEAD_REVISION`` moved on would leave registers unupgraded."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from kpass.models.migrate import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_heads() == [head_revision()]


def test_starting_the_app_does_not_import_alembic() -> None:
    import subprocess
    import sys

    probe = ("import sys; from kpass.services.admin import open_and_upgrade; "
             "from kpass.models.migrate import head_revision; head_revision(); "
             "print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"
