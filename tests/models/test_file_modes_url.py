"""The database URL from a file only its owner can read, so a PostgreSQL password is on no
command line; a password given with ``--database`` works but is warned about."""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs
import pytest

from kpass.cli import main
from kpass.errors import ConfigurationError
from kpass.services.admin import open_register
from kpass.settings import DATABASE_ENV, DATABASE_FILE_ENV, resolve_database_url


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config" / "kpass"
    monkeypatch.setattr(platformdirs, "user_config_dir", lambda *_a, **_k: str(folder))
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    monkeypatch.delenv(DATABASE_FILE_ENV, raising=False)
    return folder


def url_file(path: Path, content: str, mode: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    os.chmod(path, mode)  # explicit: the test does not depend on the umask
    return path


def test_a_private_url_file_names_the_database(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = url_file(tmp_path / "kpass-url", f"# das Register\n\n  {database_url}  \n", 0o600)
    monkeypatch.setenv(DATABASE_FILE_ENV, str(path))
    assert resolve_database_url() == database_url
    open_register(None).dispose()
    assert main(["db", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["revision"]


@pytest.mark.parametrize("file_mode", [0o644, 0o640, 0o604, 0o620])
def test_a_url_file_other_users_may_open_is_refused(
    file_mode: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Also as root, who could read any file: the mode is checked, not whether it opens."""
    path = url_file(tmp_path / "kpass-url", "postgresql://kpass:geheim@db/kpass\n", file_mode)
    monkeypatch.setenv(DATABASE_FILE_ENV, str(path))
    with pytest.raises(ConfigurationError) as refused:
        open_register(None)
    assert refused.value.message_en == (
        f"The database URL file {path} is open to other users (mode {file_mode:04o}) and may "
        f"hold the password; make it yours alone: chmod 600 {path}"
    )
    assert refused.value.message_de.startswith(
        f"Die Datei mit der Datenbank-URL {path} ist für andere Benutzer zugänglich"
    )
    assert main(["db", "status"]) == 1
    err = capsys.readouterr().err
    assert "chmod 600" in err and "nur für sich lesbar" in err
    assert "geheim" not in err and "Traceback" not in err


def test_the_default_url_file_in_the_config_folder(config_dir: Path) -> None:
    assert resolve_database_url().startswith("sqlite:///")  # none there: the SQLite file
    path = url_file(config_dir / "database-url", "postgresql://kpass@db.intern/kpass\n", 0o600)
    assert resolve_database_url() == "postgresql://kpass@db.intern/kpass"
    assert resolve_database_url("sqlite:///x.sqlite") == "sqlite:///x.sqlite"  # --database
    os.chmod(path, 0o644)
    with pytest.raises(ConfigurationError, match="open to other users"):
        resolve_database_url()


def test_the_environment_variable_wins_over_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATABASE_FILE_ENV, str(url_file(tmp_path / "u", "sqlite:///a", 0o600)))
    monkeypatch.setenv(DATABASE_ENV, "sqlite:///b")
    assert resolve_database_url() == "sqlite:///b"


@pytest.mark.parametrize(
    ("content", "expected"),
    [("\n# nur ein Kommentar\n", "holds no URL"), (None, "Cannot read")],
)
def test_an_empty_or_missing_url_file_says_so(
    content: str | None, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kpass-url"
    if content is not None:
        url_file(path, content, 0o600)
    monkeypatch.setenv(DATABASE_FILE_ENV, str(path))
    with pytest.raises(ConfigurationError, match=expected):
        resolve_database_url()


def test_a_broken_url_from_the_file_does_not_show_its_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = url_file(tmp_path / "u", "postgresql://kpass:geheim@db:port/kpass\n", 0o600)
    monkeypatch.setenv(DATABASE_FILE_ENV, str(path))
    with pytest.raises(ConfigurationError) as refused:
        open_register(None)
    assert "Not a database URL: 'postgresql://kpass:***@db:port/kpass'" in refused.value.message_en
    assert "geheim" not in refused.value.bilingual()


def test_a_password_on_the_command_line_works_but_is_warned_about(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = "postgresql://kpass:geheim@127.0.0.1:9/none"  # nothing listens: cannot be reached
    assert main(["--database", url, "db", "status"]) == 1
    err = capsys.readouterr().err
    assert "kpass: warning: the password in --database is visible to other users" in err
    assert "kpass: Warnung: das Passwort in --database ist für andere Benutzer" in err
    assert "cannot be reached" in err  # the URL was used all the same
    assert "geheim" not in err


def test_no_warning_without_a_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", f"sqlite:///{tmp_path / 'k.sqlite'}", "db", "upgrade"]) == 0
    assert main(["--database", "postgresql://kpass@127.0.0.1:9/none", "db", "status"]) == 1
    assert "password" not in capsys.readouterr().err


def test_the_shown_url_hides_a_password_in_either_place() -> None:
    from sqlalchemy import create_engine

    from kpass.models.engine import Database, parse_database_url

    url = parse_database_url("postgresql://kpass:geheim1@db/kpass?password=geheim2&sslmode=require")
    engine = create_engine(url)
    try:
        shown = Database(url, engine).display_url()
    finally:
        engine.dispose()
    assert "geheim" not in shown
    assert "sslmode=require" in shown and "db/kpass" in shown
