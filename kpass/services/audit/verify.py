"""``verify_trail``: the whole audit trail recomputed, and the register held against it.

One read-only transaction; nothing is written, so verifying as often as wanted does not
lengthen the trail. The events are streamed by ``seq`` in batches, the passes by id.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kpass.errors import InvalidInput
from kpass.models import DEMO_REGISTER, AuditEvent, AuditHead, Pass, RegisterSetting
from kpass.models.audit_chain import GENESIS
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.audit.chain_walk import MAX_LISTED, ChainProblem, ChainWalk
from kpass.services.audit.pass_records import (
    PassState,
    Unrecorded,
    differences,
    last_recorded_events,
    recorded_state,
    register_states,
    state_digest,
)
from kpass.services.uow import UnitOfWork

BATCH = 2000
#: Rounds of reading the events appended by other seats while the walk ran (PostgreSQL).
_CATCH_UP_ROUNDS = 5
_HASH = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class PassProblem:
    """A pass the register holds otherwise than the trail recorded: ``kind`` is "changed"
    (it differs from its last record), "unrecorded" (created after recording began, yet in
    no event) or "deleted" (recorded, but gone from the register)."""

    kind: str
    pass_id: int
    number: str
    seq: int | None
    message_en: str
    message_de: str


@dataclass(frozen=True)
class TrailReport:
    events: int
    head_seq: int
    head_hash: str
    chain_problems: tuple[ChainProblem, ...]
    chain_problem_count: int
    anchor: str | None
    anchor_seq: int | None
    anchor_proven: bool | None
    passes_checked: int
    passes_not_checkable: int
    pass_problems: tuple[PassProblem, ...]
    pass_problem_count: int

    @property
    def chain_intact(self) -> bool:
        return self.chain_problem_count == 0 and self.anchor_proven is not False

    @property
    def intact(self) -> bool:
        return self.chain_intact and self.pass_problem_count == 0

    @property
    def first_break(self) -> int | None:
        seqs = [p.seq for p in self.chain_problems if p.seq is not None]
        return min(seqs) if seqs else None

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "intact": self.intact, "chain_intact": self.chain_intact,
                "first_break": self.first_break}


def parse_anchor(anchor: str | None) -> str | None:
    if anchor is None:
        return None
    text = anchor.strip().lower()
    if not _HASH.fullmatch(text):
        raise InvalidInput(
            "An anchor is the 64-character hex hash that 'kpass audit anchor' printed.",
            "Ein Anker ist der 64-stellige Hex-Hash, den „kpass audit anchor“ ausgegeben hat.",
        )
    return text


@requires(Permission.AUDIT)
def verify_trail(database: Database, anchor: str | None = None) -> TrailReport:
    """Recompute every link of the trail and compare every pass with its last record;
    with ``anchor`` (a hash noted earlier) also prove that it is in the chain and that
    nothing up to it changed."""
    wanted = parse_anchor(anchor)
    walk = ChainWalk(anchor=wanted)
    with UnitOfWork(database, write=False) as uow:
        head_seq, head_hash = _walk(uow.session, walk)
        walk.check_head(head_seq, head_hash)
        check = _RegisterCheck(uow.session, walk)
        check.run()
    anchor_seq, proven = walk.anchor_seq, walk.anchor_proven
    if wanted == GENESIS:
        anchor_seq, proven = 0, True
    return TrailReport(
        events=walk.events,
        head_seq=head_seq or 0,
        head_hash=head_hash or GENESIS,
        chain_problems=tuple(walk.problems),
        chain_problem_count=walk.problem_count,
        anchor=wanted,
        anchor_seq=anchor_seq,
        anchor_proven=None if wanted is None else proven,
        passes_checked=check.checked,
        passes_not_checkable=check.not_checkable,
        pass_problems=tuple(check.problems),
        pass_problem_count=check.problem_count,
    )


def _walk(session: Session, walk: ChainWalk) -> tuple[int | None, str | None]:
    """Feed every event to ``walk``; the head row read after them. On PostgreSQL each
    statement sees the commits made before it began: events another seat appended while
    the walk ran are read in a further round, so that they are not taken for forgeries."""
    statement = select(
        AuditEvent.id, AuditEvent.seq, AuditEvent.prev_hash, AuditEvent.hash, AuditEvent.at,
        AuditEvent.user_id, AuditEvent.action, AuditEvent.entity, AuditEvent.entity_id,
        AuditEvent.details,
    ).order_by(AuditEvent.seq)
    rounds, fetched = 0, True
    while True:
        after = statement if rounds == 0 else statement.where(AuditEvent.seq > walk.last_seq)
        fetched = False
        for row in session.execute(after.execution_options(yield_per=BATCH)):
            fetched = True
            walk.feed(row)
        head = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)
                               ).first()
        rounds += 1
        behind = head is not None and head.seq > walk.last_seq
        if not behind or not fetched or rounds > _CATCH_UP_ROUNDS:
            return (None, None) if head is None else (head.seq, head.hash)


class _RegisterCheck:
    """Every pass of the register against the last state the walk found recorded."""

    def __init__(self, session: Session, walk: ChainWalk) -> None:
        self.session = session
        self.walk = walk
        self.rule = Unrecorded(
            walk.first_created_pass, session.get(RegisterSetting, DEMO_REGISTER) is not None
        )
        self.checked = 0
        self.not_checkable = 0
        self.problems: list[PassProblem] = []
        self.problem_count = 0

    def _problem(self, problem: PassProblem) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_LISTED:
            self.problems.append(problem)

    def run(self) -> None:
        seen: set[int] = set()
        after = 0
        while True:
            ids = list(self.session.scalars(
                select(Pass.id).where(Pass.id > after).order_by(Pass.id).limit(BATCH)
            ))
            if not ids:
                break
            after = ids[-1]
            seen.update(ids)
            self._batch(ids)
        for pass_id, record in self.walk.recorded.items():
            if pass_id not in seen:
                number = record.number
                self._problem(PassProblem(
                    "deleted", pass_id, number, record.seq,
                    f"Pass {number} (id {pass_id}), recorded by event seq {record.seq}, is "
                    "missing from the register: it was deleted behind kpass's back.",
                    f"Pass {number} (ID {pass_id}), festgehalten in Ereignis Nr. {record.seq}, "
                    "fehlt im Register: er wurde an kpass vorbei gelöscht.",
                ))

    def _batch(self, ids: list[int]) -> None:
        states = register_states(self.session, ids)
        suspects: list[int] = []
        for pass_id in ids:
            record = self.walk.recorded.get(pass_id)
            if record is None:
                if self.rule.suspicious(pass_id):
                    number = states[pass_id]["number"]
                    self._problem(PassProblem(
                        "unrecorded", pass_id, number, None,
                        f"Pass {number} (id {pass_id}) is in no event of the audit trail: it "
                        "was written behind kpass's back.",
                        f"Pass {number} (ID {pass_id}) steht in keinem Ereignis des "
                        "Protokolls: er wurde an kpass vorbei angelegt.",
                    ))
                else:
                    self.not_checkable += 1
                continue
            self.checked += 1
            if state_digest(states[pass_id]) != record.digest:
                suspects.append(pass_id)
        if suspects:
            self._explain(suspects, states)

    def _explain(self, suspects: list[int], states: dict[int, PassState]) -> None:
        """The differences of the passes that do not match their record, unless another
        seat changed the pass since the walk (then its newer record counts)."""
        fresh = last_recorded_events(self.session, suspects)
        walked = {
            event.id: event
            for event in self.session.scalars(select(AuditEvent).where(
                AuditEvent.id.in_([self.walk.recorded[p].event_id for p in suspects])
            ))
        }
        for pass_id in suspects:
            record = self.walk.recorded[pass_id]
            event = fresh.get(pass_id)
            newer = recorded_state(event) if event is not None and event.seq > record.seq \
                else None
            if newer is not None and not differences(states[pass_id], newer):
                continue
            recorded = walked.get(record.event_id)
            trail = recorded_state(recorded) if recorded is not None else None
            found = differences(states[pass_id], trail or {})
            number = states[pass_id]["number"]
            self._problem(PassProblem(
                "changed", pass_id, number, record.seq,
                f"Pass {number} differs from what the audit trail last recorded for it "
                f"(event seq {record.seq}): " + "; ".join(d.describe(False) for d in found),
                f"Pass {number} weicht vom letzten Stand im Protokoll ab (Ereignis Nr. "
                f"{record.seq}): " + "; ".join(d.describe(True) for d in found),
            ))
