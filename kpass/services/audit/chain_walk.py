"""Walking the hash chain event by event: what is wrong, and where.

:class:`ChainWalk` is fed the events in ``seq`` order and keeps only what the next event
needs (the previous link), the problems found and, for the register check, the newest
recorded state of each pass; so a trail of any length is checked in one pass over a stream.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from kpass.models.audit_chain import GENESIS, event_hash
from kpass.services.audit.pass_records import (
    CREATING_ACTIONS,
    ERASED_PASSES,
    ERASING_ACTIONS,
    STATE_ACTIONS,
    STATE_KEY,
    state_digest,
)

#: Problems of one kind listed in a report; the rest are only counted.
MAX_LISTED = 100


@dataclass(frozen=True)
class ChainProblem:
    """Where the chain breaks: ``kind`` is "changed" (the event no longer matches its
    hash), "missing" (a gap in seq: events deleted, or one inserted with a later seq),
    "link" (the link to the event before does not match: inserted or replaced), "order"
    (an event before the first), or "head" (the head row disagrees with the last event)."""

    kind: str
    seq: int | None
    event_id: int | None
    message_en: str
    message_de: str


@dataclass(frozen=True)
class RecordedPass:
    """The newest state of a pass the trail holds (as a fingerprint: a walk over a large
    register keeps one per pass), and the event that holds it."""

    seq: int
    event_id: int
    number: str
    digest: bytes


@dataclass
class ChainWalk:
    anchor: str | None = None
    events: int = 0
    last_seq: int = 0
    last_hash: str = GENESIS
    problems: list[ChainProblem] = field(default_factory=list)
    problem_count: int = 0
    anchor_seq: int | None = None
    anchor_proven: bool = False
    recorded: dict[int, RecordedPass] = field(default_factory=dict)
    #: the lowest id of a pass whose creation the trail recorded (see pass_records)
    first_created_pass: int | None = None

    def _problem(self, kind: str, seq: int | None, event_id: int | None, en: str,
                 de: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_LISTED:
            self.problems.append(ChainProblem(kind, seq, event_id, en, de))

    def feed(self, row: Any) -> None:
        """One event (a row with the columns of ``AuditEvent``), in ``seq`` order."""
        self.events += 1
        seq, event_id = row.seq, row.id
        expected = self.last_seq + 1
        if seq < expected:
            self._problem(
                "order", seq, event_id,
                f"Event seq {seq} (id {event_id}) lies before the start of the chain: it was "
                "inserted.",
                f"Ereignis Nr. {seq} (ID {event_id}) liegt vor dem Anfang der Kette: es wurde "
                "eingefügt.",
            )
        elif seq > expected:
            gap = f"{expected}" if seq == expected + 1 else f"{expected}–{seq - 1}"
            self._problem(
                "missing", seq, event_id,
                f"Events seq {gap} are missing before seq {seq} (id {event_id}): they were "
                f"deleted, or event {seq} was inserted.",
                f"Vor Ereignis Nr. {seq} (ID {event_id}) fehlen die Ereignisse Nr. {gap}: sie "
                f"wurden gelöscht, oder Ereignis {seq} wurde eingefügt.",
            )
        elif row.prev_hash != self.last_hash:
            self._problem(
                "link", seq, event_id,
                f"Event seq {seq} (id {event_id}) does not link to the event before it: an "
                "event was inserted or replaced here.",
                f"Ereignis Nr. {seq} (ID {event_id}) ist nicht mit dem Ereignis davor "
                "verkettet: hier wurde ein Ereignis eingefügt oder ersetzt.",
            )
        at = row.at if row.at.tzinfo is not None else row.at.replace(tzinfo=UTC)
        recomputed = _hash_of(row, at)
        if recomputed != row.hash:
            self._problem(
                "changed", seq, event_id,
                f"Event seq {seq} (id {event_id}, {row.action}) was changed after it was "
                "written: its content no longer matches its hash.",
                f"Ereignis Nr. {seq} (ID {event_id}, {row.action}) wurde nachträglich "
                "geändert: sein Inhalt passt nicht mehr zu seinem Hash.",
            )
        if self.anchor is not None and self.anchor_seq is None and row.hash == self.anchor:
            self.anchor_seq = seq
            # proven only if every link up to here recomputes to the noted hash
            self.anchor_proven = self.problem_count == 0 and recomputed == self.anchor
        self._remember_pass(row, seq, event_id)
        self.last_seq, self.last_hash = max(seq, self.last_seq), row.hash

    def _remember_pass(self, row: Any, seq: int, event_id: int) -> None:
        if row.action in ERASING_ACTIONS:
            # deleted by the Löschkonzept: the register no longer holds them, by rule
            for pass_id in (row.details or {}).get(ERASED_PASSES, []):
                self.recorded.pop(pass_id, None)
            return
        if row.entity != "pass" or row.action not in STATE_ACTIONS or row.entity_id is None:
            return
        state = (row.details or {}).get(STATE_KEY)
        if not isinstance(state, dict):
            return
        self.recorded[row.entity_id] = RecordedPass(
            seq, event_id, str(state.get("number", "?")), state_digest(state)
        )
        if row.action in CREATING_ACTIONS and (
            self.first_created_pass is None or row.entity_id < self.first_created_pass
        ):
            self.first_created_pass = row.entity_id

    def check_head(self, head_seq: int | None, head_hash: str | None) -> None:
        """The head row must name the last event (or the start, for an empty trail)."""
        seq = head_seq if head_seq is not None else 0
        link = head_hash if head_hash is not None else GENESIS
        if seq == self.last_seq and link == self.last_hash:
            return
        if seq > self.last_seq:
            en = (f"The head says the newest event is seq {seq}, but the last event is seq "
                  f"{self.last_seq}: the newest events were deleted.")
            de = (f"Laut Kopf ist Ereignis Nr. {seq} das neueste, das letzte ist aber Nr. "
                  f"{self.last_seq}: die neuesten Ereignisse wurden gelöscht.")
        elif seq < self.last_seq:
            en = (f"The head says the newest event is seq {seq}, but there are events up to "
                  f"seq {self.last_seq}: events were added behind kpass's back.")
            de = (f"Laut Kopf ist Ereignis Nr. {seq} das neueste, es gibt aber Ereignisse bis "
                  f"Nr. {self.last_seq}: Ereignisse wurden an kpass vorbei angefügt.")
        else:
            en = (f"The head's hash differs from the hash of the last event (seq {seq}): the "
                  "head or the last event was replaced.")
            de = (f"Der Hash im Kopf weicht vom Hash des letzten Ereignisses (Nr. {seq}) ab: "
                  "Kopf oder letztes Ereignis wurden ersetzt.")
        self._problem("head", seq, None, en, de)


def _hash_of(row: Any, at: datetime) -> str:
    return event_hash(
        seq=row.seq,
        prev_hash=row.prev_hash,
        at=at,
        user_id=row.user_id,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        details=row.details if row.details is not None else {},
    )
