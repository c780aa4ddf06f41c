"""SQLAlchemy 2.0 typed models of the kpass register."""

from kpass.models import person_keys as _person_keys  # noqa: F401  (mapper events)
from kpass.models.admin import (
    DEMO_REGISTER,
    LOGIN_ROLES,
    AppUser,
    AuditEvent,
    AuditHead,
    KeySlot,
    RegisterSetting,
)
from kpass.models.approvals import APPROVAL_REASONS, APPROVAL_STATES, DecisionApproval
from kpass.models.base import Base, Money
from kpass.models.casework import Application, Counter, Decision, Pass, PassValidity
from kpass.models.documents import PrintRecord, PrintReference, SigningKey
from kpass.models.identity import PersonDistinction
from kpass.models.objections import OBJECTION_OPEN_STATES, OBJECTION_STATES, Objection
from kpass.models.register import (
    BenefitNotice,
    BenefitNoticePerson,
    Household,
    HouseholdAddress,
    HouseholdMember,
    Income,
    Person,
    PersonPhoto,
    PersonSearchToken,
    Stadtteil,
    StreetDirectoryEntry,
)
from kpass.models.statistics import StatMonth, StatRecord
from kpass.models.vouchers import VoucherIssue

__all__ = [
    "APPROVAL_REASONS",
    "APPROVAL_STATES",
    "DEMO_REGISTER",
    "LOGIN_ROLES",
    "OBJECTION_OPEN_STATES",
    "OBJECTION_STATES",
    "AppUser",
    "Application",
    "AuditEvent",
    "AuditHead",
    "Base",
    "BenefitNotice",
    "BenefitNoticePerson",
    "Counter",
    "Decision",
    "DecisionApproval",
    "Household",
    "HouseholdAddress",
    "HouseholdMember",
    "Income",
    "KeySlot",
    "Money",
    "Objection",
    "Pass",
    "PassValidity",
    "Person",
    "PersonDistinction",
    "PersonPhoto",
    "PersonSearchToken",
    "PrintRecord",
    "PrintReference",
    "RegisterSetting",
    "SigningKey",
    "Stadtteil",
    "StatMonth",
    "StatRecord",
    "StreetDirectoryEntry",
    "VoucherIssue",
]
