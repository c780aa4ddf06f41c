"""A household's applications, decisions, passes and prints for the history tab and the
pass actions.

A new household that is not stored yet has no history in the database; then the decisions
this editor made in the session are shown. A stored household's history also holds its
objections (Widersprüche) and what is needed to lodge a new one from the history tab.
Prints are read only when the history tab shows them (:attr:`HouseholdHistory.load_prints`),
so opening a household does not wait for them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kpass.services import Database
from kpass.services.applications import Decision, DecisionResult
from kpass.services.household import (
    DataChange,
    PassTypeChange,
    PrintSummary,
    household_data_changes,
    household_history,
    household_prints,
)
from kpass.services.objections import ObjectionView, household_objections
from kpass.services.passes import list_passes


@dataclass(frozen=True)
class PassEntry:
    number: str
    person_id: int
    name: str
    pass_type: str
    valid_from: date
    valid_until: date
    status: str
    decision_id: int | None
    revoked_on: date | None = None  # revoked or replaced from that day (may lie ahead)


@dataclass(frozen=True)
class DecisionEntry:
    decision_id: int
    application_id: int
    application_date: date
    kind: str
    rule_set: str
    decision: Decision | None  # None when only the stored JSON is known
    output: dict[str, Any]
    proofs: tuple[str, ...] = ()


@dataclass
class HouseholdHistory:
    decisions: list[DecisionEntry] = field(default_factory=list)
    passes: list[PassEntry] = field(default_factory=list)
    complete: bool = False  # False: decisions of this session only
    type_changes: list[PassTypeChange] = field(default_factory=list)  # number kept, type not
    # Reads the household's prints, newest first; None while the household is not stored.
    load_prints: Callable[[], list[PrintSummary]] | None = None
    data_changes: list[DataChange] = field(default_factory=list)  # the saves, newest first
    objections: list[ObjectionView] = field(default_factory=list)  # newest first
    # the stored household's register and id: an objection may be lodged from the history
    database: Database | None = None
    household_id: int | None = None

    def objections_of(self, decision_id: int) -> list[ObjectionView]:
        """The objections against ``decision_id`` or remedied by it, oldest first."""
        return sorted((o for o in self.objections
                       if decision_id in (o.decision_id, o.remedial_decision_id)),
                      key=lambda o: (o.received_on, o.id))

    def reload_objections(self) -> None:
        """Read the household's objections afresh (one was just lodged)."""
        if self.database is not None and self.household_id:
            self.objections = household_objections(self.database, self.household_id)


def load_history(
    database: Database,
    household_id: int,
    person_ids: Collection[int],
    session_decisions: list[DecisionEntry],
    today: date | None = None,
) -> HouseholdHistory:
    """Newest first; the passes' states as on ``today``."""
    if household_id:
        found = household_history(database, household_id, today)
        decisions = [
            DecisionEntry(d.decision_id, a.application_id, a.application_date, a.kind,
                          d.rule_set, None, d.output, tuple(a.proofs))
            for a in found.applications for d in a.decisions
        ]
        passes = [PassEntry(p.number, p.person_id, p.name, p.type, p.valid_from,
                            p.valid_until, p.status, p.decision_id, p.revoked_on)
                  for p in found.passes]
        decisions.sort(key=lambda d: d.decision_id, reverse=True)
        return HouseholdHistory(decisions, passes, complete=True,
                                type_changes=list(found.type_changes),
                                load_prints=lambda: list(household_prints(database,
                                                                          household_id)),
                                data_changes=list(household_data_changes(database,
                                                                         household_id)),
                                objections=household_objections(database, household_id),
                                database=database, household_id=household_id)
    ids = list(person_ids)
    rows = list_passes(database, active_on=today, every_status=True, person_ids=ids,
                       limit=10_000) if ids else []
    passes = [PassEntry(r.number, r.person_id, r.name, r.type, r.valid_from, r.valid_until,
                        r.status, r.decision_id, r.revoked_on) for r in rows]
    decisions = sorted(session_decisions, key=lambda d: d.decision_id, reverse=True)
    return HouseholdHistory(decisions, passes, complete=False)


def entry_of(result: DecisionResult, kind: str, proofs: tuple[str, ...]) -> DecisionEntry:
    return DecisionEntry(result.decision_id, result.application_id, result.application_date,
                         kind, result.decision.rule_set or "", result.decision, result.output,
                         proofs)
