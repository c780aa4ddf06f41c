"""A rule parameter file broken by hand (or by an update gone wrong) is told, in both
languages and naming the file, at the app's start and by every command: never a traceback
and never a decision by half-read rules."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kpass.cli import main
from kpass.errors import ConfigurationError
from kpass.models.engine import Database
from kpass.services.admin import check_rule_files, open_and_upgrade
from kpass.services.applications.deciding import apply, decide
from tests.register_builder import add_household, add_income, household_of
from tests.rule_file_copy import clear_rule_caches, use_karlsruhe_rules


@pytest.fixture
def broken_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    # a bracket lost while editing
    yield use_karlsruhe_rules(tmp_path, monkeypatch,
                              lambda text: text.replace("[issuer]", "[issuer\n", 1))
    monkeypatch.undo()
    clear_rule_caches()


def test_the_start_names_the_broken_file(broken_rules: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError) as told:
        check_rule_files()
    assert "karlsruhe.toml" in told.value.message_en
    assert told.value.message_de.startswith("Die Regelparameter sind nicht lesbar")
    with pytest.raises(ConfigurationError):
        open_and_upgrade(f"sqlite:///{tmp_path / 'new.sqlite'}")
    assert not (tmp_path / "new.sqlite").exists()  # nothing made before the rules are read


def test_a_command_tells_it_without_a_traceback(
    broken_rules: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    household = tmp_path / "household.json"
    household.write_text((Path(__file__).resolve().parents[3] / "resources" / "demo"
                          / "check-beispiel.json").read_text(encoding="utf-8"))
    code = main(["licences"])  # needs no rules: still works
    assert code == 0
    capsys.readouterr()
    code = main(["check", str(household)])
    err = capsys.readouterr().err
    assert code != 0 and "Traceback" not in err
    assert "karlsruhe.toml" in err


@pytest.fixture
def decided(database: Database) -> tuple[Database, int]:
    [person] = add_household(database, [("Graf", "Selma", date(1961, 2, 3), "applicant")])
    add_income(database, person, "pension", "900.00")
    application = apply(database, household_of(database, person), date.today(),
                        today=date.today())
    return database, decide(database, application.application_id).decision_id


def test_printing_a_letter_tells_it_without_a_traceback(
    decided: tuple[Database, int], broken_rules: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    database, decision_id = decided
    url = database.url.render_as_string(hide_password=False)
    out = tmp_path / "bescheid.pdf"
    code = main(["--database", url, "print", "letter", "--decision", str(decision_id),
                 "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err, err
    assert "karlsruhe.toml" in err and "Die Regelparameter sind nicht lesbar" in err
    assert not out.exists()
