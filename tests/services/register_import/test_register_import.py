"""``import_register``: the sample file, bad rows, duplicates, all or nothing, --partial,
XLSX and cp1252, the audit trail and the statistics after an import (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from kpass.errors import InvalidInput, PermissionDenied
from kpass.models import Counter, Decision, Household, Pass, Person, StatRecord
from kpass.models.engine import Database
from kpass.resource_files import resource_path
from kpass.services.admin import check_database
from kpass.services.audit import verify_trail
from kpass.services.register_import import (
    IMPORTED,
    READY,
    SKIPPED,
    TAKEOVER_RULE_SET,
    TO_CHECK,
    ImportReport,
    import_register,
    read_table,
    report_lines,
)
from kpass.services.search import import_directory
from kpass.services.uow import UnitOfWork
from tests.logins import log_in_admin, log_in_as

TODAY = date(2026, 12, 4)
SAMPLE = resource_path("import", "register-beispiel.csv")
GOOD = ("H001", "H002", "H003", "H004", "H005", "H012")
BAD = {"H006": SKIPPED, "H007": SKIPPED, "H008": SKIPPED, "H009": SKIPPED, "H010": SKIPPED,
       "H011": TO_CHECK}


@pytest.fixture
def register(database: Database) -> Database:
    import_directory(database, resource_path("streets", "strassenverzeichnis-beispiel.csv"))
    return database


def _counts(database: Database) -> dict[str, int]:
    with UnitOfWork(database, write=False) as uow:
        return {
            model.__tablename__: int(uow.session.scalar(
                select(func.count()).select_from(model)) or 0)
            for model in (Household, Person, Pass, Decision, StatRecord)
        }


def _by_key(report: ImportReport) -> dict[str, str]:
    return {h.key: h.status for h in report.households}


def _good_only(tmp_path: Path, keys: tuple[str, ...] = GOOD, encoding: str = "utf-8") -> Path:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    kept = [lines[0], *(line for line in lines[1:] if line.split(";")[0] in keys)]
    path = tmp_path / "gut.csv"
    path.write_text("\n".join(kept) + "\n", encoding=encoding)
    return path


def test_the_sample_dry_run_reports_every_household_and_changes_nothing(
    register: Database,
) -> None:
    before = _counts(register)
    report = import_register(register, SAMPLE, dry_run=True, today=TODAY)
    assert _counts(register) == before
    assert report.dry_run and not report.committed
    statuses = _by_key(report)
    assert {k: statuses[k] for k in BAD} == BAD
    assert all(statuses[k] == READY for k in GOOD)
    rows = {h.key: h for h in report.households}
    assert rows["H006"].problems[0].row == 11
    assert "Geburtsdatum" in rows["H006"].problems[0].message_de
    assert "Prüfziffern" in rows["H007"].problems[0].message_de
    assert "Betrag" in rows["H008"].problems[0].message_de
    assert "Antragsteller" in rows["H009"].problems[0].message_de
    assert "Straßenverzeichnis" in rows["H010"].problems[0].message_de
    assert "Zeile 2" in rows["H011"].problems[0].message_de
    assert rows["H002"].rows == (3, 4, 5, 6)
    text = "\n".join(report_lines(report, "de"))
    assert "Probelauf" in text and "übersprungen" in text
    assert "dry run" in "\n".join(report_lines(report, "en"))


def test_all_or_nothing_refuses_the_sample_with_its_bad_rows(register: Database) -> None:
    before = _counts(register)
    report = import_register(register, SAMPLE, today=TODAY)
    assert not report.committed
    assert _counts(register) == before
    assert all(report.households[i].status != IMPORTED for i in range(len(report.households)))


def test_partial_imports_the_good_households_with_their_pass_numbers(
    register: Database,
) -> None:
    report = import_register(register, SAMPLE, partial=True, today=TODAY)
    assert report.committed
    statuses = _by_key(report)
    assert all(statuses[k] == IMPORTED for k in GOOD)
    assert {k: statuses[k] for k in BAD} == BAD
    counts = _counts(register)
    assert counts["household"] == 6 and counts["person"] == 10 and counts["pass"] == 9
    with UnitOfWork(register, write=False) as uow:
        numbers = set(uow.session.scalars(select(Pass.number)))
        assert "KA-100104-54" in numbers and "KA-100110-36" in numbers
        kinds = dict(uow.session.execute(select(Pass.number, Pass.pass_type)).tuples().all())
        assert kinds["KA-100105-51"] == "kinderpass"
        assert set(uow.session.scalars(select(Decision.rule_set))) == {TAKEOVER_RULE_SET}
        counter = uow.session.scalar(select(Counter.value).where(Counter.name == "pass_serial"))
        assert counter is not None and counter >= 100110
        validity_rows = uow.session.scalar(select(func.count()).select_from(StatRecord)
                                           .where(StatRecord.record_kind == "pass_validity"))
        assert validity_rows == 9
    assert verify_trail(register).intact
    problems = [p for p in check_database(register, today=TODAY).problems
                if "open to other users" not in p]
    assert problems == []
    # a second run finds everybody registered: nothing twice
    again = import_register(register, SAMPLE, partial=True, today=TODAY)
    assert again.count(IMPORTED) == 0
    assert _by_key(again)["H001"] in (TO_CHECK, SKIPPED)
    assert _counts(register)["pass"] == 9


def test_a_clean_file_is_imported_as_a_whole_and_new_numbers_follow(
    register: Database, tmp_path: Path
) -> None:
    report = import_register(register, _good_only(tmp_path), today=TODAY)
    assert report.committed and report.everything_imported
    assert report.imported_passes == 9 and report.imported_persons == 10
    from kpass.services.passes.pass_numbers import next_pass_number

    with UnitOfWork(register) as uow:
        assert next_pass_number(uow) == "KA-100111-33"  # never one of the imported
    assert verify_trail(register).intact


def test_one_bad_household_and_nothing_is_imported(register: Database, tmp_path: Path) -> None:
    path = _good_only(tmp_path, (*GOOD, "H007"))
    report = import_register(register, path, today=TODAY)
    assert not report.committed and report.count(IMPORTED) == 0
    assert _by_key(report)["H007"] == SKIPPED
    assert _counts(register)["person"] == 0
    partial = import_register(register, path, partial=True, today=TODAY)
    assert partial.count(IMPORTED) == len(GOOD)


def test_duplicates_against_the_register_are_to_check(register: Database,
                                                      tmp_path: Path) -> None:
    from tests.register_builder import add_household

    add_household(register, [("Musterfrau", "Anna", date(1985, 6, 1), "applicant")])
    report = import_register(register, _good_only(tmp_path), today=TODAY)
    assert not report.committed
    h002 = next(h for h in report.households if h.key == "H002")
    assert h002.status == TO_CHECK
    assert "Vielleicht schon erfasst" in h002.problems[0].message_de


def test_a_pass_number_already_in_the_register_is_refused(register: Database,
                                                          tmp_path: Path) -> None:
    import_register(register, _good_only(tmp_path, ("H001",)), today=TODAY)
    other = tmp_path / "andere.csv"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    other.write_text(lines[0] + "\n" + lines[9].replace("H005", "H099").replace(
        ";;;;;;;", ";;;;KA-100101-63;01.01.2026;31.01.2027;") + "\n", encoding="utf-8")
    report = import_register(register, other, today=TODAY)
    assert report.households[0].status == SKIPPED
    assert "schon im Register" in report.households[0].problems[0].message_de


def test_an_xlsx_file_imports_like_the_csv(register: Database, tmp_path: Path) -> None:
    from datetime import datetime

    from openpyxl import Workbook

    rows = [line.split(";") for line in
            _good_only(tmp_path).read_text(encoding="utf-8").splitlines()]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for r, row in enumerate(rows):
        cells: list[object] = []
        for c, value in enumerate(row):
            if r and rows[0][c] == "Geburtsdatum" and "." in value:
                cells.append(datetime.strptime(value, "%d.%m.%Y"))  # a real date cell
            elif r and rows[0][c] == "PLZ":
                cells.append(int(value))
            else:
                cells.append(value or None)
        sheet.append(cells)
    path = tmp_path / "liste.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.kind == "xlsx" and table.rows[0].cells["Geburtsdatum"] == "1968-03-12"
    report = import_register(register, path, today=TODAY)
    assert report.everything_imported and report.imported_passes == 9


def test_a_cp1252_file_is_read_and_said_so(register: Database, tmp_path: Path) -> None:
    path = _good_only(tmp_path, encoding="cp1252")
    table = read_table(path)
    assert "cp1252" in table.encoding_de
    assert table.rows[0].cells["Straße"] == "Kaiserstraße"
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + _good_only(tmp_path).read_bytes())
    assert read_table(bom).encoding_de == "UTF-8 mit BOM"
    report = import_register(register, path, dry_run=True, today=TODAY)
    assert report.count(READY) == len(GOOD)


def test_a_bad_mapping_or_file_is_refused_before_anything(register: Database,
                                                          tmp_path: Path) -> None:
    mapping = tmp_path / "m.toml"
    mapping.write_text('[spalten]\nhaushalt = "Gibtsnicht"\n', encoding="utf-8")
    with pytest.raises(InvalidInput, match="needs"):
        import_register(register, SAMPLE, mapping, today=TODAY)
    mapping.write_text(resource_path("import", "mapping-beispiel.toml").read_text(
        encoding="utf-8").replace('"Haushalt"', '"Gibtsnicht"'), encoding="utf-8")
    with pytest.raises(InvalidInput, match="Gibtsnicht"):
        import_register(register, SAMPLE, mapping, today=TODAY)
    broken = tmp_path / "kaputt.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InvalidInput, match="XLSX"):
        import_register(register, broken, today=TODAY)


def test_a_caseworker_may_not_import(register: Database) -> None:
    log_in_as(register, "caseworker")
    try:
        with pytest.raises(PermissionDenied):
            import_register(register, SAMPLE, dry_run=True, today=TODAY)
    finally:
        log_in_admin(register)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.binary(max_size=400))
def test_any_bytes_give_a_table_or_a_clear_refusal(tmp_path_factory: pytest.TempPathFactory,
                                                   data: bytes) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    for name, content in (("x.csv", data), ("x.xlsx", data),
                          ("y.csv", b"Haushalt;Name\n" + data)):
        path = folder / name
        path.write_bytes(content)
        try:
            read_table(path)
        except InvalidInput as exc:
            assert exc.message_de and exc.message_en
