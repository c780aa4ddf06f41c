"""Objections (Widerspruch) against decisions: lodge with the deadline check, review,
withdraw, reject or remedy (Abhilfe: decide again and issue, one transaction), the
Wiedervorlage, the list of open objections (and all, for the objections page), and the
statistics by month × outcome × in time."""

# what the page and the command line need of the objections table, through this package
from kpass.reporting.objection_table import OUTCOMES, ObjectionGrid, ObjectionTable
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
from kpass.services.objections.register_list import ObjectionRow, objection_register
from kpass.services.objections.states import STATE_DE, STATE_EN
from kpass.services.objections.statistics import (
    export_objection_statistics,
    objection_statistics,
    suggested_objection_file_name,
)
from kpass.services.objections.views import ObjectionView, OpenObjection

__all__ = [
    "OUTCOMES",
    "STATE_DE",
    "STATE_EN",
    "ObjectionGrid",
    "ObjectionRow",
    "ObjectionTable",
    "ObjectionView",
    "OpenObjection",
    "RemedyResult",
    "bekanntgabe",
    "export_objection_statistics",
    "household_objections",
    "lodge_objection",
    "objection_deadline",
    "objection_details",
    "objection_register",
    "objection_statistics",
    "open_objections",
    "public_holidays",
    "reject_objection",
    "remedy_objection",
    "set_follow_up",
    "start_review",
    "suggested_objection_file_name",
    "withdraw_objection",
]
