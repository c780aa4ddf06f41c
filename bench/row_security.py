"""What the Sozialregion's row-level security costs on PostgreSQL.

A demo register on PostgreSQL, half of its households (with their persons, applications,
decisions and passes) moved to a second issuer (``et``), with the policies of
``kpass db upgrade``. The same service calls run twice: through a seat of issuer ``ka``
(subject to the policies, seeing half the register) and through the owner's connection
(exempt from them, seeing all).

value: seconds of the calls through the seat; baseline: seconds of the same calls through
the owner; ratio: the policies' cost (below 1 where the seat simply has less to read).
Entries: ``rls_person_search`` (typed name prefixes, first page each), ``rls_household``
(the editor's details of households of the seat's issuer), ``rls_stats_month`` (all
measures of a month by Stadtteil × age group), ``rls_pass_list`` (the passes valid on a
day, up to 5,000).

Needs a PostgreSQL server whose URL (a superuser, who may create databases and roles) is in
``KPASS_BENCH_PG_URL`` or ``KPASS_TEST_PG_URL``; skipped without one.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable
from datetime import date

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.common import AS_OF, result
from kpass.models.engine import Database, open_database
from kpass.models.migrate import upgrade

PASSWORD = "bench-region-passwort"
SEAT_PASSWORD = "bench-seat-7"


def _url(base: str, **changes: str) -> str:
    return make_url(base).set(**changes).render_as_string(hide_password=False)  # type: ignore[arg-type]


def _split_region(owner: Database) -> None:
    """Every second household, and all of its case file, belongs to Ettlingen."""
    with owner.engine.begin() as connection:
        connection.execute(text("UPDATE household SET issuer = 'et' WHERE id % 2 = 0"))
        connection.execute(text(
            "UPDATE person SET issuer = 'et' WHERE id IN (SELECT m.person_id "
            "FROM household_member m JOIN household h ON h.id = m.household_id "
            "WHERE h.issuer = 'et')"))
        connection.execute(text(
            "UPDATE decision SET issuer = 'et' WHERE application_id IN (SELECT a.id "
            "FROM application a JOIN household h ON h.id = a.household_id WHERE h.issuer = 'et')"))
        connection.execute(text(
            "UPDATE pass SET issuer = 'et' WHERE person_id IN "
            "(SELECT id FROM person WHERE issuer = 'et')"))
        connection.execute(text("UPDATE stat_record SET issuer = 'et' WHERE id % 2 = 0"))
        connection.execute(text("ANALYZE"))


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(quick: bool) -> list[dict[str, object]]:
    admin_url = os.environ.get("KPASS_BENCH_PG_URL") or os.environ.get("KPASS_TEST_PG_URL")
    if not admin_url:
        return []
    from kpass.services.access import add_user, log_in
    from kpass.services.admin.demo_data import create_demo_data
    from kpass.services.admin.demo_users import DEMO_PASSWORD
    from kpass.services.admin.opening import upgrade_register
    from kpass.services.household import household_details
    from kpass.services.passes import list_passes
    from kpass.services.search import search_persons
    from kpass.services.statistics import count_rows

    households = 2_000 if quick else 20_000
    name = f"kpass_bench_rls_{uuid.uuid4().hex[:8]}"
    seat_role = f"bench_seat_ka_{uuid.uuid4().hex[:6]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    owner = seat = None
    try:
        owner = open_database(_url(admin_url, database=name))
        upgrade(owner, backup=False)
        create_demo_data(owner, households, 7, AS_OF)
        _split_region(owner)
        upgrade_register(owner)
        log_in(owner, "a.verwaltung", DEMO_PASSWORD)
        add_user(owner, "bench.ka", "supervisor", PASSWORD, issuer="ka")
        add_user(owner, "bench.region", "supervisor", PASSWORD)
        with admin.connect() as connection:
            connection.execute(text(
                f"CREATE ROLE {seat_role} LOGIN PASSWORD '{SEAT_PASSWORD}' "
                "IN ROLE kpass_issuer_ka"))
        seat = open_database(_url(admin_url, database=name, username=seat_role,
                                  password=SEAT_PASSWORD))
        log_in(seat, "bench.ka", PASSWORD)
        # the same role of login on the owner's connection (a login bound to an issuer is
        # refused there: the owner sees every issuer)
        log_in(owner, "bench.region", PASSWORD)

        with owner.connect() as connection:
            family_names = [str(n) for n in connection.execute(text(
                "SELECT DISTINCT family_name FROM person ORDER BY family_name LIMIT :n"),
                {"n": 20 if quick else 60}).scalars()]
            own = [int(i) for i in connection.execute(text(
                "SELECT id FROM household WHERE issuer = 'ka' ORDER BY id LIMIT :n"),
                {"n": 20 if quick else 100}).scalars()]
        prefixes = [n[:k] for n in family_names for k in (2, 4) if len(n) >= k]
        month = f"{AS_OF.year}-{AS_OF.month - 1:02d}"
        day = date(AS_OF.year, AS_OF.month, 1)
        calls: dict[str, Callable[[Database], object]] = {
            "rls_person_search": lambda db: [search_persons(db, p, on=day) for p in prefixes],
            "rls_household": lambda db: [household_details(db, h, day) for h in own],
            "rls_stats_month": lambda db: count_rows(db, [month], ("stadtteil", "age_group")),
            "rls_pass_list": lambda db: list_passes(db, active_on=day, limit=5_000),
        }
        results = []
        for label, call in calls.items():
            call(seat)  # warm both: the first call plans and reads the pages
            call(owner)
            seat_time = min(_timed(lambda c=call: c(seat)) for _ in range(3))
            owner_time = min(_timed(lambda c=call: c(owner)) for _ in range(3))
            results.append(result(label, seat_time, owner_time, unit="s"))
        return results
    finally:
        for database in (seat, owner):
            if database is not None:
                database.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f"DROP ROLE IF EXISTS {seat_role}"))
        admin.dispose()


if __name__ == "__main__":
    import json

    for line in measure(quick=True):
        print(json.dumps(line))
