"""No two persons of the demo register look like one person to the duplicate finder.

The register refuses likely duplicates (:mod:`kpass.services.household.duplicates`): the same birth
day with like names, or the same family name with a birth date one typo away and like given
names. Invented persons meet those rules by chance (with 100,000 households a few thousand
pairs), yet no two of them are the same person. So the generator asks a
:class:`PersonRegistry` — the persons already in the register and those generated before in
the run — about each new person, and when the finder would take them for one, draws the
given name again from the same random stream, a bounded number of times (then the pool in
order, then the birth day a few days off within the same age, then any day of that age —
for a child born into the household only later, with its joining day), before adding the
person.

The registry knows the finder's definition; the generator only draws. Households without a
clash consume no random numbers here, so they are exactly what they would be without a
registry.
"""

from __future__ import annotations

from datetime import date
from random import Random
from typing import Protocol

from kpass.demo.composition import Member
from kpass.demo.context import Context
from kpass.demo.names import family_name_form, given_name_pool, pick_given_names
from kpass.demo.sampling import randint

#: Given names drawn again by weight before the pool is tried name by name.
GIVEN_NAME_REDRAWS = 8
#: Birth days tried (at most this many days off, same age on as_of) when no given name fits.
BIRTH_DAY_SHIFTS = 16
#: Days of the same age tried when no near one fits (the later half with another name too).
WIDE_SHIFTS = 64
MAX_SHIFT_DAYS = 7


class PersonRegistry(Protocol):
    """Persons a newly generated person must not be a likely duplicate of."""

    def clashes(self, family_name: str, given_names: str, birth_date: date) -> bool:
        """Whether the finder would take this person for one already registered."""
        ...

    def add(self, family_name: str, given_names: str, birth_date: date) -> None:
        """Register the person (later ones are kept apart from it)."""
        ...


class NoDistinctPerson(RuntimeError):
    """No given name of the pool and no nearby birth day keeps a person apart (not seen in
    practice: it would take dozens of like persons born on the same days)."""


def _first(given_names: str) -> str:
    return given_names.split(" ", 1)[0]


def keep_apart(
    rng: Random, ctx: Context, members: list[Member], registry: PersonRegistry
) -> None:
    """Check the household's members in order (each also against the members before it),
    re-draw the given names or birth day of one that clashes, and register them all."""
    for member in members:
        family = family_name_form(member.name_base, member.name_origin, member.sex)
        if registry.clashes(family, member.given_names, member.birth):
            _redraw(rng, ctx, member, family, members, registry)
        registry.add(family, member.given_names, member.birth)


def _redraw(
    rng: Random,
    ctx: Context,
    member: Member,
    family: str,
    members: list[Member],
    registry: PersonRegistry,
) -> None:
    # No two members of a household share a first given name (see assign_names).
    taken = {_first(m.given_names) for m in members if m is not member}

    def fits(names: str, birth: date) -> bool:
        return _first(names) not in taken and not registry.clashes(family, names, birth)

    for _ in range(GIVEN_NAME_REDRAWS):
        names = pick_given_names(rng, member.origin, member.sex, member.birth.year)
        if fits(names, member.birth):
            member.given_names = names
            return
    pool = given_name_pool(member.origin, member.sex, member.birth.year)
    offset = randint(rng, 0, len(pool.items) - 1)
    for step in range(len(pool.items)):
        position = (offset + step) % len(pool.items)
        drawable = pool.cum_weights[position] > (pool.cum_weights[position - 1] if position else 0)
        if drawable and fits(pool.items[position], member.birth):
            member.given_names = pool.items[position]
            return
    # A birth day a few days off, of the same age on as_of; then, in a large register where
    # like persons crowd those days (the finder also takes dates one typo apart), any day of
    # that age. A person born into the household joined on the birth day: both move
    # together, and only later, so that nobody is born before the household they were born
    # into.
    first, last = ctx.birth_ranges[member.age]
    born_here = member.since == member.birth
    birth_ord = member.birth.toordinal()
    earliest = birth_ord + 1 if born_here else first
    latest = last if born_here else min(last, member.since.toordinal() - 1)
    near = (max(earliest, birth_ord - MAX_SHIFT_DAYS), min(latest, birth_ord + MAX_SHIFT_DAYS))
    tries = ((near, BIRTH_DAY_SHIFTS), ((earliest, latest), WIDE_SHIFTS))
    for (low, high), count in tries:
        for attempt in range(count if low <= high else 0):
            birth = date.fromordinal(randint(rng, low, high))
            names = member.given_names
            if attempt >= BIRTH_DAY_SHIFTS or _first(names) in taken:
                # the name is crowded on most days (a sibling's, or one of the year's
                # favourites): another name with the day
                names = pick_given_names(rng, member.origin, member.sex, birth.year)
            if birth != member.birth and fits(names, birth):
                member.birth = birth
                member.given_names = names
                if born_here:
                    member.since = birth
                return
    raise NoDistinctPerson(
        f"no given name or birth day keeps a {member.origin}/{member.sex} person born "
        f"{member.birth.isoformat()} named {family} apart from the register"
    )
