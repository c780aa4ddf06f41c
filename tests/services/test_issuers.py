"""The Sozialregion's issuers as data (issue 16, point 4): a household's issuer follows its
residence, its decision is taken under its issuer's rules and stores the issuer, its passes
carry the issuer's prefix from the issuer's own counter, and its letters and cards the
issuer's letterhead — on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from sqlalchemy import select

from kpass.models import Decision, Household, Pass, Person, StatRecord
from kpass.models.engine import Database
from kpass.rules import format_pass_number, is_valid_pass_number
from kpass.services.applications.deciding import apply, decide
from kpass.services.household.changes import move_household
from kpass.services.household.inputs import AddressInput
from kpass.services.passes.actions import issue_passes
from kpass.services.passes.pass_numbers import find_pass
from kpass.services.printing import print_cards, print_decision_letter
from kpass.services.uow import UnitOfWork
from tests.register_builder import add_household, add_income, household_of

FUTURE = date(2030, 1, 1)
DAY = date(2026, 3, 16)


GIVEN = {"Weiß": "Jürgen", "Roth": "Annemarie", "Jung": "Tobias"}


def _household(database: Database, municipality: str, birth: date, name: str = "Weiß") -> int:
    stadtteil = "01" if municipality == "Karlsruhe" else None
    [person] = add_household(database, [(name, GIVEN[name], birth, "applicant")],
                             municipality=municipality, stadtteil=stadtteil)
    add_income(database, person, "pension", "900.00")
    return household_of(database, person)


def _decide_and_issue(database: Database, household: int) -> tuple[int, list[str]]:
    application = apply(database, household, DAY, today=FUTURE)
    decision_id = decide(database, application.application_id).decision_id
    issued = issue_passes(database, decision_id)
    return decision_id, [i.number for i in issued if i.number is not None]


def test_an_ettlingen_household_is_decided_and_numbered_by_ettlingen(database: Database) -> None:
    karlsruhe = _household(database, "Karlsruhe", date(1950, 5, 5))
    ettlingen = _household(database, "Ettlingen", date(1948, 9, 9), "Roth")
    young = _household(database, "Ettlingen", date(1980, 5, 5), "Jung")

    ka_decision, [ka_number] = _decide_and_issue(database, karlsruhe)
    et_decision, [et_number] = _decide_and_issue(database, ettlingen)
    # Ettlingen issues the adult pass only from 60 (adult_min_age): Karlsruhe's rules would not
    young_decision, young_numbers = _decide_and_issue(database, young)
    assert young_numbers == []

    # Karlsruhe's numbers keep their form and counter; Ettlingen counts on its own from the start
    assert ka_number == format_pass_number(100001)
    assert et_number == format_pass_number(100001, "ET")
    assert is_valid_pass_number(et_number, "ET") and not is_valid_pass_number(et_number, "KA")

    with UnitOfWork(database, write=False) as uow:
        session = uow.session
        assert {h.id: h.issuer for h in session.scalars(select(Household))} == {
            karlsruhe: "ka", ettlingen: "et", young: "et"}
        assert {p.issuer for p in session.scalars(select(Person))} == {"ka", "et"}
        decisions = {d.id: d for d in session.scalars(select(Decision))}
        assert decisions[ka_decision].issuer == "ka"
        assert decisions[et_decision].issuer == "et"
        assert decisions[et_decision].rule_set.startswith("et-")
        young_output = decisions[young_decision].output["members"][0]
        assert not young_output["eligible"]
        assert {p.number: p.issuer for p in session.scalars(select(Pass))} == {
            ka_number: "ka", et_number: "et"}
        assert {r.issuer for r in session.scalars(select(StatRecord))} == {"ka", "et"}
        # a number typed without its prefix is found by its check digits
        assert find_pass(uow, et_number.removeprefix("ET-")).number == et_number
        assert find_pass(uow, ka_number.lower()).number == ka_number


def test_the_issuer_follows_a_move(database: Database) -> None:
    household = _household(database, "Karlsruhe", date(1950, 5, 5))
    with UnitOfWork(database, write=False) as uow:
        stored = uow.session.get(Household, household)
        assert stored is not None and stored.issuer == "ka"
        version = stored.version
    move_household(database, household, version,
                   AddressInput("Marktplatz", "3", "76275", "Ettlingen", None), date(2026, 2, 1))
    with UnitOfWork(database, write=False) as uow:
        stored = uow.session.get(Household, household)
        assert stored is not None and stored.issuer == "et"
    # the next decision is Ettlingen's, and so is the next pass number
    _, [number] = _decide_and_issue(database, household)
    assert number.startswith("ET-")


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_letters_and_cards_show_the_issuers_letterhead(database: Database, tmp_path: Path) -> None:
    ka_decision, [ka_number] = _decide_and_issue(
        database, _household(database, "Karlsruhe", date(1950, 5, 5)))
    et_decision, [et_number] = _decide_and_issue(
        database, _household(database, "Ettlingen", date(1948, 9, 9), "Roth"))

    print_decision_letter(database, et_decision, tmp_path / "et.pdf", letter_date=DAY)
    et_letter = _pdf_text(tmp_path / "et.pdf")
    assert "Stadt Ettlingen" in et_letter and "Marktplatz 2" in et_letter
    assert "Kaiserallee 4" not in et_letter
    print_decision_letter(database, ka_decision, tmp_path / "ka.pdf", letter_date=DAY)
    ka_letter = _pdf_text(tmp_path / "ka.pdf")
    assert "Stadt Karlsruhe" in ka_letter and "Stadt Ettlingen" not in ka_letter

    print_cards(database, [et_number, ka_number], tmp_path / "cards.pdf", today=DAY)
    cards = _pdf_text(tmp_path / "cards.pdf")
    assert "Stadt Ettlingen" in cards and "Stadt Karlsruhe" in cards


def test_db_check_knows_every_issuers_numbers_and_residences(database: Database) -> None:
    from sqlalchemy import text

    from kpass.services.admin.check import check_database

    _decide_and_issue(database, _household(database, "Karlsruhe", date(1950, 5, 5)))
    _, [et_number] = _decide_and_issue(
        database, _household(database, "Ettlingen", date(1948, 9, 9), "Roth"))
    report = check_database(database, today=DAY)
    assert report.ok, report.problems

    with database.engine.begin() as connection:  # rows a raw write left inconsistent
        connection.execute(text("UPDATE household SET issuer = 'ka' WHERE issuer = 'et'"))
        connection.execute(text("UPDATE pass SET issuer = 'ka' WHERE number = :n"),
                           {"n": et_number})
    problems = "\n".join(check_database(database, today=DAY).problems)
    assert "household whose issuer is not that of its residence: 1 ×" in problems
    assert f"wrong check digits: 1 × — {et_number}" in problems
