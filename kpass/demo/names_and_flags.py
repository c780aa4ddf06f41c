"""Family and given names of a household's members, and the rare flags of minors."""

from __future__ import annotations

from datetime import date
from random import Random

from kpass.demo.composition import Member
from kpass.demo.context import Context
from kpass.demo.names import family_name_pool, pick_given_names
from kpass.demo.sampling import randint
from kpass.demo.tables import ORIGINS_NO_BENEFIT


def assign_names(rng: Random, members: list[Member], layout: str, origin: str) -> None:
    applicant = members[0]
    applicant.origin = applicant.name_origin = origin
    applicant.name_base = family_name_pool(origin).pick(rng)
    partner = next((m for m in members if m.role == "partner"), None)
    if partner is not None:
        partner.origin = origin if rng.random() < 0.88 else ORIGINS_NO_BENEFIT.pick(rng)
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
            member.origin = ORIGINS_NO_BENEFIT.pick(rng) if layout == "flat_share" else origin
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


def assign_flags(rng: Random, ctx: Context, members: list[Member]) -> None:
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
