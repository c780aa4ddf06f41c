"""The gate: no letter, pass or card of a decision that waits for (or was refused) a
supervisor's confirmation, whichever screen or command asks."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from kpass.errors import InvalidInput
from kpass.models import AppUser, DecisionApproval, PassValidity

#: the states in which nothing of the decision may go out
HELD_STATES = ("pending", "returned", "superseded")


class AwaitingApproval(InvalidInput):
    """The decision waits for a supervisor (or was returned, or replaced before it was
    confirmed): its letter, passes and cards do not go out."""

    def __init__(self, message_en: str, message_de: str, decision_id: int, state: str) -> None:
        super().__init__(message_en, message_de)
        self.decision_id = decision_id
        self.state = state


def held_error(session: Session, row: DecisionApproval) -> AwaitingApproval:
    """What the caseworker is told about the held decision of ``row``."""
    decision = row.decision_id
    if row.state == "pending":
        return AwaitingApproval(
            f"Decision {decision} waits for a supervisor's confirmation (four-eyes rule); "
            "its letter, passes and cards go out only after it is confirmed.",
            f"Die Entscheidung {decision} wartet auf Freigabe durch die Leitung "
            "(Vier-Augen-Prinzip); Bescheid, Pässe und Karten gehen erst nach der Freigabe "
            "hinaus.",
            decision, row.state,
        )
    if row.state == "returned":
        who = session.get(AppUser, row.resolved_by_id) if row.resolved_by_id else None
        name = who.display_name or who.username if who else "?"
        return AwaitingApproval(
            f"Decision {decision} was returned by {name}: {row.return_reason}. Correct the "
            "household's data if needed and decide again; nothing of it goes out.",
            f"Die Entscheidung {decision} wurde von {name} zurückgegeben: "
            f"{row.return_reason}. Bitte die Daten des Haushalts prüfen und neu entscheiden; "
            "aus ihr geht nichts hinaus.",
            decision, row.state,
        )
    newer = row.superseded_by_decision_id
    return AwaitingApproval(
        f"Decision {decision} was replaced by decision {newer} before it was confirmed; "
        "nothing of it goes out.",
        f"Die Entscheidung {decision} wurde vor der Freigabe durch die Entscheidung {newer} "
        "ersetzt; aus ihr geht nichts hinaus.",
        decision, row.state,
    )


def refuse_unless_released(session: Session, decision_ids: Iterable[int]) -> None:
    """:class:`AwaitingApproval` for the first of ``decision_ids`` that is held. A decision
    without an approval row (made while the rule was off) or a confirmed one goes out."""
    ids = sorted(set(decision_ids))
    if not ids:
        return
    held = session.scalars(
        select(DecisionApproval)
        .where(DecisionApproval.decision_id.in_(ids), DecisionApproval.state.in_(HELD_STATES))
        .order_by(DecisionApproval.decision_id)
        .limit(1)
    ).first()
    if held is not None:
        raise held_error(session, held)


def refuse_held_periods(session: Session, pass_ids: Iterable[int]) -> None:
    """:class:`AwaitingApproval` when a validity period of one of the passes was granted by
    a held decision (one query, however many periods the passes have)."""
    ids = sorted(set(pass_ids))
    if not ids:
        return
    held = session.scalars(
        select(DecisionApproval)
        .where(DecisionApproval.state.in_(HELD_STATES),
               DecisionApproval.decision_id.in_(
                   select(PassValidity.decision_id).where(PassValidity.pass_id.in_(ids))))
        .order_by(DecisionApproval.decision_id)
        .limit(1)
    ).first()
    if held is not None:
        raise held_error(session, held)
