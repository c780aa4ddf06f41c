"""The information to the data subject (Art. 15 DSGVO): the data a person's report holds
(:mod:`~kpass.documents.subject_report.data`) and its readable German PDF
(:mod:`~kpass.documents.subject_report.render`)."""

from kpass.documents.subject_report.data import (
    CoMember,
    DecisionIncome,
    DecisionInput,
    HouseholdFigures,
    SubjectAccessReport,
    SubjectAddress,
    SubjectApplication,
    SubjectDecision,
    SubjectDistinction,
    SubjectEvent,
    SubjectIncome,
    SubjectMembership,
    SubjectNotice,
    SubjectObjection,
    SubjectPass,
    SubjectPerson,
    SubjectPhoto,
    SubjectPrint,
    SubjectValidity,
    SubjectVoucher,
)
from kpass.documents.subject_report.render import SECTIONS, TITLE, render_subject_report
from kpass.documents.subject_report.texts import NOTES, OBJECTION_STATES

__all__ = [
    "NOTES",
    "OBJECTION_STATES",
    "SECTIONS",
    "TITLE",
    "CoMember",
    "DecisionIncome",
    "DecisionInput",
    "HouseholdFigures",
    "SubjectAccessReport",
    "SubjectAddress",
    "SubjectApplication",
    "SubjectDecision",
    "SubjectDistinction",
    "SubjectEvent",
    "SubjectIncome",
    "SubjectMembership",
    "SubjectNotice",
    "SubjectObjection",
    "SubjectPass",
    "SubjectPerson",
    "SubjectPhoto",
    "SubjectPrint",
    "SubjectValidity",
    "SubjectVoucher",
    "render_subject_report",
]
