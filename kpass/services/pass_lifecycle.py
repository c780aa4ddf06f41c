"""What a positive decision does to a person's pass (eligibility-rules.md, section 5).

Pure planning, shared by the counter's services and the demo history:
- no pass, or only revoked/replaced ones → a new pass with a new number;
- a pass valid beyond the end of the decision's month → nothing new (one pass at a time);
- a pass expiring in the decision's month → renewal: same number, continues without gap;
- a pass whose expiry month has passed → same number, valid from the application date;
- the pass type changed (the child turned 18) → a new pass of the new type with a new
  number, with the dates a renewal would have, since it is a different card.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from kpass.rules import new_validity, renewal_validity

Action = Literal["new_pass", "extend", "none"]


@dataclass(frozen=True)
class HeldPass:
    """A person's latest pass as far as issuing is concerned."""

    pass_id: int
    number: str
    pass_type: str
    status: str  # active | revoked | replaced
    revoked_on: date | None
    valid_until: date  # end of its latest validity period


@dataclass(frozen=True)
class IssuePlan:
    action: Action
    pass_type: str
    valid_from: date | None = None
    valid_until: date | None = None
    pass_id: int | None = None  # the pass extended, for "extend"
    kind: str = "new"  # validity kind: new | renewal
    event: str = "new"  # statistics event: new | renewed
    held_until: date | None = None  # for "none": the running pass's expiry
    supersedes: int | None = None  # a pass of the old type that the new one takes over from


def plan_issue(held: HeldPass | None, pass_type: str, application_date: date) -> IssuePlan:
    """The pass action for one eligible person decided on ``application_date``."""
    if held is None or held.status != "active":
        valid_from, valid_until = new_validity(application_date)
        return IssuePlan("new_pass", pass_type, valid_from, valid_until)
    dates = renewal_validity(held.valid_until, application_date)
    if dates is None:
        return IssuePlan("none", pass_type, held_until=held.valid_until)
    valid_from, valid_until = dates
    # "new" in the statistics: nobody held a valid pass on the day before.
    gap_free = valid_from == held.valid_until + timedelta(days=1)
    event = "renewed" if gap_free else "new"
    kind = "renewal" if gap_free else "new"
    if held.pass_type != pass_type:
        return IssuePlan(
            "new_pass",
            pass_type,
            valid_from,
            valid_until,
            kind=kind,
            event=event,
            supersedes=held.pass_id,
        )
    return IssuePlan("extend", pass_type, valid_from, valid_until, held.pass_id, kind, event)
