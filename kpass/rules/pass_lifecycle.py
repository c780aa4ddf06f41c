"""What a positive decision does to a person's pass (eligibility-rules.md, section 5).

Pure planning, shared by the counter's services and the demo history:
- no pass, or only passes revoked or replaced by the decision's day → a new pass with a new
  number;
- a pass valid beyond the end of the decision's month → nothing new (one pass at a time);
- a pass whose revocation is dated after the decision's day (a known move-out) → nothing
  new: it stays valid until the day before its revocation and is not renewed;
- a pass expiring in the decision's month → renewal: same number, continues without gap;
- a pass whose expiry month has passed → same number, valid from the application date;
- the pass type changed (the Kinderpass holder turned 18) → like any renewal: the pass keeps
  its number (second edition, decision); only the card (type, colour) is new.

Every period is as long as the parameter ``validity_months`` of the rule set in force
(:func:`period_months`); the caller passes it in, so the plan stays pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from kpass.rules import Parameters, default_parameters, new_validity, renewal_validity
from kpass.rules import validity_months as rule_validity_months

Action = Literal["new_pass", "extend", "none"]


@dataclass(frozen=True)
class HeldPass:
    """A person's latest pass as far as issuing is concerned."""

    pass_id: int
    number: str
    pass_type: str
    status: str  # active | revoked | replaced (stored; see active_on for a given day)
    revoked_on: date | None
    valid_until: date  # end of its latest validity period

    def active_on(self, day: date) -> bool:
        """Not revoked or replaced on ``day`` (a revocation may be dated in the future)."""
        return self.revoked_on is None or self.revoked_on > day


@dataclass(frozen=True)
class IssuePlan:
    action: Action
    pass_type: str
    valid_from: date | None = None
    valid_until: date | None = None
    pass_id: int | None = None  # the pass extended, for "extend"
    kind: str = "new"  # validity kind: new | renewal
    event: str = "new"  # statistics event: new | renewed
    held_until: date | None = None  # for "none": until when the running pass is valid
    previous_type: str | None = None  # for "extend": the card's type before, when it changed

    @property
    def type_changed(self) -> bool:
        """The pass keeps its number but becomes a card of another type (turned 18)."""
        return self.previous_type is not None and self.previous_type != self.pass_type


def period_months(
    day: date, rule_set_id: str | None = None, parameters: Parameters | None = None
) -> int:
    """``validity_months`` of the rule set that decided (``rule_set_id``) or, when it is not
    known, of the rule set in force on ``day`` — in ``parameters`` (default: the default
    issuer's)."""
    parameters = parameters if parameters is not None else default_parameters()
    if rule_set_id:
        try:
            return parameters.rule_set_by_id(rule_set_id).validity_months
        except KeyError:
            pass
    return rule_validity_months(parameters, day)


def plan_issue(
    held: HeldPass | None, pass_type: str, application_date: date, months: int
) -> IssuePlan:
    """The pass action for one eligible person decided on ``application_date``.

    ``months`` is ``validity_months`` of the rule set in force (see :func:`period_months`).
    """
    if held is None or not held.active_on(application_date):
        valid_from, valid_until = new_validity(application_date, months)
        return IssuePlan("new_pass", pass_type, valid_from, valid_until)
    if held.revoked_on is not None:
        # Revoked from a later day: valid until then, and never renewed.
        last_day = min(held.valid_until, held.revoked_on - timedelta(days=1))
        return IssuePlan("none", pass_type, held_until=last_day)
    dates = renewal_validity(held.valid_until, application_date, months)
    if dates is None:
        return IssuePlan("none", pass_type, held_until=held.valid_until)
    valid_from, valid_until = dates
    # "new" in the statistics: nobody held a valid pass on the day before.
    gap_free = valid_from == held.valid_until + timedelta(days=1)
    event = "renewed" if gap_free else "new"
    kind = "renewal" if gap_free else "new"
    previous = held.pass_type if held.pass_type != pass_type else None
    return IssuePlan(
        "extend",
        pass_type,
        valid_from,
        valid_until,
        held.pass_id,
        kind,
        event,
        previous_type=previous,
    )
