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


@dataclass(frozen=True)
class LetterMember:
    """The decision for one household member, as it appears in the letter."""

    name: str
    birth_date: date
    eligible: bool
    pass_type: str | None
    basis: str | None  # a key of BASIS_LABELS
    valid_from: date | None
    valid_until: date | None
    reasons: tuple[str, ...]  # German sentences, in the order the rules applied
    extras: tuple[str, ...] = ()  # e.g. ("60plus",)


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
    max_household_income: Decimal | None
    rule_set: str
    voucher_amount: Decimal = Decimal("120.00")  # 60plus vouchers per calendar year


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
