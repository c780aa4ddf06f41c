"""Unit of work: one transaction per use case, and the acting user of every write."""

from __future__ import annotations

from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kpass.errors import ConcurrentChange
from kpass.models import AppUser, AuditEvent
from kpass.models.engine import Database, describe_db_error, sqlstate
from kpass.settings import acting_username

T = TypeVar("T")

# The last wall against two seats extending one pass at once (migration 0009): the exclusion
# constraint on PostgreSQL, the triggers' message on SQLite.
OVERLAP_MARKERS = ("ex_pass_validity_no_overlap", "overlapping validity periods of one pass")
PG_EXCLUSION_VIOLATION = "23P01"
PG_RETRY_STATES = ("40001", "40P01")  # serialization failure, deadlock detected


def concurrent_change(exc: DBAPIError) -> ConcurrentChange | None:
    """The clear message for a driver error that means "another seat was faster"."""
    text = str(exc.orig if exc.orig is not None else exc).lower()
    code = sqlstate(exc)
    if code == PG_EXCLUSION_VIOLATION or any(marker in text for marker in OVERLAP_MARKERS):
        return ConcurrentChange(
            "The pass was renewed or issued by somebody else in the meantime (the validity "
            "periods would overlap); nothing was saved. Reload and look at the pass again.",
            "Der Pass wurde inzwischen von jemand anderem verlängert oder ausgestellt (die "
            "Gültigkeitszeiträume würden sich überschneiden); nichts wurde gespeichert. "
            "Bitte neu laden und den Pass noch einmal ansehen.",
        )
    if code in PG_RETRY_STATES:
        return ConcurrentChange(
            "Another seat changed the same records at the same moment; nothing was saved. "
            "Please try again.",
            "Ein anderer Arbeitsplatz hat im selben Moment dieselben Daten geändert; nichts "
            "wurde gespeichert. Bitte noch einmal versuchen.",
        )
    return None


class UnitOfWork:
    """``with UnitOfWork(db) as uow: ...; uow.commit()`` — without commit nothing is kept.

    Driver errors leave as :class:`kpass.errors.DatabaseError`, a lost optimistic
    lock, an overlap of validity periods or a deadlock with another seat as
    :class:`kpass.errors.ConcurrentChange`; either way the transaction is rolled back whole.
    """

    def __init__(self, database: Database, *, write: bool = True, user: str | None = None):
        self.database = database
        self.write = write
        self.username = user or acting_username()
        self._session: Session | None = None
        self._user_id: int | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside its 'with' block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self.database.writer() if self.write else self.database.reader()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            session.rollback()
        finally:
            session.close()
            self._session = None
        if isinstance(exc, StaleDataError):
            raise ConcurrentChange(
                "Somebody else changed this record in the meantime; reload and try again.",
                "Jemand anderes hat diesen Datensatz inzwischen geändert; bitte neu laden "
                "und noch einmal versuchen.",
            ) from exc
        if isinstance(exc, DBAPIError):
            raise (concurrent_change(exc) or describe_db_error(exc, self.database)) from exc

    def commit(self) -> None:
        self.session.commit()

    def get_versioned(self, model: type[T], ident: int, expected_version: int) -> T:
        """Load a record for changing it, refusing when it changed since it was shown.

        Editors read a record in one unit of work and save in another; the version they
        read travels with the form and is compared here.
        """
        record = self.session.get(model, ident)
        if record is None:
            raise ConcurrentChange(
                f"The record ({model.__name__} {ident}) no longer exists.",
                f"Der Datensatz ({model.__name__} {ident}) existiert nicht mehr.",
            )
        if getattr(record, "version") != expected_version:  # noqa: B009
            raise ConcurrentChange(
                "Somebody else changed this record in the meantime; reload and try again.",
                "Jemand anderes hat diesen Datensatz inzwischen geändert; bitte neu laden "
                "und noch einmal versuchen.",
            )
        return record

    def user_id(self) -> int:
        """The acting user's row, created on first use so every write can name its author."""
        if self._user_id is None:
            session = self.session
            user = session.scalar(select(AppUser).where(AppUser.username == self.username))
            if user is None:
                user = AppUser(username=self.username, display_name=self.username)
                session.add(user)
                session.flush()
            self._user_id = user.id
        return self._user_id

    def audit(self, action: str, entity: str, entity_id: int | None, **details: Any) -> None:
        """Record who did what in the same transaction as the change."""
        self.session.add(
            AuditEvent(
                user_id=self.user_id(),
                action=action,
                entity=entity,
                entity_id=entity_id,
                details=details,
            )
        )
