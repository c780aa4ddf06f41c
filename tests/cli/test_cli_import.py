"""``kpass import``: the report in German and English, exit codes 0, 1 and 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kpass.cli import main
from kpass.resource_files import resource_path
from kpass.services.search import import_directory

SAMPLE = str(resource_path("import", "register-beispiel.csv"))


@pytest.fixture
def url(database_url: str) -> str:
    from kpass.models.engine import open_database
    from tests.conftest import log_in_test_admin

    database = open_database(database_url)
    log_in_test_admin(database)
    import_directory(database, resource_path("streets", "strassenverzeichnis-beispiel.csv"))
    database.dispose()
    return database_url


def test_dry_run_of_the_sample(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", url, "import", SAMPLE, "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "Probelauf" in out and "dry run" in out
    assert "Zeile 11" in out and "Row 11" in out


def test_partial_json_and_a_clean_file(url: str, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    lines = Path(SAMPLE).read_text(encoding="utf-8").splitlines()
    clean = tmp_path / "gut.csv"
    clean.write_text("\n".join([lines[0], lines[1], lines[9]]) + "\n", encoding="utf-8")
    assert main(["--database", url, "import", str(clean), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"]["imported"] == 2 and report["counts"]["passes"] == 1
    assert main(["--database", url, "import", SAMPLE, "--partial", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["committed"] is True and report["counts"]["imported"] == 4


def test_a_bad_file_exits_2(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "leer.csv"
    bad.write_bytes(b"\x00\x01\x02")
    assert main(["--database", url, "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "kpass:" in err
