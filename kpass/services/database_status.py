"""``kpass db status``: schema revision and how much is in the register."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select

from kpass.models import Application, Decision, Household, Pass, PassValidity, Person
from kpass.models.engine import Database
from kpass.models.migrate import current_revision, head_revision
from kpass.services.uow import UnitOfWork


@dataclass(frozen=True)
class DatabaseStatus:
    revision: str | None
    head: str
    database: str
    counts: dict[str, int]

    def as_json(self) -> dict[str, object]:
        return {"revision": self.revision, "database": self.database, "counts": self.counts}


def active_pass_condition(on: date):  # type: ignore[no-untyped-def]
    """A pass is active on a day when one of its validity periods covers it and it
    was not revoked (or replaced) on or before that day."""
    return and_(
        PassValidity.valid_from <= on,
        PassValidity.valid_until >= on,
        (Pass.revoked_on.is_(None)) | (Pass.revoked_on > on),
    )


def count_active_passes(uow: UnitOfWork, on: date) -> int:
    statement = (
        select(func.count(func.distinct(Pass.id)))
        .select_from(Pass)
        .join(PassValidity, PassValidity.pass_id == Pass.id)
        .where(active_pass_condition(on))
    )
    return int(uow.session.scalar(statement) or 0)


def database_status(database: Database, today: date | None = None) -> DatabaseStatus:
    on = today or date.today()
    revision = current_revision(database)
    counts: dict[str, int] = {}
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
    return DatabaseStatus(revision, head_revision(), database.display_url(), counts)
