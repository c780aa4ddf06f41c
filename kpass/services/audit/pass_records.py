"""What the audit trail records of a pass, and how the register is compared with it.

Every use case that changes a pass (issuing, extending, replacing, revoking) writes the
pass's whole state after the change into its event (``details["state"]``, entity "pass",
the pass's id): number, type, status, revocation day and every validity period. The last
such event of a pass is what the trail says the pass is; a register row changed behind
kpass's back (a revocation lifted, a period extended to 2099) no longer matches it.
Passes that existed before kpass recorded states (a register upgraded to schema 0011, a demo
register) get a "baseline" event with their state when recording begins, so from then on
every pass of the register is checked; a pass without any record after that was written
behind kpass's back.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kpass.models import DEMO_REGISTER, AuditEvent, Pass, PassValidity, RegisterSetting

STATE_KEY = "state"
#: Events (entity "pass") that record the state of their pass after the change.
STATE_ACTIONS = ("issue_pass", "extend_pass", "issue_replacement", "replace", "revoke",
                 "baseline")
#: Of those, the events that record a pass first: its creation, or the baseline of a pass
#: that existed when the register began recording states.
CREATING_ACTIONS = ("issue_pass", "issue_replacement", "baseline")
#: The action of the baseline events.
BASELINE = "baseline"
#: Events of the Löschkonzept (kpass.services.retention): the ids of the passes they
#: deleted by rule are listed under ERASED_PASSES; the trail expects them gone from then on.
ERASING_ACTIONS = ("retention", "erase_person")
ERASED_PASSES = "erased_passes"

PassState = dict[str, Any]

#: The fields of a state, as the messages name them.
FIELD_NAMES = {
    "number": ("number", "Nummer"),
    "type": ("type", "Art"),
    "status": ("status", "Status"),
    "revoked_on": ("revoked from", "gesperrt/ersetzt ab"),
    "periods": ("validity periods", "Gültigkeitszeiträume"),
}


def state_of(
    number: str,
    pass_type: str,
    status: str,
    revoked_on: date | None,
    periods: Iterable[tuple[date, date]],
) -> PassState:
    """The recorded form of a pass's state: JSON values only, periods sorted."""
    return {
        "number": number,
        "type": pass_type,
        "status": status,
        "revoked_on": None if revoked_on is None else revoked_on.isoformat(),
        "periods": sorted([start.isoformat(), end.isoformat()] for start, end in periods),
    }


def pass_state(card: Pass) -> PassState:
    """The state of ``card`` as the writing transaction leaves it (for its audit event)."""
    return state_of(
        card.number,
        card.pass_type,
        card.status,
        card.revoked_on,
        ((v.valid_from, v.valid_until) for v in card.validities),
    )


def state_digest(state: PassState) -> bytes:
    """A short fingerprint of a state: a walk over a large register keeps only these."""
    text = json.dumps(state, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).digest()[:16]


@dataclass(frozen=True)
class Difference:
    """One field of a pass in which the register and the trail's last record differ."""

    field: str
    register: Any
    trail: Any

    def describe(self, german: bool) -> str:
        name = FIELD_NAMES.get(self.field, (self.field, self.field))[1 if german else 0]
        register, trail = _shown(self.register, german), _shown(self.trail, german)
        if german:
            return f"{name}: Register {register}, Protokoll {trail}"
        return f"{name}: register {register}, trail {trail}"


_STATUS_DE = {"active": "aktiv", "revoked": "gesperrt", "replaced": "ersetzt"}


def _day(text: str, german: bool) -> str:
    if not german:
        return text
    try:
        return date.fromisoformat(text).strftime("%d.%m.%Y")
    except ValueError:
        return text


def _shown(value: Any, german: bool) -> str:
    if value is None:
        return "–"
    if isinstance(value, list):
        return ", ".join(f"{_day(str(start), german)}–{_day(str(end), german)}"
                         for start, end in value) or "–"
    if german and value in _STATUS_DE:
        return _STATUS_DE[value]
    return _day(str(value), german)


def differences(register: PassState, trail: PassState) -> list[Difference]:
    return [
        Difference(field, register.get(field), trail.get(field))
        for field in FIELD_NAMES
        if register.get(field) != trail.get(field)
    ]


def register_states(session: Session, pass_ids: Sequence[int]) -> dict[int, PassState]:
    """The register's state of these passes: two queries, whatever their number."""
    periods: dict[int, list[tuple[date, date]]] = {pass_id: [] for pass_id in pass_ids}
    for pass_id, start, end in session.execute(
        select(PassValidity.pass_id, PassValidity.valid_from, PassValidity.valid_until).where(
            PassValidity.pass_id.in_(list(pass_ids))
        )
    ):
        periods[pass_id].append((start, end))
    return {
        row.id: state_of(row.number, row.pass_type, row.status, row.revoked_on, periods[row.id])
        for row in session.execute(
            select(Pass.id, Pass.number, Pass.pass_type, Pass.status, Pass.revoked_on).where(
                Pass.id.in_(list(pass_ids))
            )
        )
    }


def recorded_state(event: AuditEvent) -> PassState | None:
    """The state an event records, if it is one of the events that record one."""
    if event.entity != "pass" or event.action not in STATE_ACTIONS:
        return None
    state = (event.details or {}).get(STATE_KEY)
    return state if isinstance(state, dict) else None


def last_recorded_events(session: Session, pass_ids: Sequence[int]) -> dict[int, AuditEvent]:
    """Per pass, its newest event that records a state: one query on the (entity,
    entity_id) index for all of them."""
    newest: dict[int, AuditEvent] = {}
    for event in session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.entity == "pass",
            AuditEvent.entity_id.in_(list(pass_ids)),
            AuditEvent.action.in_(STATE_ACTIONS),
        )
        .order_by(AuditEvent.seq)
    ):
        if event.entity_id is not None and recorded_state(event) is not None:
            newest[event.entity_id] = event
    return newest


@dataclass(frozen=True)
class Unrecorded:
    """How to judge a pass the trail holds no state of."""

    first_recorded_pass: int | None  # the lowest id of a pass whose creation was recorded
    demo: bool

    def suspicious(self, pass_id: int) -> bool:
        """A pass created after the register began recording pass states must have been
        recorded: one that was not came from outside kpass. (Demo data writes its passes
        without events, so in a demo register every unrecorded pass is merely unchecked.)"""
        return (
            not self.demo
            and self.first_recorded_pass is not None
            and pass_id > self.first_recorded_pass
        )


def unrecorded_rule(session: Session) -> Unrecorded:
    first = session.scalar(
        select(func.min(AuditEvent.entity_id)).where(
            AuditEvent.entity == "pass", AuditEvent.action.in_(CREATING_ACTIONS)
        )
    )
    demo = session.get(RegisterSetting, DEMO_REGISTER) is not None
    return Unrecorded(first, demo)
