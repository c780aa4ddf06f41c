"""Two years of casework for the demo register, decided by the real rules.

Each household comes to the counter, is decided by :func:`kpass.rules.evaluate` on the
facts it had that day (:func:`build_rule_input`, as at the counter), gets its passes by
:func:`plan_issue` (as at the counter), then renews, comes back late, loses a pass, moves
away or stops — by chance, but deterministically per (seed, household). Rows are
appended to the batch of :mod:`kpass.services.admin.demo_data`; nothing here touches the database.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from kpass.demo.generator import DemoHousehold
from kpass.errors import InvalidInput
from kpass.rules import (
    Decision,
    Parameters,
    decision_to_json,
    default_issuer,
    default_parameters,
    evaluate,
    format_pass_number,
    last_of_month,
    rule_input_to_json,
)
from kpass.rules.pass_lifecycle import HeldPass, period_months, plan_issue
from kpass.services.applications.deciding import NO_RULE_SET
from kpass.services.household.facts import (
    AddressFact,
    HouseholdFacts,
    IncomeFact,
    MemberFact,
    NoticeFact,
    build_rule_input,
    household_type,
    person_id_of,
    stadtteil_on,
)
from kpass.services.statistics.records import decision_rows, revoked_rest, validity_row

#: The demo register's decisions are Stadt Karlsruhe's (it decides by its parameters).
DEMO_ISSUER = default_issuer().code

P_RENEW_IN_TIME = 0.75
P_RENEW_LATE = 0.08
P_RETRY_AFTER_REJECTION = 0.15
P_LOST = 0.03
P_REVOKED = 0.01
PROOFS = ["personalausweis", "leistungsbescheid", "lichtbild"]


@dataclass
class HistoryContext:
    """What the simulation shares across a batch: ids to hand out, the acting user, today."""

    ids: dict[str, int]
    tables: dict[str, list[dict[str, Any]]]
    as_of: date
    seed: int
    user_id: int
    now: datetime
    serial: int  # last pass serial handed out
    window_start: date = field(init=False)
    parameters: Parameters = field(init=False)

    def __post_init__(self) -> None:
        first = self.as_of.replace(day=1)
        self.window_start = first.replace(year=first.year - 2)
        self.parameters = default_parameters()

    def take(self, table: str) -> int:
        value = self.ids[table]
        self.ids[table] = value + 1
        return value


def facts_of(h: DemoHousehold, household_id: int, person_ids: dict[int, int]) -> HouseholdFacts:
    """The demo household as the counter would load it (incomes run since joining)."""
    addresses = []
    for i, a in enumerate(h.addresses):
        following = h.addresses[i + 1].valid_from if i + 1 < len(h.addresses) else None
        addresses.append(
            AddressFact(
                a.municipality,
                a.stadtteil_code,
                a.valid_from,
                following - timedelta(days=1) if following else None,
            )
        )
    members = tuple(
        MemberFact(
            person_ids[p.key],
            p.birth_date,
            p.role,
            p.member_since,
            None,
            None,
            "disability" in p.flags,
            "foster_child" in p.flags,
        )
        for p in h.persons
    )
    incomes = tuple(
        IncomeFact(person_ids[p.key], i.kind, i.amount, i.period, p.member_since, None)
        for p in h.persons
        for i in p.incomes
    )
    notices = tuple(
        NoticeFact(b.kind, b.valid_from, b.valid_until, tuple(person_ids[k] for k in b.member_keys))
        for b in h.benefits
    )
    return HouseholdFacts(household_id, members, tuple(addresses), incomes, notices)


def _random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, max(0, (last - first).days)))


class _Household:
    """One household's run through the counter."""

    def __init__(
        self, ctx: HistoryContext, facts: HouseholdFacts, applicant: int, rng: random.Random
    ) -> None:
        self.ctx = ctx
        self.facts = facts
        self.applicant = applicant
        self.rng = rng
        self.held: dict[int, HeldPass] = {}
        self.pass_rows: dict[int, dict[str, Any]] = {}
        self.stat_rows: dict[int, list[dict[str, Any]]] = {}  # pass id → its rows
        self.where = ("", "")  # Stadtteil and household type at the latest decision

    def decide(self, day: date, kind: str) -> tuple[Decision, int] | None:
        ctx, t = self.ctx, self.ctx.tables
        try:
            rule_input = build_rule_input(self.facts, day, self.applicant)
        except InvalidInput:
            return None
        decision = evaluate(rule_input, self.ctx.parameters)
        application_id = ctx.take("application")
        t["application"].append(
            {
                "id": application_id,
                "household_id": self.facts.household_id,
                "applicant_person_id": self.applicant,
                "application_date": day,
                "kind": kind,
                "status": "decided",
                "proofs": PROOFS,
                "created_at": ctx.now,
                "created_by_id": ctx.user_id,
                "version": 1,
            }
        )
        decision_id = ctx.take("decision")
        births = {m.id: m.birth_date for m in rule_input.members}
        self.where = stadtteil_on(self.facts, day), household_type(self.facts, day)
        t["decision"].append(
            {
                "id": decision_id,
                "application_id": application_id,
                "decided_on": day,
                "decided_at": ctx.now,
                "rule_set": decision.rule_set or NO_RULE_SET,
                "input_snapshot": rule_input_to_json(rule_input),
                "output": decision_to_json(decision),
                "decided_by_id": ctx.user_id,
                "household_type": self.where[1],
                "issuer": DEMO_ISSUER,
            }
        )
        t["stat_record"].extend(
            decision_rows(
                decision.members, day, births, *self.where, rule_input.applicant,
                decision.rule_set, DEMO_ISSUER,
            )
        )
        for member in decision.members:
            if member.eligible:
                assert member.pass_type is not None
                self.issue(
                    person_id_of(member.id),
                    member.pass_type,
                    member.basis,
                    births[member.id],
                    day,
                    decision_id,
                    decision.rule_set,
                )
        return decision, decision_id

    def new_pass(self, row: dict[str, Any]) -> None:
        self.pass_rows[row["id"]] = row
        self.ctx.tables["pass"].append(row)

    def stat(self, pass_id: int, row: dict[str, Any]) -> None:
        # Kept here only while the history is made: the table holds no link to the pass.
        self.stat_rows.setdefault(pass_id, []).append(row)
        self.ctx.tables["stat_record"].append(row)

    def end_pass(self, pass_id: int, status: str, day: date, reason: str) -> None:
        self.pass_rows[pass_id].update(status=status, revoked_on=day, revocation_reason=reason)
        for stat in list(self.stat_rows.get(pass_id, ())):
            rest = revoked_rest(stat, day)
            if rest is not None:
                self.ctx.tables["stat_record"].append(rest)

    def issue(
        self,
        person_id: int,
        pass_type: str,
        basis: str | None,
        birth: date,
        day: date,
        decision_id: int,
        rule_set: str | None,
    ) -> None:
        ctx = self.ctx
        months = period_months(day, rule_set, ctx.parameters)
        plan = plan_issue(self.held.get(person_id), pass_type, day, months)
        if plan.action == "none":
            return
        assert plan.valid_from is not None and plan.valid_until is not None
        if plan.action == "extend":
            assert plan.pass_id is not None
            pass_id, number = plan.pass_id, self.held[person_id].number
            if plan.type_changed:  # as at the counter: same number, a card of the new type
                self.pass_rows[pass_id]["pass_type"] = pass_type
        else:
            ctx.serial += 1
            pass_id, number = ctx.take("pass"), format_pass_number(ctx.serial)
            self.new_pass(
                {
                    "id": pass_id,
                    "number": number,
                    "person_id": person_id,
                    "pass_type": pass_type,
                    "status": "active",
                    "revoked_on": None,
                    "revocation_reason": None,
                    "replaces_pass_id": None,
                    "created_at": ctx.now,
                    "version": 1,
                    "issuer": DEMO_ISSUER,
                }
            )
        ctx.tables["pass_validity"].append(
            {
                "id": ctx.take("pass_validity"),
                "pass_id": pass_id,
                "decision_id": decision_id,
                "kind": plan.kind,
                "valid_from": plan.valid_from,
                "valid_until": plan.valid_until,
            }
        )
        self.stat(
            pass_id,
            validity_row(
                event=plan.event,
                decided_on=day,
                valid_from=plan.valid_from,
                valid_until=plan.valid_until,
                pass_type=pass_type,
                basis=basis,
                birth_date=birth,
                stadtteil=self.where[0],
                household_type=self.where[1],
                rule_set=rule_set,
                issuer=DEMO_ISSUER,
            ),
        )
        self.held[person_id] = HeldPass(
            pass_id, number, pass_type, "active", None, plan.valid_until
        )

    def mishaps(self, decision_id: int, since: date) -> bool:
        """Lost and revoked passes after ``since``; True when the household moved away."""
        ctx = self.ctx
        for person_id, held in list(self.held.items()):
            if held.status != "active" or held.valid_until < since:
                continue
            roll = self.rng.random()
            if roll >= P_LOST + P_REVOKED:
                continue
            day = _random_day(self.rng, since + timedelta(days=20), held.valid_until)
            # A pass that ends within 20 days of ``since`` is neither lost nor revoked.
            if day > ctx.as_of or day > held.valid_until:
                continue
            row = self.pass_rows[held.pass_id]
            status = "replaced" if roll < P_LOST else "revoked"
            self.end_pass(
                held.pass_id, status, day, "verloren" if status == "replaced" else "Wegzug"
            )
            if status == "revoked":
                return True
            ctx.serial += 1
            new_id = ctx.take("pass")
            number = format_pass_number(ctx.serial)
            self.new_pass(
                {
                    **row,
                    "id": new_id,
                    "number": number,
                    "status": "active",
                    "revoked_on": None,
                    "revocation_reason": None,
                    "replaces_pass_id": held.pass_id,
                }
            )
            ctx.tables["pass_validity"].append(
                {
                    "id": ctx.take("pass_validity"),
                    "pass_id": new_id,
                    "decision_id": decision_id,
                    "kind": "replacement",
                    "valid_from": day,
                    "valid_until": held.valid_until,
                }
            )
            template = self.stat_rows[held.pass_id][-1]
            self.stat(
                new_id,
                {**template, "event": "replaced", "decided_on": day, "valid_from": day},
            )
            self.held[person_id] = HeldPass(
                new_id, number, held.pass_type, "active", None, held.valid_until
            )
        return False


def simulate_history(
    ctx: HistoryContext, h: DemoHousehold, household_id: int, person_ids: dict[int, int]
) -> None:
    """Append the household's applications, decisions and passes to the batch."""
    rng = random.Random(f"kpass-history:{ctx.seed}:{h.index}")
    facts = facts_of(h, household_id, person_ids)
    applicant = next(person_ids[p.key] for p in h.persons if p.role == "applicant")
    settled = max(
        h.addresses[0].valid_from, next(p.member_since for p in h.persons if p.role == "applicant")
    )
    start = max(settled, ctx.window_start)
    if start > ctx.as_of:
        return
    # Most clients are known from before and come again within the first year; the rest
    # are new at any time, so the number of passes in force settles after a year.
    if rng.random() < 0.8:
        end = min(ctx.as_of, ctx.window_start + timedelta(days=365))
        day = _random_day(rng, start, max(start, end))
    else:
        day = _random_day(rng, start, ctx.as_of)
    run = _Household(ctx, facts, applicant, rng)
    kind = "new"
    while day <= ctx.as_of:
        result = run.decide(day, kind)
        if result is None:
            return
        decision, decision_id = result
        expiries = [held.valid_until for held in run.held.values() if held.status == "active"]
        if not decision.any_eligible or not expiries:
            if rng.random() >= P_RETRY_AFTER_REJECTION:
                return
            day, kind = day + timedelta(days=rng.randint(90, 270)), "new"
            continue
        if run.mishaps(decision_id, day):
            return
        expiry = max(expiries)
        roll = rng.random()
        if roll < P_RENEW_IN_TIME:
            day = _random_day(rng, expiry.replace(day=1), last_of_month(expiry))
            kind = "renewal"
        elif roll < P_RENEW_IN_TIME + P_RENEW_LATE:
            day, kind = expiry + timedelta(days=rng.randint(5, 90)), "new"
        else:
            return
