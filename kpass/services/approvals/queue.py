"""The supervisors' queue: list what waits, confirm it or send it back (one transaction
each, audited with the decision's id). A supervisor never confirms their own decision, and
of two supervisors confirming one item at once the second is told who was first."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from kpass.errors import ConcurrentChange, InvalidInput, PermissionDenied
from kpass.models import AppUser, DecisionApproval
from kpass.models.base import utcnow
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.approvals.views import ApprovalView, view_query, views
from kpass.services.uow import UnitOfWork

MAX_RETURN_REASON = 1000


class AlreadyResolved(ConcurrentChange):
    """Somebody else confirmed or returned the item first (or a new decision replaced it)."""


@requires(Permission.APPROVE)
def approval_queue(database: Database) -> list[ApprovalView]:
    """The decisions waiting for a supervisor, oldest first."""
    with UnitOfWork(database, write=False) as uow:
        return views(uow.session, view_query()
                     .where(DecisionApproval.state == "pending")
                     .order_by(DecisionApproval.requested_at, DecisionApproval.id),
                     uow.username)


@requires(Permission.READ_REGISTER)
def decision_approval(database: Database, decision_id: int) -> ApprovalView | None:
    """The four-eyes state of one decision (None: it never had to wait)."""
    with UnitOfWork(database, write=False) as uow:
        found = views(uow.session, view_query()
                      .where(DecisionApproval.decision_id == decision_id), uow.username)
    return found[0] if found else None


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M") if moment else "?"


def _locked(uow: UnitOfWork, approval_id: int, expected_version: int | None) -> DecisionApproval:
    """The item, locked and read afresh: a second supervisor waits here for the first one's
    commit and then sees what the first one did."""
    row = uow.session.scalars(
        select(DecisionApproval)
        .where(DecisionApproval.id == approval_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()
    if row is None:
        raise InvalidInput(f"There is no approval {approval_id} in the queue.",
                           f"Es gibt keine Freigabe {approval_id} in der Warteschlange.")
    if row.state != "pending":
        who = uow.session.get(AppUser, row.resolved_by_id) if row.resolved_by_id else None
        name = (who.display_name or who.username) if who else "?"
        done_en, done_de = {
            "confirmed": (f"was already confirmed by {name} at {_when(row.resolved_at)}",
                          f"wurde bereits von {name} am {_when(row.resolved_at)} freigegeben"),
            "returned": (f"was already returned by {name} at {_when(row.resolved_at)}",
                         f"wurde bereits von {name} am {_when(row.resolved_at)} "
                         "zurückgegeben"),
        }.get(row.state, (f"was replaced by decision {row.superseded_by_decision_id}",
                          f"wurde durch die Entscheidung {row.superseded_by_decision_id} "
                          "ersetzt"))
        raise AlreadyResolved(
            f"Approval {row.id} (decision {row.decision_id}) {done_en}; nothing was changed.",
            f"Die Freigabe {row.id} (Entscheidung {row.decision_id}) {done_de}; es wurde "
            "nichts geändert.",
        )
    if expected_version is not None and row.version != expected_version:
        raise ConcurrentChange(
            "Somebody else changed this item in the meantime; reload and try again.",
            "Jemand anderes hat diesen Eintrag inzwischen geändert; bitte neu laden und noch "
            "einmal versuchen.",
        )
    if row.requested_by_id == uow.user_id():
        raise PermissionDenied(
            f"You made decision {row.decision_id} yourself: another supervisor must look at "
            "it (four-eyes rule).",
            f"Die Entscheidung {row.decision_id} haben Sie selbst getroffen: eine andere "
            "Person der Leitung muss sie prüfen (Vier-Augen-Prinzip).",
        )
    return row


def _resolve(database: Database, approval_id: int, state: str, reason: str | None,
             expected_version: int | None) -> ApprovalView:
    with UnitOfWork(database) as uow:
        row = _locked(uow, approval_id, expected_version)
        row.state = state
        row.resolved_by_id = uow.user_id()
        row.resolved_at = utcnow()
        row.return_reason = reason
        uow.session.flush()  # the version check and the four-eyes CHECK, before the audit
        details: dict[str, object] = {"approval_id": row.id, "reason": row.reason}
        if reason is not None:
            details["return_reason"] = reason
        uow.audit("confirm_approval" if state == "confirmed" else "return_approval",
                  "decision", row.decision_id, **details)
        [view] = views(uow.session, view_query().where(DecisionApproval.id == row.id),
                       uow.username)
        uow.commit()
    return view


@requires(Permission.APPROVE)
def confirm_approval(database: Database, approval_id: int, *,
                     expected_version: int | None = None) -> ApprovalView:
    """Confirm a waiting decision: its letter, passes and cards may go out now."""
    return _resolve(database, approval_id, "confirmed", None, expected_version)


@requires(Permission.APPROVE)
def return_approval(database: Database, approval_id: int, reason: str, *,
                    expected_version: int | None = None) -> ApprovalView:
    """Send a waiting decision back to the caseworker with ``reason``: nothing of it goes
    out; the caseworker corrects what is needed and decides again."""
    text = " ".join(reason.split())
    if not text or len(text) > MAX_RETURN_REASON:
        raise InvalidInput(
            f"Give the reason for returning it (1 to {MAX_RETURN_REASON} characters).",
            f"Bitte den Grund für die Rückgabe angeben (1 bis {MAX_RETURN_REASON} Zeichen).",
        )
    return _resolve(database, approval_id, "returned", text, expected_version)
