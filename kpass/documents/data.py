"""Plain data the documents are made from (filled by the services; no database objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class CardData:
    """One pass card."""

    number: str  # "KA-123456-32"
    pass_type: str  # "karlsruher_pass" | "kinderpass"
    family_name: str
    given_names: str
    birth_date: date
    valid_from: date
    valid_until: date
    photo: bytes | None  # JPEG or PNG; None leaves a field to glue a photo on
    qr_payload: str  # signed by kpass.signing, ASCII
    issuer: str = ""  # the issuer in the colour band; "" for the letter settings' one



#: What a decision does to an eligible member's pass (:attr:`LetterMember.pass_action`).
PASS_NEW = "new"  # a new pass (a new number) from valid_from to valid_until
PASS_CONTINUED = "continued"  # the pass keeps its number and now runs until valid_until
PASS_RUNNING = "running"  # the pass already runs beyond this month: nothing new is issued


@dataclass(frozen=True)
class LetterMember:
    """The decision for one household member, as it appears in the letter."""

    name: str
    birth_date: date
    eligible: bool
    pass_type: str | None
    basis: str | None  # a key of BASIS_LABELS
    # The period the letter states: the one granted, the running pass's (PASS_RUNNING) or,
    # before passes were issued, the one the rules give a new pass.
    valid_from: date | None
    valid_until: date | None
    reasons: tuple[str, ...]  # German sentences, in the order the rules applied
    extras: tuple[str, ...] = ()  # e.g. ("60plus",)
    pass_number: str | None = None  # the pass granted or running, once issued
    pass_action: str | None = None  # PASS_NEW | PASS_CONTINUED | PASS_RUNNING; None: not issued
    # The pass this one follows when the pass type changed (a Kinderpass holder of age now).
    previous_number: str | None = None
    previous_pass_type: str | None = None
    # PASS_RUNNING: the running pass's type when it is not ``pass_type`` (a Kinderpass that
    # runs on although its holder is now of age).
    running_pass_type: str | None = None
    is_recipient: bool = False  # the letter speaks to this person ("Ihr Pass")


@dataclass(frozen=True)
class LetterRules:
    """The parameters of the rule set that decided, as far as the letter explains them."""

    rule_set: str  # "ka-2021-01-01"
    threshold_since: date | None  # the day the threshold in force came into force
    weight_first_adult: Decimal
    weight_older_member: Decimal
    weight_young_member: Decimal
    older_member_age: int
    adult_age: int
    large_family_min_minors: int
    senior_extra_age: int
    senior_extra_amount: Decimal
    validity_months: int


@dataclass(frozen=True)
class DecisionLetterData:
    """A decision letter (Bescheid) for a household."""

    recipient_lines: tuple[str, ...]  # address block: name, street and number, postcode city
    representative_of: str | None  # the represented person when sent to a Betreuer/in
    salutation: str  # "Sehr geehrte Frau Müller,"
    letter_date: date
    file_reference: str
    application_date: date
    members: tuple[LetterMember, ...]
    net_income: Decimal | None
    weights: Decimal | None
    equivalised_income: Decimal | None
    threshold: Decimal | None
    margin: Decimal | None  # threshold − equivalised income (negative: above the threshold)
    max_household_income: Decimal | None  # the limit threshold × weights (not printed)
    rule_set: str
    # 60plus vouchers per calendar year; None: ``rules.senior_extra_amount``.
    voucher_amount: Decimal | None = None
    # The highest household net income, in whole cents, that passes the income test: what
    # the letter tells the applicant ("berechtigt bis zu …"), never the limit above.
    highest_eligible_income: Decimal | None = None
    rules: LetterRules | None = None  # None: the letter explains no parameter
    issuer: str = ""  # "Stadt Karlsruhe"
    # The legal sources of the rules ("Gemeinderat Karlsruhe 19.11.2019, TOP 8.1").
    legal_sources: tuple[str, ...] = ()
    caseworker: str = ""  # printed under "Im Auftrag"; empty: no name
    # Labels of the benefits that open Bildung und Teilhabe ("Wohngeld"); empty: no note.
    education_benefits: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReminderData:
    """A renewal reminder for one pass holder (or a child's parents)."""

    recipient_lines: tuple[str, ...]
    salutation: str
    holder_name: str
    number: str
    pass_type: str
    valid_until: date
    letter_date: date
    # Whether the letter speaks to the holder ("Ihr Karlsruher Pass"); None: yes for the
    # Karlsruher Pass, no for a Kinderpass (the letter goes to the parents then).
    addressed_to_holder: bool | None = None
    # For a Kinderpass: the day its holder comes of age, when that is no later than the
    # pass's expiry; the next pass is then a Karlsruher Pass with the same number.
    of_age_on: date | None = None
    caseworker: str = ""  # printed under "Im Auftrag"; empty: no name


#: How the objection a letter ends was decided (:attr:`ObjectionLetterData.outcome`).
OBJECTION_REJECTED = "rejected"  # Widerspruchsbescheid: the decision stands
OBJECTION_REMEDIED = "remedied"  # Abhilfebescheid: decided again, members as now decided


@dataclass(frozen=True)
class ObjectionLetterData:
    """The letter that ends an objection: a Widerspruchsbescheid or an Abhilfebescheid."""

    recipient_lines: tuple[str, ...]  # address block: name, street and number, postcode city
    representative_of: str | None  # the person represented when sent to a representative
    salutation: str
    letter_date: date
    file_reference: str  # the objection's: "KP-W-12"
    outcome: str  # OBJECTION_REJECTED | OBJECTION_REMEDIED
    received_on: date  # the day the objection came in
    decision_reference: str  # the objected decision's file reference: "KP-17-42"
    decision_date: date  # the day the objected Bescheid went out
    application_date: date
    in_time: bool  # as stored when it was lodged
    bekanntgabe_on: date
    deadline: date
    outcome_on: date
    reasons: str  # the objection's outcome_reason ("" none)
    # OBJECTION_REMEDIED: the remedial decision's outcome for each member
    members: tuple[LetterMember, ...] = ()
    remedial_reference: str | None = None  # the remedial decision's file reference
    caseworker: str = ""  # printed under "Im Auftrag"; empty: no name
