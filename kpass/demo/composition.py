"""Who lives in a household: members, their ages and roles, and since when."""

from __future__ import annotations

from datetime import date
from random import Random

from kpass.demo.context import MAX_AGE, Context, years_before
from kpass.demo.model import DemoIncome
from kpass.demo.sampling import randint
from kpass.demo.tables import (
    COUPLE_CHILDREN,
    MOTHER_AGES,
    OTHER_KINDS,
    PENSIONER_AGES,
    PENSIONER_COUPLE_AGES,
    SIBLING_GAPS,
    SINGLE_PARENT_AGES,
    SINGLE_PARENT_CHILDREN,
    WORKING_COUPLE_AGES,
    WORKING_SINGLE_AGES,
    YOUNG_ADULT_AGES,
    AgeBrackets,
)


class Member:
    """A person while the household is being built (mutable, frozen at the end)."""

    # a plain slots class: built ~200,000 times per 100,000 households, cheaper than a dataclass
    __slots__ = (
        "age",
        "birth",
        "flags",
        "given_names",
        "incomes",
        "joins_later",
        "key",
        "name_base",
        "name_origin",
        "origin",
        "parent",
        "role",
        "sex",
        "since",
    )

    def __init__(self, key: int, role: str, sex: str, age: int, birth: date) -> None:
        self.key = key
        self.role = role
        self.sex = sex
        self.age = age
        self.birth = birth
        self.joins_later = False
        self.since = birth
        self.origin = "de"
        self.name_origin = "de"
        self.name_base = ""
        self.given_names = ""
        self.flags: list[str] = []
        self.incomes: list[DemoIncome] = []
        self.parent = False  # a parent of the household's children (for Elterngeld)


def _age(rng: Random, brackets: AgeBrackets) -> int:
    low, high = brackets.pick(rng)
    return randint(rng, low, high)


def _member(rng: Random, ctx: Context, key: int, role: str, sex: str, age: int) -> Member:
    age = min(max(age, 0), MAX_AGE)
    first, last = ctx.birth_ranges[age]
    return Member(key, role, sex, age, date.fromordinal(randint(rng, first, last)))


def _adult_sex(rng: Random, female_share: float) -> str:
    if rng.random() < 0.003:
        return "d"
    return "f" if rng.random() < female_share else "m"


def _child_sex(rng: Random) -> str:
    return "f" if rng.random() < 0.487 else "m"


def _partner_of(rng: Random, ctx: Context, key: int, applicant: Member) -> Member:
    if applicant.sex == "d" or rng.random() < 0.03:
        sex = applicant.sex if applicant.sex != "d" else _adult_sex(rng, 0.5)
        difference = round(rng.gauss(0.0, 4.0))
    else:
        sex = "m" if applicant.sex == "f" else "f"
        # men are on average a little older than their female partners
        gap = round(rng.gauss(2.5, 4.0))
        difference = gap if sex == "m" else -gap
    return _member(rng, ctx, key, "partner", sex, max(18, applicant.age + difference))


def _children(
    rng: Random, ctx: Context, count: int, parent_age: int, first_key: int, role: str = "child"
) -> list[Member]:
    """``count`` minors, oldest first, whose mother was at least 17 at each birth."""
    max_age = max(0, min(17, parent_age - 17))
    gaps = [SIBLING_GAPS.pick(rng) for _ in range(count - 1)]
    age = randint(rng, 0, max(0, max_age - sum(gaps))) + sum(gaps)
    kids: list[Member] = []
    for position in range(count):
        if position and gaps[position - 1] == 0:
            twin = kids[-1]
            kid = Member(first_key + position, role, _child_sex(rng), twin.age, twin.birth)
        else:
            kid = _member(rng, ctx, first_key + position, role, _child_sex(rng), min(age, max_age))
        kids.append(kid)
        if position < count - 1:
            age = max(0, age - gaps[position])
    return kids


Composition = tuple[list[Member], list[list[int]], str]


def compose(rng: Random, ctx: Context, household_type: str) -> Composition:
    """Members (applicant first), economic units (applicant's first) and the layout's name.

    An economic unit is a Bedarfsgemeinschaft: the members one benefit notice would cover.
    """
    if household_type == "single":
        if rng.random() < 0.40:
            applicant = _member(
                rng, ctx, 0, "applicant", _adult_sex(rng, 0.64), _age(rng, PENSIONER_AGES)
            )
        else:
            applicant = _member(
                rng, ctx, 0, "applicant", _adult_sex(rng, 0.45), _age(rng, WORKING_SINGLE_AGES)
            )
        return [applicant], [[0]], "single"

    if household_type == "single_parent":
        count = SINGLE_PARENT_CHILDREN.pick(rng)
        age = max(_age(rng, SINGLE_PARENT_AGES), 18 + count)
        applicant = _member(rng, ctx, 0, "applicant", _adult_sex(rng, 0.88), age)
        applicant.parent = True
        members = [applicant, *_children(rng, ctx, count, age, 1)]
        return members, [list(range(len(members)))], "single_parent"

    if household_type == "couple":
        ages = PENSIONER_COUPLE_AGES if rng.random() < 0.45 else WORKING_COUPLE_AGES
        applicant = _member(rng, ctx, 0, "applicant", _adult_sex(rng, 0.58), _age(rng, ages))
        partner = _partner_of(rng, ctx, 1, applicant)
        partner.joins_later = rng.random() < 0.15
        return [applicant, partner], [[0, 1]], "couple"

    if household_type == "couple_children":
        return _couple_with_children(rng, ctx)
    return _other_household(rng, ctx)


def _couple_with_children(rng: Random, ctx: Context) -> Composition:
    count = COUPLE_CHILDREN.pick(rng)
    mother_age = max(_age(rng, MOTHER_AGES), 18 + count)
    mother = _member(rng, ctx, 0, "applicant", "f", mother_age)
    other_parent = _partner_of(rng, ctx, 1, mother)
    mother.parent = other_parent.parent = True
    if rng.random() < 0.45:
        # the other parent applies; swap keys and roles
        mother.key, other_parent.key = 1, 0
        mother.role, other_parent.role = "partner", "applicant"
        applicant, partner = other_parent, mother
    else:
        applicant, partner = mother, other_parent
    # a stepfamily: the partner moved in later
    partner.joins_later = rng.random() < 0.12
    members = [applicant, partner, *_children(rng, ctx, count, mother_age, 2)]
    return members, [list(range(len(members)))], "couple_children"


def _other_household(rng: Random, ctx: Context) -> Composition:
    kind = OTHER_KINDS.pick(rng)
    if kind == "parent_adult_child":
        parent = _member(rng, ctx, 0, "applicant", _adult_sex(rng, 0.6), randint(rng, 45, 80))
        members = [parent]
        if rng.random() < 0.4:
            members.append(_partner_of(rng, ctx, 1, parent))
        units = [list(range(len(members)))]
        for _ in range(1 if rng.random() < 0.75 else 2):
            age = randint(rng, 18, max(18, min(35, parent.age - 18)))
            child = _member(rng, ctx, len(members), "child", _child_sex(rng), age)
            # from 25 on, an adult child forms its own Bedarfsgemeinschaft
            if age < 25:
                units[0].append(child.key)
            else:
                units.append([child.key])
            members.append(child)
        return members, units, kind

    if kind == "elder_parent":
        applicant = _member(rng, ctx, 0, "applicant", _adult_sex(rng, 0.55), randint(rng, 30, 62))
        elder_age = min(99, max(60, applicant.age + randint(rng, 22, 38)))
        elder = _member(rng, ctx, 1, "other", _adult_sex(rng, 0.7), elder_age)
        elder.joins_later = rng.random() < 0.6
        return [applicant, elder], [[0], [1]], kind

    if kind == "grandchildren":
        applicant = _member(rng, ctx, 0, "applicant", _adult_sex(rng, 0.7), randint(rng, 50, 78))
        members = [applicant]
        if rng.random() < 0.4:
            members.append(_partner_of(rng, ctx, 1, applicant))
        count = 1 if rng.random() < 0.6 else randint(rng, 2, 3)
        grandchildren = _children(rng, ctx, count, applicant.age - 19, len(members), role="other")
        for grandchild in grandchildren:
            grandchild.joins_later = True
        members.extend(grandchildren)
        return members, [list(range(len(members)))], kind

    if kind == "flat_share":
        size = 2 if rng.random() < 0.75 else 3
        members = []
        for key in range(size):
            role = "applicant" if key == 0 else "other"
            mate = _member(rng, ctx, key, role, _adult_sex(rng, 0.5), _age(rng, YOUNG_ADULT_AGES))
            mate.joins_later = key > 0
            members.append(mate)
        return members, [[key] for key in range(size)], kind

    if kind == "siblings":
        applicant = _member(
            rng, ctx, 0, "applicant", _adult_sex(rng, 0.5), _age(rng, YOUNG_ADULT_AGES)
        )
        sibling_age = max(18, applicant.age + randint(rng, -8, 8))
        sibling = _member(rng, ctx, 1, "other", _adult_sex(rng, 0.5), sibling_age)
        return [applicant, sibling], [[0], [1]], kind

    # single parent with minors and a grown-up child still at home
    parent_age = randint(rng, 37, 55)
    parent = _member(rng, ctx, 0, "applicant", _adult_sex(rng, 0.88), parent_age)
    parent.parent = True
    adult_age = randint(rng, 18, min(22, parent_age - 18))
    adult = _member(rng, ctx, 1, "child", _child_sex(rng), adult_age)
    minors = _children(rng, ctx, randint(rng, 1, 3), adult_age - 1 + 17, 2)
    members = [parent, adult, *minors]
    return members, [list(range(len(members)))], kind


def household_since(rng: Random, ctx: Context, members: list[Member]) -> date:
    """The day the household (and the applicant's membership) began."""
    adult_from = years_before(members[0].birth, -18).toordinal()
    earliest = max(adult_from, ctx.as_of_ord - 35 * 365)
    latest = ctx.as_of_ord - 30
    if earliest > latest:
        # an applicant who came of age within the last month
        return date.fromordinal(min(adult_from, ctx.as_of_ord))
    return date.fromordinal(randint(rng, earliest, latest))


def assign_since(rng: Random, ctx: Context, members: list[Member], since: date) -> None:
    since_ord = since.toordinal()
    for member in members:
        start = max(since_ord, member.birth.toordinal())
        if member.joins_later and start < ctx.as_of_ord:
            member.since = date.fromordinal(randint(rng, start + 1, ctx.as_of_ord))
        else:
            member.since = date.fromordinal(start)
