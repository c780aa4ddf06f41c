"""The takeover import reads every configured issuer's pass numbers: an ``ET`` number of an
Ettlingen household is kept (the pass and the takeover decision are Ettlingen's, its counter
follows), an ``ET`` number in a Karlsruhe household is a fault naming both issuers, and ``KA``
numbers import as before (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from kpass.models import Counter, Decision, Household, Pass
from kpass.models.engine import Database
from kpass.rules import format_pass_number
from kpass.services.passes.pass_numbers import next_pass_number
from kpass.services.register_import import (
    IMPORTED,
    READY,
    SKIPPED,
    ImportReport,
    import_register,
    report_lines,
)
from kpass.services.uow import UnitOfWork

TODAY = date(2026, 12, 4)
HEADER = ("Haushalt;Name;Vorname;Geburtsdatum;Rolle;Geschlecht;Straße;Hausnr;PLZ;Ort;Stadtteil;"
          "Einkommensart;Betrag;Zeitraum;Leistung;Leistung von;Leistung bis;Passnummer;"
          "Gültig ab;Gültig bis;Passart")
ET_KEPT = format_pass_number(100201, "ET")
ET_UNPREFIXED = format_pass_number(100202, "ET")
ET_FOREIGN = format_pass_number(100203, "ET")
KA_KEPT = format_pass_number(100301)


def _row(key: str, family: str, given: str, born: str, place: tuple[str, str, str, str, str],
         number: str) -> str:
    street, house, postcode, town, stadtteil = place
    return (f"{key};{family};{given};{born};Antragsteller/in;w;{street};{house};{postcode};"
            f"{town};{stadtteil};;;;Bürgergeld;01.01.2026;;{number};15.03.2026;31.03.2027;"
            "Karlsruher Pass")


ETTLINGEN = ("Marktplatz", "5", "76275", "Ettlingen", "")
KARLSRUHE = ("Kaiserstraße", "12", "76133", "Karlsruhe", "01")


def _file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "liste.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _mixed(tmp_path: Path) -> Path:
    return _file(
        tmp_path,
        _row("E1", "Roth", "Annemarie", "09.09.1948", ETTLINGEN, ET_KEPT),
        # without its prefix: the check digits tell it is Ettlingen's
        _row("E2", "Kern", "Berta", "03.02.1951", ETTLINGEN, ET_UNPREFIXED.removeprefix("ET-")),
        _row("K1", "Weiß", "Jürgen", "05.05.1950", KARLSRUHE, ET_FOREIGN),
        _row("K2", "Jung", "Tobias", "02.01.1980", KARLSRUHE, KA_KEPT),
    )


def _by_key(report: ImportReport) -> dict[str, str]:
    return {h.key: h.status for h in report.households}


def test_an_et_number_in_a_karlsruhe_household_is_a_fault_naming_both_issuers(
    database: Database, tmp_path: Path
) -> None:
    report = import_register(database, _mixed(tmp_path), dry_run=True, today=TODAY)
    assert _by_key(report) == {"E1": READY, "E2": READY, "K1": SKIPPED, "K2": READY}
    [problem] = next(h for h in report.households if h.key == "K1").problems
    assert problem.row == 4
    assert problem.message_de == (
        f"Die Passnummer {ET_FOREIGN} ist eine Nummer von Stadt Ettlingen "
        "(Beispielkonfiguration), der Haushalt wohnt aber in Karlsruhe: seine Pässe gibt "
        "Stadt Karlsruhe aus (KA-Nummern).")
    assert "Stadt Ettlingen" in problem.message_en and "Stadt Karlsruhe" in problem.message_en
    assert f"Zeile 4: Die Passnummer {ET_FOREIGN}" in "\n".join(report_lines(report, "de"))
    # all or nothing: the fault keeps the whole file out
    assert not import_register(database, _mixed(tmp_path), today=TODAY).committed
    with UnitOfWork(database, write=False) as uow:
        assert uow.session.scalars(select(Pass)).all() == []


def test_ettlingen_numbers_are_kept_as_ettlingens_passes(
    database: Database, tmp_path: Path
) -> None:
    report = import_register(database, _mixed(tmp_path), partial=True, today=TODAY)
    assert report.committed
    assert _by_key(report) == {"E1": IMPORTED, "E2": IMPORTED, "K1": SKIPPED, "K2": IMPORTED}
    # decided under Ettlingen's rules (residence Ettlingen): no "not eligible" note
    assert all(h.notes == [] for h in report.households if h.key.startswith("E"))
    with UnitOfWork(database, write=False) as uow:
        session = uow.session
        passes = {p.number: p for p in session.scalars(select(Pass))}
        assert set(passes) == {ET_KEPT, ET_UNPREFIXED, KA_KEPT}
        assert {n: p.issuer for n, p in passes.items()} == {
            ET_KEPT: "et", ET_UNPREFIXED: "et", KA_KEPT: "ka"}
        assert sorted(session.scalars(select(Household.issuer))) == ["et", "et", "ka"]
        decisions = {d.issuer for d in session.scalars(select(Decision))}
        assert decisions == {"et", "ka"}
        counters = dict(session.execute(select(Counter.name, Counter.value)).tuples().all())
        assert counters["pass_serial_et"] == 100202
        assert counters["pass_serial"] >= 100301
    with UnitOfWork(database) as uow:  # the next numbers follow the imported ones
        assert next_pass_number(uow, "et") == format_pass_number(100203, "ET")
        assert next_pass_number(uow) == format_pass_number(100302)


def test_an_et_number_kpass_handed_out_already_is_refused(
    database: Database, tmp_path: Path
) -> None:
    import_register(database, _file(
        tmp_path, _row("E1", "Roth", "Annemarie", "09.09.1948", ETTLINGEN, ET_KEPT)),
        today=TODAY)
    lower = format_pass_number(100150, "ET")  # below Ettlingen's counter, in no pass
    report = import_register(database, _file(
        tmp_path, _row("E3", "Kern", "Berta", "03.02.1951", ETTLINGEN, lower)), today=TODAY)
    assert _by_key(report) == {"E3": SKIPPED}
    assert "hat kpass schon vergeben (bis 100201)" in report.households[0].problems[0].message_de
    # Karlsruhe's counter is another: the same serial under KA is still free
    free = import_register(database, _file(
        tmp_path, _row("K3", "Jung", "Tobias", "02.01.1980", KARLSRUHE,
                       format_pass_number(100150))), today=TODAY)
    assert free.committed and _by_key(free) == {"K3": IMPORTED}
