"""The demo register's two years of casework are consistent and decided by the rules."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select, text

from kpass.models import Application, Decision, Pass, StatRecord
from kpass.models.engine import Database
from kpass.rules import decision_to_json, default_parameters, evaluate, rule_input_from_json
from kpass.services.admin.check import check_database
from kpass.services.admin.demo_data import create_demo_data
from kpass.services.passes.queries import count_pass_holders
from kpass.services.uow import UnitOfWork

AS_OF = date(2026, 11, 1)


def test_history_is_consistent_and_explainable(database: Database) -> None:
    create_demo_data(database, 250, 11, AS_OF, batch_size=100)
    assert check_database(database).ok
    with UnitOfWork(database, write=False) as uow:
        s = uow.session
        kinds = dict(
            s.execute(select(Application.kind, func.count()).group_by(Application.kind)).all()
        )
        statuses = dict(s.execute(select(Pass.status, func.count()).group_by(Pass.status)).all())
        first = s.scalar(select(func.min(Decision.decided_on)))
        last = s.scalar(select(func.max(Decision.decided_on)))
        rejected = s.scalar(
            select(func.count()).select_from(StatRecord).where(StatRecord.event == "rejected")
        )
        for snapshot, output in s.execute(
            select(Decision.input_snapshot, Decision.output).order_by(Decision.id).limit(60)
        ):
            again = evaluate(rule_input_from_json(snapshot), default_parameters())
            assert decision_to_json(again) == output
    assert kinds["new"] > 0 and kinds["renewal"] > 0
    assert statuses["active"] > 0 and statuses.get("replaced", 0) + statuses.get("revoked", 0) > 0
    assert first is not None and last is not None
    assert date(2024, 11, 1) <= first and last <= AS_OF
    assert rejected and rejected > 0


def test_statistics_rows_agree_with_the_passes(database: Database) -> None:
    create_demo_data(database, 200, 5, AS_OF)
    for day in (date(2025, 6, 30), date(2026, 3, 31), date(2026, 10, 31)):
        with database.connect() as connection:
            from_stats = connection.execute(
                text(
                    "SELECT sum(weight) FROM stat_record WHERE record_kind = 'pass_validity' "
                    "AND valid_from <= :d AND valid_until >= :d"
                ),
                {"d": day},
            ).scalar_one()
        assert from_stats == count_pass_holders(database, day)


def test_same_seed_same_history(database: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kpass.models.engine import open_database
    from kpass.models.migrate import upgrade
    from kpass.services.admin.demo_data import register_digest

    create_demo_data(database, 120, 3, AS_OF, batch_size=50)
    other = open_database(f"sqlite:///{tmp_path / 'o.sqlite'}")
    upgrade(other, backup=False)
    create_demo_data(other, 120, 3, AS_OF, batch_size=120)
    assert register_digest(database) == register_digest(other)
    other.dispose()
