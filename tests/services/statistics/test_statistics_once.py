"""Each application counts once, however often it is decided, and the statistics table
holds nothing that leads back to a person, a pass or a decision."""

from __future__ import annotations

from datetime import date

from sqlalchemy import inspect, select

from kpass.models import Application, StatRecord
from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes, revoke_pass
from kpass.services.statistics.counts import count_rows
from kpass.services.uow import UnitOfWork
from tests.register_builder import add_household, add_income, household_of

FUTURE = date(2030, 1, 1)


def measures(database: Database, month: str, dims: tuple[str, ...] = ()) -> dict:  # type: ignore[type-arg]
    return {(r.measure, r.keys): r.count for r in count_rows(database, [month], dims)}


def test_decide_correct_decide_again_counts_the_application_once(database: Database) -> None:
    applicant, _partner = add_household(
        database,
        [
            ("Schmitt", "Lena", date(1980, 2, 2), "applicant"),
            ("Schmitt", "Ole", date(1979, 3, 3), "partner"),
        ],
    )
    add_income(database, applicant, "wages", "4000.00")
    household = household_of(database, applicant)
    day = date(2026, 5, 12)
    first = apply(database, household, day, today=FUTURE)
    assert not decide(database, first.application_id).decision.any_eligible
    may = measures(database, "2026-05", ("basis",))
    assert may[("applications", ("abgelehnt",))] == 1 and may[("rejected", ("abgelehnt",))] == 2

    # The caseworker notices a typo (4000 instead of 1400) and decides again, twice.
    with UnitOfWork(database) as uow:
        from kpass.models import Income

        income = uow.session.scalars(select(Income).where(Income.person_id == applicant)).one()
        from decimal import Decimal

        income.amount = Decimal("1400.00")
        uow.commit()
    second = apply(database, household, day, today=FUTURE)
    assert second.application_id == first.application_id
    decide(database, second.application_id)
    again = decide(database, second.application_id)
    assert again.decision.any_eligible

    may = measures(database, "2026-05", ("basis",))
    assert may[("applications", ("income",))] == 1
    assert ("applications", ("abgelehnt",)) not in may
    assert ("rejected", ("abgelehnt",)) not in may
    with UnitOfWork(database, write=False) as uow:
        applications = uow.session.scalars(
            select(Application).where(Application.household_id == household)
        ).all()
    assert len(applications) == 1

    issue_passes(database, again.decision_id)
    may = measures(database, "2026-05")
    assert may[("active", ())] == 2 and may[("new", ())] == 2


def test_a_revocation_takes_back_only_the_days_after_it(database: Database) -> None:
    [person] = add_household(database, [("Kaya", "Emre", date(1990, 7, 7), "applicant")])
    add_income(database, person, "wages", "900.00")
    application = apply(database, household_of(database, person), date(2026, 1, 5), today=FUTURE)
    decision = decide(database, application.application_id)
    [issued] = issue_passes(database, decision.decision_id)
    assert issued.number is not None
    revoke_pass(database, issued.number, date(2026, 6, 15), "Wegzug", today=FUTURE)
    assert measures(database, "2026-05")[("active", ())] == 1
    assert ("active", ()) not in measures(database, "2026-06")
    assert measures(database, "2026-01")[("new", ())] == 1  # the issue stays counted


def test_the_statistics_table_has_no_column_that_leads_back(database: Database) -> None:
    columns = {c["name"] for c in inspect(database.engine).get_columns("stat_record")}
    assert not {c for c in columns if c.endswith(("_id", "_ref")) or "person" in c or c == "pass"}
    assert "born_feb_29" not in columns
    pass_columns = {c["name"] for c in inspect(database.engine).get_columns("pass")}
    assert not pass_columns & {"stat_ref", "pass_ref"}


def test_born_on_29_february_counts_a_year_older_only_from_march(database: Database) -> None:
    [person] = add_household(database, [("Lenz", "Mia", date(2008, 2, 29), "applicant")])
    add_income(database, person, "wages", "900.00")
    # Valid 2026-01-10 .. 2027-01-31: February 2026 is not a leap year, so Mia is 17 at
    # February's end and 18 at March's end.
    application = apply(database, household_of(database, person), date(2026, 1, 10), today=FUTURE)
    issue_passes(database, decide(database, application.application_id).decision_id)
    february = measures(database, "2026-02", ("age_group",))
    march = measures(database, "2026-03", ("age_group",))
    assert february[("active", ("14–17",))] == 1
    assert march[("active", ("18–24",))] == 1
    with UnitOfWork(database, write=False) as uow:
        months = set(uow.session.scalars(select(StatRecord.birth_month)))
    assert months == {3}
