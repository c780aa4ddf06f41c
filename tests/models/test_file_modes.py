"""The register's files are the office's alone: the data folder and the print outbox 0700,
the SQLite file, its -wal and -shm and every copy ``kpass db upgrade`` sets aside 0600, a
printed PDF 0600 — whatever the umask, through the entry points the app and the CLI use."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import platformdirs
import pytest
from sqlalchemy import text

from kpass.atomic_file import keep_private, replace_bytes
from kpass.cli import main
from kpass.models.engine import Database
from kpass.services.admin import check_database, open_and_upgrade, open_register
from kpass.settings import DATABASE_ENV, DATABASE_FILE_ENV, data_dir

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OLD_SCHEMA = FIXTURES / "schema-0001.sqlite"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    """The usual desktop umask: without kpass's care, files would come out 0644."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's data and config folders under ``tmp_path``, not the real ones."""
    folders = {"data": tmp_path / "home" / "data", "config": tmp_path / "home" / "config"}
    monkeypatch.setattr(platformdirs, "user_data_dir",
                        lambda *_a, **_k: str(folders["data"] / "kpass"))
    monkeypatch.setattr(platformdirs, "user_config_dir",
                        lambda *_a, **_k: str(folders["config"] / "kpass"))
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    monkeypatch.delenv(DATABASE_FILE_ENV, raising=False)
    return tmp_path / "home"


def with_companions(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o000], ids=["022", "002", "000"])
def test_a_new_register_is_its_owner_s_alone(umask: int) -> None:
    os.umask(umask)
    database = open_and_upgrade(None)  # the app's start on the default file
    try:
        path = database.sqlite_path
        assert path is not None and path.parent == data_dir()
        with database.connect() as connection:  # an open connection keeps -wal and -shm
            connection.execute(text("SELECT count(*) FROM household")).scalar_one()
            assert mode(data_dir()) == 0o700
            for file in with_companions(path):
                assert mode(file) == 0o600, file
        assert check_database(database).ok
    finally:
        database.dispose()


def old_installation() -> Path:
    """A register as an older kpass left it: data folder 0755, database 0644, schema 0001."""
    data_dir().mkdir(parents=True)
    os.chmod(data_dir(), 0o755)
    path = data_dir() / "kpass.sqlite"
    shutil.copyfile(OLD_SCHEMA, path)
    os.chmod(path, 0o644)
    return path


def test_db_upgrade_tightens_an_old_installation_and_its_copy_is_private(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = old_installation()
    assert main(["db", "upgrade"]) == 0
    out = capsys.readouterr().out
    [copy] = [Path(line.split(": ", 1)[1]) for line in out.splitlines()
              if line.startswith("Copy of the previous database: ")]
    assert copy.parent == data_dir() and copy.exists()
    assert mode(data_dir()) == 0o700
    assert mode(path) == 0o600
    assert mode(copy) == 0o600
    with sqlite3.connect(copy) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)


def test_two_upgrade_copies_in_one_second_are_both_kept_private() -> None:
    from kpass.models.migrate import backup_sqlite

    os.umask(0o000)
    path = old_installation()
    first, second = backup_sqlite(path, "0001"), backup_sqlite(path, "0001")
    assert first != second
    assert mode(first) == mode(second) == 0o600


def test_files_left_open_to_others_are_tightened_when_kpass_opens_them() -> None:
    path = old_installation()
    stale_copy = data_dir() / "kpass.vor-upgrade-0001-20250101-120000.sqlite"
    shutil.copyfile(OLD_SCHEMA, stale_copy)
    os.chmod(stale_copy, 0o644)
    # another program has the register open in WAL mode: its -wal and -shm exist, 0644
    other = sqlite3.connect(path)
    try:
        other.execute("PRAGMA journal_mode = WAL")
        other.execute("SELECT count(*) FROM household").fetchone()
        for file in with_companions(path):
            os.chmod(file, 0o644)
        database = open_register(None, require_schema=False)
        database.dispose()
        assert mode(data_dir()) == 0o700
        for file in [*with_companions(path), stale_copy]:
            assert mode(file) == 0o600, file
    finally:
        other.close()


def test_a_folder_chosen_by_the_user_is_created_private_but_never_changed(
    tmp_path: Path,
) -> None:
    new_folder = tmp_path / "neu" / "register"
    database = open_and_upgrade(f"sqlite:///{new_folder / 'kpass.sqlite'}")
    database.dispose()
    assert mode(new_folder) == 0o700  # made by kpass for the register
    assert mode(new_folder / "kpass.sqlite") == 0o600

    chosen = tmp_path / "gewaehlt"
    chosen.mkdir(mode=0o755)
    database = open_and_upgrade(f"sqlite:///{chosen / 'kpass.sqlite'}")
    database.dispose()
    assert mode(chosen) == 0o755  # the user's folder: only reported by kpass db check
    assert mode(chosen / "kpass.sqlite") == 0o600


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a file to another user needs root")
def test_files_of_another_user_are_left_as_they_are_and_reported() -> None:
    path = old_installation()
    database = open_and_upgrade(None)
    database.dispose()
    nobody = 65534
    os.chown(data_dir(), nobody, nobody)
    os.chown(path, nobody, nobody)
    os.chmod(data_dir(), 0o755)
    os.chmod(path, 0o644)
    database = open_register(None)
    try:
        assert mode(data_dir()) == 0o755 and mode(path) == 0o644  # not ours to change
        problems = check_database(database).problems
    finally:
        database.dispose()
    assert any(p.startswith(f"data folder open to other users of this computer: {data_dir()}")
               for p in problems), problems
    assert any(p.startswith(f"database file open to other users of this computer: {path} "
                            "(mode 0644") for p in problems), problems


@pytest.fixture
def outbox_module() -> Iterator[object]:
    from kpass.ui.printing import outbox

    outbox.set_outbox(None)  # the app's own outbox in the data folder
    yield outbox
    outbox.set_outbox(None)


def test_the_outbox_and_a_printed_pdf_are_private(
    outbox_module: object, database: Database
) -> None:
    from kpass.services.applications.deciding import apply
    from kpass.ui.printing import outbox
    from tests.register_builder import add_household, add_income, household_of

    ids = add_household(database, [("Weiß", "Jürgen", date(1950, 5, 5), "applicant")])
    add_income(database, ids[0], "pension", "900.00")
    application = apply(database, household_of(database, ids[0]), date.today(),
                        today=date.today())
    pdf = outbox.print_application_form(database, application.application_id)
    assert pdf.parent == data_dir() / "Ausgabe"
    assert mode(data_dir()) == 0o700
    assert mode(pdf.parent) == 0o700
    assert mode(pdf) == 0o600
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_an_outbox_open_to_others_is_tightened(outbox_module: object, tmp_path: Path) -> None:
    from kpass.ui.printing import outbox

    folder = tmp_path / "ausgabe"
    folder.mkdir(mode=0o755)
    outbox.set_outbox(folder)
    assert outbox.outbox() == folder
    assert mode(folder) == 0o700


def test_only_personal_data_is_written_private(tmp_path: Path) -> None:
    """Statistics exports and public keys keep the user's usual permissions; a file in a
    private folder (the outbox) or written with an explicit mode is 0600."""
    exports = tmp_path / "exporte"
    exports.mkdir()
    replace_bytes(exports / "statistik.csv", b"Stadtteil;Anzahl\n")
    assert mode(exports / "statistik.csv") == 0o644

    replace_bytes(exports / "liste.csv", b"Name\n", mode=0o600)
    assert mode(exports / "liste.csv") == 0o600

    private = tmp_path / "privat"
    private.mkdir()
    keep_private(private)
    (private / "alt.pdf").write_bytes(b"%PDF-1.4 alt")
    os.chmod(private / "alt.pdf", 0o644)
    replace_bytes(private / "alt.pdf", b"%PDF-1.4 neu")  # replaced: 0600 all the same
    replace_bytes(private / "neu.pdf", b"%PDF-1.4 neu")
    assert mode(private / "alt.pdf") == mode(private / "neu.pdf") == 0o600
