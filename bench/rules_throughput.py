"""Throughput of the eligibility rules: households decided per second on one core.

Households are built in memory first (realistic mix, fixed seed); the timed part is
``kpass.rules.evaluate`` alone, with reason codes computed and sentences not built.

For comparison the same households are decided by :func:`plain_evaluate`, a deliberately plain
reading of the specification that looks every parameter up on each call and builds every
sentence at once. It is also an independent second implementation: the tests compare its
answers with ``evaluate``'s.

    python bench/rules_throughput.py [--quick]    # prints one JSON line per measure
"""

from __future__ import annotations

import json
import math
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script from a checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kpass.rules import (
    Benefit,
    Income,
    Member,
    Parameters,
    Residence,
    RuleInput,
    decision_to_json,
    evaluate,
    load_parameters,
)
from kpass.rules.reasons import render_reason

SEED = 20260315


# ---------------------------------------------------------------------------------------------
# Households
# ---------------------------------------------------------------------------------------------


def _birth(rng: random.Random, on: date, low: int, high: int) -> date:
    """A birth date giving an age from ``low`` to ``high`` on ``on``."""
    days = rng.randint(low * 365 + 1, high * 365 + 364)
    return on - timedelta(days=days)


def _money(rng: random.Random, mean: float, spread: float) -> Decimal:
    value = max(0.0, rng.gauss(mean, spread))
    return Decimal(f"{value:.2f}")


def build_households(count: int, seed: int = SEED) -> list[RuleInput]:
    """``count`` households with the proportions of the Karlsruhe register (approximately).

    45 % one person (many pensioners), 15 % single parents, 10 % couples without children,
    20 % couples with children, 10 % other; 55 % hold a qualifying notice (Bürgergeld most,
    then Wohngeld, Grundsicherung, AsylbLG, Kinderzuschlag); the others have incomes spread
    around the income limit. About 2.1 persons per household.
    """
    rng = random.Random(seed)
    start = date(2025, 1, 1)
    stadtteile = [f"{n:02d}" for n in range(1, 28)]
    result = []
    for _ in range(count):
        day = start + timedelta(days=rng.randrange(730))
        roll = rng.random()
        adults: list[date]
        children: list[date] = []
        if roll < 0.45:
            adults = [_birth(rng, day, 65, 90) if rng.random() < 0.5 else _birth(rng, day, 18, 64)]
        elif roll < 0.60:
            adults = [_birth(rng, day, 20, 50)]
            children = [_birth(rng, day, 0, 17) for _ in range(rng.choice((1, 1, 1, 2, 2, 2)))]
        elif roll < 0.70:
            adults = [_birth(rng, day, 20, 85) for _ in range(2)]
        elif roll < 0.90:
            adults = [_birth(rng, day, 22, 55) for _ in range(2)]
            children = [
                _birth(rng, day, 0, 17) for _ in range(rng.choice((1, 1, 1, 2, 2, 2, 3, 5)))
            ]
        else:
            adults = [_birth(rng, day, 18, 80) for _ in range(rng.choice((2, 2, 3, 3)))]
            children = [_birth(rng, day, 0, 17) for _ in range(rng.choice((0, 0, 1)))]
        members = []
        for index, birth in enumerate(adults + children):
            flags: frozenset[str] = frozenset()
            if index >= len(adults) and rng.random() < 0.04:
                flags = frozenset({"disability" if rng.random() < 0.7 else "foster_child"})
            members.append(Member(f"p{index + 1}", birth, flags))

        benefits: tuple[Benefit, ...] = ()
        month_start = day.replace(day=1)
        if rng.random() < 0.55:
            kind = rng.choices(
                ("sgb2", "wohngeld", "sgb12_grundsicherung", "asylblg", "kinderzuschlag"),
                weights=(45, 25, 15, 10, 5),
            )[0]
            valid_from = month_start - timedelta(days=rng.randrange(0, 300))
            valid_until = valid_from + timedelta(days=rng.choice((180, 365)))
            if rng.random() < 0.05:  # a notice that has run out: decided by income instead
                valid_until = month_start - timedelta(days=1)
            covered = None
            if kind == "kinderzuschlag" and children:
                covered = tuple(m.id for m in members[len(adults):])
            benefits = (Benefit(kind, valid_from, valid_until, covered),)
            members = [_with_incomes(rng, m, day, 600.0, index < len(adults))
                       for index, m in enumerate(members)]
        else:
            weights = 1.0 + 0.5 * (len(adults) - 1) + 0.3 * len(children)
            target = max(300.0, rng.gauss(1300.0, 350.0)) * weights
            members = [_with_incomes(rng, m, day, target / len(adults), index < len(adults))
                       for index, m in enumerate(members)]

        if rng.random() < 0.02:
            residence = Residence(rng.choice(("Ettlingen", "Rheinstetten")), None)
        else:
            residence = Residence("Karlsruhe", rng.choice(stadtteile))
        result.append(RuleInput(day, residence, "p1", tuple(members), benefits))
    return result


def _with_incomes(rng: random.Random, member: Member, day: date, share: float,
                  adult: bool) -> Member:
    if not adult:
        return Member(member.id, member.birth_date, member.flags,
                      (Income("kindergeld", Decimal("255.00"), "month"),))
    age = day.year - member.birth_date.year
    incomes: tuple[Income, ...]
    if rng.random() < 0.1:
        incomes = (Income("self_employed", _money(rng, share * 12, share * 2), "year"),)
    elif age >= 65:
        incomes = (Income("pension", _money(rng, share, share * 0.1), "month"),)
    elif rng.random() < 0.2:
        incomes = (Income("minijob", Decimal("538.00"), "month"),
                   Income("wages", _money(rng, share - 538, share * 0.2), "month"))
    else:
        incomes = (Income("wages", _money(rng, share, share * 0.15), "month"),)
    return Member(member.id, member.birth_date, member.flags, incomes)


# ---------------------------------------------------------------------------------------------
# The plain reference: the spec read sentence by sentence, no caches, sentences built at once.
# ---------------------------------------------------------------------------------------------

_CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class PlainReason:
    code: str
    text: str


def _value(parameters: Parameters, name: str, day: date) -> Any:
    found = parameters.parameters[name].value_on(day)
    return None if found is None else found[1]


def _age(birth: date, on: date) -> int:
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def _reason(code: str, *params: Any) -> PlainReason:
    from kpass.rules.model import Reason

    return PlainReason(code, render_reason(Reason(code, params)))  # type: ignore[arg-type]


def _last_day(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def plain_evaluate(rule_input: RuleInput, parameters: Parameters) -> dict[str, Any]:
    """Decide ``rule_input`` the plain way; returns the JSON shape of ``decision_to_json``."""
    day = rule_input.application_date
    names = list(parameters.parameters)
    if any(parameters.parameters[n].value_on(day) is None for n in names):
        nothing = _reason("no_rule_set", day, parameters.first_date)
        return _plain_json(None, {}, [(m.id, None, [nothing], []) for m in rule_input.members])
    starts = [parameters.parameters[n].value_on(day)[0] for n in names]  # type: ignore[index]
    rule_set = f"{parameters.issuer.rule_set_prefix}-{max(starts).isoformat()}"

    issuer = parameters.issuer
    residence = rule_input.residence
    codes = None if issuer.stadtteile is None else [c for c, _ in issuer.stadtteile]
    if residence.municipality.strip().lower() != issuer.municipality.lower() or (
        codes is not None and residence.stadtteil not in codes
    ):
        outside = _reason("residence", residence.municipality, residence.stadtteil,
                          issuer.municipality)
        return _plain_json(rule_set, {}, [(m.id, None, [outside], []) for m in rule_input.members])

    threshold = _value(parameters, "threshold", day)
    qualifying = list(_value(parameters, "qualifying_benefits", day))
    month_first = date(day.year, day.month, 1)
    month_last = _last_day(day.year, day.month)
    ages = {m.id: _age(m.birth_date, day) for m in rule_input.members}

    # Section 4: income over the whole household.
    # Exact fractions: twelfths are not rounded (a Decimal twelfth would be, at 28 digits).
    total = Fraction(0)
    for member in rule_input.members:
        for income in member.incomes:
            if income.kind in qualifying:
                continue
            amount = Fraction(income.amount)
            total += amount if income.period == "month" else amount / 12
    net = Decimal(math.floor(total * 100 + Fraction(1, 2))) / 100  # half up, to the cent
    net = net.quantize(_CENT)
    older_age = _value(parameters, "older_member_age", day)
    older = [m for m in rule_input.members if ages[m.id] >= older_age]
    figures: dict[str, Decimal] = {"net_income": net, "threshold": threshold}
    passed = False
    if older:
        weights = _value(parameters, "weight_first_adult", day)
        for member in rule_input.members:
            if ages[member.id] >= _value(parameters, "older_member_age", day):
                weights += _value(parameters, "weight_older_member", day)
            else:
                weights += _value(parameters, "weight_young_member", day)
        weights -= _value(parameters, "weight_older_member", day)  # the first adult counted twice
        equivalised = (net / weights).quantize(_CENT, ROUND_HALF_UP)
        passed = equivalised < threshold
        figures.update(weights=weights, equivalised_income=equivalised,
                       margin=threshold - equivalised,
                       max_household_income=(threshold * weights).quantize(_CENT, ROUND_HALF_UP))
        income_reason = _reason("income_below" if passed else "income_above", equivalised,
                                threshold, threshold - equivalised)
    else:
        income_reason = _reason("no_adult", _value(parameters, "older_member_age", day))

    minors = [m for m in rule_input.members if ages[m.id] < _value(parameters, "adult_age", day)]
    months = _value(parameters, "validity_months", day)
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    valid_until = _last_day(year, month0 + 1)
    rows: list[tuple[str, Any, list[PlainReason], list[str]]] = []
    for member in rule_input.members:
        age = ages[member.id]
        adult = age >= _value(parameters, "adult_age", day)
        if adult and age < _value(parameters, "adult_min_age", day):
            minimum = _value(parameters, "adult_min_age", day)
            rows.append((member.id, None, [_reason("age", age, minimum, issuer.municipality)], []))
            continue
        basis = None
        reason: PlainReason | None = None
        for kind in qualifying:
            for benefit in rule_input.benefits:
                covers = benefit.members is None or member.id in benefit.members
                if benefit.kind == kind and covers and benefit.valid_from <= month_last \
                        and benefit.valid_until >= month_first:
                    basis, reason = kind, _reason("benefit", kind)
                    break
            if basis:
                break
        if basis is None and not adult:
            if "disability" in member.flags:
                basis, reason = "disability", _reason("disability")
            elif "foster_child" in member.flags:
                basis, reason = "foster_child", _reason("foster_child")
            elif len(minors) >= _value(parameters, "large_family_min_minors", day):
                basis, reason = "large_family", _reason(
                    "large_family", len(minors), _value(parameters, "large_family_min_minors", day),
                    _value(parameters, "adult_age", day))
        if basis is None and passed:
            basis = "income"
        if basis is None:
            rows.append((member.id, None, [income_reason], []))
            continue
        extras = ["60plus"] if adult and age >= _value(parameters, "senior_extra_age", day) else []
        pass_type = "karlsruher_pass" if adult else "kinderpass"
        rows.append((member.id, (pass_type, basis, day, valid_until), [reason or income_reason],
                     extras))
    return _plain_json(rule_set, figures, rows)


def _plain_json(rule_set: str | None, figures: dict[str, Decimal],
                rows: list[tuple[str, Any, list[PlainReason], list[str]]]) -> dict[str, Any]:
    household: dict[str, str | None] = {}
    for key in ("net_income", "weights", "equivalised_income", "threshold", "margin",
                "max_household_income"):
        value = figures.get(key)
        if value is None:
            household[key] = None
        elif key == "weights":
            household[key] = str(value.quantize(Decimal("0.1"), ROUND_HALF_UP))
        else:
            household[key] = str(value.quantize(_CENT, ROUND_HALF_UP))
    members = []
    for member_id, granted, reasons, extras in rows:
        pass_type, basis, valid_from, valid_until = granted or (None, None, None, None)
        members.append({
            "id": member_id,
            "eligible": granted is not None,
            "pass_type": pass_type,
            "basis": basis,
            "valid_from": valid_from.isoformat() if valid_from else None,
            "valid_until": valid_until.isoformat() if valid_until else None,
            "reasons": [{"code": r.code, "text": r.text} for r in reasons],
            "extras": extras,
        })
    return {"rule_set": rule_set, "household": household, "members": members}


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------


def _rate(function: Any, households: list[RuleInput], parameters: Parameters,
          seconds: float, chunk: int = 1_000) -> float:
    """Households per second in the fastest of many short rounds.

    Each round decides the next ``chunk`` households (cycling through all of them). As with
    ``timeit``, the fastest round is taken: other work on the machine only ever makes a round
    slower, so the fastest one is the best estimate of the code's own cost, and short rounds
    make it likely that some of them ran undisturbed. Both implementations are measured the
    same way, so their ratio is fair.
    """
    for rule_input in households[:200]:  # warm the per-day caches and the interpreter
        function(rule_input, parameters)
    chunks = [households[i:i + chunk] for i in range(0, len(households), chunk)]
    best = float("inf")
    rounds = 0
    deadline = time.perf_counter() + seconds
    while True:
        part = chunks[rounds % len(chunks)]
        began = time.perf_counter()
        for rule_input in part:
            function(rule_input, parameters)
        ended = time.perf_counter()
        best = min(best, (ended - began) / len(part))
        rounds += 1
        if ended >= deadline and rounds >= 2 * len(chunks):
            return 1 / best


def measure(quick: bool) -> list[dict[str, object]]:
    """Households per second of ``evaluate`` against the plain reference (one core)."""
    households = build_households(4_000 if quick else 20_000)
    parameters = load_parameters()
    value = _rate(evaluate, households, parameters, 0.8 if quick else 5.0)
    baseline = _rate(plain_evaluate, households[:2_000] if quick else households[:8_000],
                     parameters, 0.5 if quick else 3.0, chunk=200)
    return [{
        "name": "rules_throughput",
        "value": round(value),
        "unit": "households/s",
        "baseline": round(baseline),
        "ratio": round(value / baseline, 2),
    }]


def _check_agreement(count: int = 2_000) -> int:
    """Number of households on which ``evaluate`` and the plain reference disagree."""
    parameters = load_parameters()
    return sum(
        decision_to_json(evaluate(h, parameters)) != plain_evaluate(h, parameters)
        for h in build_households(count, seed=SEED + 1)
    )


if __name__ == "__main__":
    for row in measure(quick="--quick" in sys.argv[1:]):
        print(json.dumps(row))
