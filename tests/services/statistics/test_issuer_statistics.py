"""Statistics and exports per issuer (issue 16, point 4): ``kpass stats --issuer`` and
``kpass passes list --issuer`` count and list one issuing municipality of the register."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kpass.cli import main
from kpass.errors import InvalidInput
from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes import list_passes
from kpass.services.passes.actions import issue_passes
from kpass.services.statistics import count_rows, export_statistics
from tests.register_builder import add_household, add_income, household_of

DAY = date(2026, 3, 16)


def _issue(database: Database, municipality: str, family: str, birth: date) -> str:
    stadtteil = "01" if municipality == "Karlsruhe" else None
    [person] = add_household(database, [(family, "Maria", birth, "applicant")],
                             municipality=municipality, stadtteil=stadtteil)
    add_income(database, person, "pension", "900.00")
    application = apply(database, household_of(database, person), DAY, today=date(2030, 1, 1))
    [card] = issue_passes(database, decide(database, application.application_id).decision_id)
    assert card.number is not None
    return card.number


@pytest.fixture
def two_issuers(database: Database) -> dict[str, str]:
    return {"ka": _issue(database, "Karlsruhe", "Karlsruher", date(1950, 5, 5)),
            "et": _issue(database, "Ettlingen", "Ettlinger", date(1948, 9, 9))}


def _active(database: Database, issuer: str | None) -> int:
    rows = count_rows(database, ["2026-03"], ["pass_type"], issuer=issuer)
    return sum(r.count for r in rows if r.measure == "active")


def test_counts_per_issuer(database: Database, two_issuers: dict[str, str]) -> None:
    assert _active(database, None) == 2
    assert _active(database, "ka") == 1
    assert _active(database, "et") == 1


def test_the_export_names_its_issuer(
    database: Database, two_issuers: dict[str, str], tmp_path: Path
) -> None:
    path = export_statistics(database, ["2026-03"], [], "json", tmp_path / "et.json",
                             exact=True, issuer="Ettlingen")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["meta"]["issuer"].startswith("Stadt Ettlingen")
    assert all(r.startswith("et-") for r in document["meta"]["rule_sets"])
    whole = export_statistics(database, ["2026-03"], [], "json", tmp_path / "all.json",
                              exact=True)
    assert "issuer" not in json.loads(whole.read_text(encoding="utf-8"))["meta"]
    with pytest.raises(InvalidInput, match="xx"):
        export_statistics(database, ["2026-03"], [], "csv", tmp_path / "x.csv", exact=True,
                          issuer="xx")


def test_the_command_line_filters_by_issuer(
    database: Database, database_url: str, two_issuers: dict[str, str], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "ka.csv"
    assert main(["--database", database_url, "stats", "--from", "2026-03", "--to", "2026-03",
                 "--issuer", "ka", "--format", "csv", "--out", str(out)]) == 0
    assert "issuer ka" in capsys.readouterr().out
    assert main(["--database", database_url, "passes", "list", "--active-on", "2026-03-20",
                 "--issuer", "et", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [row["number"] for row in listed] == [two_issuers["et"]]
    rows = list_passes(database, active_on=date(2026, 3, 20), issuer="ka")
    assert [row.number for row in rows] == [two_issuers["ka"]]
