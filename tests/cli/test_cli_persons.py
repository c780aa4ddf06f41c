"""``kpass persons distinct``: two look-alike persons recorded as different people."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from kpass.cli import main
from kpass.models import PersonDistinction
from kpass.models.engine import Database
from kpass.services.applications.deciding import apply
from kpass.services.household.identity import DuplicatePassHolder
from kpass.services.passes.actions import decide_and_issue
from kpass.services.uow import UnitOfWork
from tests.register_builder import add_household, add_income, household_of

DAY = date(2026, 3, 16)
FUTURE = date(2030, 1, 1)


def exit_status(*args: str) -> int:
    """``kpass ARGS`` in-process; argparse leaves through SystemExit with bad arguments."""
    try:
        return main(list(args))
    except SystemExit as leave:
        return int(leave.code or 0)


def issue(database: Database, household: int) -> None:
    application = apply(database, household, DAY, today=FUTURE)
    decide_and_issue(database, application.application_id)


def test_recorded_as_different_people_both_get_a_pass(
    database: Database, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Written directly, as registers hold them from before the check.
    [first] = add_household(database, [("Yilmaz", "Ali", date(1970, 4, 4), "applicant")])
    [second] = add_household(database, [("Yilmaz", "Ali", date(1970, 4, 4), "applicant")],
                             street="Durlacher Allee", number="3")
    for person in (first, second):
        add_income(database, person, "pension", "900.00")
    issue(database, household_of(database, first))
    with pytest.raises(DuplicatePassHolder):
        issue(database, household_of(database, second))

    assert main(["--database", database_url, "persons", "distinct", str(second), str(first),
                 "--reason", "Ausweise verglichen: zwei Personen"]) == 0
    assert "are different people" in capsys.readouterr().out
    issue(database, household_of(database, second))  # no longer refused
    assert main(["--database", database_url, "persons", "distinct", str(first), str(second),
                 "--reason", "noch einmal"]) == 0
    assert "already recorded" in capsys.readouterr().out


@pytest.mark.parametrize("args", [
    ["persons", "distinct", "1", "1", "--reason", "x"],
    ["persons", "distinct", "1", "2"],
    ["persons", "distinct", "1", "2", "--reason", "   "],
    ["persons", "distinct", "1", "99999999999999", "--reason", "x"],
    ["persons", "distinct", "1", "424242", "--reason", "x"],
])
def test_bad_input_exits_2_and_records_nothing(
    database: Database, database_url: str, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    add_household(database, [("Berg", "Nora", date(1985, 6, 1), "applicant")])
    add_household(database, [("Lenz", "Mia", date(1990, 2, 2), "applicant")],
                  street="Durlacher Allee", number="3")
    assert exit_status("--database", database_url, *args) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()
    with UnitOfWork(database, write=False) as uow:
        assert uow.session.scalar(select(func.count()).select_from(PersonDistinction)) == 0
