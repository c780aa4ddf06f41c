"""The demo register's plain, frozen data and the codes it uses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

HOUSEHOLD_TYPES: tuple[str, ...] = ("single", "single_parent", "couple", "couple_children", "other")
ROLES: tuple[str, ...] = ("applicant", "partner", "child", "other")
SEXES: tuple[str, ...] = ("f", "m", "d")
PERSON_FLAGS: tuple[str, ...] = ("disability", "foster_child")
INCOME_KINDS: tuple[str, ...] = (
    "wages",
    "minijob",
    "self_employed",
    "pension",
    "alg1",
    "krankengeld",
    "kindergeld",
    "unterhalt",
    "elterngeld",
    "bafoeg",
    "ausbildung",
    "other",
)
INCOME_PERIODS: tuple[str, ...] = ("month", "year")
# In the order of eligibility-rules.md, section 2.
BENEFIT_KINDS: tuple[str, ...] = (
    "sgb2",
    "sgb12_hlu",
    "sgb12_grundsicherung",
    "asylblg",
    "wohngeld",
    "kinderzuschlag",
    "sgb8_stationaer",
)

KINDERGELD_MONTHLY = Decimal("255.00")
# Only shapes the synthetic income spread; decisions read the real, dated threshold from
# resources/rules.
INCOME_LIMIT_MONTHLY = 1300.0
# Benefit notices reach back this far before the as_of month.
HISTORY_MONTHS = 24


@dataclass(frozen=True, slots=True)
class DemoIncome:
    """One net income of a person."""

    kind: str  # one of INCOME_KINDS
    amount: Decimal  # euro with 2 decimals, >= 0
    period: str  # "month" | "year"
    valid_from: date  # first day the income applies
    evidence: str  # e.g. "Gehaltsabrechnung 09/2026", "Rentenanpassungsmitteilung 2026"


@dataclass(frozen=True, slots=True)
class DemoPerson:
    """A member of a household."""

    key: int  # index within household, 0 = applicant
    family_name: str
    given_names: str
    birth_date: date
    sex: str  # "f" | "m" | "d"
    role: str  # "applicant" | "partner" | "child" | "other"
    flags: tuple[str, ...]  # subset of PERSON_FLAGS, only for minors, rare
    incomes: tuple[DemoIncome, ...]
    member_since: date  # when the person joined the household (birth date if born into it)


@dataclass(frozen=True, slots=True)
class DemoAddress:
    """One address of a household's history."""

    street: str
    house_number: str  # e.g. "12", "7a"
    postcode: str
    municipality: str  # "Karlsruhe", or a neighbouring municipality of the Sozialregion
    stadtteil_code: str | None  # "01".."27" in Karlsruhe, None elsewhere
    valid_from: date


@dataclass(frozen=True, slots=True)
class DemoBenefit:
    """A benefit notice (Bescheid) for one Bewilligungszeitraum."""

    kind: str  # one of BENEFIT_KINDS
    valid_from: date
    valid_until: date  # inclusive
    reference: str  # Aktenzeichen-like, unique (contains the household index)
    member_keys: tuple[int, ...]  # () = covers the whole household


@dataclass(frozen=True, slots=True)
class DemoHousehold:
    """A household with its address history, members and benefit notices."""

    index: int
    household_type: str  # one of HOUSEHOLD_TYPES
    addresses: tuple[DemoAddress, ...]  # oldest first, the last one is current
    persons: tuple[DemoPerson, ...]
    # per economic unit (the applicant's first), each run of notices oldest first; may be empty
    benefits: tuple[DemoBenefit, ...]
