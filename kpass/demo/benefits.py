"""Benefit notices (Bescheide): runs of consecutive Bewilligungszeiträume per economic unit."""

from __future__ import annotations

from datetime import date
from random import Random

from kpass.demo.composition import Member
from kpass.demo.context import Context, month_first, month_index, month_last
from kpass.demo.model import HISTORY_MONTHS, DemoBenefit
from kpass.demo.sampling import randint
from kpass.demo.tables import (
    ADULT_KINDS,
    ASYLUM_SHARE,
    FAMILY_KINDS,
    NOTICE_MONTHS,
    PENSIONER_KINDS,
    PREVIOUS_KIND,
    REFERENCE_PREFIX,
)


def unit_benefit_kind(rng: Random, unit: list[Member], origin: str) -> str:
    adults = [m for m in unit if m.age >= 18]
    has_minor = len(adults) < len(unit)
    pensioners = any(m.age >= 65 for m in adults)
    if not pensioners and rng.random() < ASYLUM_SHARE.get(origin, 0.0):
        return "asylblg"
    if pensioners and not has_minor:
        return PENSIONER_KINDS.pick(rng)
    if len(unit) == 1 and adults and adults[0].age <= 20 and rng.random() < 0.3:
        # a care leaver in a supported flat (Hilfe für junge Volljährige)
        return "sgb8_stationaer"
    if has_minor:
        return FAMILY_KINDS.pick(rng)
    return ADULT_KINDS.pick(rng)


def _notice(
    index: int,
    kind: str,
    first: int,
    last: int,
    since: date,
    keys: tuple[int, ...],
    benefits: list[DemoBenefit],
) -> None:
    valid_from = max(month_first(first), since)
    number = len(benefits) + 1
    reference = f"{REFERENCE_PREFIX[kind]}-{valid_from.year}-{index:07d}-{number:02d}"
    benefits.append(DemoBenefit(kind, valid_from, month_last(last), reference, keys))


def _chain(
    rng: Random,
    ctx: Context,
    index: int,
    since: date,
    kind: str,
    keys: tuple[int, ...],
    latest_first: int,
    latest_last: int,
    benefits: list[DemoBenefit],
) -> int:
    """Consecutive notices ending with ``latest_first..latest_last``; returns the chain's start."""
    since_month = month_index(since)
    window_first = ctx.month - HISTORY_MONTHS
    # how long the benefit had been running before the latest notice
    chain_first = max(since_month, latest_first - randint(rng, 0, 84))
    periods = [(latest_first, latest_last)]
    first = latest_first
    while first > window_first:
        months = NOTICE_MONTHS[kind].pick(rng)
        if first - months < chain_first:
            break
        periods.append((first - months, first - 1))
        first -= months
    for period_first, period_last in reversed(periods):
        _notice(index, kind, period_first, period_last, since, keys, benefits)
    return first


def add_active_chain(
    rng: Random,
    ctx: Context,
    index: int,
    since: date,
    kind: str,
    keys: tuple[int, ...],
    benefits: list[DemoBenefit],
) -> None:
    months = NOTICE_MONTHS[kind].pick(rng)
    first = max(ctx.month - randint(rng, 0, months - 1), month_index(since))
    mark = len(benefits)
    start = _chain(rng, ctx, index, since, kind, keys, first, first + months - 1, benefits)
    # Now and then the benefit replaced another one, e.g. Wohngeld before Bürgergeld.
    if (
        start > ctx.month - HISTORY_MONTHS
        and start > month_index(since) + 1
        and rng.random() < 0.15
    ):
        previous = PREVIOUS_KIND.get(kind)
        if previous is not None:
            months = NOTICE_MONTHS[previous].pick(rng)
            earlier: list[DemoBenefit] = []
            _chain(rng, ctx, index, since, previous, keys, start - months, start - 1, earlier)
            # keep references unique and in order: renumber after inserting the earlier chain
            combined = benefits[:mark] + earlier + benefits[mark:]
            benefits[:] = _renumbered(index, combined)


def _renumbered(index: int, notices: list[DemoBenefit]) -> list[DemoBenefit]:
    result = []
    for number, notice in enumerate(notices, start=1):
        reference = (
            f"{REFERENCE_PREFIX[notice.kind]}-{notice.valid_from.year}-{index:07d}-{number:02d}"
        )
        result.append(
            DemoBenefit(
                notice.kind, notice.valid_from, notice.valid_until, reference, notice.member_keys
            )
        )
    return result


def add_ended_chain(
    rng: Random,
    ctx: Context,
    index: int,
    since: date,
    kind: str,
    keys: tuple[int, ...],
    benefits: list[DemoBenefit],
) -> None:
    last = ctx.month - randint(rng, 1, 20)
    months = NOTICE_MONTHS[kind].pick(rng)
    first = last - months + 1
    if first < month_index(since):
        return
    _chain(rng, ctx, index, since, kind, keys, first, last, benefits)


def add_youth_welfare(
    rng: Random,
    ctx: Context,
    index: int,
    since: date,
    members: list[Member],
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
    months = NOTICE_MONTHS["sgb8_stationaer"].pick(rng)
    first = max(ctx.month - randint(rng, 0, months - 1), month_index(child.since))
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
