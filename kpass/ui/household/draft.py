"""The household as the editor holds it: stored rows plus what was typed and not yet saved.

A new household lives only here until "Speichern" sends it to ``create_household`` in one
call; a stored one is loaded from ``household_details`` and every change is saved as it is
made. Either way the live decision preview is evaluated from this draft, so it shows what
the caseworker sees on the screen, not what the database held a minute ago.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kpass.services.applications import Decision, RuleInput, preview_decision
from kpass.services.household import (
    AddressDetails,
    AddressFact,
    AddressInput,
    HouseholdDetails,
    HouseholdFacts,
    IncomeFact,
    IncomeInput,
    MemberFact,
    MemberInput,
    NoticeFact,
    NoticeInput,
    PersonInput,
    build_rule_input,
)

_SINCE_EVER = date(1900, 1, 1)


@dataclass
class DraftMember:
    """A person of the household; ``key`` is the person id, negative while unsaved."""

    key: int
    family_name: str
    given_names: str
    birth_date: date
    role: str
    disability: bool = False
    foster_child: bool = False
    sex: str | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    died_on: date | None = None
    person_version: int = 0
    has_photo: bool = False
    photo: bytes | None = None  # chosen before the person was saved
    membership_id: int | None = None
    salutation: str | None = None  # "frau", "herr" or None (no salutation)
    # a new household only: a registered person taken over (saved as that person), or the
    # caseworker's reason why this new person is not the registered one the check names
    registered_id: int | None = None
    distinct_from_reason: str | None = None

    @property
    def stored(self) -> bool:
        return self.key > 0

    @property
    def name(self) -> str:
        return f"{self.given_names} {self.family_name}"

    def present_on(self, day: date) -> bool:
        started = self.valid_from is None or self.valid_from <= day
        ended = self.valid_until is not None and self.valid_until < day
        dead = self.died_on is not None and self.died_on <= day
        return started and not ended and not dead


@dataclass
class DraftIncome:
    key: int  # income id, negative while unsaved
    person_key: int
    kind: str
    amount: Decimal
    period: str
    valid_from: date
    valid_until: date | None = None
    evidence: str = ""

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


@dataclass
class DraftNotice:
    key: int  # notice id, negative while unsaved
    kind: str
    valid_from: date
    valid_until: date | None  # None: granted "bis auf Weiteres"
    reference: str = ""
    person_keys: tuple[int, ...] = ()  # empty: the whole household


@dataclass
class DraftAddress:
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    municipality: str = "Karlsruhe"
    stadtteil_code: str | None = None

    def as_input(self) -> AddressInput:
        return AddressInput(self.street, self.house_number, self.postcode, self.municipality,
                            self.stadtteil_code)


@dataclass
class HouseholdDraft:
    household_id: int | None = None
    version: int = 0
    address: DraftAddress = field(default_factory=DraftAddress)
    stored_address: DraftAddress | None = None
    members: list[DraftMember] = field(default_factory=list)
    incomes: list[DraftIncome] = field(default_factory=list)
    notices: list[DraftNotice] = field(default_factory=list)
    addresses: tuple[AddressDetails, ...] = ()  # the stored ones, oldest first
    _next_key: int = -1

    # -- keys ------------------------------------------------------------------------------
    def new_key(self) -> int:
        key = self._next_key
        self._next_key -= 1
        return key

    @property
    def is_new(self) -> bool:
        return self.household_id is None

    def member(self, key: int) -> DraftMember:
        return next(m for m in self.members if m.key == key)

    def membership_on(self, key: int, day: date) -> DraftMember:
        """The row of person ``key`` that counts on ``day`` (a role change leaves two rows),
        else the latest one."""
        rows = [m for m in self.members if m.key == key]
        return next((m for m in rows if m.present_on(day)), rows[-1])

    def present_members(self, day: date) -> list[DraftMember]:
        return [m for m in self.members if m.present_on(day)]

    def applicant(self, day: date) -> DraftMember | None:
        return next((m for m in self.present_members(day) if m.role == "applicant"), None)

    def has_content(self) -> bool:
        a = self.address
        return bool(self.members or self.incomes or self.notices or a.street or a.house_number
                    or a.postcode or a.stadtteil_code)

    # -- the rules' view -------------------------------------------------------------------
    def facts(self) -> HouseholdFacts:
        a = self.address
        return HouseholdFacts(
            household_id=self.household_id or 0,
            members=tuple(
                MemberFact(m.key, m.birth_date, m.role, m.valid_from or _SINCE_EVER,
                           m.valid_until, m.died_on, m.disability, m.foster_child)
                for m in self.members
            ),
            addresses=(AddressFact(a.municipality, a.stadtteil_code, _SINCE_EVER, None),),
            incomes=tuple(
                IncomeFact(i.person_key, i.kind, i.amount, i.period, i.valid_from, i.valid_until)
                for i in self.incomes
            ),
            notices=tuple(
                NoticeFact(n.kind, n.valid_from, n.valid_until, n.person_keys)
                for n in self.notices
            ),
        )

    def rule_input(self, day: date, extra_income: IncomeFact | None = None) -> RuleInput:
        """What the rules would see if the household were decided on ``day``
        (``InvalidInput`` when it is incomplete, e.g. without applicant)."""
        applicant = self.applicant(day)
        return build_rule_input(self._facts_with(extra_income), day,
                                applicant.key if applicant else 0)

    def _facts_with(self, extra_income: IncomeFact | None) -> HouseholdFacts:
        facts = self.facts()
        if extra_income is None:
            return facts
        return HouseholdFacts(facts.household_id, facts.members, facts.addresses,
                              (*facts.incomes, extra_income), facts.notices)

    def evaluate(self, day: date, extra_income: IncomeFact | None = None) -> Decision:
        return self.preview(day, extra_income)[1]

    def preview(
        self, day: date, extra_income: IncomeFact | None = None
    ) -> tuple[RuleInput, Decision]:
        """What the rules see on ``day`` and what they decide (the service's preview: the
        same parameters as a stored decision)."""
        facts = self._facts_with(extra_income)
        applicant = self.applicant(day)
        return preview_decision(facts, day, applicant.key if applicant else 0)

    # -- saving a new household ------------------------------------------------------------
    def creation_input(
        self,
    ) -> tuple[AddressInput, list[MemberInput], list[IncomeInput], list[NoticeInput]]:
        """The arguments of ``create_household``: person refs are indexes into the members."""
        index = {m.key: i for i, m in enumerate(self.members)}
        members = [
            MemberInput.existing(m.registered_id, m.role) if m.registered_id is not None
            else MemberInput.new(
                PersonInput(m.family_name, m.given_names, m.birth_date, m.sex, m.disability,
                            m.foster_child, m.salutation,
                            distinct_from_reason=m.distinct_from_reason),
                m.role,
            )
            for m in self.members
        ]
        incomes = [IncomeInput(index[i.person_key], i.kind, i.amount, i.period, i.valid_from,
                               i.evidence) for i in self.incomes]
        notices = [NoticeInput(n.kind, n.valid_from, n.valid_until, n.reference,
                               tuple(index[k] for k in n.person_keys)) for n in self.notices]
        return self.address.as_input(), members, incomes, notices

    # -- loading ---------------------------------------------------------------------------
    @classmethod
    def from_details(cls, details: HouseholdDetails) -> HouseholdDraft:
        address = DraftAddress()
        if details.address is not None:
            a = details.address
            address = DraftAddress(a.street, a.house_number, a.postcode, a.municipality,
                                   a.stadtteil_code)
        return cls(
            household_id=details.household_id,
            version=details.version,
            address=address,
            stored_address=DraftAddress(**vars(address)) if details.address else None,
            members=[
                DraftMember(m.person_id, m.family_name, m.given_names, m.birth_date, m.role,
                            m.disability, m.foster_child, m.sex, m.valid_from, m.valid_until,
                            m.died_on, m.person_version, m.has_photo,
                            membership_id=m.membership_id, salutation=m.salutation)
                for m in details.members
            ],
            incomes=[
                DraftIncome(i.income_id, i.person_id, i.kind, i.amount, i.period, i.valid_from,
                            i.valid_until, i.evidence)
                for i in details.incomes
            ],
            notices=[
                DraftNotice(n.notice_id, n.kind, n.valid_from, n.valid_until, n.reference,
                            n.person_ids)
                for n in details.notices
            ],
            addresses=details.addresses,
        )
