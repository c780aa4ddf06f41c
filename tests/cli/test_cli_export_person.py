"""``kpass export-person --person ID --out FILE.pdf|FILE.json``: the information to a data
subject from the command line, logged in like all casework."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from kpass.cli import main
from kpass.models.engine import Database
from tests.documents.pdf_tools import pdf_text
from tests.services.privacy.scenario import make_family


def exit_status(*args: str) -> int:
    """``kpass ARGS`` in-process; argparse leaves through SystemExit with bad arguments."""
    try:
        return main(list(args))
    except SystemExit as leave:
        return int(leave.code or 0)


def test_pdf_and_json_of_one_person(
    database: Database, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    family = make_family(database, tmp_path)
    pdf, data = tmp_path / "auskunft.pdf", tmp_path / "auskunft.json"
    assert main(["--database", database_url, "export-person", "--person",
                 str(family.juergen), "--out", str(pdf)]) == 0
    said = capsys.readouterr().out
    assert f"Wrote {pdf} (PDF): person {family.juergen}" in said
    assert "recorded in the audit trail" in said
    text = " ".join(pdf_text(pdf).split())
    assert "Auskunft nach Art. 15 DSGVO" in text and "Jürgen Weiß" in text
    assert family.juergen_pass in text
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600

    assert main(["--database", database_url, "export-person", "--person",
                 str(family.juergen), "--out", str(data)]) == 0
    exported = json.loads(data.read_text(encoding="utf-8"))
    assert exported["person"]["given_names"] == "Jürgen"
    # the PDF export before is in the trail the JSON shows
    assert [e["details"]["format"] for e in exported["audit_events"]
            if e["action"] == "export_person"] == ["pdf"]
    capsys.readouterr()
    # both exports are links of the chain like every other event
    assert main(["--database", database_url, "audit", "verify"]) == 0


def test_an_unknown_person_fails_in_both_languages(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "niemand.pdf"
    assert exit_status("--database", database_url, "export-person", "--person", "999",
                       "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert "There is no person 999" in err and "keine Person 999" in err
    assert not out.exists()


@pytest.mark.parametrize("name", ["auskunft.txt", "auskunft", "auskunft.pdf.bak"])
def test_only_pdf_or_json_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    # refused before any register is opened: the named database does not even exist
    missing = tmp_path / "gibt-es-nicht" / "kpass.sqlite"
    assert exit_status("--database", f"sqlite:///{missing}", "export-person", "--person",
                       "1", "--out", str(tmp_path / name)) == 2
    err = capsys.readouterr().err
    assert "must end in .pdf or .json" in err
    assert "auf .pdf oder .json enden" in err
    assert not missing.parent.exists()
    assert list(tmp_path.iterdir()) == []
