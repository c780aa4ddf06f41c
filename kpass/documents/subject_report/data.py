"""What the register holds of one person, as plain data (filled by
:mod:`kpass.services.privacy`; no database objects, no Qt).

The same data becomes the readable PDF (:mod:`~kpass.documents.subject_report.render`) and
the machine-readable JSON (:mod:`kpass.services.privacy.json_form`). Lives here, beside the
PDF that prints it, because the documents may not import the services (like
:mod:`kpass.documents.data` for the letters).

Only the data subject's own data is in it (Art. 15 DSGVO): the other members of a household
appear by role and period only, never by name, income or pass, and the employees who
recorded something are not named (see the service's module docstring).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class SubjectPerson:
    """The master data (Stammdaten) of the person."""

    person_id: int
    family_name: str
    given_names: str
    birth_date: date
    sex: str | None  # "f", "m", "d"
    salutation: str | None  # "frau", "herr"
    disability: bool
    foster_child: bool
    died_on: date | None
    created_at: datetime  # aware, UTC

    @property
    def name(self) -> str:
        return f"{self.given_names} {self.family_name}"


@dataclass(frozen=True)
class SubjectPhoto:
    """The stored passport photo (the image itself goes into the PDF and the JSON)."""

    media_type: str
    width: int
    height: int
    image: bytes
    updated_at: datetime  # aware, UTC


@dataclass(frozen=True)
class SubjectAddress:
    """An address of a household while the person belonged to it."""

    street: str
    house_number: str
    postcode: str
    municipality: str
    stadtteil_code: str | None
    stadtteil: str | None  # the Stadtteil's name
    valid_from: date
    valid_until: date | None


@dataclass(frozen=True)
class CoMember:
    """Another person of the household, by role and period only (third-party data)."""

    role: str
    valid_from: date
    valid_until: date | None


@dataclass(frozen=True)
class SubjectMembership:
    """One membership of the person in a household, with that household's addresses and
    the other members during the same time."""

    household_id: int
    role: str
    valid_from: date
    valid_until: date | None
    addresses: tuple[SubjectAddress, ...]
    co_members: tuple[CoMember, ...]


@dataclass(frozen=True)
class SubjectIncome:
    income_id: int
    kind: str
    amount: Decimal
    period: str  # "month" | "year"
    valid_from: date
    valid_until: date | None
    evidence: str


@dataclass(frozen=True)
class SubjectNotice:
    """A benefit notice (Leistungsbescheid) that covers the person or their household."""

    notice_id: int
    household_id: int
    kind: str
    valid_from: date
    valid_until: date | None  # None: "bis auf Weiteres"
    reference: str
    covers: str  # "person": names the person; "household": the whole household
    recorded_at: datetime  # aware, UTC


@dataclass(frozen=True)
class HouseholdFigures:
    """The income test of a decision as stored (money as Decimal, None where not made)."""

    net_income: Decimal | None = None
    weights: Decimal | None = None
    equivalised_income: Decimal | None = None
    threshold: Decimal | None = None
    highest_eligible_income: Decimal | None = None


@dataclass(frozen=True)
class DecisionIncome:
    """An income of the person as a decision took it into account."""

    kind: str
    amount: Decimal
    period: str  # "month" | "year"


@dataclass(frozen=True)
class DecisionInput:
    """The person's own data as a decision took it (its stored input, the person's entry
    only: the other members' entries are theirs) — as it was then, also where it has been
    corrected or removed since."""

    birth_date: date | None
    flags: tuple[str, ...]  # "disability", "foster_child"
    incomes: tuple[DecisionIncome, ...]


@dataclass(frozen=True)
class SubjectDecision:
    """A decision on an application, as far as it concerns the person."""

    decision_id: int
    decided_on: date
    rule_set: str
    eligible: bool
    pass_type: str | None
    basis: str | None
    valid_from: date | None
    valid_until: date | None
    reasons: tuple[str, ...]  # German sentences
    extras: tuple[str, ...]
    household: HouseholdFigures
    own_input: DecisionInput | None = None  # None: not stored for the person


@dataclass(frozen=True)
class SubjectApplication:
    application_id: int
    household_id: int
    application_date: date
    kind: str  # "new" | "renewal"
    status: str  # "open" | "decided" | "withdrawn"
    is_applicant: bool  # the person made the application
    proofs: tuple[str, ...]
    decisions: tuple[SubjectDecision, ...]  # oldest first


@dataclass(frozen=True)
class SubjectObjection:
    """An objection (Widerspruch) the person lodged, or one of their household received
    while they belonged to it. Who else lodged it is not told: the representative's name
    and the objection's own reasons are given only where the person lodged it themselves."""

    objection_id: int
    decision_id: int
    household_id: int
    received_on: date
    bekanntgabe_on: date  # the decision letter's deemed notification day
    deadline: date
    in_time: bool
    state: str  # "received" | "in_review" | "remedied" | "rejected" | "withdrawn"
    outcome_on: date | None
    outcome_reason: str | None
    follow_up_on: date | None  # Wiedervorlage
    remedial_decision_id: int | None
    lodged_by_subject: bool  # the person lodged it themselves
    representative: str | None  # only where the person lodged it
    reason: str | None  # only where the person lodged it
    # the office's note for the Wiedervorlage (what is still to be looked at), only where
    # the person lodged it: it may speak of the others
    follow_up_note: str | None = None


@dataclass(frozen=True)
class SubjectVoucher:
    """A hand-out of the yearly 60plus vouchers to the person."""

    year: int
    amount: Decimal
    handed_out_on: date
    pass_number: str


@dataclass(frozen=True)
class SubjectValidity:
    kind: str  # "new" | "renewal" | "replacement"
    valid_from: date
    valid_until: date
    decision_id: int


@dataclass(frozen=True)
class SubjectPass:
    number: str
    pass_type: str
    status: str  # "active" | "revoked" | "replaced"
    revoked_on: date | None
    revocation_reason: str | None
    replaces: str | None  # the number of the pass this one replaced
    created_at: datetime  # aware, UTC
    validities: tuple[SubjectValidity, ...]


@dataclass(frozen=True)
class SubjectPrint:
    """A document printed about the person (card, sheet, letter, form, reminder)."""

    printed_at: datetime  # aware, UTC
    kind: str
    pages: int
    passes: tuple[str, ...]  # the person's pass numbers on it
    decision_id: int | None
    application_id: int | None


@dataclass(frozen=True)
class SubjectDistinction:
    """A caseworker's note that the person is not another registered look-alike."""

    recorded_at: datetime  # aware, UTC
    reason: str


@dataclass(frozen=True)
class SubjectEvent:
    """An entry of the audit trail about the person, with only their own details."""

    at: datetime  # aware, UTC
    action: str
    entity: str
    entity_id: int | None
    details: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SubjectAccessReport:
    """Everything kpass stores about one person, on ``created_at``."""

    created_at: datetime  # aware, UTC
    person: SubjectPerson
    photo: SubjectPhoto | None
    memberships: tuple[SubjectMembership, ...]
    incomes: tuple[SubjectIncome, ...]
    notices: tuple[SubjectNotice, ...]
    applications: tuple[SubjectApplication, ...]
    objections: tuple[SubjectObjection, ...]
    passes: tuple[SubjectPass, ...]
    vouchers: tuple[SubjectVoucher, ...]
    prints: tuple[SubjectPrint, ...]
    distinctions: tuple[SubjectDistinction, ...]
    events: tuple[SubjectEvent, ...]
    # For the PDF letter only (not part of the person's data):
    recipient_lines: tuple[str, ...] = ()
    salutation: str = ""
    caseworker: str = ""

    def counts(self) -> dict[str, int]:
        """How many items of each kind: what the audit trail records of an export."""
        return {
            "memberships": len(self.memberships),
            "addresses": sum(len(m.addresses) for m in self.memberships),
            "incomes": len(self.incomes),
            "notices": len(self.notices),
            "applications": len(self.applications),
            "decisions": sum(len(a.decisions) for a in self.applications),
            "objections": len(self.objections),
            "passes": len(self.passes),
            "vouchers": len(self.vouchers),
            "prints": len(self.prints),
            "distinctions": len(self.distinctions),
            "events": len(self.events),
            "photo": int(self.photo is not None),
        }
