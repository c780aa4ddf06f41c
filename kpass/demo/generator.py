"""Deterministic generator of a synthetic register that looks like Karlsruhe.

The generator produces plain, frozen data (households with persons, incomes, addresses and benefit
notices); writing it into a database is someone else's job. Household ``i`` depends only on
``(seed, i, as_of)``: every household gets its own random stream, seeded from a string (CPython
hashes string seeds with SHA-512, so this does not depend on ``PYTHONHASHSEED``). Batches can
therefore be generated independently, in any order and of any size, with the same result.

Given a :class:`~kpass.demo.distinct.PersonRegistry` (``distinct``), each person is also
kept apart from the persons registered before (see :mod:`kpass.demo.distinct`): household
``i`` then depends on the registry too, so the households must be taken in order and the
registry must hold what the register holds (:mod:`kpass.services.admin.demo_data` builds it from
the register and keeps it across the batches of a run). A household without a clash is the
same with or without the registry.

The proportions (household types, benefit share, incomes around the income limit, ages, names and
Stadtteile) are chosen to resemble the register of the Karlsruher Pass; they are not statistics.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from random import Random

from kpass.demo.addresses import address_history
from kpass.demo.benefits import (
    add_active_chain,
    add_ended_chain,
    add_youth_welfare,
    unit_benefit_kind,
)
from kpass.demo.composition import assign_since, compose, household_since
from kpass.demo.context import Context, context_for
from kpass.demo.distinct import PersonRegistry, keep_apart
from kpass.demo.incomes import assign_incomes
from kpass.demo.model import (
    BENEFIT_KINDS,
    HISTORY_MONTHS,
    HOUSEHOLD_TYPES,
    INCOME_KINDS,
    INCOME_LIMIT_MONTHLY,
    INCOME_PERIODS,
    KINDERGELD_MONTHLY,
    PERSON_FLAGS,
    ROLES,
    SEXES,
    DemoAddress,
    DemoBenefit,
    DemoHousehold,
    DemoIncome,
    DemoPerson,
)
from kpass.demo.names import family_name_form
from kpass.demo.names_and_flags import assign_flags, assign_names
from kpass.demo.tables import BENEFIT_RATE, HOUSEHOLD_TYPE_POOL, ORIGINS_BENEFIT, ORIGINS_NO_BENEFIT


def generate_households(
    count: int,
    seed: int,
    as_of: date,
    start: int = 0,
    distinct: PersonRegistry | None = None,
) -> Iterator[DemoHousehold]:
    """Generate households ``start .. start + count - 1`` of the register as of ``as_of``.

    Household ``i`` depends only on ``(seed, i, as_of)``, so batches can be generated
    independently and the result is the same whatever the batch size. With ``distinct``,
    household ``i`` depends on what the registry holds as well (and adds its persons to it,
    as the households are taken): no person is a likely duplicate of a registered one.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    if start < 0:
        raise ValueError("start must not be negative")
    ctx = context_for(as_of)
    # a generator expression, so that bad arguments fail at the call, not at the first next()
    return (_generate(ctx, seed, index, distinct) for index in range(start, start + count))


def drawn_households(count: int, seed: int, as_of: date, start: int) -> list[DemoHousehold]:
    """Households ``start .. start + count - 1`` as drawn without a registry: the work a
    helper process can do ahead of the writer (see :func:`kept_apart`)."""
    return list(generate_households(count, seed, as_of, start))


def kept_apart(
    drawn: Iterable[DemoHousehold],
    seed: int,
    as_of: date,
    distinct: PersonRegistry,
    fresh: Callable[[], PersonRegistry],
) -> Iterator[DemoHousehold]:
    """The households :func:`generate_households` with ``distinct`` yields, from the same
    households drawn without it, in order: one whose persons clash with nobody registered
    (nor with each other) is the same either way and is taken as drawn; one with a clash
    is generated again against the registry. ``fresh`` makes an empty registry of the
    same kind (for a household's own members)."""
    ctx = context_for(as_of)
    for household in drawn:
        if _clash_free(household, distinct, fresh()):
            for person in household.persons:
                distinct.add(person.family_name, person.given_names, person.birth_date)
            yield household
        else:
            yield _generate(ctx, seed, household.index, distinct)


def _clash_free(
    household: DemoHousehold, registered: PersonRegistry, members: PersonRegistry
) -> bool:
    # keep_apart checks each member against the registry holding the members before it
    for person in household.persons:
        keys = (person.family_name, person.given_names, person.birth_date)
        if registered.clashes(*keys) or members.clashes(*keys):
            return False
        members.add(*keys)
    return True


def generate_household(
    seed: int, index: int, as_of: date, distinct: PersonRegistry | None = None
) -> DemoHousehold:
    """The single household ``index`` (same as the one :func:`generate_households` yields)."""
    if index < 0:
        raise ValueError("index must not be negative")
    return _generate(context_for(as_of), seed, index, distinct)


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


def _generate(
    ctx: Context, seed: int, index: int, distinct: PersonRegistry | None
) -> DemoHousehold:
    rng = Random(f"kpass-demo:{seed}:{index}")
    household_type = HOUSEHOLD_TYPE_POOL.pick(rng)
    members, units, layout = compose(rng, ctx, household_type)
    since = household_since(rng, ctx, members)
    assign_since(rng, ctx, members, since)
    has_benefit = rng.random() < BENEFIT_RATE[household_type]
    origin = (ORIGINS_BENEFIT if has_benefit else ORIGINS_NO_BENEFIT).pick(rng)
    assign_names(rng, members, layout, origin)
    assign_flags(rng, ctx, members)

    benefits: list[DemoBenefit] = []
    unit_kinds: list[str | None] = []
    whole = len(units) == 1
    for position, unit in enumerate(units):
        unit_members = [members[i] for i in unit]
        keys = () if whole else tuple(m.key for m in unit_members)
        active = has_benefit and (position == 0 or rng.random() < 0.5)
        kind = unit_benefit_kind(rng, unit_members, members[unit[0]].origin)
        if active:
            unit_kinds.append(kind)
            add_active_chain(rng, ctx, index, since, kind, keys, benefits)
        else:
            unit_kinds.append(None)
            if rng.random() < 0.2:
                add_ended_chain(rng, ctx, index, since, kind, keys, benefits)
    add_youth_welfare(rng, ctx, index, since, members, benefits)

    assign_incomes(rng, ctx, members, units, unit_kinds, household_type)
    addresses = address_history(rng, ctx, since)
    if distinct is not None:
        # last, so that a household without a clash draws exactly what it draws without
        keep_apart(rng, ctx, members, distinct)
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


__all__ = [
    "BENEFIT_KINDS",
    "HISTORY_MONTHS",
    "HOUSEHOLD_TYPES",
    "INCOME_KINDS",
    "INCOME_LIMIT_MONTHLY",
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
    "PersonRegistry",
    "drawn_households",
    "generate_household",
    "generate_households",
    "household_digest",
    "kept_apart",
]
