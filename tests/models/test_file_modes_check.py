"""``kpass db check`` reports a database file, WAL file, upgrade copy or data folder that
other users of the computer may open, in English and German."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from kpass.cli import main
from kpass.models.engine import Database
from kpass.services.admin import check_database, open_and_upgrade


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Database]:
    folder = tmp_path / "register"
    database = open_and_upgrade(f"sqlite:///{folder / 'kpass.sqlite'}")
    yield database
    database.dispose()


def test_a_private_register_passes(register: Database) -> None:
    report = check_database(register)
    assert report.ok, report.problems


def test_files_open_to_others_are_reported(register: Database) -> None:
    path = register.sqlite_path
    assert path is not None
    copy = path.with_name("kpass.vor-upgrade-0009-20260101-120000.sqlite")
    shutil.copyfile(path, copy)  # 0644, as an older kpass left its copies
    with register.connect() as connection:  # the -wal exists while a connection is open
        connection.execute(text("SELECT count(*) FROM household")).scalar_one()
        wal = path.with_name("kpass.sqlite-wal")
        # changed behind kpass's back after it opened the register (opening would tighten)
        for file, file_mode in ((path, 0o644), (wal, 0o640)):
            os.chmod(file, file_mode)
        os.chmod(path.parent, 0o755)
        problems = check_database(register).problems
    assert (
        f"database file open to other users of this computer: {path} (mode 0644, should be "
        f"0600: chmod 600) — Datenbankdatei für andere Benutzer dieses Rechners zugänglich: "
        f"{path} (Modus 0644, richtig wäre 0600)"
    ) in problems
    assert any(p.startswith(f"WAL file open to other users of this computer: {wal} (mode 0640")
               and "WAL-Datei für andere Benutzer" in p for p in problems), problems
    assert any(p.startswith(f"copy of the database open to other users of this computer: {copy}")
               for p in problems), problems
    assert any(p.startswith(f"data folder open to other users of this computer: {path.parent} "
                            "(mode 0755, should be 0700: chmod 700)")
               and "Datenordner für andere Benutzer" in p for p in problems), problems
    assert len(problems) == 4, problems


def test_db_check_tightens_what_it_may_and_reports_the_user_s_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "gewaehlt"
    folder.mkdir(mode=0o755)  # a folder the user chose: kpass does not change it
    path = folder / "kpass.sqlite"
    url = f"sqlite:///{path}"
    assert main(["--database", url, "db", "upgrade"]) == 0
    os.chmod(path, 0o644)
    assert main(["--database", url, "db", "check"]) == 1
    out = capsys.readouterr().out
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600  # the file was ours: tightened
    assert "database file open" not in out
    assert f"- data folder open to other users of this computer: {folder} (mode 0755" in out
    assert "Datenordner für andere Benutzer dieses Rechners zugänglich" in out


def test_a_register_copied_in_passes_once_opened(database: Database, backend: str) -> None:
    """The shared fixture copies a template with the umask's mode (0644); opening it
    tightened it. On PostgreSQL the server keeps the files: nothing to report."""
    if database.sqlite_path is not None:
        assert stat.S_IMODE(os.stat(database.sqlite_path).st_mode) == 0o600
    report = check_database(database)
    assert report.ok, report.problems
