"""A household's stored facts as plain data, and what the rules and statistics see on a day.

The same functions serve the counter (facts loaded from the database) and the demo
history (facts built in memory), so both decide from identical inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kpass.errors import InvalidInput
from kpass.models import (
    BenefitNotice,
    BenefitNoticePerson,
    HouseholdAddress,
    HouseholdMember,
    Income,
    Person,
)
from kpass.models.statistics import OUTSIDE
from kpass.rules import Benefit, Member, Residence, RuleInput, completed_years, last_of_month
from kpass.rules import Income as RuleIncome


@dataclass(frozen=True)
class MemberFact:
    person_id: int
    birth_date: date
    role: str
    valid_from: date
    valid_until: date | None
    died_on: date | None = None
    disability: bool = False
    foster_child: bool = False


@dataclass(frozen=True)
class AddressFact:
    municipality: str
    stadtteil_code: str | None
    valid_from: date
    valid_until: date | None


@dataclass(frozen=True)
class IncomeFact:
    person_id: int
    kind: str
    amount: Decimal
    period: str
    valid_from: date
    valid_until: date | None


@dataclass(frozen=True)
class NoticeFact:
    kind: str
    valid_from: date
    valid_until: date | None  # None: granted "bis auf Weiteres" (open-ended)
    person_ids: tuple[int, ...]  # empty: the whole household


@dataclass(frozen=True)
class HouseholdFacts:
    household_id: int
    members: tuple[MemberFact, ...]
    addresses: tuple[AddressFact, ...]
    incomes: tuple[IncomeFact, ...]
    notices: tuple[NoticeFact, ...]


def _covers(valid_from: date, valid_until: date | None, day: date) -> bool:
    return valid_from <= day and (valid_until is None or day <= valid_until)


def members_on(facts: HouseholdFacts, day: date) -> list[MemberFact]:
    """Who lives in the household on ``day`` (joined, not left, alive)."""
    return [
        m
        for m in facts.members
        if _covers(m.valid_from, m.valid_until, day) and (m.died_on is None or day < m.died_on)
    ]


def address_on(facts: HouseholdFacts, day: date) -> AddressFact | None:
    for address in facts.addresses:
        if _covers(address.valid_from, address.valid_until, day):
            return address
    return None


def member_key(person_id: int) -> str:
    """The id of a person in a rule input and in a decision's JSON."""
    return f"p{person_id}"


def person_id_of(key: str) -> int:
    return int(key[1:])


def build_rule_input(facts: HouseholdFacts, day: date, applicant_id: int) -> RuleInput:
    """What the rules see of the household on ``day``; raises InvalidInput if it is incomplete."""
    members = members_on(facts, day)
    if not any(m.person_id == applicant_id for m in members):
        raise InvalidInput(
            f"The applicant is not a member of the household on {day:%d.%m.%Y}.",
            f"Die antragstellende Person gehört am {day:%d.%m.%Y} nicht zum Haushalt.",
        )
    address = address_on(facts, day)
    if address is None:
        raise InvalidInput(
            f"The household has no address on {day:%d.%m.%Y}.",
            f"Der Haushalt hat am {day:%d.%m.%Y} keine Anschrift.",
        )
    present = {m.person_id for m in members}
    incomes: dict[int, list[RuleIncome]] = {}
    for income in facts.incomes:
        if income.person_id in present and _covers(income.valid_from, income.valid_until, day):
            incomes.setdefault(income.person_id, []).append(
                RuleIncome(income.kind, income.amount, income.period)  # type: ignore[arg-type]
            )
    month_start, month_end = day.replace(day=1), last_of_month(day)
    benefits: list[Benefit] = []
    for notice in facts.notices:
        if notice.valid_from > month_end or (
            notice.valid_until is not None and notice.valid_until < month_start
        ):
            continue  # the rules look only at the month of the application
        covered: tuple[str, ...] | None = None
        if notice.person_ids:
            covered = tuple(member_key(p) for p in notice.person_ids if p in present)
            if not covered:
                continue
        benefits.append(Benefit(notice.kind, notice.valid_from, notice.valid_until, covered))
    rule_members = tuple(
        Member(
            id=member_key(m.person_id),
            birth_date=m.birth_date,
            flags=frozenset(
                flag
                for flag, on in (("disability", m.disability), ("foster_child", m.foster_child))
                if on
            ),
            incomes=tuple(incomes.get(m.person_id, ())),
        )
        for m in sorted(members, key=lambda m: (m.role != "applicant", m.birth_date))
    )
    return RuleInput(
        application_date=day,
        residence=Residence(address.municipality, address.stadtteil_code),
        applicant=member_key(applicant_id),
        members=rule_members,
        benefits=tuple(benefits),
    )


def household_type(facts: HouseholdFacts, day: date) -> str:
    """statistics.md's household type from the member roles and ages on ``day``."""
    members = members_on(facts, day)
    if len(members) == 1:
        return "single"
    partners = [m for m in members if m.role == "partner"]
    children = [m for m in members if m.role == "child" and completed_years(m.birth_date, day) < 18]
    others = [m for m in members if m.role != "applicant" and m not in partners + children]
    if others or len(partners) > 1:
        return "other"
    if partners:
        return "couple_children" if children else "couple"
    return "single_parent" if children else "other"


def stadtteil_on(facts: HouseholdFacts, day: date) -> str:
    """The statistics' Stadtteil key on ``day``: "01"…"27", else "außerhalb"."""
    address = address_on(facts, day)
    if address is None or address.stadtteil_code is None:
        return OUTSIDE
    return address.stadtteil_code


def load_facts(session: Session, household_id: int) -> HouseholdFacts:
    """Everything stored about a household that a decision may need (five short queries)."""
    member_rows = session.execute(
        select(HouseholdMember, Person)
        .join(Person, Person.id == HouseholdMember.person_id)
        .where(HouseholdMember.household_id == household_id)
        .order_by(HouseholdMember.id)
    ).all()
    members = tuple(
        MemberFact(
            person_id=p.id,
            birth_date=p.birth_date,
            role=m.role,
            valid_from=m.valid_from,
            valid_until=m.valid_until,
            died_on=p.died_on,
            disability=p.disability,
            foster_child=p.foster_child,
        )
        for m, p in member_rows
    )
    person_ids = sorted({m.person_id for m in members})
    addresses = tuple(
        AddressFact(a.municipality, a.stadtteil_code, a.valid_from, a.valid_until)
        for a in session.scalars(
            select(HouseholdAddress)
            .where(HouseholdAddress.household_id == household_id)
            .order_by(HouseholdAddress.valid_from)
        )
    )
    incomes = tuple(
        IncomeFact(i.person_id, i.kind, i.amount, i.period, i.valid_from, i.valid_until)
        for i in session.scalars(
            select(Income).where(Income.person_id.in_(person_ids)).order_by(Income.id)
        )
    )
    notices = []
    for notice in session.scalars(
        select(BenefitNotice)
        .where(BenefitNotice.household_id == household_id)
        .order_by(BenefitNotice.valid_from, BenefitNotice.id)
    ):
        covered = session.scalars(
            select(BenefitNoticePerson.person_id)
            .where(BenefitNoticePerson.notice_id == notice.id)
            .order_by(BenefitNoticePerson.person_id)
        ).all()
        notices.append(
            NoticeFact(notice.kind, notice.valid_from, notice.valid_until, tuple(covered))
        )
    return HouseholdFacts(household_id, members, addresses, incomes, tuple(notices))
