"""Deterministic generator of a synthetic register that looks like Karlsruhe.

The generator produces plain, frozen data (households with persons, incomes, addresses and benefit
notices); writing it into a database is someone else's job. Household ``i`` depends only on
``(seed, i, as_of)``: every household gets its own random stream, seeded from a string (CPython
hashes string seeds with SHA-512, so this does not depend on ``PYTHONHASHSEED``). Batches can
therefore be generated independently, in any order and of any size, with the same result.

The proportions (household types, benefit share, incomes around the income limit, ages, names and
Stadtteile) are chosen to resemble the register of the Karlsruher Pass; they are not statistics.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from random import Random

from kpass.demo.names import family_name_form, family_name_pool, pick_given_names
from kpass.demo.places import pick_house_number, pick_street, stadtteil_pool
from kpass.demo.sampling import Weighted, randint, uniform_cents

# --------------------------------------------------------------------------------------------
# Public data model
# --------------------------------------------------------------------------------------------

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


def generate_households(
    count: int, seed: int, as_of: date, start: int = 0
) -> Iterator[DemoHousehold]:
    """Generate households ``start .. start + count - 1`` of the register as of ``as_of``.

    Household ``i`` depends only on ``(seed, i, as_of)``, so batches can be generated
    independently and the result is the same whatever the batch size.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    if start < 0:
        raise ValueError("start must not be negative")
    ctx = _context(as_of)
    # a generator expression, so that bad arguments fail at the call, not at the first next()
    return (_generate(ctx, seed, index) for index in range(start, start + count))


def generate_household(seed: int, index: int, as_of: date) -> DemoHousehold:
    """The single household ``index`` (same as the one :func:`generate_households` yields)."""
    if index < 0:
        raise ValueError("index must not be negative")
    return _generate(_context(as_of), seed, index)


def household_digest(households: Iterable[DemoHousehold]) -> str:
    """SHA-256 (hex) over a canonical text rendering of the households, in the given order."""
    digest = hashlib.sha256()
    for household in households:
        digest.update(_render(household).encode("utf-8"))
    return digest.hexdigest()


def _render(household: DemoHousehold) -> str:
    # repr() quotes and escapes strings, so no field can run into the next one
    lines = [f"H {household.index} {household.household_type!r}"]
    for a in household.addresses:
        lines.append(
            f"A {a.street!r} {a.house_number!r} {a.postcode!r} {a.municipality!r} "
            f"{a.stadtteil_code!r} {a.valid_from.isoformat()}"
        )
    for p in household.persons:
        lines.append(
            f"P {p.key} {p.family_name!r} {p.given_names!r} {p.birth_date.isoformat()} {p.sex!r} "
            f"{p.role!r} {p.flags!r} {p.member_since.isoformat()}"
        )
        for i in p.incomes:
            lines.append(
                f"I {i.kind!r} {i.amount} {i.period!r} {i.valid_from.isoformat()} {i.evidence!r}"
            )
    for b in household.benefits:
        lines.append(
            f"B {b.kind!r} {b.valid_from.isoformat()} {b.valid_until.isoformat()} "
            f"{b.reference!r} {b.member_keys!r}"
        )
    return "\n".join(lines) + "\n\n"


# --------------------------------------------------------------------------------------------
# Calendar helpers
# --------------------------------------------------------------------------------------------

_MAX_AGE = 110


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year - years, day=28)


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


@cache
def _month_first(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


@cache
def _month_last(index: int) -> date:
    return _month_first(index + 1) - timedelta(days=1)


def _german_date(day: date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


@dataclass(frozen=True, slots=True)
class _Context:
    """Everything that depends on as_of only, computed once per as_of."""

    as_of: date
    as_of_ord: int
    month: int  # month index of as_of
    # age -> (first, last) ordinal of the birth dates that give exactly this age on as_of
    birth_ranges: tuple[tuple[int, int], ...]
    payslip_month: str  # "MM/YYYY" of the month before as_of: the last complete pay slip
    pension_from: date  # the last 1 July (annual pension adjustment) on or before as_of
    semester_from: date  # the last 1 April or 1 October on or before as_of
    training_year_from: date  # the last 1 September on or before as_of


@cache
def _context(as_of: date) -> _Context:
    ranges = []
    for age in range(_MAX_AGE + 1):
        latest = _years_before(as_of, age)
        earliest = _years_before(as_of, age + 1) + timedelta(days=1)
        ranges.append((earliest.toordinal(), latest.toordinal()))
    previous = _month_first(_month_index(as_of) - 1)
    july = date(as_of.year, 7, 1)
    september = date(as_of.year, 9, 1)
    semesters = [date(as_of.year, 10, 1), date(as_of.year, 4, 1), date(as_of.year - 1, 10, 1)]
    return _Context(
        as_of=as_of,
        as_of_ord=as_of.toordinal(),
        month=_month_index(as_of),
        birth_ranges=tuple(ranges),
        payslip_month=f"{previous.month:02d}/{previous.year}",
        pension_from=july if july <= as_of else date(as_of.year - 1, 7, 1),
        semester_from=next(day for day in semesters if day <= as_of),
        training_year_from=september if september <= as_of else date(as_of.year - 1, 9, 1),
    )


# --------------------------------------------------------------------------------------------
# Tables that shape the register
# --------------------------------------------------------------------------------------------

_HOUSEHOLD_TYPE_POOL: Weighted[str] = Weighted.of(
    [("single", 45), ("single_parent", 15), ("couple", 10), ("couple_children", 20), ("other", 10)]
)
# Share of households whose applicant unit holds a benefit notice for the as_of month; the
# weighted mean over household types is about 55 %.
_BENEFIT_RATE: dict[str, float] = {
    "single": 0.57,
    "single_parent": 0.70,
    "couple": 0.40,
    "couple_children": 0.50,
    "other": 0.50,
}

AgeBrackets = Weighted[tuple[int, int]]


def _brackets(*rows: tuple[int, int, float]) -> AgeBrackets:
    return Weighted.of(((low, high), weight) for low, high, weight in rows)


_PENSIONER_AGES = _brackets((65, 74, 45), (75, 84, 38), (85, 97, 17))
_WORKING_SINGLE_AGES = _brackets((18, 24, 12), (25, 39, 33), (40, 54, 30), (55, 64, 25))
_SINGLE_PARENT_AGES = _brackets((19, 24, 10), (25, 34, 35), (35, 44, 38), (45, 55, 17))
_PENSIONER_COUPLE_AGES = _brackets((65, 74, 50), (75, 84, 38), (85, 94, 12))
_WORKING_COUPLE_AGES = _brackets((20, 29, 22), (30, 44, 30), (45, 64, 48))
_MOTHER_AGES = _brackets((20, 29, 22), (30, 39, 45), (40, 50, 33))
_YOUNG_ADULT_AGES = _brackets((18, 24, 45), (25, 34, 40), (35, 45, 15))

_SINGLE_PARENT_CHILDREN: Weighted[int] = Weighted.of([(1, 55), (2, 30), (3, 10), (4, 4), (5, 1)])
_COUPLE_CHILDREN: Weighted[int] = Weighted.of(
    [(1, 35), (2, 35), (3, 18), (4, 7), (5, 3), (6, 1.5), (7, 0.5)]
)
# Years between siblings; 0 = twins (same birth date).
_SIBLING_GAPS: Weighted[int] = Weighted.of(
    [(0, 3), (1, 22), (2, 30), (3, 22), (4, 12), (5, 6), (6, 3), (8, 2)]
)
_OTHER_KINDS: Weighted[str] = Weighted.of(
    [
        ("parent_adult_child", 35),
        ("elder_parent", 15),
        ("grandchildren", 15),
        ("flat_share", 20),
        ("siblings", 10),
        ("single_parent_adult_child", 5),
    ]
)

# Origin of a household's names. Benefit households in Karlsruhe are more often of foreign
# origin than the rest, and asylum seekers come from a few countries.
_ORIGINS_NO_BENEFIT: Weighted[str] = Weighted.of(
    [
        ("de", 72),
        ("tr", 6),
        ("rd", 5),
        ("it", 4),
        ("pl", 3.5),
        ("ro", 2.5),
        ("hr", 3),
        ("gr", 1),
        ("sq", 1),
        ("ar", 0.6),
        ("ua", 1),
        ("af", 0.3),
        ("er", 0.2),
    ]
)
_ORIGINS_BENEFIT: Weighted[str] = Weighted.of(
    [
        ("de", 48),
        ("tr", 8),
        ("rd", 5),
        ("it", 2.5),
        ("pl", 3),
        ("ro", 4),
        ("hr", 3),
        ("gr", 1),
        ("sq", 2),
        ("ar", 10),
        ("ua", 7),
        ("af", 5),
        ("er", 2),
    ]
)
_ASYLUM_SHARE: dict[str, float] = {"ar": 0.45, "af": 0.65, "er": 0.65, "sq": 0.1, "tr": 0.04}

_NOTICE_MONTHS: dict[str, Weighted[int]] = {
    "sgb2": Weighted.of([(12, 80), (6, 20)]),
    "sgb12_hlu": Weighted.of([(6, 40), (12, 60)]),
    "sgb12_grundsicherung": Weighted.of([(12, 1)]),
    "asylblg": Weighted.of([(6, 70), (12, 30)]),
    "wohngeld": Weighted.of([(12, 55), (18, 35), (24, 10)]),
    "kinderzuschlag": Weighted.of([(6, 1)]),
    "sgb8_stationaer": Weighted.of([(12, 1)]),
}
_REFERENCE_PREFIX: dict[str, str] = {
    "sgb2": "BG",
    "sgb12_hlu": "SH",
    "sgb12_grundsicherung": "GS",
    "asylblg": "AB",
    "wohngeld": "WG",
    "kinderzuschlag": "KIZ",
    "sgb8_stationaer": "JH",
}
_PENSIONER_KINDS: Weighted[str] = Weighted.of([("sgb12_grundsicherung", 60), ("wohngeld", 40)])
_FAMILY_KINDS: Weighted[str] = Weighted.of(
    [("sgb2", 62), ("wohngeld", 22), ("kinderzuschlag", 14), ("sgb12_hlu", 2)]
)
_ADULT_KINDS: Weighted[str] = Weighted.of(
    [("sgb2", 78), ("wohngeld", 8), ("sgb12_grundsicherung", 9), ("sgb12_hlu", 5)]
)

# Target equivalised income of households without benefit: clearly below, near, clearly above.
_EQUIVALISED_BANDS: Weighted[tuple[float, float]] = Weighted.of(
    [((600.0, 1150.0), 30), ((1150.0, 1450.0), 40), ((1450.0, 2300.0), 30)]
)
_EMPLOYED_KINDS: Weighted[str] = Weighted.of(
    [
        ("wages", 74),
        ("self_employed", 7),
        ("alg1", 9),
        ("krankengeld", 4),
        ("pension", 3),
        ("other", 3),
    ]
)
_MINIJOB_LIMIT_CENTS = 55600
# Unterhaltsvorschuss per month by age group (0–5, 6–11, 12–17), in cents.
_UVG_CENTS = (22700, 29900, 39400)


# --------------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------------


class _Member:
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


def _generate(ctx: _Context, seed: int, index: int) -> DemoHousehold:
    rng = Random(f"kpass-demo:{seed}:{index}")
    household_type = _HOUSEHOLD_TYPE_POOL.pick(rng)
    members, units, layout = _compose(rng, ctx, household_type)
    since = _household_since(rng, ctx, members)
    _assign_since(rng, ctx, members, since)
    has_benefit = rng.random() < _BENEFIT_RATE[household_type]
    origin = (_ORIGINS_BENEFIT if has_benefit else _ORIGINS_NO_BENEFIT).pick(rng)
    _assign_names(rng, members, layout, origin)
    _assign_flags(rng, ctx, members)

    benefits: list[DemoBenefit] = []
    unit_kinds: list[str | None] = []
    whole = len(units) == 1
    for position, unit in enumerate(units):
        unit_members = [members[i] for i in unit]
        keys = () if whole else tuple(m.key for m in unit_members)
        active = has_benefit and (position == 0 or rng.random() < 0.5)
        kind = _unit_benefit_kind(rng, unit_members, members[unit[0]].origin)
        if active:
            unit_kinds.append(kind)
            _add_active_chain(rng, ctx, index, since, kind, keys, benefits)
        else:
            unit_kinds.append(None)
            if rng.random() < 0.2:
                _add_ended_chain(rng, ctx, index, since, kind, keys, benefits)
    _add_youth_welfare(rng, ctx, index, since, members, benefits)

    _assign_incomes(rng, ctx, members, units, unit_kinds, household_type)
    addresses = _addresses(rng, ctx, since)
    persons = tuple(
        DemoPerson(
            key=m.key,
            family_name=family_name_form(m.name_base, m.name_origin, m.sex),
            given_names=m.given_names,
            birth_date=m.birth,
            sex=m.sex,
            role=m.role,
            flags=tuple(m.flags),
            incomes=tuple(m.incomes),
            member_since=m.since,
        )
        for m in members
    )
    return DemoHousehold(
        index=index,
        household_type=household_type,
        addresses=addresses,
        persons=persons,
        benefits=tuple(benefits),
    )


# ---- composition ---------------------------------------------------------------------------


def _age(rng: Random, brackets: AgeBrackets) -> int:
    low, high = brackets.pick(rng)
    return randint(rng, low, high)


def _member(rng: Random, ctx: _Context, key: int, role: str, sex: str, age: int) -> _Member:
    age = min(max(age, 0), _MAX_AGE)
    first, last = ctx.birth_ranges[age]
    return _Member(key, role, sex, age, date.fromordinal(randint(rng, first, last)))


def _adult_sex(rng: Random, female_share: float) -> str:
    if rng.random() < 0.003:
        return "d"
    return "f" if rng.random() < female_share else "m"


def _child_sex(rng: Random) -> str:
    return "f" if rng.random() < 0.487 else "m"


def _partner_of(rng: Random, ctx: _Context, key: int, applicant: _Member) -> _Member:
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
    rng: Random, ctx: _Context, count: int, parent_age: int, first_key: int, role: str = "child"
) -> list[_Member]:
    """``count`` minors, oldest first, whose mother was at least 17 at each birth."""
    max_age = max(0, min(17, parent_age - 17))
    gaps = [_SIBLING_GAPS.pick(rng) for _ in range(count - 1)]
    age = randint(rng, 0, max(0, max_age - sum(gaps))) + sum(gaps)
    kids: list[_Member] = []
    for position in range(count):
        if position and gaps[position - 1] == 0:
            twin = kids[-1]
            kid = _Member(first_key + position, role, _child_sex(rng), twin.age, twin.birth)
        else:
            kid = _member(rng, ctx, first_key + position, role, _child_sex(rng), min(age, max_age))
        kids.append(kid)
        if position < count - 1:
            age = max(0, age - gaps[position])
    return kids


Composition = tuple[list[_Member], list[list[int]], str]


def _compose(rng: Random, ctx: _Context, household_type: str) -> Composition:
    """Members (applicant first), economic units (applicant's first) and the layout's name.

    An economic unit is a Bedarfsgemeinschaft: the members one benefit notice would cover.
    """
    if household_type == "single":
        if rng.random() < 0.40:
            applicant = _member(
                rng, ctx, 0, "applicant", _adult_sex(rng, 0.64), _age(rng, _PENSIONER_AGES)
            )
        else:
            applicant = _member(
                rng, ctx, 0, "applicant", _adult_sex(rng, 0.45), _age(rng, _WORKING_SINGLE_AGES)
            )
        return [applicant], [[0]], "single"

    if household_type == "single_parent":
        count = _SINGLE_PARENT_CHILDREN.pick(rng)
        age = max(_age(rng, _SINGLE_PARENT_AGES), 18 + count)
        applicant = _member(rng, ctx, 0, "applicant", _adult_sex(rng, 0.88), age)
        applicant.parent = True
        members = [applicant, *_children(rng, ctx, count, age, 1)]
        return members, [list(range(len(members)))], "single_parent"

    if household_type == "couple":
        ages = _PENSIONER_COUPLE_AGES if rng.random() < 0.45 else _WORKING_COUPLE_AGES
        applicant = _member(rng, ctx, 0, "applicant", _adult_sex(rng, 0.58), _age(rng, ages))
        partner = _partner_of(rng, ctx, 1, applicant)
        partner.joins_later = rng.random() < 0.15
        return [applicant, partner], [[0, 1]], "couple"

    if household_type == "couple_children":
        return _couple_with_children(rng, ctx)
    return _other_household(rng, ctx)


def _couple_with_children(rng: Random, ctx: _Context) -> Composition:
    count = _COUPLE_CHILDREN.pick(rng)
    mother_age = max(_age(rng, _MOTHER_AGES), 18 + count)
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


def _other_household(rng: Random, ctx: _Context) -> Composition:
    kind = _OTHER_KINDS.pick(rng)
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
            mate = _member(rng, ctx, key, role, _adult_sex(rng, 0.5), _age(rng, _YOUNG_ADULT_AGES))
            mate.joins_later = key > 0
            members.append(mate)
        return members, [[key] for key in range(size)], kind

    if kind == "siblings":
        applicant = _member(
            rng, ctx, 0, "applicant", _adult_sex(rng, 0.5), _age(rng, _YOUNG_ADULT_AGES)
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


def _household_since(rng: Random, ctx: _Context, members: list[_Member]) -> date:
    """The day the household (and the applicant's membership) began."""
    adult_from = _years_before(members[0].birth, -18).toordinal()
    earliest = max(adult_from, ctx.as_of_ord - 35 * 365)
    latest = ctx.as_of_ord - 30
    if earliest > latest:
        # an applicant who came of age within the last month
        return date.fromordinal(min(adult_from, ctx.as_of_ord))
    return date.fromordinal(randint(rng, earliest, latest))


def _assign_since(rng: Random, ctx: _Context, members: list[_Member], since: date) -> None:
    since_ord = since.toordinal()
    for member in members:
        start = max(since_ord, member.birth.toordinal())
        if member.joins_later and start < ctx.as_of_ord:
            member.since = date.fromordinal(randint(rng, start + 1, ctx.as_of_ord))
        else:
            member.since = date.fromordinal(start)


# ---- names and flags -----------------------------------------------------------------------


def _assign_names(rng: Random, members: list[_Member], layout: str, origin: str) -> None:
    applicant = members[0]
    applicant.origin = applicant.name_origin = origin
    applicant.name_base = family_name_pool(origin).pick(rng)
    partner = next((m for m in members if m.role == "partner"), None)
    if partner is not None:
        partner.origin = origin if rng.random() < 0.88 else _ORIGINS_NO_BENEFIT.pick(rng)
        if rng.random() < (0.7 if partner.sex != applicant.sex else 0.45):
            partner.name_origin, partner.name_base = applicant.name_origin, applicant.name_base
        else:
            partner.name_origin = partner.origin
            partner.name_base = family_name_pool(partner.origin).pick(rng)
            if rng.random() < 0.1:
                # a double name after marriage: own name first, hyphenated
                partner.name_base = f"{partner.name_base}-{applicant.name_base}"
    parents = [applicant] if partner is None else [applicant, partner]
    # Children of a couple share one family name; stepchildren keep the applicant's.
    stepfamily = partner is not None and partner.joins_later
    holder = parents[0] if stepfamily or len(parents) == 1 or rng.random() < 0.6 else parents[1]
    # Some children of single parents carry the other parent's name.
    absent_parent_name = None
    if partner is None and rng.random() < 0.2:
        absent_parent_name = family_name_pool(origin).pick(rng)
    for member in members[1:]:
        if member is partner:
            continue
        if layout == "flat_share" or (layout == "elder_parent" and rng.random() < 0.4):
            # flatmates are unrelated; a parent may carry a name from before marriage
            member.origin = _ORIGINS_NO_BENEFIT.pick(rng) if layout == "flat_share" else origin
            member.name_origin = member.origin
            member.name_base = family_name_pool(member.origin).pick(rng)
            continue
        member.origin = holder.origin if rng.random() < 0.8 else parents[-1].origin
        if member.role == "child" and absent_parent_name is not None:
            member.name_origin, member.name_base = origin, absent_parent_name
        else:
            member.name_origin, member.name_base = holder.name_origin, holder.name_base
    # No two members share a first given name (two brothers called Finn would confuse everyone).
    used: set[str] = set()
    for member in members:
        for _ in range(4):
            names = pick_given_names(rng, member.origin, member.sex, member.birth.year)
            if names.split(" ", 1)[0] not in used:
                break
        used.add(names.split(" ", 1)[0])
        member.given_names = names


def _assign_flags(rng: Random, ctx: _Context, members: list[_Member]) -> None:
    for member in members:
        if member.age >= 18:
            continue
        if rng.random() < 0.012:
            member.flags.append("disability")
        if member.role == "child" and rng.random() < 0.006:
            member.flags.append("foster_child")
            # a foster child joins later and keeps the name of its birth family
            start = max(member.since.toordinal(), member.birth.toordinal())
            if start < ctx.as_of_ord:
                member.since = date.fromordinal(randint(rng, start + 1, ctx.as_of_ord))
            member.name_origin = member.origin
            member.name_base = family_name_pool(member.origin).pick(rng)


# ---- benefit notices -----------------------------------------------------------------------


def _unit_benefit_kind(rng: Random, unit: list[_Member], origin: str) -> str:
    adults = [m for m in unit if m.age >= 18]
    has_minor = len(adults) < len(unit)
    pensioners = any(m.age >= 65 for m in adults)
    if not pensioners and rng.random() < _ASYLUM_SHARE.get(origin, 0.0):
        return "asylblg"
    if pensioners and not has_minor:
        return _PENSIONER_KINDS.pick(rng)
    if len(unit) == 1 and adults and adults[0].age <= 20 and rng.random() < 0.3:
        # a care leaver in a supported flat (Hilfe für junge Volljährige)
        return "sgb8_stationaer"
    if has_minor:
        return _FAMILY_KINDS.pick(rng)
    return _ADULT_KINDS.pick(rng)


def _notice(
    index: int,
    kind: str,
    first: int,
    last: int,
    since: date,
    keys: tuple[int, ...],
    benefits: list[DemoBenefit],
) -> None:
    valid_from = max(_month_first(first), since)
    number = len(benefits) + 1
    reference = f"{_REFERENCE_PREFIX[kind]}-{valid_from.year}-{index:07d}-{number:02d}"
    benefits.append(DemoBenefit(kind, valid_from, _month_last(last), reference, keys))


def _chain(
    rng: Random,
    ctx: _Context,
    index: int,
    since: date,
    kind: str,
    keys: tuple[int, ...],
    latest_first: int,
    latest_last: int,
    benefits: list[DemoBenefit],
) -> int:
    """Consecutive notices ending with ``latest_first..latest_last``; returns the chain's start."""
    since_month = _month_index(since)
    window_first = ctx.month - HISTORY_MONTHS
    # how long the benefit had been running before the latest notice
    chain_first = max(since_month, latest_first - randint(rng, 0, 84))
    periods = [(latest_first, latest_last)]
    first = latest_first
    while first > window_first:
        months = _NOTICE_MONTHS[kind].pick(rng)
        if first - months < chain_first:
            break
        periods.append((first - months, first - 1))
        first -= months
    for period_first, period_last in reversed(periods):
        _notice(index, kind, period_first, period_last, since, keys, benefits)
    return first


def _add_active_chain(
    rng: Random,
    ctx: _Context,
    index: int,
    since: date,
    kind: str,
    keys: tuple[int, ...],
    benefits: list[DemoBenefit],
) -> None:
    months = _NOTICE_MONTHS[kind].pick(rng)
    first = max(ctx.month - randint(rng, 0, months - 1), _month_index(since))
    mark = len(benefits)
    start = _chain(rng, ctx, index, since, kind, keys, first, first + months - 1, benefits)
    # Now and then the benefit replaced another one, e.g. Wohngeld before Bürgergeld.
    if (
        start > ctx.month - HISTORY_MONTHS
        and start > _month_index(since) + 1
        and rng.random() < 0.15
    ):
        previous = _PREVIOUS_KIND.get(kind)
        if previous is not None:
            months = _NOTICE_MONTHS[previous].pick(rng)
            earlier: list[DemoBenefit] = []
            _chain(rng, ctx, index, since, previous, keys, start - months, start - 1, earlier)
            # keep references unique and in order: renumber after inserting the earlier chain
            combined = benefits[:mark] + earlier + benefits[mark:]
            benefits[:] = _renumbered(index, combined)


_PREVIOUS_KIND: dict[str, str] = {
    "sgb2": "wohngeld",
    "wohngeld": "sgb2",
    "sgb12_grundsicherung": "wohngeld",
    "kinderzuschlag": "sgb2",
    "sgb12_hlu": "sgb2",
}


def _renumbered(index: int, notices: list[DemoBenefit]) -> list[DemoBenefit]:
    result = []
    for number, notice in enumerate(notices, start=1):
        reference = (
            f"{_REFERENCE_PREFIX[notice.kind]}-{notice.valid_from.year}-{index:07d}-{number:02d}"
        )
        result.append(
            DemoBenefit(
                notice.kind, notice.valid_from, notice.valid_until, reference, notice.member_keys
            )
        )
    return result


def _add_ended_chain(
    rng: Random,
    ctx: _Context,
    index: int,
    since: date,
    kind: str,
    keys: tuple[int, ...],
    benefits: list[DemoBenefit],
) -> None:
    last = ctx.month - randint(rng, 1, 20)
    months = _NOTICE_MONTHS[kind].pick(rng)
    first = last - months + 1
    if first < _month_index(since):
        return
    _chain(rng, ctx, index, since, kind, keys, first, last, benefits)


def _add_youth_welfare(
    rng: Random,
    ctx: _Context,
    index: int,
    since: date,
    members: list[_Member],
    benefits: list[DemoBenefit],
) -> None:
    """A notice under SGB VIII for most foster children and, rarely, for another minor."""
    foster = [m for m in members if "foster_child" in m.flags]
    if foster and rng.random() < 0.6:
        # Vollzeitpflege: the Jugendamt pays for the foster child
        child = foster[0]
    else:
        minors = [m for m in members if m.age < 18]
        if not minors or rng.random() >= 0.003:
            return
        child = minors[randint(rng, 0, len(minors) - 1)]
    months = _NOTICE_MONTHS["sgb8_stationaer"].pick(rng)
    first = max(ctx.month - randint(rng, 0, months - 1), _month_index(child.since))
    _chain(
        rng,
        ctx,
        index,
        child.since,
        "sgb8_stationaer",
        (child.key,),
        first,
        first + months - 1,
        benefits,
    )


# ---- incomes -------------------------------------------------------------------------------


def _money(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


def _months_back(rng: Random, ctx: _Context, low: int, high: int) -> date:
    return _month_first(ctx.month - randint(rng, low, high))


def _income(
    member: _Member, kind: str, cents: int, valid_from: date, evidence: str, period: str = "month"
) -> None:
    if cents <= 0:
        return
    amount = _money(cents * 12 if period == "year" else cents)
    member.incomes.append(DemoIncome(kind, amount, period, max(valid_from, member.since), evidence))


def _elterngeld_evidence(ctx: _Context, baby: _Member) -> str:
    # the L-Bank decides some weeks after the birth
    decided = min(baby.since + timedelta(days=40), ctx.as_of)
    return f"Elterngeldbescheid L-Bank vom {_german_date(decided)}"


def _add_pension(rng: Random, ctx: _Context, member: _Member, cents: int) -> None:
    # A company pension is paid besides the statutory one and usually stated per year.
    if cents > 60000 and rng.random() < 0.2:
        company = min(cents // 3, uniform_cents(rng, 80, 450))
        _income(
            member,
            "pension",
            cents - company,
            ctx.pension_from,
            f"Rentenanpassungsmitteilung {ctx.pension_from.year}",
        )
        company_from = date(ctx.as_of.year, 1, 1)
        _income(
            member,
            "pension",
            company,
            company_from,
            f"Betriebsrentenmitteilung {company_from.year}",
            "year",
        )
        return
    _income(
        member,
        "pension",
        cents,
        ctx.pension_from,
        f"Rentenanpassungsmitteilung {ctx.pension_from.year}",
    )


def _add_earned(
    rng: Random, ctx: _Context, member: _Member, cents: int, baby: _Member | None
) -> None:
    """One adult's income of about ``cents`` per month, of a kind that fits age and situation."""
    payslip = ctx.payslip_month
    if member.age >= 65 or (member.age >= 63 and rng.random() < 0.5):
        _add_pension(rng, ctx, member, cents)
        if member.age < 75 and rng.random() < 0.05:
            _income(
                member,
                "minijob",
                uniform_cents(rng, 150, 520),
                _months_back(rng, ctx, 1, 36),
                f"Lohnabrechnung Minijob {payslip}",
            )
        return
    if baby is not None and member.parent and member.sex == "f":
        elterngeld = min(max(cents, 30000), 180000)
        _income(
            member,
            "elterngeld",
            elterngeld,
            baby.since,
            _elterngeld_evidence(ctx, baby),
        )
        return
    if member.age <= 25 and member.role in ("child", "other") and rng.random() < 0.6:
        roll = rng.random()
        if roll < 0.45:
            _income(
                member,
                "ausbildung",
                min(cents, uniform_cents(rng, 750, 1250)),
                ctx.training_year_from,
                f"Ausbildungsvergütung {payslip}",
            )
        elif roll < 0.75:
            _income(
                member,
                "bafoeg",
                min(cents, uniform_cents(rng, 450, 992)),
                ctx.semester_from,
                f"BAföG-Bescheid vom {_german_date(ctx.semester_from - timedelta(days=21))}",
            )
        else:
            _income(
                member,
                "minijob",
                min(cents, _MINIJOB_LIMIT_CENTS),
                _months_back(rng, ctx, 1, 24),
                f"Lohnabrechnung Minijob {payslip}",
            )
        return
    if cents < _MINIJOB_LIMIT_CENTS:
        roll = rng.random()
        if roll < 0.6:
            # minijobs are often paid in round euros
            amount = cents - cents % 100 if rng.random() < 0.6 else cents
            _income(
                member,
                "minijob",
                amount,
                _months_back(rng, ctx, 1, 48),
                f"Lohnabrechnung Minijob {payslip}",
            )
        elif roll < 0.7:
            _income(
                member,
                "other",
                cents,
                _months_back(rng, ctx, 1, 24),
                f"Nachweis sonstige Einkünfte {payslip}",
                "year" if rng.random() < 0.2 else "month",
            )
        else:
            _income(
                member,
                "wages",
                cents,
                _months_back(rng, ctx, 1, 60),
                f"Gehaltsabrechnung {payslip}",
            )
        return
    kind = _EMPLOYED_KINDS.pick(rng)
    if kind == "wages":
        if cents > 120000 and rng.random() < 0.08:
            side = uniform_cents(rng, 150, 520)
            _income(
                member,
                "minijob",
                side,
                _months_back(rng, ctx, 1, 36),
                f"Lohnabrechnung Minijob {payslip}",
            )
            cents -= side
        _income(
            member, "wages", cents, _months_back(rng, ctx, 1, 120), f"Gehaltsabrechnung {payslip}"
        )
    elif kind == "self_employed":
        year = ctx.as_of.year - 1
        _income(
            member,
            "self_employed",
            cents,
            date(year, 1, 1),
            f"Einkommensteuerbescheid {year}",
            "year" if rng.random() < 0.6 else "month",
        )
    elif kind == "alg1":
        start = ctx.as_of - timedelta(days=randint(rng, 10, 330))
        _income(
            member,
            "alg1",
            cents,
            start,
            f"Bewilligungsbescheid Agentur für Arbeit vom {_german_date(start)}",
        )
    elif kind == "krankengeld":
        start = ctx.as_of - timedelta(days=randint(rng, 10, 150))
        _income(member, "krankengeld", cents, start, f"Krankengeldbescheinigung {payslip}")
    elif kind == "pension":
        _income(
            member,
            "pension",
            cents,
            ctx.pension_from,
            f"Rentenbescheid (Erwerbsminderung) {ctx.pension_from.year}",
        )
    else:
        _income(
            member,
            "other",
            cents,
            _months_back(rng, ctx, 1, 24),
            f"Nachweis sonstige Einkünfte {payslip}",
        )


def _add_minor_incomes(rng: Random, ctx: _Context, minor: _Member, single_parent: bool) -> int:
    """Kindergeld and the like for a minor; returns the monthly sum in cents."""
    total = 25500
    _income(
        minor,
        "kindergeld",
        total,
        minor.since,
        f"Kindergeldbescheid Familienkasse vom "
        f"{_german_date(min(minor.since + timedelta(days=30), ctx.as_of))}",
    )
    # maintenance is owed by the absent parent; not for foster children
    if single_parent and "foster_child" not in minor.flags and rng.random() < 0.65:
        if rng.random() < 0.5:
            cents = _UVG_CENTS[min(minor.age // 6, 2)]
            start = max(_months_back(rng, ctx, 1, 60), minor.since)
            _income(
                minor,
                "unterhalt",
                cents,
                start,
                f"Unterhaltsvorschussbescheid vom {_german_date(start)}",
            )
        else:
            cents = uniform_cents(rng, 150, 600)
            _income(
                minor,
                "unterhalt",
                cents,
                _months_back(rng, ctx, 1, 60),
                f"Kontoauszug {ctx.payslip_month} (Unterhalt)",
            )
        total += cents
    if minor.age >= 15 and rng.random() < 0.08:
        if rng.random() < 0.5:
            cents = uniform_cents(rng, 700, 1000)
            _income(
                minor,
                "ausbildung",
                cents,
                ctx.training_year_from,
                f"Ausbildungsvergütung {ctx.payslip_month}",
            )
        else:
            cents = uniform_cents(rng, 100, 520)
            _income(
                minor,
                "minijob",
                cents,
                _months_back(rng, ctx, 1, 12),
                f"Lohnabrechnung Minijob {ctx.payslip_month}",
            )
        total += cents
    return total


def _weights(members: list[_Member]) -> float:
    # modified OECD scale; the applicant is always the first adult here
    return 1.0 + sum(0.5 if m.age >= 14 else 0.3 for m in members[1:])


def _assign_incomes(
    rng: Random,
    ctx: _Context,
    members: list[_Member],
    units: list[list[int]],
    unit_kinds: list[str | None],
    household_type: str,
) -> None:
    single_parent = not any(m.role == "partner" for m in members)
    baby = next((m for m in members if m.age == 0 and m.role == "child"), None)
    child_cents = 0
    for member in members:
        if member.age < 18:
            child_cents += _add_minor_incomes(
                rng, ctx, member, single_parent and member.role == "child"
            )
        elif member.role == "child" and member.age <= 24 and rng.random() < 0.7:
            # Kindergeld continues for grown-up children in education
            start = _months_back(rng, ctx, 1, 24)
            _income(
                member,
                "kindergeld",
                25500,
                start,
                f"Kindergeldbescheid Familienkasse vom {_german_date(start)}",
            )
            child_cents += 25500

    if all(kind is None for kind in unit_kinds):
        _spread_incomes(rng, ctx, members, child_cents, baby)
        return
    for unit, kind in zip(units, unit_kinds, strict=True):
        unit_members = [members[i] for i in unit]
        if kind is None:
            for member in unit_members:
                if member.age >= 18:
                    _add_earned(rng, ctx, member, uniform_cents(rng, 700, 2400), baby)
        else:
            _benefit_unit_incomes(rng, ctx, unit_members, kind, baby)


def _spread_incomes(
    rng: Random, ctx: _Context, members: list[_Member], child_cents: int, baby: _Member | None
) -> None:
    """Incomes of a household without benefit, spread around the income limit."""
    low, high = _EQUIVALISED_BANDS.pick(rng)
    equivalised = low + rng.random() * (high - low)
    rest = round(equivalised * _weights(members) * 100) - child_cents
    if rest < 15000:
        rest = uniform_cents(rng, 150, 450)
    adults = [m for m in members if m.age >= 18]
    shares: list[float] = []
    for member in adults:
        if member.role == "applicant":
            shares.append(1.0)
        elif member.role == "partner":
            both_retired = member.age >= 63 and adults[0].age >= 63
            shares.append(rng.uniform(0.4, 0.8) if both_retired or rng.random() < 0.6 else 0.0)
        else:
            shares.append(rng.uniform(0.3, 1.0))
    total = sum(shares)
    for member, share in zip(adults, shares, strict=True):
        if share > 0:
            _add_earned(rng, ctx, member, round(rest * share / total), baby)


def _benefit_unit_incomes(
    rng: Random, ctx: _Context, unit: list[_Member], kind: str, baby: _Member | None
) -> None:
    """Low incomes that go with a benefit (e.g. a small pension topped up by Grundsicherung)."""
    adults = [m for m in unit if m.age >= 18]
    payslip = ctx.payslip_month
    for position, member in enumerate(adults):
        if baby is not None and member.parent and member.sex == "f" and rng.random() < 0.7:
            _income(
                member,
                "elterngeld",
                30000,
                baby.since,
                _elterngeld_evidence(ctx, baby),
            )
            continue
        retired = member.age >= 65
        if kind == "sgb12_grundsicherung":
            if retired or rng.random() < 0.6:
                _add_pension(rng, ctx, member, uniform_cents(rng, 250, 950))
        elif kind == "wohngeld":
            if retired:
                _add_pension(rng, ctx, member, uniform_cents(rng, 850, 1500))
            elif position == 0:
                _add_earned(rng, ctx, member, uniform_cents(rng, 1100, 2100), None)
            elif rng.random() < 0.35:
                _add_earned(rng, ctx, member, uniform_cents(rng, 300, 900), None)
        elif kind == "kinderzuschlag":
            if position == 0:
                _income(
                    member,
                    "wages",
                    uniform_cents(rng, 1500, 2600),
                    _months_back(rng, ctx, 1, 96),
                    f"Gehaltsabrechnung {payslip}",
                )
            elif rng.random() < 0.4:
                _income(
                    member,
                    "minijob",
                    uniform_cents(rng, 200, 556),
                    _months_back(rng, ctx, 1, 36),
                    f"Lohnabrechnung Minijob {payslip}",
                )
        elif kind in ("sgb2", "asylblg"):
            roll = rng.random()
            working = 0.4 if kind == "sgb2" else 0.15
            if retired:
                _add_pension(rng, ctx, member, uniform_cents(rng, 150, 600))
            elif roll < working * 0.62:
                _income(
                    member,
                    "minijob",
                    uniform_cents(rng, 100, 556),
                    _months_back(rng, ctx, 1, 36),
                    f"Lohnabrechnung Minijob {payslip}",
                )
            elif roll < working:
                # "Aufstocker": wages too low to live on
                _income(
                    member,
                    "wages",
                    uniform_cents(rng, 600, 1400),
                    _months_back(rng, ctx, 1, 60),
                    f"Gehaltsabrechnung {payslip}",
                )
        elif kind == "sgb12_hlu":
            if rng.random() < 0.3:
                _income(
                    member,
                    "pension",
                    uniform_cents(rng, 200, 600),
                    ctx.pension_from,
                    f"Rentenbescheid (Erwerbsminderung, befristet) {ctx.pension_from.year}",
                )
        elif kind == "sgb8_stationaer" and rng.random() < 0.4:
            _income(
                member,
                "ausbildung",
                uniform_cents(rng, 600, 1000),
                ctx.training_year_from,
                f"Ausbildungsvergütung {payslip}",
            )


# ---- addresses -----------------------------------------------------------------------------


def _address(rng: Random, stadtteil_code: str | None, valid_from: date) -> DemoAddress:
    street = pick_street(rng, stadtteil_code)
    return DemoAddress(
        street=street.name,
        house_number=pick_house_number(rng),
        postcode=street.postcode,
        municipality=street.municipality,
        stadtteil_code=street.stadtteil_code,
        valid_from=valid_from,
    )


def _addresses(rng: Random, ctx: _Context, since: date) -> tuple[DemoAddress, ...]:
    current_code = None if rng.random() < 0.02 else stadtteil_pool().pick(rng)
    move_from = max(since.toordinal() + 1, ctx.as_of_ord - 730)
    if rng.random() < 0.10 and move_from <= ctx.as_of_ord:
        roll = rng.random()
        if roll < 0.45 and current_code is not None:
            previous_code: str | None = current_code  # moved within the Stadtteil
        elif roll < 0.93:
            previous_code = stadtteil_pool().pick(rng)
        else:
            previous_code = None  # moved in from a neighbouring municipality
        moved = date.fromordinal(randint(rng, move_from, ctx.as_of_ord))
        return (_address(rng, previous_code, since), _address(rng, current_code, moved))
    return (_address(rng, current_code, since),)


__all__ = [
    "BENEFIT_KINDS",
    "HOUSEHOLD_TYPES",
    "INCOME_KINDS",
    "INCOME_PERIODS",
    "KINDERGELD_MONTHLY",
    "PERSON_FLAGS",
    "ROLES",
    "SEXES",
    "DemoAddress",
    "DemoBenefit",
    "DemoHousehold",
    "DemoIncome",
    "DemoPerson",
    "generate_household",
    "generate_households",
    "household_digest",
]
