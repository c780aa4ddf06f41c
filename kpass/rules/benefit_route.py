"""Eligibility without income test: benefit notices (section 2) and the Kinderpass routes (3).

A notice qualifies a person when its kind is a qualifying benefit of the rule set, it covers the
person (its member list names them, or it has no list), and it is valid on at least one day of
the calendar month of the application date (even a day after the application date). A notice
without end date (``valid_until`` None, "bis auf Weiteres") is valid from its start on. Of
several qualifying notices the kind that comes first in the parameter ``qualifying_benefits``
gives the basis (spec decision).

A person under ``adult_age`` without a qualifying notice gets the Kinderpass for ``disability``,
then ``foster_child`` (flags on the person), then ``large_family`` (at least
``large_family_min_minors`` members under ``adult_age``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from kpass.rules.age import first_of_month, last_of_month
from kpass.rules.model import (
    BASIS_LARGE_FAMILY,
    FLAG_DISABILITY,
    FLAG_FOSTER_CHILD,
    Benefit,
)

#: Order of the Kinderpass routes after the benefit route (spec section 3).
KINDERPASS_FLAG_ROUTES: tuple[str, ...] = (FLAG_DISABILITY, FLAG_FOSTER_CHILD)


def valid_in_month(benefit: Benefit, month_start: date, month_end: date) -> bool:
    """Whether ``benefit`` is valid on at least one day from ``month_start`` to ``month_end``."""
    until = benefit.valid_until
    return benefit.valid_from <= month_end and (until is None or until >= month_start)


def benefit_ranks(
    benefits: Iterable[Benefit], rank_of: Mapping[str, int], month_start: date, month_end: date
) -> tuple[int | None, dict[str, int] | None]:
    """The best (lowest) rank of the qualifying notices of an application.

    Returns ``(household_rank, member_ranks)``: the best rank among notices without a member
    list (they cover everyone), and the best rank per member id among notices with a list
    (``None`` when there are none, which is the common case and costs no dict).
    ``rank_of`` maps each qualifying kind to its place in the precedence order.
    """
    household_rank: int | None = None
    member_ranks: dict[str, int] | None = None
    for benefit in benefits:
        rank = rank_of.get(benefit.kind)
        if rank is None or benefit.valid_from > month_end:
            continue
        until = benefit.valid_until
        if until is not None and until < month_start:
            continue
        covered = benefit.members
        if covered is None:
            if household_rank is None or rank < household_rank:
                household_rank = rank
            continue
        if member_ranks is None:
            member_ranks = {}
        for member_id in covered:
            known = member_ranks.get(member_id)
            if known is None or rank < known:
                member_ranks[member_id] = rank
    return household_rank, member_ranks


def qualifying_kind(
    member_id: str,
    benefits: Iterable[Benefit],
    qualifying_benefits: tuple[str, ...],
    application_date: date,
) -> str | None:
    """The benefit kind that makes ``member_id`` eligible on ``application_date``, if any.

    A readable single-person version of :func:`benefit_ranks` for callers outside evaluation.
    """
    rank_of = {kind: rank for rank, kind in enumerate(qualifying_benefits)}
    household_rank, member_ranks = benefit_ranks(
        benefits, rank_of, first_of_month(application_date), last_of_month(application_date)
    )
    ranks = [r for r in (household_rank, (member_ranks or {}).get(member_id)) if r is not None]
    return qualifying_benefits[min(ranks)] if ranks else None


def kinderpass_route(
    flags: frozenset[str], minors: int, large_family_min_minors: int
) -> str | None:
    """The basis of a Kinderpass without income test for a person under ``adult_age``, if any.

    ``minors`` is the number of household members under ``adult_age``.
    """
    if flags:
        for flag in KINDERPASS_FLAG_ROUTES:
            if flag in flags:
                return flag
    if minors >= large_family_min_minors:
        return BASIS_LARGE_FAMILY
    return None
