"""``kpass db status``: schema revision and how much is in the register."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, inspect, select

from kpass.models import (
    DEMO_REGISTER,
    Application,
    Decision,
    Household,
    Pass,
    PassValidity,
    Person,
    RegisterSetting,
)
from kpass.models.engine import Database
from kpass.models.migrate import current_revision, head_revision
from kpass.models.periods import valid_on
from kpass.services.access.guard import owner_command
from kpass.services.passes.queries import not_revoked_on
from kpass.services.uow import UnitOfWork


@dataclass(frozen=True)
class DatabaseStatus:
    revision: str | None
    head: str
    database: str
    counts: dict[str, int]
    demo_register: bool = False  # marked as a demo database (kpass demo-data)

    def as_json(self) -> dict[str, object]:
        return {
            "revision": self.revision,
            "database": self.database,
            "demo_register": self.demo_register,
            "counts": self.counts,
        }


def count_active_passes(uow: UnitOfWork, on: date) -> int:
    statement = (
        select(func.count(func.distinct(Pass.id)))
        .select_from(Pass)
        .join(PassValidity, PassValidity.pass_id == Pass.id)
        .where(valid_on(PassValidity.valid_from, PassValidity.valid_until, on), not_revoked_on(on))
    )
    return int(uow.session.scalar(statement) or 0)


@owner_command
def database_status(database: Database, today: date | None = None) -> DatabaseStatus:
    on = today or date.today()
    revision = current_revision(database)
    counts: dict[str, int] = {}
    demo = False
    if revision is not None:
        with UnitOfWork(database, write=False) as uow:
            for name, model in (
                ("households", Household),
                ("persons", Person),
                ("applications", Application),
                ("decisions", Decision),
                ("passes", Pass),
            ):
                counts[name] = int(uow.session.scalar(select(func.count()).select_from(model)) or 0)
            counts["active_passes"] = count_active_passes(uow, on)
            connection = uow.session.connection()
            # a database still to be upgraded may not have the table yet
            if inspect(connection).has_table(RegisterSetting.__tablename__):
                demo = (
                    uow.session.scalar(
                        select(RegisterSetting.key).where(RegisterSetting.key == DEMO_REGISTER)
                    )
                    is not None
                )
    return DatabaseStatus(revision, head_revision(), database.display_url(), counts, demo)
