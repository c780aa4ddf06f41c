"""The incomes of a household: children's, and the adults' around the income limit or a benefit."""

from __future__ import annotations

from datetime import timedelta
from random import Random

from kpass.demo.composition import Member
from kpass.demo.context import Context
from kpass.demo.earned_incomes import (
    add_earned,
    add_pension,
    elterngeld_evidence,
    months_back,
    record_income,
)
from kpass.demo.sampling import uniform_cents
from kpass.demo.tables import EQUIVALISED_BANDS, UVG_CENTS
from kpass.vocabulary import format_date


def _add_minor_incomes(rng: Random, ctx: Context, minor: Member, single_parent: bool) -> int:
    """Kindergeld and the like for a minor; returns the monthly sum in cents."""
    total = 25500
    record_income(
        minor,
        "kindergeld",
        total,
        minor.since,
        f"Kindergeldbescheid Familienkasse vom "
        f"{format_date(min(minor.since + timedelta(days=30), ctx.as_of))}",
    )
    # maintenance is owed by the absent parent; not for foster children
    if single_parent and "foster_child" not in minor.flags and rng.random() < 0.65:
        if rng.random() < 0.5:
            cents = UVG_CENTS[min(minor.age // 6, 2)]
            start = max(months_back(rng, ctx, 1, 60), minor.since)
            record_income(
                minor,
                "unterhalt",
                cents,
                start,
                f"Unterhaltsvorschussbescheid vom {format_date(start)}",
            )
        else:
            cents = uniform_cents(rng, 150, 600)
            record_income(
                minor,
                "unterhalt",
                cents,
                months_back(rng, ctx, 1, 60),
                f"Kontoauszug {ctx.payslip_month} (Unterhalt)",
            )
        total += cents
    if minor.age >= 15 and rng.random() < 0.08:
        if rng.random() < 0.5:
            cents = uniform_cents(rng, 700, 1000)
            record_income(
                minor,
                "ausbildung",
                cents,
                ctx.training_year_from,
                f"Ausbildungsvergütung {ctx.payslip_month}",
            )
        else:
            cents = uniform_cents(rng, 100, 520)
            record_income(
                minor,
                "minijob",
                cents,
                months_back(rng, ctx, 1, 12),
                f"Lohnabrechnung Minijob {ctx.payslip_month}",
            )
        total += cents
    return total


def _weights(members: list[Member]) -> float:
    # modified OECD scale; the applicant is always the first adult here
    return 1.0 + sum(0.5 if m.age >= 14 else 0.3 for m in members[1:])


def assign_incomes(
    rng: Random,
    ctx: Context,
    members: list[Member],
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
            start = months_back(rng, ctx, 1, 24)
            record_income(
                member,
                "kindergeld",
                25500,
                start,
                f"Kindergeldbescheid Familienkasse vom {format_date(start)}",
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
                    add_earned(rng, ctx, member, uniform_cents(rng, 700, 2400), baby)
        else:
            _benefit_unit_incomes(rng, ctx, unit_members, kind, baby)


def _spread_incomes(
    rng: Random, ctx: Context, members: list[Member], child_cents: int, baby: Member | None
) -> None:
    """Incomes of a household without benefit, spread around the income limit."""
    low, high = EQUIVALISED_BANDS.pick(rng)
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
            add_earned(rng, ctx, member, round(rest * share / total), baby)


def _benefit_unit_incomes(
    rng: Random, ctx: Context, unit: list[Member], kind: str, baby: Member | None
) -> None:
    """Low incomes that go with a benefit (e.g. a small pension topped up by Grundsicherung)."""
    adults = [m for m in unit if m.age >= 18]
    payslip = ctx.payslip_month
    for position, member in enumerate(adults):
        if baby is not None and member.parent and member.sex == "f" and rng.random() < 0.7:
            record_income(
                member,
                "elterngeld",
                30000,
                baby.since,
                elterngeld_evidence(ctx, baby),
            )
            continue
        retired = member.age >= 65
        if kind == "sgb12_grundsicherung":
            if retired or rng.random() < 0.6:
                add_pension(rng, ctx, member, uniform_cents(rng, 250, 950))
        elif kind == "wohngeld":
            if retired:
                add_pension(rng, ctx, member, uniform_cents(rng, 850, 1500))
            elif position == 0:
                add_earned(rng, ctx, member, uniform_cents(rng, 1100, 2100), None)
            elif rng.random() < 0.35:
                add_earned(rng, ctx, member, uniform_cents(rng, 300, 900), None)
        elif kind == "kinderzuschlag":
            if position == 0:
                record_income(
                    member,
                    "wages",
                    uniform_cents(rng, 1500, 2600),
                    months_back(rng, ctx, 1, 96),
                    f"Gehaltsabrechnung {payslip}",
                )
            elif rng.random() < 0.4:
                record_income(
                    member,
                    "minijob",
                    uniform_cents(rng, 200, 556),
                    months_back(rng, ctx, 1, 36),
                    f"Lohnabrechnung Minijob {payslip}",
                )
        elif kind in ("sgb2", "asylblg"):
            roll = rng.random()
            working = 0.4 if kind == "sgb2" else 0.15
            if retired:
                add_pension(rng, ctx, member, uniform_cents(rng, 150, 600))
            elif roll < working * 0.62:
                record_income(
                    member,
                    "minijob",
                    uniform_cents(rng, 100, 556),
                    months_back(rng, ctx, 1, 36),
                    f"Lohnabrechnung Minijob {payslip}",
                )
            elif roll < working:
                # "Aufstocker": wages too low to live on
                record_income(
                    member,
                    "wages",
                    uniform_cents(rng, 600, 1400),
                    months_back(rng, ctx, 1, 60),
                    f"Gehaltsabrechnung {payslip}",
                )
        elif kind == "sgb12_hlu":
            if rng.random() < 0.3:
                record_income(
                    member,
                    "pension",
                    uniform_cents(rng, 200, 600),
                    ctx.pension_from,
                    f"Rentenbescheid (Erwerbsminderung, befristet) {ctx.pension_from.year}",
                )
        elif kind == "sgb8_stationaer" and rng.random() < 0.4:
            record_income(
                member,
                "ausbildung",
                uniform_cents(rng, 600, 1000),
                ctx.training_year_from,
                f"Ausbildungsvergütung {payslip}",
            )
