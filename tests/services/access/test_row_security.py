"""Row-level security of the Sozialregion on PostgreSQL (issue 16, point 4).

A regional register holds households of Karlsruhe (``ka``) and Ettlingen (``et``). Each seat
connects with a login role of its own (the seat's URL names it), a member of one issuer's
group role or of ``kpass_region``. Done when: a caseworker of issuer A cannot read, by any
service or raw query through the app's connection, a household of issuer B.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from kpass.errors import KpassError, LoginFailed, PermissionDenied
from kpass.models.engine import Database, open_database
from kpass.services.access import log_in
from kpass.services.access.seat import seat_of
from kpass.services.access.users import add_user
from kpass.services.admin.opening import upgrade_register
from kpass.services.applications.deciding import apply, decide
from kpass.services.household import household_details
from kpass.services.household.creation import create_household
from kpass.services.household.inputs import AddressInput, MemberInput, PersonInput
from kpass.services.passes.actions import issue_passes
from kpass.services.search import search_persons
from kpass.services.statistics import count_rows
from tests.conftest import PG_ENV
from tests.register_builder import add_household, add_income, household_of

DAY = date(2026, 3, 16)
FUTURE = date(2030, 1, 1)
PASSWORD = "ein-langes-passwort-42"
SEAT_PASSWORD = "seat-secret-7"

#: the register of these tests lies on PostgreSQL (SQLite has no roles)
ON_POSTGRESQL = pytest.mark.parametrize("backend", ["postgresql"])


class Region:
    def __init__(self, owner: Database, url: str) -> None:
        self.owner = owner
        self.url = url
        self.roles: list[str] = []
        self.seats: list[Database] = []
        self.households: dict[str, int] = {}
        self.names = {"ka": "Karlsruher", "et": "Ettlinger"}
        self.numbers: dict[str, str] = {}

    def seat(self, group: str) -> Database:
        """A seat whose login role is a member of ``group``."""
        role = f"seat_{group.removeprefix('kpass_')}_{uuid.uuid4().hex[:8]}"
        with self.owner.engine.begin() as connection:
            connection.execute(text(
                f"CREATE ROLE {role} LOGIN PASSWORD '{SEAT_PASSWORD}' IN ROLE {group}"))
        self.roles.append(role)
        url = make_url(self.url).set(username=role, password=SEAT_PASSWORD)
        seat = open_database(url.render_as_string(hide_password=False))
        self.seats.append(seat)
        return seat


def _household(owner: Database, municipality: str, family: str, birth: date) -> int:
    stadtteil = "01" if municipality == "Karlsruhe" else None
    [person] = add_household(owner, [(family, "Maria", birth, "applicant")],
                             municipality=municipality, stadtteil=stadtteil)
    add_income(owner, person, "pension", "900.00")
    return household_of(owner, person)


@pytest.fixture
def region(database: Database, database_url: str) -> Iterator[Region]:
    """The test register as a regional one: policies set by ``kpass db upgrade``, a household
    with a pass in each issuer, one caseworker per issuer and a regional supervisor."""
    upgrade_register(database)
    result = Region(database, database_url)
    for code, municipality, birth in (("ka", "Karlsruhe", date(1950, 5, 5)),
                                      ("et", "Ettlingen", date(1948, 9, 9))):
        household = _household(database, municipality, result.names[code], birth)
        application = apply(database, household, DAY, today=FUTURE)
        [card] = issue_passes(database, decide(database, application.application_id).decision_id)
        assert card.number is not None
        result.households[code] = household
        result.numbers[code] = card.number
    add_user(database, "ka.sachbearbeitung", "caseworker", PASSWORD, issuer="ka")
    add_user(database, "et.sachbearbeitung", "caseworker", PASSWORD, issuer="et")
    add_user(database, "ka.leitung", "supervisor", PASSWORD, issuer="ka")
    add_user(database, "region.leitung", "supervisor", PASSWORD)
    yield result
    for seat in result.seats:
        seat.dispose()
    admin = create_engine(os.environ[PG_ENV], isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        # the register is dropped after this fixture: end the seats' sessions first
        for role in result.roles:
            connection.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :r"),
                {"r": role})
    database.dispose()
    with admin.connect() as connection:
        for role in result.roles:
            connection.execute(text(f"DROP ROLE IF EXISTS {role}"))
    admin.dispose()


def _raw(seat: Database, query: str) -> list[tuple[object, ...]]:
    with seat.connect() as connection:
        return [tuple(row) for row in connection.execute(text(query))]


@ON_POSTGRESQL
def test_a_seat_of_karlsruhe_sees_nothing_of_ettlingen(region: Region) -> None:
    seat = region.seat("kpass_issuer_ka")
    scope = seat_of(seat)
    assert scope is not None and scope.issuers == frozenset({"ka"})
    log_in(seat, "ka.sachbearbeitung", PASSWORD)
    ka, et = region.households["ka"], region.households["et"]

    # the services
    assert search_persons(seat, region.names["ka"], on=DAY).hits
    assert not search_persons(seat, region.names["et"], on=DAY).hits
    assert household_details(seat, ka, DAY).members
    with pytest.raises(KpassError):
        household_details(seat, et, DAY)
    log_in(seat, "ka.leitung", PASSWORD)  # exact statistics are for supervisors
    issued = sum(r.count for r in count_rows(seat, ["2026-03"], []) if r.measure == "active")
    assert issued == 1  # Karlsruhe's one pass holder, not Ettlingen's

    # any query through the seat's own connection
    assert _raw(seat, "SELECT id, issuer FROM household") == [(ka, "ka")]
    assert {row[1] for row in _raw(seat, "SELECT id, family_name FROM person")} == {
        region.names["ka"]}
    assert [row[0] for row in _raw(seat, "SELECT number FROM pass")] == [region.numbers["ka"]]
    for table in ("household_address", "household_member", "income", "application",
                  "pass_validity", "print_reference"):
        counts = _raw(seat, f"SELECT count(*) FROM {table}")
        owner_counts = _raw(region.owner, f"SELECT count(*) FROM {table}")
        assert counts[0][0] <= owner_counts[0][0]
    assert _raw(seat, "SELECT DISTINCT issuer FROM decision") == [("ka",)]
    assert _raw(seat, "SELECT DISTINCT issuer FROM stat_record") == [("ka",)]
    assert _raw(seat, f"SELECT count(*) FROM household_address WHERE household_id = {et}") == [
        (0,)]
    assert _raw(seat, f"SELECT count(*) FROM income i JOIN household_member m "
                      f"ON m.person_id = i.person_id WHERE m.household_id = {et}") == [(0,)]

    # no way round it from the same connection
    for escape in ("SET ROLE kpass_region", "SET ROLE kpass_issuer_et",
                   "SET SESSION AUTHORIZATION postgres"):
        with pytest.raises(DBAPIError, match="permission denied"), \
                seat.engine.connect() as connection:
            connection.execute(text(escape))
    with pytest.raises(DBAPIError, match="row-level security"), \
            seat.engine.connect() as connection:
        connection.execute(text("SET row_security = off"))
        connection.execute(text("SELECT * FROM household")).all()
    with pytest.raises(DBAPIError, match="must be owner"), seat.engine.connect() as connection:
        connection.execute(text("ALTER TABLE household DISABLE ROW LEVEL SECURITY"))


@ON_POSTGRESQL
def test_a_seat_cannot_write_into_another_issuer(region: Region) -> None:
    seat = region.seat("kpass_issuer_ka")
    log_in(seat, "ka.sachbearbeitung", PASSWORD)
    et = region.households["et"]
    with seat.engine.begin() as connection:
        changed = connection.execute(
            text("UPDATE household SET version = version + 1 WHERE id = :h"), {"h": et})
        assert changed.rowcount == 0
        gone = connection.execute(text("DELETE FROM income"))
        assert gone.rowcount == 1  # only Karlsruhe's own income
        connection.rollback()
    with pytest.raises(DBAPIError), seat.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO household (issuer, created_at, version) VALUES ('et', now(), 1)"))
    with pytest.raises(DBAPIError), seat.engine.begin() as connection:
        connection.execute(text(
            "UPDATE household SET issuer = 'et' WHERE id = :h"), {"h": region.households["ka"]})
    # the services say it plainly, and keep nothing
    with pytest.raises(PermissionDenied, match="another issuer"):
        create_household(
            seat, AddressInput("Marktplatz", "5", "76275", "Ettlingen", None),
            [MemberInput.new(PersonInput("Neu", "Nora", date(1950, 1, 1)), "applicant")],
            since=DAY, today=DAY)
    assert _raw(region.owner, "SELECT count(*) FROM household") == [(2,)]


@ON_POSTGRESQL
def test_logins_of_another_issuer_are_refused(region: Region) -> None:
    ka_seat = region.seat("kpass_issuer_ka")
    with pytest.raises(LoginFailed, match=r"et\.sachbearbeitung"):
        log_in(ka_seat, "et.sachbearbeitung", PASSWORD)
    regional = region.seat("kpass_region")
    with pytest.raises(LoginFailed):
        log_in(regional, "ka.sachbearbeitung", PASSWORD)
    # an Ettlingen seat serves Ettlingen's caseworker, and sees only Ettlingen
    et_seat = region.seat("kpass_issuer_et")
    log_in(et_seat, "et.sachbearbeitung", PASSWORD)
    assert search_persons(et_seat, region.names["et"], on=DAY).hits
    assert not search_persons(et_seat, region.names["ka"], on=DAY).hits


@ON_POSTGRESQL
def test_a_regional_seat_sees_every_issuer(region: Region) -> None:
    seat = region.seat("kpass_region")
    scope = seat_of(seat)
    assert scope is not None and scope.regional
    log_in(seat, "region.leitung", PASSWORD)
    assert sorted(row[1] for row in _raw(seat, "SELECT id, issuer FROM household")) == [
        "et", "ka"]
    assert sorted(row[0] for row in _raw(seat, "SELECT number FROM pass")) == sorted(
        region.numbers.values())
    for code in ("ka", "et"):
        assert search_persons(seat, region.names[code], on=DAY).hits
        assert household_details(seat, region.households[code], DAY).members
    active = sum(r.count for r in count_rows(seat, ["2026-03"], []) if r.measure == "active")
    assert active == 2


@ON_POSTGRESQL
def test_upgrade_again_keeps_the_policies(region: Region) -> None:
    """``kpass db upgrade`` run again (a later release) sets the same policies again."""
    upgrade_register(region.owner)
    seat = region.seat("kpass_issuer_et")
    assert _raw(seat, "SELECT issuer FROM household") == [("et",)]


#: Shared by the whole region on purpose (see kpass.models.row_security): no person data.
SHARED_TABLES = {"app_user", "key_slot", "audit_event", "audit_head", "register_setting",
                 "counter", "signing_key", "stadtteil", "street_directory"}


def test_every_table_of_the_case_file_has_a_policy() -> None:
    """A new table is either part of a case file (then it needs a policy, or one issuer's
    seats would read another's rows) or named here as shared by the region."""
    from kpass.models import Base
    from kpass.models.row_security import POLICIES

    tables = set(Base.metadata.tables)
    assert set(POLICIES) <= tables
    assert tables - set(POLICIES) == SHARED_TABLES, (
        "a new table: add a policy to kpass.models.row_security.POLICIES "
        "or, if it holds nothing of a case file, to SHARED_TABLES here")


@ON_POSTGRESQL
def test_a_move_to_another_issuer_is_recorded_by_the_region(region: Region) -> None:
    """Karlsruhe's seat cannot hand a household over to Ettlingen (the write would make it
    Ettlingen's); the regional seat records the move, and the household is Ettlingen's."""
    from kpass.services.household.changes import move_household

    household = region.households["ka"]
    ka_seat = region.seat("kpass_issuer_ka")
    log_in(ka_seat, "ka.sachbearbeitung", PASSWORD)
    version = household_details(ka_seat, household, DAY).version
    ettlingen = AddressInput("Marktplatz", "7", "76275", "Ettlingen", None)
    with pytest.raises(PermissionDenied, match="another issuer"):
        move_household(ka_seat, household, version, ettlingen, date(2026, 4, 1))

    regional = region.seat("kpass_region")
    log_in(regional, "region.leitung", PASSWORD)
    move_household(regional, household, version, ettlingen, date(2026, 4, 1))
    et_seat = region.seat("kpass_issuer_et")
    assert sorted(row[0] for row in _raw(et_seat, "SELECT id FROM household")) == sorted(
        region.households.values())
    assert _raw(ka_seat, "SELECT id FROM household") == []
    # Karlsruhe keeps what it decided and issued
    assert _raw(ka_seat, "SELECT DISTINCT issuer FROM decision") == [("ka",)]
