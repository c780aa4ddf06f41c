"""Unit of work: one transaction per use case, and the acting user of every write.

The acting user is whoever is logged in on the register; without a login (the owner's
``db`` and ``demo-data`` commands) it is the "system" actor, which can never log in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kpass.errors import ConcurrentChange, PermissionDenied
from kpass.models import AppUser
from kpass.models.engine import Database, describe_db_error, sqlstate
from kpass.services import issuers as _issuers  # noqa: F401  (sets issuers on every flush)
from kpass.services import month_counts as _month_counts  # noqa: F401  (folds on commit)
from kpass.services.audit_log import append_event, lock_head
from kpass.services.login_session import SYSTEM_USERNAME, current_login

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


PG_INSUFFICIENT_PRIVILEGE = "42501"


def other_issuers_row(exc: DBAPIError) -> PermissionDenied | None:
    """The clear message for a write the row-level security of the Sozialregion refused."""
    text = str(exc.orig if exc.orig is not None else exc).lower()
    if sqlstate(exc) != PG_INSUFFICIENT_PRIVILEGE or "row-level security" not in text:
        return None
    return PermissionDenied(
        "This seat may not write that record: it belongs to another issuer of the "
        "Sozialregion (a household goes with the municipality of its residence). Nothing "
        "was saved.",
        "Dieser Arbeitsplatz darf diesen Datensatz nicht schreiben: er gehört zu einer "
        "anderen Gemeinde der Sozialregion (ein Haushalt gehört zur Gemeinde seines "
        "Wohnorts). Nichts wurde gespeichert.",
    )


@dataclass(frozen=True)
class _PendingEvent:
    user_id: int
    action: str
    entity: str
    entity_id: int | None
    details: dict[str, Any]


class UnitOfWork:
    """``with UnitOfWork(db) as uow: ...; uow.commit()`` — without commit nothing is kept.

    Driver errors leave as :class:`kpass.errors.DatabaseError`, a lost optimistic
    lock, an overlap of validity periods or a deadlock with another seat as
    :class:`kpass.errors.ConcurrentChange`; either way the transaction is rolled back whole.
    """

    def __init__(self, database: Database, *, write: bool = True, user: str | None = None):
        self.database = database
        self.write = write
        login = current_login(database)
        self.username = user or (login.username if login is not None else SYSTEM_USERNAME)
        self._session: Session | None = None
        self._user_id: int | None = None
        self._pending: list[_PendingEvent] = []

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
            self._user_id = None
            self._pending = []
        if isinstance(exc, StaleDataError):
            raise ConcurrentChange(
                "Somebody else changed this record in the meantime; reload and try again.",
                "Jemand anderes hat diesen Datensatz inzwischen geändert; bitte neu laden "
                "und noch einmal versuchen.",
            ) from exc
        if isinstance(exc, DBAPIError):
            raise (concurrent_change(exc) or other_issuers_row(exc)
                   or describe_db_error(exc, self.database)) from exc

    def commit(self) -> None:
        self.flush_audit()
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
        """The acting user's row; a user disabled since logging in may write no more."""
        if self._user_id is None:
            session = self.session
            user = session.scalar(select(AppUser).where(AppUser.username == self.username))
            if user is None and self.username == SYSTEM_USERNAME:
                user = AppUser(
                    username=SYSTEM_USERNAME,
                    display_name="Datenbankverwaltung (ohne Anmeldung)",
                    role="system",
                )
                session.add(user)
                session.flush()
            if user is None or not user.active:
                raise PermissionDenied(
                    f"The user {self.username} is unknown or disabled; nothing was saved.",
                    f"Der Benutzer {self.username} ist unbekannt oder deaktiviert; nichts "
                    "wurde gespeichert.",
                )
            self._user_id = user.id
        return self._user_id

    def act_as(self, user_id: int) -> None:
        """Name another author for this transaction's events (a login names its user)."""
        self._user_id = user_id

    def audit(self, action: str, entity: str, entity_id: int | None, **details: Any) -> None:
        """Record who did what in the same transaction as the change, linked into the
        audit trail's hash chain when the unit of work commits.

        The chain's head is one row every writer must lock. Taking it last, at commit,
        keeps it locked for milliseconds and gives every transaction the same lock order
        (its own rows first, the head last), so two seats cannot deadlock over it.
        """
        # A copy as JSON now: a detail that cannot be stored fails here, at its cause.
        stored = json.loads(json.dumps(details, ensure_ascii=False, allow_nan=False))
        self._pending.append(_PendingEvent(self.user_id(), action, entity, entity_id, stored))

    def flush_audit(self) -> None:
        """Link the events recorded so far into the chain now (for a use case that reads
        the trail back in its own transaction)."""
        if not self._pending:
            return
        head = lock_head(self.session)
        for event in self._pending:
            append_event(
                self.session,
                head,
                user_id=event.user_id,
                action=event.action,
                entity=event.entity,
                entity_id=event.entity_id,
                details=event.details,
            )
        self._pending.clear()
