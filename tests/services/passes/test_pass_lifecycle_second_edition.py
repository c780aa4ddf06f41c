"""The pass lifecycle of the second edition (eligibility-rules.md 5), on SQLite and PostgreSQL:
validity as a parameter, a Kinderpass holder turning 18 keeps the number, revocations dated
in the future, and what ``kpass db check`` says about them."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from kpass.errors import InvalidInput
from kpass.models import AuditEvent, Pass, PassValidity, StatRecord
from kpass.models.engine import Database
from kpass.rules import Parameters, default_parameters, format_pass_number, load_parameters_file
from kpass.rules.parameter_files import rules_dir
from kpass.services.admin.check import check_database
from kpass.services.admin.signing_keys import revoked_numbers
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import (
    IssuedPass,
    decide_and_issue,
    issue_passes,
    renew_pass,
    replace_pass,
    revoke_pass,
)
from kpass.services.passes.queries import count_pass_holders, list_passes
from kpass.services.uow import UnitOfWork
from tests.cli_process import run_kpass
from tests.register_builder import add_household, add_income, add_notice, household_of

FUTURE = date(2030, 1, 1)  # "today" for the services: all test dates lie before it


def pensioner(database: Database) -> int:
    [person] = add_household(database, [("Weiß", "Jürgen", date(1950, 5, 5), "applicant")])
    add_income(database, person, "pension", "1000.00")
    return household_of(database, person)


def issue_on(database: Database, household: int, day: date) -> list[IssuedPass]:
    application = apply(database, household, day, today=FUTURE)
    return issue_passes(database, decide(database, application.application_id).decision_id)


def stat_sum(database: Database, day: date) -> int:
    """Pass holders on ``day`` as the statistics count them."""
    with database.connect() as connection:
        total = connection.execute(
            text(
                "SELECT sum(weight) FROM stat_record WHERE record_kind = 'pass_validity' "
                "AND valid_from <= :d AND valid_until >= :d"
            ),
            {"d": day},
        ).scalar_one()
    return int(total or 0)


# -- 1. validity_months is data --------------------------------------------------------------


def _parameters_with(tmp_path: Path, values: str) -> Parameters:
    """A copy of karlsruhe.toml whose ``validity_months`` has ``values``."""
    source = (rules_dir() / "karlsruhe.toml").read_text(encoding="utf-8")
    old = "values = { 2020-01-01 = 12 }"
    start = source.index("[validity_months]")
    at = source.index(old, start)
    (tmp_path / "rules").mkdir()
    (tmp_path / "stadtteile.csv").write_bytes((rules_dir().parent / "stadtteile.csv").read_bytes())
    path = tmp_path / "rules" / "karlsruhe.toml"
    path.write_text(source[:at] + f"values = {{ {values} }}" + source[at + len(old):], "utf-8")
    return load_parameters_file(path)


Install = Callable[[Parameters], None]


@pytest.fixture
def use_parameters(monkeypatch: pytest.MonkeyPatch) -> Install:
    """Replace the default issuer's parameters everywhere they were imported by name."""

    def install(parameters: Parameters) -> None:
        original = default_parameters
        for module in list(sys.modules.values()):
            if module is not None and getattr(module, "default_parameters", None) is original:
                monkeypatch.setattr(module, "default_parameters", lambda: parameters)

    return install


def test_six_months_validity_for_new_passes_and_renewals(
    database: Database, tmp_path: Path, use_parameters: Install
) -> None:
    use_parameters(_parameters_with(tmp_path, "2020-01-01 = 6"))
    household = pensioner(database)
    [first] = issue_on(database, household, date(2026, 3, 15))
    assert (first.valid_from, first.valid_until) == (date(2026, 3, 15), date(2026, 9, 30))
    assert first.number is not None
    renewed = renew_pass(database, first.number, date(2026, 9, 10), today=FUTURE)
    holder = renewed.holder_pass
    assert holder is not None and holder.number == first.number
    assert (holder.valid_from, holder.valid_until) == (date(2026, 10, 1), date(2027, 3, 31))
    late = renew_pass(database, first.number, date(2027, 5, 20), today=FUTURE)
    assert late.holder_pass is not None
    assert (late.holder_pass.valid_from, late.holder_pass.valid_until) == (
        date(2027, 5, 20),
        date(2027, 11, 30),
    )
    # The decision tells the same period as the pass (both from the parameter).
    [member] = renewed.decision.output["members"]
    assert member["valid_until"] == "2027-03-31"
    assert check_database(database).ok


def test_the_rule_set_in_force_on_the_day_sets_the_period(
    database: Database, tmp_path: Path, use_parameters: Install
) -> None:
    use_parameters(_parameters_with(tmp_path, "2020-01-01 = 12, 2027-01-01 = 6"))
    household = pensioner(database)
    [first] = issue_on(database, household, date(2026, 3, 15))
    assert first.valid_until == date(2027, 3, 31)  # 12 months, as decided in 2026
    assert first.number is not None
    renewed = renew_pass(database, first.number, date(2027, 3, 10), today=FUTURE)
    assert renewed.decision.decision.rule_set == "ka-2027-01-01"
    holder = renewed.holder_pass
    assert holder is not None
    assert (holder.valid_from, holder.valid_until) == (date(2027, 4, 1), date(2027, 9, 30))


# -- 2. a Kinderpass holder turning 18 keeps the number --------------------------------------


def kaya_family(database: Database) -> tuple[int, int, int]:
    mother, child = add_household(
        database,
        [
            ("Kaya", "Elif", date(1980, 1, 10), "applicant"),
            ("Kaya", "Can", date(2008, 9, 1), "child"),
        ],
    )
    household = household_of(database, mother)
    add_notice(database, household, "sgb2", date(2025, 1, 1), date(2028, 12, 31))
    return mother, child, household


def test_turning_18_keeps_the_number_and_changes_the_card(database: Database) -> None:
    mother, child, household = kaya_family(database)
    issued = issue_on(database, household, date(2025, 9, 10))
    kinderpass = next(i for i in issued if i.person_id == child)
    assert kinderpass.pass_type == "kinderpass" and kinderpass.number is not None
    assert not kinderpass.type_changed

    renewed = renew_pass(database, kinderpass.number, date(2026, 9, 5), today=FUTURE)
    adult = renewed.holder_pass
    assert adult is not None and adult.action == "extend"
    assert adult.number == kinderpass.number and adult.pass_type == "karlsruher_pass"
    assert adult.type_changed and adult.previous_type == "kinderpass"
    assert (adult.valid_from, adult.valid_until) == (date(2026, 10, 1), date(2027, 9, 30))
    mothers = next(i for i in renewed.issued if i.person_id == mother)
    assert mothers.action == "extend" and not mothers.type_changed

    with UnitOfWork(database, write=False) as uow:
        s = uow.session
        assert s.scalar(select(func.count()).select_from(Pass)) == 2  # no new card row
        card = s.scalars(select(Pass).where(Pass.number == kinderpass.number)).one()
        assert (card.pass_type, card.status, card.revoked_on) == ("karlsruher_pass", "active", None)
        periods = s.execute(
            select(PassValidity.kind, PassValidity.valid_from, PassValidity.valid_until)
            .where(PassValidity.pass_id == card.id)
            .order_by(PassValidity.valid_from)
        ).all()
        assert [tuple(p) for p in periods] == [
            ("new", date(2025, 9, 10), date(2026, 9, 30)),
            ("renewal", date(2026, 10, 1), date(2027, 9, 30)),
        ]
        # The statistics rows carry the type of each period.
        rows = s.execute(
            select(StatRecord.valid_from, StatRecord.pass_type, StatRecord.event)
            .where(StatRecord.record_kind == "pass_validity", StatRecord.birth_year == 2008)
            .order_by(StatRecord.valid_from)
        ).all()
        assert [tuple(r) for r in rows] == [
            (date(2025, 9, 10), "kinderpass", "new"),
            (date(2026, 10, 1), "karlsruher_pass", "renewed"),
        ]
        audit = s.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "issue").order_by(AuditEvent.id)
        ).all()
        assert audit[-1]["type_changed"] == [
            {"number": kinderpass.number, "from": "kinderpass", "to": "karlsruher_pass"}
        ]
        assert "type_changed" not in audit[0]

    # Listed once, as a Karlsruher Pass, before and after the change of card.
    for day in (date(2026, 9, 20), date(2026, 10, 1), date(2027, 6, 1)):
        rows_on = [r for r in list_passes(database, active_on=day) if r.person_id == child]
        assert [(r.number, r.type, r.status) for r in rows_on] == [
            (kinderpass.number, "karlsruher_pass", "active")
        ]
    every = [r for r in list_passes(database, every_status=True) if r.person_id == child]
    assert len(every) == 1
    assert count_pass_holders(database, date(2026, 9, 30)) == 2
    assert count_pass_holders(database, date(2026, 10, 1)) == 2
    assert stat_sum(database, date(2026, 10, 1)) == 2
    assert check_database(database).ok


def test_turning_18_after_the_expiry_month_keeps_the_number_too(database: Database) -> None:
    _, child, household = kaya_family(database)
    issued = issue_on(database, household, date(2025, 9, 10))
    kinderpass = next(i for i in issued if i.person_id == child)
    assert kinderpass.number is not None
    late = renew_pass(database, kinderpass.number, date(2026, 11, 15), today=FUTURE)
    adult = late.holder_pass
    assert adult is not None and adult.number == kinderpass.number and adult.type_changed
    assert (adult.valid_from, adult.valid_until) == (date(2026, 11, 15), date(2027, 11, 30))
    assert check_database(database).ok


# -- 3. revocations dated in the future ------------------------------------------------------


@pytest.fixture
def moving_out(database: Database) -> str:
    """A pass valid 15.03.2026–31.03.2027, revoked on 10.11.2026 from 01.12.2026 on."""
    household = pensioner(database)
    [card] = issue_on(database, household, date(2026, 3, 15))
    assert card.number is not None
    revoke_pass(database, card.number, date(2026, 12, 1), "Wegzug", today=date(2026, 11, 10))
    return card.number


def test_a_future_revocation_keeps_the_pass_active_until_its_day(
    database: Database, moving_out: str
) -> None:
    [before] = list_passes(database, active_on=date(2026, 11, 30))
    assert (before.number, before.status, before.revoked_on) == (
        moving_out,
        "active",
        date(2026, 12, 1),
    )
    assert before.revocation_pending and before.as_json()["status"] == "active"
    assert list_passes(database, active_on=date(2026, 12, 1)) == []
    assert count_pass_holders(database, date(2026, 11, 30)) == 1
    assert count_pass_holders(database, date(2026, 12, 1)) == 0
    assert stat_sum(database, date(2026, 11, 30)) == 1
    assert stat_sum(database, date(2026, 12, 1)) == 0
    [listed] = list_passes(database, every_status=True, active_on=date(2026, 11, 20))
    assert listed.status == "active"
    [listed] = list_passes(database, every_status=True, active_on=date(2026, 12, 2))
    assert listed.status == "revoked" and not listed.revocation_pending
    with UnitOfWork(database, write=False) as uow:
        assert revoked_numbers(uow, date(2026, 11, 30)) == []
        assert revoked_numbers(uow, date(2026, 12, 1)) == [moving_out]
        [details] = uow.session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "revoke")
        ).all()
        assert details["on"] == "2026-12-01" and details["future"] is True
    report = check_database(database, today=date(2026, 11, 10))
    assert report.ok
    assert report.notes == ["passes revoked from a future day (active until then): 1 ×"]
    assert check_database(database, today=date(2026, 12, 5)).notes == []


def test_a_future_revocation_stays_in_the_renewal_queue_until_its_day(
    database: Database,
) -> None:
    household = pensioner(database)
    [card] = issue_on(database, household, date(2025, 12, 10))  # valid until 31.12.2026
    assert card.number is not None
    revoke_pass(database, card.number, date(2026, 12, 20), "Wegzug", today=date(2026, 12, 3))

    def queue(on: date) -> list[str]:
        return [r.number for r in list_passes(database, expiring_in=(2026, 12), active_on=on)]

    assert queue(date(2026, 12, 19)) == [card.number]
    assert queue(date(2026, 12, 20)) == []
    # ... but it is not renewed: the revocation stands.
    with pytest.raises(InvalidInput, match=r"revoked from 20\.12\.2026") as refused:
        renew_pass(database, card.number, date(2026, 12, 10), today=FUTURE)
    assert "ab 20.12.2026 gesperrt" in refused.value.message_de
    with pytest.raises(InvalidInput, match=r"was revoked on 20\.12\.2026"):
        renew_pass(database, card.number, date(2026, 12, 22), today=FUTURE)


def test_a_pass_with_a_future_revocation_is_neither_replaced_nor_reissued(
    database: Database, moving_out: str
) -> None:
    with pytest.raises(InvalidInput, match=r"revoked from 01\.12\.2026"):
        replace_pass(database, moving_out, date(2026, 11, 20), "verloren", today=FUTURE)
    with pytest.raises(InvalidInput, match="already revoked"):
        revoke_pass(database, moving_out, date(2026, 11, 25), "x", today=date(2026, 11, 20))
    # A decision in the meantime: one pass at a time, the running one ends on 30.11.
    household = household_of_pass(database, moving_out)
    application = apply(database, household, date(2026, 11, 20), today=FUTURE)
    _, [issued] = decide_and_issue(database, application.application_id)
    assert (issued.action, issued.held_until) == ("none", date(2026, 11, 30))
    # After the day it is a new application: a new pass with a new number.
    application = apply(database, household, date(2026, 12, 2), today=FUTURE)
    _, [again] = decide_and_issue(database, application.application_id)
    assert again.action == "new_pass" and again.number != moving_out
    assert check_database(database, today=date(2026, 11, 10)).ok
    assert count_pass_holders(database, date(2026, 12, 1)) == 0
    assert count_pass_holders(database, date(2026, 12, 2)) == 1


def household_of_pass(database: Database, number: str) -> int:
    with UnitOfWork(database, write=False) as uow:
        card = uow.session.scalars(select(Pass).where(Pass.number == number)).one()
        person_id = card.person_id
    return household_of(database, person_id)


def test_a_card_for_a_pass_revoked_from_next_month_can_be_printed(
    database: Database, moving_out: str, tmp_path: Path
) -> None:
    from kpass.errors import InvalidInput
    from kpass.services.printing import print_cards
    from tests.documents.pdf_tools import pdf_text

    print_cards(database, [moving_out], tmp_path / "card.pdf", today=date(2026, 11, 20))
    # The card states the last month it is valid in, not the period it was issued for.
    text = pdf_text(tmp_path / "card.pdf")
    assert "11/2026" in text and "03/2027" not in text
    with pytest.raises(InvalidInput):
        print_cards(database, [moving_out], tmp_path / "late.pdf", today=date(2026, 12, 1))


# -- 7. what db check must still catch -------------------------------------------------------


def test_db_check_catches_two_passes_of_one_person_on_one_day(database: Database) -> None:
    household = pensioner(database)
    [card] = issue_on(database, household, date(2026, 3, 15))
    with UnitOfWork(database) as uow:
        first = uow.session.scalars(select(Pass).where(Pass.number == card.number)).one()
        validity = first.validities[0]
        twin = Pass(
            number=format_pass_number(200001),
            person_id=first.person_id,
            pass_type="karlsruher_pass",
        )
        twin.validities.append(
            PassValidity(
                decision_id=validity.decision_id,
                kind="new",
                valid_from=date(2026, 6, 1),
                valid_until=date(2027, 6, 30),
            )
        )
        uow.session.add(twin)
        uow.commit()
    problems = check_database(database).problems
    assert any(p.startswith("person holding two passes valid on the same day") for p in problems)
    # Revoked from the day the other starts: no longer two at once.
    revoke_pass(database, card.number or "", date(2026, 6, 1), "doppelt", today=FUTURE)
    assert check_database(database).ok


def test_db_check_catches_impossible_revocation_dates(database: Database) -> None:
    household = pensioner(database)
    [card] = issue_on(database, household, date(2026, 3, 15))
    assert card.number is not None
    new = replace_pass(database, card.number, date(2026, 8, 1), "verloren", today=FUTURE)
    assert check_database(database, today=date(2026, 12, 3)).ok

    def set_old(status: str, revoked_on: date) -> None:
        with UnitOfWork(database) as uow:
            row = uow.session.scalars(select(Pass).where(Pass.number == card.number)).one()
            row.status, row.revoked_on = status, revoked_on
            uow.commit()

    set_old("replaced", date(2026, 12, 20))  # a replacement card made "in the future"
    problems = check_database(database, today=date(2026, 12, 3)).problems
    assert any(p.startswith("pass replaced on a future day") for p in problems)
    set_old("revoked", date(2026, 3, 1))
    problems = check_database(database, today=date(2026, 12, 3)).problems
    assert any(p.startswith("pass revoked or replaced before its first day") for p in problems)
    # Before the second edition a Kinderpass was marked replaced from the first day of the
    # Karlsruher Pass after it, which may lie ahead: no problem.
    with UnitOfWork(database) as uow:
        successor = uow.session.scalars(select(Pass).where(Pass.number == new.number)).one()
        uow.session.delete(successor)
        uow.commit()
    set_old("replaced", date(2027, 4, 1))
    assert check_database(database, today=date(2026, 12, 3)).ok


def test_kpass_revoke_accepts_a_future_day(database: Database) -> None:
    import subprocess

    today = date.today()
    household = pensioner(database)
    [card] = issue_on(database, household, today)
    assert card.number is not None and card.valid_until is not None
    move_out = (today.replace(day=1) + timedelta(days=40)).replace(day=1)  # 1st of next month
    url = database.url.render_as_string(hide_password=False)

    def kpass(*args: str) -> subprocess.CompletedProcess[str]:
        return run_kpass("--database", url, *args, timeout=120)

    revoked = kpass("revoke", "--pass", card.number, "--date", move_out.isoformat(),
                    "--reason", "Wegzug")
    assert revoked.returncode == 0, revoked.stderr
    assert f"will be revoked from {move_out:%d.%m.%Y}" in revoked.stdout
    listed = kpass("passes", "list")
    assert listed.returncode == 0, listed.stderr
    assert card.number in listed.stdout and "active" in listed.stdout
    assert f"(revoked from {move_out:%d.%m.%Y})" in listed.stdout
    assert count_pass_holders(database, today) == 1
    assert count_pass_holders(database, move_out) == 0
    checked = kpass("db", "check")
    assert checked.returncode == 0, checked.stdout
    assert "Note: passes revoked from a future day (active until then): 1 ×" in checked.stdout
