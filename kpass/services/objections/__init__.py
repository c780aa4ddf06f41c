"""Objections (Widerspruch) against decisions: lodge with the deadline check, review,
withdraw, reject or remedy (Abhilfe: decide again and issue, one transaction), the
Wiedervorlage and the list of open objections."""

from kpass.services.objections.deadlines import (
    bekanntgabe,
    objection_deadline,
    public_holidays,
)
from kpass.services.objections.lodging import (
    lodge_objection,
    set_follow_up,
    start_review,
    withdraw_objection,
)
from kpass.services.objections.outcomes import RemedyResult, reject_objection, remedy_objection
from kpass.services.objections.queries import (
    household_objections,
    objection_details,
    open_objections,
)
from kpass.services.objections.states import STATE_DE, STATE_EN
from kpass.services.objections.views import ObjectionView, OpenObjection

__all__ = [
    "STATE_DE",
    "STATE_EN",
    "ObjectionView",
    "OpenObjection",
    "RemedyResult",
    "bekanntgabe",
    "household_objections",
    "lodge_objection",
    "objection_deadline",
    "objection_details",
    "open_objections",
    "public_holidays",
    "reject_objection",
    "remedy_objection",
    "set_follow_up",
    "start_review",
    "withdraw_objection",
]
