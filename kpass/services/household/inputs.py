"""What the household editor sends: a person, an address, a member, an income, a notice.

Plain frozen dataclasses, kept apart from the checks in
:mod:`kpass.services.household.validation`: the editor's pending changes, the use cases and
the command line pass them around long before and after anything is checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class PersonInput:
    family_name: str
    given_names: str
    birth_date: date
    sex: str | None = None  # "f", "m", "d" or unknown
    disability: bool = False
    foster_child: bool = False
    salutation: str | None = None  # "frau", "herr" or none (letters then greet neutrally)
    # "A different person": the caseworker's reason why this person is not the registered
    # one the duplicate check names (saving is refused without it; recorded for the pair).
    distinct_from_reason: str | None = None


@dataclass(frozen=True)
class AddressInput:
    street: str
    house_number: str
    postcode: str
    municipality: str = "Karlsruhe"
    stadtteil_code: str | None = None  # "01"…"27" in Karlsruhe, None elsewhere


@dataclass(frozen=True)
class MemberInput:
    """A member to add: a new person (``person``) or one already registered (``person_id``)."""

    person: PersonInput | None
    person_id: int | None
    role: str

    @classmethod
    def new(cls, person: PersonInput, role: str) -> MemberInput:
        return cls(person, None, role)

    @classmethod
    def existing(cls, person_id: int, role: str) -> MemberInput:
        return cls(None, person_id, role)


@dataclass(frozen=True)
class IncomeInput:
    """A net income. ``person_ref``: index into the members when a household is created,
    the person's id when an income is added to a stored household."""

    person_ref: int
    kind: str
    amount: Decimal
    period: str  # "month" or "year"
    valid_from: date
    evidence: str = ""


@dataclass(frozen=True)
class NoticeInput:
    """A benefit notice (Bescheid); ``person_refs`` as for incomes, empty: whole household.

    ``valid_until`` is ``None`` for a notice granted "bis auf Weiteres" (open-ended).
    """

    kind: str
    valid_from: date
    valid_until: date | None
    reference: str = ""
    person_refs: tuple[int, ...] = ()
