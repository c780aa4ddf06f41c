"""A backup file is whole or refused: encrypted round trips, a wrong passphrase, truncated
and changed files, and files that are no backup — each refused with a clear message in
English and German before anything is changed."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from kpass.errors import KpassError
from kpass.models.engine import Database, open_database
from kpass.services.continuity import (
    BackupDamaged,
    NotABackupFile,
    PassphraseProblem,
    RestoreRefused,
    create_backup,
    read_manifest,
    restore_backup,
    verify_backup,
)
from kpass.services.continuity.backup_file import MAGIC
from tests.conftest import log_in_test_admin
from tests.services.continuity.helpers import last_event, table_counts, trail_events

AS_OF = date(2026, 11, 1)
PASSPHRASE = "Rheinhafen-Durlach-1715"
Register = Callable[[int, int, date], Database]


@pytest.fixture
def register(demo_register: Register) -> Database:
    return demo_register(60, 7, AS_OF)


def test_encrypted_backup_restores_onto_an_empty_database(
    register: Database, empty_database_url: str, tmp_path: Path
) -> None:
    """The register onto a new computer: an empty database, no --force needed."""
    before = table_counts(register)
    events = trail_events(register)
    backup = create_backup(register, tmp_path / "enc.kpassbackup", PASSPHRASE)
    assert backup.manifest.encrypted
    stored = backup.path.read_bytes()
    assert stored.startswith(MAGIC)
    # nothing of the register is readable in the file: no SQLite header, no archive, no name
    assert b"SQLite format 3" not in stored and b"PGDMP" not in stored
    assert _a_name(register).encode() not in stored
    assert backup.path.stat().st_mode & 0o777 == 0o600

    target = open_database(empty_database_url)
    try:
        result = restore_backup(target, backup.path, PASSPHRASE)
        assert result.set_aside is None  # there was nothing to keep
        assert table_counts(target) == {**before, "audit_event": before["audit_event"] + 1}
        log_in_test_admin(target)
        # the login adds its own event after the restore's
        assert trail_events(target) == events + 2
    finally:
        target.dispose()


def _a_name(database: Database) -> str:
    with database.engine.connect() as connection:
        name = connection.execute(text(
            "SELECT family_name || ', ' || given_names FROM person ORDER BY id")).scalar()
    assert name
    return str(name)


def test_wrong_or_missing_passphrase_is_refused_and_nothing_changes(
    register: Database, tmp_path: Path
) -> None:
    backup = create_backup(register, tmp_path / "enc.kpassbackup", PASSPHRASE)
    before = table_counts(register)
    for given in ("Rheinhafen-Durlach-1716", None, "   "):
        with pytest.raises(PassphraseProblem) as refused:
            restore_backup(register, backup.path, given, force=True)
        assert refused.value.message_de and refused.value.exit_code == 2
    assert "wrong passphrase" in _english(register, backup.path, "Rheinhafen-Durlach-1716")
    assert table_counts(register) == before
    assert _beside(register) == []


def _english(database: Database, path: Path, passphrase: str) -> str:
    with pytest.raises(KpassError) as refused:
        restore_backup(database, path, passphrase, force=True)
    return refused.value.message_en


def _beside(database: Database) -> list[Path]:
    """Copies set aside beside a SQLite register (a refused restore leaves none)."""
    path = database.sqlite_path
    if path is None:
        return []
    return sorted(path.parent.glob(f"{path.stem}.vor-wiederherstellung-*"))


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_new_backup_needs_a_real_passphrase(register: Database, tmp_path: Path) -> None:
    for passphrase, words in (("", "empty"), ("kurz", "at least 10")):
        with pytest.raises(PassphraseProblem, match=words):
            create_backup(register, tmp_path / "x.kpassbackup", passphrase)
    assert not (tmp_path / "x.kpassbackup").exists()


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_truncated_and_changed_files_are_refused_before_anything_changes(
    register: Database, tmp_path: Path, encrypted: bool
) -> None:
    passphrase = PASSPHRASE if encrypted else None
    backup = create_backup(register, tmp_path / "good.kpassbackup", passphrase)
    data = backup.path.read_bytes()
    header_end = data.index(b"\n", len(MAGIC)) + 1
    header = json.loads(data[len(MAGIC):header_end])
    more = dict(header, counts={**header["counts"], "household": 61})
    changed_header = (MAGIC + json.dumps(more, separators=(",", ":")).encode() + b"\n"
                      + data[header_end:])
    middle = header_end + (len(data) - header_end) // 2
    flipped = data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1:]
    variants = {
        "truncated": data[: len(data) - 1000],
        "cut in the header": data[: header_end - 10],
        "one bit flipped": flipped,
        "header changed": changed_header,
        "bytes appended": data + b"\x00",
    }
    before = table_counts(register)
    for name, content in variants.items():
        path = tmp_path / f"{name}.kpassbackup"
        path.write_bytes(content)
        with pytest.raises(BackupDamaged) as refused:
            restore_backup(register, path, passphrase, force=True)
        assert "damaged or was changed" in refused.value.message_en \
            or "does not hold what its header says" in refused.value.message_en, name
        assert "beschädigt" in refused.value.message_de \
            or "enthält nicht, was ihr Kopf angibt" in refused.value.message_de, name
        with pytest.raises(BackupDamaged):
            verify_backup(path, passphrase)
    assert table_counts(register) == before
    assert _beside(register) == []
    assert verify_backup(backup.path, passphrase).manifest.counts["household"] == 60


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_file_that_is_no_backup_is_refused(register: Database, tmp_path: Path) -> None:
    for content in (b"%PDF-1.7\n...", b"", b"SQLite format 3\x00" + b"\x00" * 100):
        path = tmp_path / "other.bin"
        path.write_bytes(content)
        with pytest.raises(NotABackupFile, match="not a kpass backup"):
            restore_backup(register, path, force=True)
    with pytest.raises(NotABackupFile):
        read_manifest(tmp_path)  # a folder


def test_restore_over_a_register_needs_force(register: Database, tmp_path: Path) -> None:
    backup = create_backup(register, tmp_path / "b.kpassbackup")
    before = table_counts(register)
    with pytest.raises(RestoreRefused, match="--force") as refused:
        restore_backup(register, backup.path)
    assert "--force" in refused.value.message_de
    assert table_counts(register) == before
    assert _beside(register) == []


@pytest.mark.parametrize("backend", ["sqlite"])
def test_backup_out_replaces_only_an_earlier_backup(register: Database, tmp_path: Path) -> None:
    sheet = tmp_path / "statistik.xlsx"
    sheet.write_bytes(b"PK\x03\x04 a spreadsheet")
    with pytest.raises(KpassError, match="not a kpass backup"):
        create_backup(register, sheet)
    assert sheet.read_bytes() == b"PK\x03\x04 a spreadsheet"
    first = create_backup(register, tmp_path / "b.kpassbackup")
    second = create_backup(register, first.path)  # an earlier backup may be replaced
    assert second.manifest.created_at > first.manifest.created_at
    # the register file itself is never a target
    assert register.sqlite_path is not None
    with pytest.raises(KpassError):
        create_backup(register, register.sqlite_path)
    assert last_event(register)[0] != "restore_backup"


def _with_encryption(data: bytes, **changes: object) -> bytes:
    header_end = data.index(b"\n", len(MAGIC)) + 1
    header = json.loads(data[len(MAGIC):header_end])
    header["encryption"] = {**header["encryption"], **changes}
    return MAGIC + json.dumps(header, separators=(",", ":")).encode() + b"\n" + data[header_end:]


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_changed_key_derivation_in_the_header_is_refused_before_it_runs(
    register: Database, tmp_path: Path
) -> None:
    """The header is read before anything is authenticated: its argon2 cost and salt must
    not be able to take all memory, hours, or end in argon2's own traceback."""
    import base64
    import time

    backup = create_backup(register, tmp_path / "enc.kpassbackup", PASSPHRASE)
    data = backup.path.read_bytes()
    tampered = {
        "4 GiB": {"kdf": "argon2id:t=1,m=4194304,p=1"},
        "2**40 KiB": {"kdf": "argon2id:t=1,m=1099511627776,p=1"},
        "an hour": {"kdf": "argon2id:t=100000,m=65536,p=4"},
        "no passes": {"kdf": "argon2id:t=0,m=65536,p=4"},
        "no lanes": {"kdf": "argon2id:t=3,m=65536,p=0"},
        "too little memory": {"kdf": "argon2id:t=1,m=8,p=4"},
        "short salt": {"salt": base64.b64encode(b"salt").decode()},
        "long salt": {"salt": base64.b64encode(b"s" * 4096).decode()},
        "short key check": {"key_check": base64.b64encode(b"k" * 4).decode()},
        "garbled cost": {"kdf": "argon2id:t=three"},
    }
    for name, change in tampered.items():
        path = tmp_path / "tampered.kpassbackup"
        path.write_bytes(_with_encryption(data, **change))
        started = time.monotonic()
        with pytest.raises(BackupDamaged) as refused:
            verify_backup(path, PASSPHRASE)
        assert time.monotonic() - started < 2, name
        assert "damaged or was changed" in refused.value.message_en, name
        assert "beschädigt" in refused.value.message_de, name


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_passphrase_is_the_same_however_its_letters_are_composed(
    register: Database, tmp_path: Path
) -> None:
    import unicodedata

    composed = unicodedata.normalize("NFC", "Größenwahn-Übermut-2026")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    backup = create_backup(register, tmp_path / "enc.kpassbackup", composed)
    assert verify_backup(backup.path, decomposed).manifest.counts["household"] == 60


@pytest.mark.parametrize("backend", ["sqlite"])
def test_verify_unpacks_into_a_private_folder_never_into_tmp(
    register: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    from kpass.services.continuity import verification

    backup = create_backup(register, tmp_path / "b.kpassbackup")
    used: list[Path] = []
    original = verification.work_folder

    def recorded(parent: Path):  # type: ignore[no-untyped-def]
        used.append(parent)
        return original(parent)

    monkeypatch.setattr(verification, "work_folder", recorded)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-tmp"))  # /tmp is not used
    tmp_path.chmod(0o755)  # the backup's folder is open to others: not there either
    verify_backup(backup.path)
    assert len(used) == 1 and used[0].stat().st_mode & 0o777 == 0o700
    assert used[0].name == "Sicherungen" and list(used[0].iterdir()) == []
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    moved = backup.path.rename(private / "b.kpassbackup")
    verify_backup(moved)
    assert used[1] == private and list(private.iterdir()) == [moved]
