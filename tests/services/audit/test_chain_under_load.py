"""Two seats (two OS processes) writing at the same moment keep one unbroken chain, and a
register from before the chain (schema 0010) upgrades to a chain that verifies."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kpass.errors import KpassError
from kpass.models import Pass
from kpass.models.engine import Database
from kpass.services.access import create_first_admin, log_in
from kpass.services.admin import open_register
from kpass.services.audit import verify_trail
from kpass.services.audit.card_check import refuse_unless_as_recorded
from kpass.services.uow import UnitOfWork
from tests.models.test_schema_fixtures import AS_OF, FIXTURES, _load_into_postgresql
from tests.services.audit.trail_helpers import one, raw

WRITES = 25


def seat(url: str, name: str, barrier: Any) -> None:
    """One seat: logs in, waits for the other, then appends as fast as it can."""
    from kpass.models.engine import open_database
    from kpass.services.audit import anchor_head, list_events
    from tests.logins import TEST_PASSWORD, TEST_USER
    from tests.register_builder import add_household

    database = open_database(url)
    log_in(database, TEST_USER, TEST_PASSWORD)
    barrier.wait(60)
    for index in range(WRITES):
        add_household(database, [(name, f"Nr{index}", AS_OF.replace(year=1980), "applicant")])
        anchor_head(database)
        list_events(database, 3)
    database.dispose()


def test_two_seats_writing_at_once_keep_one_chain(database: Database) -> None:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    barrier = context.Barrier(2)
    url = database.url.render_as_string(hide_password=False)
    seats = [context.Process(target=seat, args=(url, name, barrier))
             for name in ("Platz-Eins", "Platz-Zwei")]
    for process in seats:
        process.start()
    for process in seats:
        process.join(180)
        assert process.exitcode == 0
    report = verify_trail(database)
    assert report.intact, report.chain_problems
    seq, count, low = one(database, "SELECT max(seq), count(*), min(seq) FROM audit_event")
    assert (low, seq, count) == (1, report.head_seq, report.events)
    anchors = one(database, "SELECT count(*) FROM audit_event WHERE action = 'anchor'")[0]
    assert anchors == 2 * WRITES


@pytest.fixture
def upgraded_0010(backend: str, empty_database_url: str, tmp_path: Path) -> Database:
    source = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema-0010.sqlite", source)
    source.chmod(0o600)
    url = f"sqlite:///{source}"
    if backend == "postgresql":
        _load_into_postgresql(source, empty_database_url, "0010")
        url = empty_database_url
    database = open_register(url, require_schema=False)
    from kpass.models.migrate import upgrade

    upgrade(database)
    create_first_admin(database, "leitung", "erstes-passwort")
    log_in(database, "leitung", "erstes-passwort")
    return database


@pytest.mark.slow
def test_an_upgraded_register_has_a_chain_that_verifies(upgraded_0010: Database) -> None:
    database = upgraded_0010
    try:
        report = verify_trail(database)
        assert report.intact, report.chain_problems + report.pass_problems
        # the three events written before the chain, now linked, then a baseline of every
        # pass as the upgrade found it, then the first admin's
        first = one(database, "SELECT action, prev_hash FROM audit_event WHERE seq = 1")
        assert tuple(first) == ("demo_data", "0" * 64)
        passes = one(database, "SELECT count(*) FROM pass")[0]
        baselines = one(database, "SELECT count(*) FROM audit_event WHERE action = 'baseline'")
        assert passes > 0 and baselines[0] == passes and report.events == 5 + passes
        # so every pass of the old register is checked from the upgrade on
        assert report.passes_checked == passes and report.passes_not_checkable == 0
        with UnitOfWork(database, write=False) as uow:
            cards = list(uow.session.scalars(select(Pass)))
            refuse_unless_as_recorded(uow.session, cards)
        # an old pass extended to 2099 behind kpass's back is reported, and gets no card
        pass_id, number = one(
            database, "SELECT id, number FROM pass WHERE status = 'active' ORDER BY id LIMIT 1"
        )
        raw(database, "UPDATE pass_validity SET valid_until = '2099-12-31' WHERE id = (SELECT "
                      "id FROM pass_validity WHERE pass_id = :id ORDER BY valid_until DESC "
                      "LIMIT 1)", id=pass_id)
        report = verify_trail(database)
        assert not report.intact
        assert [(p.kind, p.number) for p in report.pass_problems] == [("changed", number)]
        with UnitOfWork(database, write=False) as uow, pytest.raises(KpassError):
            refuse_unless_as_recorded(uow.session, [uow.session.get(Pass, pass_id)])
    finally:
        database.dispose()
