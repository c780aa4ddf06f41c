"""Which issuers a seat works for, and the logins it refuses.

On a regional PostgreSQL register the seat's database role decides what the seat sees
(row-level security, :mod:`kpass.models.row_security`); the login decides who works there.
A user bound to an issuer (``AppUser.issuer``) logs in only on a seat of exactly that
issuer: on another issuer's seat, or on a regional one, they would see households that are
not theirs. A user bound to no issuer (a single office, the regional supervisors) may log in
on any seat, and sees what the seat sees. SQLite is a single office: nothing to refuse.
"""

from __future__ import annotations

from kpass.errors import LoginFailed
from kpass.models import AppUser
from kpass.models.engine import Database
from kpass.models.row_security import SeatScope, seat_scope
from kpass.services.uow import UnitOfWork


def seat_of(database: Database) -> SeatScope | None:
    """The seat's scope on PostgreSQL; ``None`` on SQLite (one office, every row)."""
    if database.is_sqlite:
        return None
    with database.connect() as connection:
        return seat_scope(connection)


def refuse_other_issuers_seat(uow: UnitOfWork, user: AppUser) -> LoginFailed | None:
    """The refusal for ``user`` on this seat, or ``None`` when they may log in."""
    if user.issuer is None or uow.database.is_sqlite:
        return None
    scope = seat_scope(uow.session.connection())
    if scope.issuers == frozenset({user.issuer}):
        return None
    where_en = "a regional seat" if scope.regional else (
        f"a seat of {', '.join(sorted(scope.issuers or ())) or 'no issuer'}")
    where_de = "einem regionalen Arbeitsplatz" if scope.regional else (
        f"einem Arbeitsplatz von {', '.join(sorted(scope.issuers or ())) or 'keiner Gemeinde'}")
    return LoginFailed(
        f"The account {user.username} works for issuer {user.issuer}; it cannot log in on "
        f"{where_en} (database role {scope.role}).",
        f"Das Konto {user.username} arbeitet für die Gemeinde {user.issuer}; es kann sich "
        f"nicht an {where_de} anmelden (Datenbankrolle {scope.role}).",
    )
