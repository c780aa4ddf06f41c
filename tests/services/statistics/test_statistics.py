"""Monthly statistics counted in SQL, against hand-made and demo registers."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes, renew_pass, replace_pass, revoke_pass
from kpass.services.passes.queries import count_pass_holders
from kpass.services.statistics.counts import count_rows
from tests.cli_process import run_kpass
from tests.register_builder import add_household, add_income, add_notice, household_of

FUTURE = date(2030, 1, 1)


def measures(database: Database, month: str, dims: tuple[str, ...] = ()) -> dict:  # type: ignore[type-arg]
    result: dict[tuple[str, tuple[str, ...]], int] = {}
    for row in count_rows(database, [month], dims):
        result[(row.measure, row.keys)] = row.count
    return result


def test_every_measure_on_a_hand_made_register(database: Database) -> None:
    # A pensioner (income route) and a family on Bürgergeld in Durlach; a rejected couple.
    [pensioner] = add_household(
        database, [("Weiß", "Jürgen", date(1950, 5, 5), "applicant")], stadtteil="19"
    )
    add_income(database, pensioner, "pension", "1000.00")
    mother, child = add_household(
        database,
        [
            ("Öztürk", "Ayşe", date(1988, 1, 10), "applicant"),
            ("Öztürk", "Deniz", date(2015, 6, 1), "child"),
        ],
        stadtteil="19",
    )
    add_notice(
        database, household_of(database, mother), "sgb2", date(2026, 1, 1), date(2026, 12, 31)
    )
    rich, _partner = add_household(
        database,
        [
            ("Reich", "Anna", date(1970, 1, 1), "applicant"),
            ("Reich", "Bernd", date(1971, 1, 1), "partner"),
        ],
        stadtteil="01",
    )
    add_income(database, rich, "wages", "5000.00")
    issued = {}
    for person, day in (
        (pensioner, date(2026, 3, 2)),
        (mother, date(2026, 3, 20)),
        (rich, date(2026, 3, 25)),
    ):
        application = apply(database, household_of(database, person), day, today=FUTURE)
        decision = decide(database, application.application_id)
        for item in issue_passes(database, decision.decision_id):
            issued[item.person_id] = item.number
    march = measures(database, "2026-03")
    assert march[("active", ())] == 3
    assert march[("new", ())] == 3
    assert march[("applications", ())] == 3
    assert march[("rejected", ())] == 2
    assert ("renewed", ()) not in march and ("replaced", ()) not in march
    by_basis = measures(database, "2026-03", ("basis",))
    assert by_basis[("active", ("sgb2",))] == 2 and by_basis[("active", ("income",))] == 1
    assert by_basis[("rejected", ("abgelehnt",))] == 2
    by_place_age = measures(database, "2026-03", ("stadtteil", "age_group"))
    assert by_place_age[("active", ("19", "75+"))] == 1
    assert by_place_age[("active", ("19", "6–13"))] == 1
    assert by_place_age[("rejected", ("01", "40–59"))] == 2
    by_type = measures(database, "2026-03", ("household_type",))
    assert by_type[("applications", ("single",))] == 1
    assert by_type[("applications", ("single_parent",))] == 1
    assert by_type[("applications", ("couple",))] == 1

    replace_pass(database, issued[child], date(2026, 7, 10), "verloren", today=FUTURE)
    revoke_pass(database, issued[mother], date(2026, 8, 1), "Wegzug")
    july, august = measures(database, "2026-07"), measures(database, "2026-08")
    assert july[("replaced", ())] == 1 and july[("active", ())] == 3
    assert august[("active", ())] == 2
    renew_pass(database, issued[pensioner], date(2027, 3, 5), today=FUTURE)
    assert measures(database, "2027-03")[("renewed", ())] == 1
    assert measures(database, "2027-04")[("active", ())] == 1


def test_active_totals_equal_the_pass_count_at_each_month_end(
    demo_register: Callable[[int, int, date], Database],
) -> None:
    database = demo_register(300, 4, date(2026, 11, 1))
    months = [f"2026-{m:02d}" for m in range(1, 11)]
    rows = count_rows(database, months, ("stadtteil", "age_group"))
    for month in months:
        year, number = int(month[:4]), int(month[5:])
        end = date(year, number, calendar.monthrange(year, number)[1])
        total = sum(r.count for r in rows if r.month == month and r.measure == "active")
        assert total == count_pass_holders(database, end), month


def test_stats_command_writes_an_xlsx_that_opens(
    demo_register: Callable[[int, int, date], Database], tmp_path: Path
) -> None:
    database_url = demo_register(300, 4, date(2026, 11, 1)).url.render_as_string(
        hide_password=False
    )
    out = tmp_path / "statistik.xlsx"
    result = run_kpass(
        "--database", database_url, "stats", "--from", "2026-01", "--to", "2026-06",
        "--by", "stadtteil", "--format", "xlsx", "--out", str(out), timeout=120,
    )
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Übersicht" and "Hinweise" in book.sheetnames
    bad = run_kpass(
        "--database", database_url, "stats", "--from", "2026-06", "--to", "2026-01",
        "--format", "csv", "--out", str(tmp_path / "x.csv"), timeout=60,
    )
    assert bad.returncode == 2 and "Zeitraum" in bad.stderr
    assert not (tmp_path / "x.csv").exists()
