"""A household's prints in its history: cards, sheets, letters, forms and reminders — found
through what they show, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from kpass.models.engine import Database
from kpass.models.migrate import migrate_to
from kpass.services.applications.deciding import apply, decide
from kpass.services.household.history import PassTypeChange, household_history, household_prints
from kpass.services.passes.actions import IssuedPass, issue_passes, renew_pass
from kpass.services.printing import (
    print_application_form,
    print_cards,
    print_decision_letter,
    print_renewal_reminders,
)
from tests.register_builder import add_household, add_income, add_notice, household_of

DAY = date(2026, 3, 16)
FUTURE = date(2030, 1, 1)


def _migrate(database: Database, direction: str, revision: str) -> None:
    migrate_to(database, direction, revision)


def _decide_and_issue(database: Database, household: int) -> tuple[int, int, list[IssuedPass]]:
    application = apply(database, household, DAY, today=FUTURE)
    decision = decide(database, application.application_id)
    return application.application_id, decision.decision_id, issue_passes(
        database, decision.decision_id)


def test_prints_of_a_household_newest_first(database: Database, tmp_path: Path) -> None:
    mother, _child = add_household(database, [
        ("Kaya", "Elif", date(1980, 1, 10), "applicant"),
        ("Kaya", "Can", date(2015, 9, 1), "child"),
    ])
    family = household_of(database, mother)
    add_notice(database, family, "sgb2", date(2026, 1, 1), date(2026, 12, 31))
    application_id, decision_id, issued = _decide_and_issue(database, family)
    family_numbers = [i.number for i in issued if i.number]
    assert len(family_numbers) == 2

    [pensioner] = add_household(database, [("Weiß", "Jürgen", date(1950, 5, 5), "applicant")],
                                street="Waldstraße")
    add_income(database, pensioner, "pension", "1000.00")
    other = household_of(database, pensioner)
    _, other_decision, [other_pass] = _decide_and_issue(database, other)
    assert other_pass.number is not None

    started = datetime.now(UTC) - timedelta(seconds=1)
    print_cards(database, family_numbers[:1], tmp_path / "karte.pdf", today=DAY)
    print_cards(database, [other_pass.number], tmp_path / "fremd.pdf", today=DAY)
    print_cards(database, [*family_numbers, other_pass.number], tmp_path / "bogen.pdf",
                sheet=True, today=DAY)
    print_decision_letter(database, decision_id, tmp_path / "bescheid.pdf", letter_date=DAY)
    print_decision_letter(database, other_decision, tmp_path / "fremd2.pdf", letter_date=DAY)
    print_application_form(database, application_id, tmp_path / "antrag.pdf")
    expiry = issued[0].valid_until
    assert expiry is not None
    print_renewal_reminders(database, expiry.year, expiry.month, tmp_path / "erinnerung.pdf",
                            letter_date=DAY)

    prints = household_prints(database, family)
    assert [p.kind for p in prints] == ["renewals", "application_form", "letter", "sheet",
                                        "card"]
    renewals, form, letter, sheet, card = prints
    assert card.passes == (family_numbers[0],)
    # The sheet holds the other household's card too; the family sees only its own.
    assert sorted(sheet.passes) == sorted(family_numbers)
    assert other_pass.number not in sheet.passes
    assert letter.decision_id == decision_id and letter.passes == ()
    assert form.application_id == application_id
    expiring = [i.number for i in issued if i.valid_until == expiry and i.number]
    assert sorted(renewals.passes) == sorted(expiring)
    assert renewals.month == f"{expiry:%Y-%m}"
    assert all(p.user == "testerin" for p in prints)
    assert all(p.pages >= 1 for p in prints)
    assert all(started <= p.printed_at <= datetime.now(UTC) for p in prints)

    # The pensioner's history: their reminder (same month), letter, the sheet and their card.
    assert other_pass.valid_until is not None and f"{other_pass.valid_until:%Y-%m}" == (
        renewals.month)
    theirs = household_prints(database, other)
    assert [(p.kind, p.passes, p.decision_id) for p in theirs] == [
        ("renewals", (other_pass.number,), None),
        ("letter", (), other_decision),
        ("sheet", (other_pass.number,), None),
        ("card", (other_pass.number,), None),
    ]

    # Prints made before migration 0007 are found after it: their references are rebuilt
    # from what each record names. (Migration 0011 refuses to go back while the signing keys
    # are sealed, as they would be lost; this test's key is of no further use.)
    with database.connect() as connection:
        connection.execute(text("UPDATE signing_key SET private_key_pem = :pem"),
                           {"pem": b"-----BEGIN PRIVATE KEY-----\n(discarded)"})
        connection.commit()
    _migrate(database, "downgrade", "0006")
    _migrate(database, "upgrade", "head")
    assert household_prints(database, family) == prints
    assert household_prints(database, other) == theirs


def test_a_household_without_prints(database: Database) -> None:
    [person] = add_household(database, [("Neu", "Nina", date(1990, 1, 1), "applicant")])
    household = household_of(database, person)
    assert household_prints(database, household) == ()
    add_income(database, person, "pension", "900.00")
    _decide_and_issue(database, household)
    assert household_prints(database, household) == ()


def test_a_kinderpass_renewed_as_karlsruher_pass_is_a_type_change(database: Database) -> None:
    """Can turned 18: the renewal keeps his number; the history names the change of type,
    found from the decisions that granted each period (the pass row knows only the new type).
    """
    mother, child = add_household(database, [
        ("Kaya", "Elif", date(1980, 1, 10), "applicant"),
        ("Kaya", "Can", date(2008, 9, 1), "child"),
    ])
    family = household_of(database, mother)
    add_notice(database, family, "sgb2", date(2025, 1, 1), date(2027, 12, 31))
    application = apply(database, family, date(2025, 9, 10), today=FUTURE)
    first = decide(database, application.application_id)
    issued = issue_passes(database, first.decision_id)
    kinderpass = next(i for i in issued if i.person_id == child)
    assert kinderpass.pass_type == "kinderpass" and kinderpass.number is not None
    assert household_history(database, family).type_changes == ()

    renewed = renew_pass(database, kinderpass.number, date(2026, 9, 5), today=FUTURE)
    history = household_history(database, family)
    assert history.type_changes == (PassTypeChange(
        number=kinderpass.number, person_id=child, since=date(2026, 10, 1),
        decision_id=renewed.decision.decision_id, old_type="kinderpass",
        new_type="karlsruher_pass"),)
    row = next(p for p in history.passes if p.number == kinderpass.number)
    assert row.type == "karlsruher_pass"
    # the mother's pass keeps its type: no change to report
    mothers = next(i for i in issued if i.person_id == mother)
    assert all(c.number != mothers.number for c in history.type_changes)
    assert first.decision_id != renewed.decision.decision_id
