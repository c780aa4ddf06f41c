"""One adult's income: pension, wages, Elterngeld, training pay and the like."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from random import Random

from kpass.demo.composition import Member
from kpass.demo.context import Context, month_first
from kpass.demo.model import DemoIncome
from kpass.demo.sampling import randint, uniform_cents
from kpass.demo.tables import EMPLOYED_KINDS, MINIJOB_LIMIT_CENTS
from kpass.vocabulary import format_date


def _money(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


def months_back(rng: Random, ctx: Context, low: int, high: int) -> date:
    return month_first(ctx.month - randint(rng, low, high))


def record_income(
    member: Member, kind: str, cents: int, valid_from: date, evidence: str, period: str = "month"
) -> None:
    if cents <= 0:
        return
    amount = _money(cents * 12 if period == "year" else cents)
    member.incomes.append(DemoIncome(kind, amount, period, max(valid_from, member.since), evidence))


def elterngeld_evidence(ctx: Context, baby: Member) -> str:
    # the L-Bank decides some weeks after the birth
    decided = min(baby.since + timedelta(days=40), ctx.as_of)
    return f"Elterngeldbescheid L-Bank vom {format_date(decided)}"


def add_pension(rng: Random, ctx: Context, member: Member, cents: int) -> None:
    # A company pension is paid besides the statutory one and usually stated per year.
    if cents > 60000 and rng.random() < 0.2:
        company = min(cents // 3, uniform_cents(rng, 80, 450))
        record_income(
            member,
            "pension",
            cents - company,
            ctx.pension_from,
            f"Rentenanpassungsmitteilung {ctx.pension_from.year}",
        )
        company_from = date(ctx.as_of.year, 1, 1)
        record_income(
            member,
            "pension",
            company,
            company_from,
            f"Betriebsrentenmitteilung {company_from.year}",
            "year",
        )
        return
    record_income(
        member,
        "pension",
        cents,
        ctx.pension_from,
        f"Rentenanpassungsmitteilung {ctx.pension_from.year}",
    )


def add_earned(rng: Random, ctx: Context, member: Member, cents: int, baby: Member | None) -> None:
    """One adult's income of about ``cents`` per month, of a kind that fits age and situation."""
    payslip = ctx.payslip_month
    if member.age >= 65 or (member.age >= 63 and rng.random() < 0.5):
        add_pension(rng, ctx, member, cents)
        if member.age < 75 and rng.random() < 0.05:
            record_income(
                member,
                "minijob",
                uniform_cents(rng, 150, 520),
                months_back(rng, ctx, 1, 36),
                f"Lohnabrechnung Minijob {payslip}",
            )
        return
    if baby is not None and member.parent and member.sex == "f":
        elterngeld = min(max(cents, 30000), 180000)
        record_income(
            member,
            "elterngeld",
            elterngeld,
            baby.since,
            elterngeld_evidence(ctx, baby),
        )
        return
    if member.age <= 25 and member.role in ("child", "other") and rng.random() < 0.6:
        roll = rng.random()
        if roll < 0.45:
            record_income(
                member,
                "ausbildung",
                min(cents, uniform_cents(rng, 750, 1250)),
                ctx.training_year_from,
                f"Ausbildungsvergütung {payslip}",
            )
        elif roll < 0.75:
            record_income(
                member,
                "bafoeg",
                min(cents, uniform_cents(rng, 450, 992)),
                ctx.semester_from,
                f"BAföG-Bescheid vom {format_date(ctx.semester_from - timedelta(days=21))}",
            )
        else:
            record_income(
                member,
                "minijob",
                min(cents, MINIJOB_LIMIT_CENTS),
                months_back(rng, ctx, 1, 24),
                f"Lohnabrechnung Minijob {payslip}",
            )
        return
    if cents < MINIJOB_LIMIT_CENTS:
        roll = rng.random()
        if roll < 0.6:
            # minijobs are often paid in round euros
            amount = cents - cents % 100 if rng.random() < 0.6 else cents
            record_income(
                member,
                "minijob",
                amount,
                months_back(rng, ctx, 1, 48),
                f"Lohnabrechnung Minijob {payslip}",
            )
        elif roll < 0.7:
            record_income(
                member,
                "other",
                cents,
                months_back(rng, ctx, 1, 24),
                f"Nachweis sonstige Einkünfte {payslip}",
                "year" if rng.random() < 0.2 else "month",
            )
        else:
            record_income(
                member,
                "wages",
                cents,
                months_back(rng, ctx, 1, 60),
                f"Gehaltsabrechnung {payslip}",
            )
        return
    kind = EMPLOYED_KINDS.pick(rng)
    if kind == "wages":
        if cents > 120000 and rng.random() < 0.08:
            side = uniform_cents(rng, 150, 520)
            record_income(
                member,
                "minijob",
                side,
                months_back(rng, ctx, 1, 36),
                f"Lohnabrechnung Minijob {payslip}",
            )
            cents -= side
        record_income(
            member, "wages", cents, months_back(rng, ctx, 1, 120), f"Gehaltsabrechnung {payslip}"
        )
    elif kind == "self_employed":
        year = ctx.as_of.year - 1
        record_income(
            member,
            "self_employed",
            cents,
            date(year, 1, 1),
            f"Einkommensteuerbescheid {year}",
            "year" if rng.random() < 0.6 else "month",
        )
    elif kind == "alg1":
        start = ctx.as_of - timedelta(days=randint(rng, 10, 330))
        record_income(
            member,
            "alg1",
            cents,
            start,
            f"Bewilligungsbescheid Agentur für Arbeit vom {format_date(start)}",
        )
    elif kind == "krankengeld":
        start = ctx.as_of - timedelta(days=randint(rng, 10, 150))
        record_income(member, "krankengeld", cents, start, f"Krankengeldbescheinigung {payslip}")
    elif kind == "pension":
        record_income(
            member,
            "pension",
            cents,
            ctx.pension_from,
            f"Rentenbescheid (Erwerbsminderung) {ctx.pension_from.year}",
        )
    else:
        record_income(
            member,
            "other",
            cents,
            months_back(rng, ctx, 1, 24),
            f"Nachweis sonstige Einkünfte {payslip}",
        )
