"""Saving a new household into a database that has become read-only, or whose disk is full:
the caseworker reads a clear German message, everything typed stays on the screen, and once
the fault is cleared the same Strg+S saves it — on SQLite and PostgreSQL.

How the faults are made: a read-only SQLite file is the file (mode 0400, folder 0500) or,
for root, whom file modes do not stop, the folder mounted read-only; either way only for
the connections opened afterwards, as when the app reconnects (so the pool is emptied
first). A full disk is a real 8 MB tmpfs filled up (root only). A read-only PostgreSQL is
``default_transaction_read_only`` for the database with the app's sessions ended, as after
a fail-over to a standby.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from kpass.models.engine import Database, open_database
from kpass.services.search import search_persons
from kpass.ui.main_window import MainWindow
from tests.conftest import log_in_test_admin
from tests.ui.conftest import no_modal_questions, private_settings  # noqa: F401  (autouse)
from tests.ui.keyboard import press, tab, type_text

pytestmark = pytest.mark.gui
SCREENSHOTS = Path(os.environ.get("KPASS_FAULT_SCREENSHOTS", "")) if os.environ.get(
    "KPASS_FAULT_SCREENSHOTS") else None


def open_window(qtbot: QtBot, database: Database) -> MainWindow:
    window = MainWindow(database, date.today())
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def type_household(window: MainWindow) -> None:
    window.new_action.trigger()  # Strg+N
    QApplication.processEvents()
    window.household_page.address.street.setFocus()
    type_text("Kaiserstraße")
    tab()
    type_text("12")
    tab()
    type_text("76133")
    tab(2)
    type_text("Südst")
    page = window.household_page
    for family, given, born in (("Fehlerfrei", "Frieda", "01.02.1970"),
                                ("Fehlerfrei", "Fritz", "03.04.1968")):
        page.members.family.setFocus()
        type_text(family)
        tab()
        type_text(given)
        tab()
        type_text(born)
        press(Qt.Key.Key_Return)
    page.incomes.amount.setText("1.234,56")  # typed, not yet added: Strg+S takes it


def on_screen(window: MainWindow) -> tuple[object, ...]:
    page = window.household_page
    draft = page.editor.draft
    return (
        page.address.street.text(),
        page.address.postcode.text(),
        page.address.stadtteil.currentText(),
        [(m.family_name, m.given_names, m.birth_date) for m in draft.members],
        len(draft.incomes) + (1 if page.incomes.amount.text() else 0),
        draft.is_new,
    )


def save_refused(window: MainWindow, database: Database, expected: str, shot: str) -> None:
    page = window.household_page
    before = on_screen(window)
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    message = page.banner.text()
    assert expected in message, message
    assert "nichts geändert" in message and "Traceback" not in message
    after = on_screen(window)
    # the pending income went into the draft: still on the screen, in the list now
    assert after[:4] == before[:4] and after[4] == before[4] and after[5] is True, after
    if SCREENSHOTS is not None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(SCREENSHOTS / f"{shot}.png"))


def save_goes_through(window: MainWindow, database: Database) -> None:
    page = window.household_page
    press(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.editor.draft.is_new, page.banner.text()
    assert len(search_persons(database, "fehlerfrei", limit=10).hits) == 2
    assert len(page.editor.draft.incomes) == 1


# -- read-only -----------------------------------------------------------------------------------


@contextlib.contextmanager
def read_only_folder(folder: Path, path: Path) -> Iterator[None]:
    if os.geteuid() != 0:
        os.chmod(path, 0o400)
        os.chmod(folder, 0o500)
        try:
            yield
        finally:
            os.chmod(folder, 0o700)
            os.chmod(path, 0o600)
        return
    bind = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if bind.returncode != 0:
        pytest.skip("root, and no read-only mount allowed: file modes would not stop root")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_sqlite_read_only(qtbot: QtBot, database: Database, tmp_path: Path) -> None:
    path = database.sqlite_path
    assert path is not None
    folder = tmp_path / "register"
    folder.mkdir(mode=0o700)
    moved = folder / path.name
    database.dispose()
    shutil.move(path, moved)
    database = open_database(f"sqlite:///{moved}")
    log_in_test_admin(database)
    window = open_window(qtbot, database)
    type_household(window)
    database.dispose()  # the app's next connection finds the file read-only
    with read_only_folder(folder, moved):
        save_refused(window, database, "Die Datenbank ist schreibgeschützt", "schreibgeschuetzt")
    save_goes_through(window, database)
    database.dispose()


# -- full disk -----------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "small"
    folder.mkdir(mode=0o700)
    if os.geteuid() != 0:
        pytest.skip("a real full disk needs root (a tmpfs of 8 MB)")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("this system does not let the tests mount a tmpfs")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path) -> Path:
    """Fill the file system to the last byte (what is left after the first write fails is
    less than one block)."""
    filler = folder / "platzfresser"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        for size in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(descriptor, b"\0" * size)
    finally:
        os.close(descriptor)
    return filler


def test_sqlite_disk_full(
    qtbot: QtBot, small_disk: Path, sqlite_template: Path
) -> None:
    path = small_disk / "kpass.sqlite"
    shutil.copyfile(sqlite_template, path)
    database = open_database(f"sqlite:///{path}")
    log_in_test_admin(database)
    window = open_window(qtbot, database)
    type_household(window)
    with database.engine.connect() as connection:
        # what the save writes must take new room: the WAL starts empty
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    filler = fill(small_disk)
    save_refused(window, database, "Der Datenträger der Datenbank ist voll", "platte-voll")
    filler.unlink()
    save_goes_through(window, database)
    database.dispose()


# -- PostgreSQL --------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["postgresql"])
def test_postgresql_read_only(
    qtbot: QtBot, database: Database, database_url: str
) -> None:
    name = database.url.database
    admin = create_engine(os.environ["KPASS_TEST_PG_URL"], isolation_level="AUTOCOMMIT")

    def as_admin(*statements: str) -> None:
        with admin.connect() as connection:
            for statement in statements:
                connection.execute(text(statement))

    window = open_window(qtbot, database)
    type_household(window)
    end_sessions = (
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    )
    try:
        as_admin(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on', end_sessions)
        save_refused(window, database, "Die Datenbank ist schreibgeschützt", "pg-schreibgeschuetzt")
    finally:
        as_admin(f'ALTER DATABASE "{name}" RESET default_transaction_read_only')
    # the read-only session was dropped with the error: trying again gets a fresh one
    save_goes_through(window, database)
    admin.dispose()

