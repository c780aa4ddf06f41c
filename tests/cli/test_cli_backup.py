"""``kpass backup``, ``kpass backup list|verify|auto`` and ``kpass restore`` as an
administrator runs them: the drill from the shell, passphrases never on the command line,
and every refusal one clear line in English and German, never a traceback."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kpass.models.engine import Database
from tests.cli_process import run_kpass
from tests.services.continuity.helpers import table_counts

PASSPHRASE = "Turmberg-Bahn-1888"
Register = Callable[[int, int, date], Database]


def url_of(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


def kpass(database: Database, *args: str, input: str | None = None,
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_kpass("--database", url_of(database), *args, input=input,
                     env={**os.environ, **(env or {})})


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """The user's data folder under tmp_path (XDG_DATA_HOME, as platformdirs reads it)."""
    return {"XDG_DATA_HOME": str(tmp_path / "home")}


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr


def test_the_drill_from_the_shell(
    demo_register: Register, tmp_path: Path, home: dict[str, str]
) -> None:
    database = demo_register(60, 7, date(2026, 11, 1))
    file = tmp_path / "sicherung.kpassbackup"
    made = kpass(database, "backup", "--out", str(file), "--passphrase-stdin", "--json",
                 input=PASSPHRASE + "\n", env=home)
    assert made.returncode == 0, made.stderr
    manifest = json.loads(made.stdout)["manifest"]
    assert manifest["encryption"]["cipher"] == "AES-256-GCM"
    assert manifest["counts"]["household"] == 60
    assert PASSPHRASE not in file.read_bytes().decode("latin-1")

    with database.engine.begin() as connection:  # damage: rows gone behind kpass's back
        connection.exec_driver_sql("DELETE FROM stat_record")
        connection.exec_driver_sql("DELETE FROM audit_event WHERE seq > 20")
    assert kpass(database, "audit", "verify").returncode == 1

    refused = kpass(database, "restore", str(file), "--passphrase-stdin",
                    input=PASSPHRASE + "\n", env=home)
    assert refused.returncode == 2
    assert "--force" in refused.stderr and "enthält schon ein Register" in refused.stderr
    _no_traceback(refused)

    restored = kpass(database, "restore", str(file), "--force", "--passphrase-stdin",
                     input=PASSPHRASE + "\n", env=home)
    assert restored.returncode == 0, restored.stderr
    assert "The register as it was before:" in restored.stdout
    assert "Database check passed" in restored.stdout
    checked = kpass(database, "db", "check")
    assert checked.returncode == 0, checked.stdout
    verified = kpass(database, "audit", "verify", "--json")
    assert verified.returncode == 0, verified.stdout
    assert json.loads(verified.stdout)["intact"] is True


def test_wrong_passphrase_and_damaged_files_are_one_clear_message(
    database: Database, tmp_path: Path, home: dict[str, str]
) -> None:
    passphrase_file = tmp_path / "passphrase"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    passphrase_file.chmod(0o600)
    file = tmp_path / "b.kpassbackup"
    made = kpass(database, "backup", "--out", str(file), "--passphrase-file",
                 str(passphrase_file), env=home)
    assert made.returncode == 0, made.stderr
    assert "encrypted" in made.stdout

    wrong = kpass(database, "restore", str(file), "--force", "--passphrase-stdin",
                  input="Turmberg-Bahn-1889\n", env=home)
    assert wrong.returncode == 2
    assert "wrong passphrase" in wrong.stderr and "falsche Passphrase" in wrong.stderr
    _no_traceback(wrong)

    cut = tmp_path / "cut.kpassbackup"
    cut.write_bytes(file.read_bytes()[:-100])
    damaged = kpass(database, "backup", "verify", str(cut), "--passphrase-file",
                    str(passphrase_file), env=home)
    assert damaged.returncode == 1
    assert "damaged or was changed" in damaged.stderr and "beschädigt" in damaged.stderr
    _no_traceback(damaged)

    whole = kpass(database, "backup", "verify", str(file), "--passphrase-file",
                  str(passphrase_file), env=home)
    assert whole.returncode == 0, whole.stderr
    assert "The backup is whole" in whole.stdout


@pytest.mark.parametrize("backend", ["sqlite"])
def test_passphrases_are_never_arguments_and_their_files_are_private(
    database: Database, tmp_path: Path, home: dict[str, str]
) -> None:
    out = str(tmp_path / "b.kpassbackup")
    both = kpass(database, "backup", "--out", out, "--passphrase-file", "x",
                 "--passphrase-stdin", env=home)
    assert both.returncode == 2
    assert kpass(database, "backup", "--passphrase", PASSPHRASE, env=home).returncode == 2
    shared = tmp_path / "shared"
    shared.write_text(PASSPHRASE, encoding="utf-8")
    shared.chmod(0o644)
    refused = kpass(database, "backup", "--out", out, "--passphrase-file", str(shared),
                    env=home)
    assert refused.returncode == 2
    assert "chmod 600" in refused.stderr and "nur für sich lesbar" in refused.stderr
    empty = kpass(database, "backup", "--out", out, "--passphrase-stdin", input="\n", env=home)
    assert empty.returncode == 2 and "empty" in empty.stderr and "leer" in empty.stderr
    assert not Path(out).exists()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_backup_list_and_automatic_backups(
    database: Database, tmp_path: Path, home: dict[str, str]
) -> None:
    assert database.sqlite_path is not None
    folder = database.sqlite_path.parent / "Sicherungen"
    policy = kpass(database, "backup", "auto", "--keep-daily", "5", "--keep-weekly", "2",
                   "--json", env=home)
    assert policy.returncode == 0, policy.stderr
    assert json.loads(policy.stdout)["keep_daily"] == 5
    shown = kpass(database, "backup", "auto", env=home)
    assert "last 5 days and of 2 weeks" in shown.stdout
    first = kpass(database, "backup", "auto", "--now", env=home)
    assert first.returncode == 0 and "Backup made:" in first.stdout, first.stderr
    again = kpass(database, "backup", "auto", "--now", env=home)
    assert "Nothing due" in again.stdout
    manual = kpass(database, "backup", env=home)  # no --out: into the backup folder
    assert manual.returncode == 0, manual.stderr
    listed = kpass(database, "backup", "list", "--json", env=home)
    entries = json.loads(listed.stdout)
    assert sorted(entry["kind"] for entry in entries) == ["automatic", "manual"]
    assert {Path(entry["file"]).parent for entry in entries} == {folder}
    text = kpass(database, "backup", "list", env=home).stdout
    assert "automatic" in text and "manual" in text


@pytest.mark.parametrize("backend", ["sqlite"])
def test_restore_onto_a_new_computer_needs_no_force(
    database: Database, tmp_path: Path, home: dict[str, str]
) -> None:
    file = tmp_path / "b.kpassbackup"
    assert kpass(database, "backup", "--out", str(file), env=home).returncode == 0
    new_file = tmp_path / "neu" / "kpass.sqlite"
    restored = run_kpass("--database", f"sqlite:///{new_file}", "restore", str(file),
                         env={**os.environ, **home})
    assert restored.returncode == 0, restored.stderr
    assert new_file.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(new_file) as connection:
        assert connection.execute("SELECT COUNT(*) FROM app_user").fetchone()[0] >= 1


@pytest.mark.parametrize("backend", ["postgresql"])
def test_missing_postgresql_tools_name_the_package(
    database: Database, tmp_path: Path, home: dict[str, str]
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    result = kpass(database, "backup", "--out", str(tmp_path / "pg.kpassbackup"),
                   env={**home, "PATH": str(empty), "KPASS_PG_BIN_DIR": str(empty)})
    assert result.returncode == 1
    assert "apt install postgresql-client" in result.stderr
    assert "Bitte installieren" in result.stderr
    _no_traceback(result)
    assert not (tmp_path / "pg.kpassbackup").exists()


# A disk that fills up while the backup is unpacked: the file-size limit makes every write
# past it fail with EFBIG, as a full disk fails with ENOSPC (chmod stops no root user).
_WITH_FILE_SIZE_LIMIT = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from kpass.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_full_disk_while_unpacking_is_one_clear_message(
    demo_register: Register, tmp_path: Path, home: dict[str, str]
) -> None:
    import sys

    database = demo_register(60, 7, date(2026, 11, 1))
    file = tmp_path / "b.kpassbackup"
    assert kpass(database, "backup", "--out", str(file), env=home).returncode == 0
    before = table_counts(database)
    database.dispose()
    limit = str(file.stat().st_size // 2)
    messages = []
    for command in (["restore", str(file), "--force"], ["backup", "verify", str(file)]):
        result = subprocess.run(
            [sys.executable, "-c", _WITH_FILE_SIZE_LIMIT, limit, "--database",
             url_of(database), *command],
            capture_output=True, text=True, env={**os.environ, **home}, timeout=120,
            check=False)
        _no_traceback(result)
        assert result.returncode == 1, result.stderr
        assert "did not succeed: File too large" in result.stderr, result.stderr
        assert "nicht gelungen" in result.stderr
        messages.append(result.stderr)
    assert "The register was not changed." in messages[0]
    assert "Das Register wurde nicht verändert." in messages[0]
    assert table_counts(database) == before


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_passphrase_is_used_whole_or_refused(
    database: Database, tmp_path: Path, home: dict[str, str]
) -> None:
    out = tmp_path / "b.kpassbackup"
    long = kpass(database, "backup", "--out", str(out), "--passphrase-stdin",
                 input="x" * 1025 + "\n", env=home)
    assert long.returncode == 2
    assert "longer than 1024" in long.stderr and "länger als 1024" in long.stderr
    assert not out.exists()
    longest = kpass(database, "backup", "--out", str(out), "--passphrase-stdin",
                    input="x" * 1024 + "\n", env=home)
    assert longest.returncode == 0, longest.stderr
