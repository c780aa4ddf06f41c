"""The wizard's helpers without a database: guessing columns, a mapping chosen by hand,
the mapping written as TOML and read back, the report as text and CSV."""

from __future__ import annotations

import csv
import io
import tomllib
from pathlib import Path

import pytest

from kpass.errors import InvalidInput
from kpass.resource_files import resource_path
from kpass.services.register_import import (
    FIELDS,
    IMPORTED,
    SKIPPED,
    HouseholdOutcome,
    ImportReport,
    Problem,
    guess_columns,
    load_mapping,
    mapping_toml,
    mapping_with,
    read_table,
    report_csv,
    report_rows,
    save_mapping,
    save_report,
)
from kpass.services.register_import.mapping import parse_mapping

SAMPLE = resource_path("import", "register-beispiel.csv")


def test_guess_takes_the_mapping_then_the_field_names() -> None:
    headers = read_table(SAMPLE).headers
    sample = load_mapping()
    assert guess_columns(sample, headers) == {
        fld.name: header for fld in FIELDS
        if (header := sample.columns.get(fld.name)) is not None}
    # a mapping that names nothing: headers spelled like the fields are still found
    empty = mapping_with(sample, {f.name: "x" for f in FIELDS if f.required})
    guessed = guess_columns(empty, ("haushalt", "FAMILIEN-NAME", "Vornamen", "Geburtsdatum",
                                    "Rolle", "Straße", "Haus Nummer", "PLZ", "Pass Nummer"))
    assert guessed["household"] == "haushalt"
    assert guessed["family_name"] == "FAMILIEN-NAME"
    assert guessed["given_names"] == "Vornamen"
    assert guessed["house_number"] == "Haus Nummer"
    assert guessed["pass_number"] == "Pass Nummer"
    assert "postcode" not in guessed  # "PLZ" is no field's name: the person chooses


def test_a_required_field_without_a_column_is_refused_in_german() -> None:
    sample = load_mapping()
    columns = dict(sample.columns)
    columns["given_names"] = ""
    del columns["role"]
    with pytest.raises(InvalidInput) as refused:
        mapping_with(sample, columns)
    assert "Vornamen" in refused.value.message_de and "Rolle" in refused.value.message_de
    assert "given_names" not in refused.value.message_de
    columns["given_names"], columns["role"] = "Vorname", "Rolle"
    chosen = mapping_with(sample, columns, separator="")
    assert chosen.separator is None and chosen.values == sample.values


def test_the_mapping_file_reads_back_as_written(tmp_path: Path) -> None:
    sample = load_mapping()
    odd = mapping_with(sample, {**sample.columns, "family_name": 'Name "amtlich" \\ neu',
                                "pass_type": ""}, separator="\t")
    text = mapping_toml(odd)
    again = parse_mapping(tomllib.loads(text), "neu.toml")
    assert again.columns == odd.columns and "pass_type" not in again.columns
    assert again.separator == "\t" and again.values == odd.values
    assert again.municipality == "Karlsruhe"
    target = tmp_path / "meine-zuordnung.toml"
    save_mapping(target, sample)
    assert load_mapping(target).columns == sample.columns
    assert target.stat().st_mode & 0o077 == 0
    with pytest.raises(InvalidInput) as refused:
        save_mapping(tmp_path / "fehlt" / "x.toml", sample)
    assert "Ordner" in refused.value.message_de


def _report() -> ImportReport:
    good = HouseholdOutcome("H1", (2, 3), IMPORTED, household_id=7, persons=2,
                            passes=("KA-100101-63",))
    good.notes.append(Problem(3, "Ähnlich wie Zeile 9 — bitte prüfen.",
                              "Similar to row 9 — please check."))
    bad = HouseholdOutcome("H2", (4,), SKIPPED)
    bad.problems.append(Problem(4, "Zeile 4: Geburtsdatum: „31.02.1980“ gibt es nicht.",
                                "Row 4: birth date: no such day."))
    plain = HouseholdOutcome("H3", (5, 6), IMPORTED, household_id=8, persons=1)
    return ImportReport("liste.csv", "UTF-8", "UTF-8", 5, (good, bad, plain), False, True,
                        True)


def test_the_report_rows_csv_and_text(tmp_path: Path) -> None:
    report = _report()
    rows = report_rows(report)
    assert [(r.rows, r.household, r.kind, r.household_id) for r in rows] == [
        ("3", "H1", "note", 7), ("4", "H2", "reason", None)]
    assert len(report_rows(report, everything=True)) == 3
    table = list(csv.reader(io.StringIO(report_csv(report)), delimiter=";"))
    assert table[0][:3] == ["Zeile", "Haushalt", "Ergebnis"]
    assert table[2] == ["4", "H2", "übersprungen", "Grund",
                        "Zeile 4: Geburtsdatum: „31.02.1980“ gibt es nicht.", ""]
    assert table[3][:3] == ["5, 6", "H3", "übernommen"] and table[3][5] == "8"
    assert list(csv.reader(io.StringIO(report_csv(report, "en")), delimiter=";"))[1][2] \
        == "imported"
    save_report(tmp_path / "bericht.csv", report)
    data = (tmp_path / "bericht.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data  # German Excel opens it
    save_report(tmp_path / "bericht.txt", report)
    text = (tmp_path / "bericht.txt").read_text(encoding="utf-8")
    assert "Haushalt H2 (Zeilen 4): übersprungen" in text and "Ergebnis:" in text
