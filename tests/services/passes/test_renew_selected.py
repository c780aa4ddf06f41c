"""Renewing some passes of a household, chosen at the counter — on SQLite and PostgreSQL.

One application and one decision for the whole household (the rules look at everybody), but
new periods only for the passes chosen; the others stay as they were and can be renewed
later."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from kpass.errors import InvalidInput
from kpass.models import Application, Decision, PassValidity
from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import IssuedPass, issue_passes, renew_passes, revoke_pass
from kpass.services.uow import UnitOfWork
from tests.register_builder import add_household, add_income, household_of

FUTURE = date(2030, 1, 1)  # "today" for the services: all test dates lie before it
ISSUED = date(2026, 3, 15)  # the passes run until 31.03.2027
DUE = date(2027, 3, 10)  # in the expiry month: due for renewal


def couple(database: Database) -> tuple[int, int, int]:
    """Two pensioners (ids), their household; both hold a pass issued on ``ISSUED``."""
    jürgen, erika = add_household(database, [
        ("Weiß", "Jürgen", date(1950, 5, 5), "applicant"),
        ("Weiß", "Erika", date(1952, 8, 1), "partner"),
    ])
    add_income(database, jürgen, "pension", "900.00")
    household = household_of(database, jürgen)
    return jürgen, erika, household


def issue(database: Database, household: int, day: date) -> dict[int, IssuedPass]:
    application = apply(database, household, day, today=FUTURE)
    issued = issue_passes(database, decide(database, application.application_id).decision_id)
    return {i.person_id: i for i in issued}


def number_of(issued: IssuedPass) -> str:
    assert issued.number is not None
    return issued.number


def periods(database: Database, number: str) -> list[tuple[date, date]]:
    from kpass.models import Pass

    with UnitOfWork(database, write=False) as uow:
        rows = uow.session.execute(
            select(PassValidity.valid_from, PassValidity.valid_until)
            .join(Pass, Pass.id == PassValidity.pass_id)
            .where(Pass.number == number)
            .order_by(PassValidity.valid_from)
        ).all()
    return [(a, b) for a, b in rows]


def counts(database: Database) -> tuple[int, int]:
    with UnitOfWork(database, write=False) as uow:
        applications = uow.session.scalar(select(func.count()).select_from(Application))
        decisions = uow.session.scalar(select(func.count()).select_from(Decision))
    return int(applications or 0), int(decisions or 0)


def test_renewing_one_of_two_due_passes_leaves_the_other(database: Database) -> None:
    jürgen, erika, household = couple(database)
    first = issue(database, household, ISSUED)
    his, hers = number_of(first[jürgen]), number_of(first[erika])

    renewed = renew_passes(database, [hers], DUE, today=FUTURE)

    # one decision about the whole household, passes only for the one chosen
    assert set(renewed.decision.decision.member_ids) == {
        f"p{jürgen}", f"p{erika}"}
    assert [(i.person_id, i.number, i.action) for i in renewed.issued] == [
        (erika, hers, "extend")]
    assert renewed.holder_pass is not None and renewed.holder_pass.number == hers
    assert periods(database, hers) == [(ISSUED, date(2027, 3, 31)),
                                       (date(2027, 4, 1), date(2028, 3, 31))]
    assert periods(database, his) == [(ISSUED, date(2027, 3, 31))]
    assert counts(database) == (2, 2)

    # his pass is still due and is renewed later by its own renewal
    later = renew_passes(database, [his], date(2027, 3, 20), today=FUTURE)
    assert [(i.person_id, i.number) for i in later.issued] == [(jürgen, his)]
    assert periods(database, his)[-1] == (date(2027, 4, 1), date(2028, 3, 31))
    assert periods(database, hers)[-1] == (date(2027, 4, 1), date(2028, 3, 31))  # unchanged
    assert counts(database) == (3, 3)


def test_renewing_both_in_one_decision(database: Database) -> None:
    jürgen, erika, household = couple(database)
    first = issue(database, household, ISSUED)
    numbers = [number_of(first[jürgen]), number_of(first[erika])]
    renewed = renew_passes(database, numbers, DUE, today=FUTURE)
    assert sorted(i.number or "" for i in renewed.issued) == sorted(numbers)
    assert {i.valid_until for i in renewed.issued} == {date(2028, 3, 31)}
    assert counts(database) == (2, 2)
    with UnitOfWork(database, write=False) as uow:
        issued_for = uow.session.scalar(
            select(func.count()).select_from(PassValidity)
            .where(PassValidity.decision_id == renewed.decision.decision_id))
    assert issued_for == 2


def test_a_pass_not_due_refuses_the_whole_renewal(database: Database) -> None:
    jürgen, erika, household = couple(database)
    first = issue(database, household, ISSUED)
    with pytest.raises(InvalidInput, match=r"01\.03\.2027"):
        renew_passes(database, [number_of(first[jürgen]), number_of(first[erika])],
                     date(2027, 2, 20), today=FUTURE)
    assert counts(database) == (1, 1)  # nothing half done


def test_a_revoked_pass_among_the_chosen_refuses(database: Database) -> None:
    jürgen, erika, household = couple(database)
    first = issue(database, household, ISSUED)
    revoke_pass(database, number_of(first[erika]), date(2026, 10, 1), "Wegzug")
    with pytest.raises(InvalidInput, match=r"gesperrt|revoked"):
        renew_passes(database, [number_of(first[jürgen]), number_of(first[erika])], DUE,
                     today=FUTURE)
    assert counts(database) == (1, 1)


def test_nothing_chosen_and_passes_of_two_households_are_refused(database: Database) -> None:
    jürgen, _erika, household = couple(database)
    first = issue(database, household, ISSUED)
    with pytest.raises(InvalidInput, match=r"mindestens einen Pass|at least one"):
        renew_passes(database, [], DUE, today=FUTURE)
    [other] = add_household(database, [("Brandt", "Greta", date(1948, 4, 2), "applicant")])
    add_income(database, other, "pension", "800.00")
    greta = issue(database, household_of(database, other), ISSUED)
    with pytest.raises(InvalidInput, match=r"verschiedenen Haushalten|different households"):
        renew_passes(database, [number_of(first[jürgen]), number_of(greta[other])], DUE,
                     today=FUTURE)
    assert counts(database) == (2, 2)
