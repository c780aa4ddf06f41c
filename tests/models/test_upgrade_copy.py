"""``kpass db upgrade`` copies the SQLite file aside only when there is room, reads the copy
back, and never leaves an empty or partial "copy" — a full disk is tried for real."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kpass.errors import DatabaseError
from kpass.models import migrate
from kpass.models.engine import UPGRADE_COPY_INFIX, open_database
from kpass.models.migrate import copy_sqlite, current_revision, head_revision, upgrade
from tests.cli_process import run_kpass

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def old_register(folder: Path) -> Path:
    """A register at schema 0001 (40 demo households), as kpass wrote it then."""
    path = folder / "kpass.sqlite"
    shutil.copyfile(FIXTURES / "schema-0001.sqlite", path)
    return path


def copies(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if UPGRADE_COPY_INFIX in p.name)


def revision_of(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def sound(path: Path) -> bool:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_the_copy_is_read_back_and_the_cli_says_so(tmp_path: Path) -> None:
    path = old_register(tmp_path)
    result = run_kpass("--database", f"sqlite:///{path}", "db", "upgrade", timeout=120)
    assert result.returncode == 0, result.stderr
    [line] = [x for x in result.stdout.splitlines() if x.startswith("Copy verified: ")]
    with sqlite3.connect(FIXTURES / "schema-0001.sqlite") as original:
        tables = [r[0] for r in original.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        rows = sum(original.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables)
    assert line == f"Copy verified: {len(tables)} tables, {rows:,} rows."
    [copy] = copies(tmp_path)  # no -wal or -shm beside it: the copy is a single file
    assert revision_of(tmp_path / copy) == "0001" and sound(tmp_path / copy)


def test_too_little_free_space_refuses_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = old_register(tmp_path)
    size = path.stat().st_size
    usage = shutil.disk_usage(tmp_path)
    # room for the file itself, but not for the margin the upgrade needs beside it
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage._replace(free=size + 1024))
    database = open_database(f"sqlite:///{path}")
    try:
        with pytest.raises(DatabaseError) as refused:
            upgrade(database)
        assert current_revision(database) == "0001"
    finally:
        database.dispose()
    assert "Not enough free space" in refused.value.message_en
    assert "Nicht genug freier Platz" in refused.value.message_de
    assert "nichts geändert" in refused.value.message_de
    assert copies(tmp_path) == []


def test_a_copy_that_does_not_match_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = old_register(tmp_path)
    counts = migrate._row_counts
    calls: list[int] = []

    def one_row_lost(connection: sqlite3.Connection) -> dict[str, int]:
        found = counts(connection)
        calls.append(1)
        if len(calls) == 2:  # the copy, read back
            found["household"] -= 1
        return found

    monkeypatch.setattr(migrate, "_row_counts", one_row_lost)
    with pytest.raises(DatabaseError) as refused:
        copy_sqlite(path, "0001")
    assert "household" in refused.value.message_en
    assert "fehlgeschlagen" in refused.value.message_de
    assert copies(tmp_path) == []


def _limit_file_size(limit: int) -> Any:
    def limit_in_child() -> None:
        # without SIGXFSZ ignored the kernel would kill the process at the limit; ignored
        # (and so still ignored after exec) a write beyond it fails with EFBIG instead
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limit_in_child


def test_a_write_failing_halfway_leaves_no_copy_and_no_traceback(tmp_path: Path) -> None:
    path = old_register(tmp_path)
    before = path.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "kpass", "--database", f"sqlite:///{path}", "db", "upgrade"],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_file_size(len(before) // 2),
    )
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "The copy of the database before the upgrade failed" in result.stderr
    assert "wurde entfernt, die Datenbank wurde nicht geändert" in result.stderr
    assert copies(tmp_path) == []
    assert revision_of(path) == "0001" and sound(path)
    # the fault cleared, the same command goes through
    again = run_kpass("--database", f"sqlite:///{path}", "db", "upgrade", timeout=120)
    assert again.returncode == 0, again.stderr
    assert "Copy verified: " in again.stdout
    assert revision_of(path) == head_revision()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MB file system (tmpfs), where the system lets this process mount one."""
    folder = tmp_path / "small"
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1000k,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("this system does not let the tests mount a tmpfs")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_really_full_disk_says_so(small_disk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = small_disk / "kpass.sqlite"
    shutil.copyfile(FIXTURES / "schema-0010.sqlite", path)  # ~600 KB of 1000 KB
    # the check of the free space would refuse at once; here the copy itself must fail
    monkeypatch.setattr(migrate, "check_space_for_copy", lambda _source: None)
    with pytest.raises(DatabaseError) as failed:
        copy_sqlite(path, "0010")
    assert "(the disk is full)" in failed.value.message_en
    assert "(der Datenträger ist voll)" in failed.value.message_de
    assert copies(small_disk) == []
    assert sound(path)
    monkeypatch.undo()
    with pytest.raises(DatabaseError, match="Not enough free space"):
        copy_sqlite(path, "0010")
