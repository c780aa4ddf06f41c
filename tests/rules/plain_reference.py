"""A second, deliberately plain implementation of eligibility-rules.md (second edition).

The spec read sentence by sentence: no caches, no shared objects, exact fractions for money,
every figure looked up in the parameters by name on the application date. The tests compare
:func:`kpass.rules.evaluate` with it (``decision_to_json`` against :func:`plain_decision`) on
random households. Only the German sentences are borrowed from :mod:`kpass.rules.reasons`
(the wording is not a rule); their parameters are worked out here.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from kpass.rules import Parameters, Reason, RuleInput, render_reason

Row = tuple[str, tuple[str, str, date, date] | None, list[dict[str, str]], list[str]]


def _value(parameters: Parameters, name: str, day: date) -> Any:
    found = parameters.parameters[name].value_on(day)
    return None if found is None else found[1]


def _age(birth: date, on: date) -> int:
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def _last_day(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def _half_up_cents(value: Fraction) -> Fraction:
    """``value`` rounded half up (away from zero) to the cent, as a fraction."""
    sign = -1 if value < 0 else 1
    return sign * Fraction(math.floor(abs(value) * 100 + Fraction(1, 2)), 100)


def _money(value: Fraction) -> str:
    cents = int(_half_up_cents(value) * 100)
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def _decimal(value: Fraction) -> Decimal:
    return Decimal(_money(value))


def _weights(weights: Fraction) -> str:
    """One decimal ("2.1", "1.0"), more only where the weights have them ("1.65")."""
    exact = Decimal(weights.numerator) / Decimal(weights.denominator)  # a finite decimal
    text = format(exact.normalize(), "f")
    return text if "." in text else text + ".0"


def _reason(code: str, *params: Any) -> dict[str, str]:
    return {"code": code, "text": render_reason(Reason(code, params))}  # type: ignore[arg-type]


def highest_eligible(threshold: Fraction, weights: Fraction) -> Fraction | None:
    """The largest whole-cent income whose equivalised income rounds below the threshold,
    found by stepping down from the limit one cent at a time."""
    cents = math.floor(threshold * weights * 100) + 1
    while cents >= 0:
        if _half_up_cents(Fraction(cents, 100) / weights) < threshold:
            return Fraction(cents, 100)
        cents -= 1
    return None


def plain_decision(rule_input: RuleInput, parameters: Parameters) -> dict[str, Any]:
    """The decision on ``rule_input`` in the JSON shape of ``decision_to_json``."""
    day = rule_input.application_date
    issuer = parameters.issuer
    # the procedural parameters (the days of notification) name no rule set
    deciding = [p for p in parameters.parameters.values() if not p.procedural]
    everyone_missing = any(p.value_on(day) is None for p in deciding)
    rule_set = None
    if not everyone_missing:
        starts = [p.value_on(day)[0] for p in deciding]  # type: ignore[index]
        rule_set = f"{issuer.rule_set_prefix}-{max(starts).isoformat()}"

    # Section 1, checked before the rule set: the municipality's name exactly.
    residence = rule_input.residence
    codes = None if issuer.stadtteile is None else [code for code, _ in issuer.stadtteile]
    if residence.municipality != issuer.municipality or (
        codes is not None and residence.stadtteil not in codes
    ):
        reason = _reason("residence", residence.municipality, residence.stadtteil,
                         issuer.municipality)
        return _json(rule_set, {}, [(m.id, None, [reason], []) for m in rule_input.members])
    if rule_set is None:
        reason = _reason("no_rule_set", day, parameters.first_date)
        return _json(None, {}, [(m.id, None, [reason], []) for m in rule_input.members])

    def value(name: str) -> Any:
        return _value(parameters, name, day)

    ages = {m.id: _age(m.birth_date, day) for m in rule_input.members}

    # Section 4.1: every income except the notice kinds and the kinds not counted.
    ignored = set(value("qualifying_benefits")) | set(value("uncounted_income_kinds"))
    total = Fraction(0)
    for member in rule_input.members:
        for income in member.incomes:
            if income.kind not in ignored:
                amount = Fraction(income.amount)
                total += amount if income.period == "month" else amount / 12
    net = _half_up_cents(total)
    threshold = Fraction(value("threshold"))

    # Section 4.2-4.5.
    older = [m for m in rule_input.members if ages[m.id] >= value("older_member_age")]
    household: dict[str, str | None] = {}
    passed = False
    if older:
        weights = Fraction(value("weight_first_adult"))
        weights += (len(older) - 1) * Fraction(value("weight_older_member"))
        weights += (len(rule_input.members) - len(older)) * Fraction(value("weight_young_member"))
        equivalised = _half_up_cents(net / weights)
        passed = equivalised < threshold
        highest = highest_eligible(threshold, weights)
        household = {
            "net_income": _money(net),
            "weights": _weights(weights),
            "equivalised_income": _money(equivalised),
            "threshold": _money(threshold),
            "margin": _money(threshold - equivalised),
            "max_household_income": _money(threshold * weights),
            "highest_eligible_income": None if highest is None else _money(highest),
        }
        income_reason = _reason(
            "income_below" if passed else "income_above", _decimal(equivalised),
            _decimal(threshold), _decimal(threshold - equivalised),
            None if highest is None else _decimal(highest),
        )
    else:
        income_reason = _reason("no_adult", value("older_member_age"))

    month_first = date(day.year, day.month, 1)
    month_last = _last_day(day.year, day.month)
    year, month0 = divmod(day.year * 12 + day.month - 1 + value("validity_months"), 12)
    valid_until = _last_day(year, month0 + 1)
    minors = [m for m in rule_input.members if ages[m.id] < value("adult_age")]
    rows: list[Row] = []
    for member in rule_input.members:
        age = ages[member.id]
        adult = age >= value("adult_age")
        if adult and age < value("adult_min_age"):
            reason = _reason("age", age, value("adult_min_age"), issuer.municipality)
            rows.append((member.id, None, [reason], []))
            continue
        basis: str | None = None
        found: dict[str, str] | None = None
        for kind in value("qualifying_benefits"):  # in the order of precedence
            for notice in rule_input.benefits:
                covers = notice.members is None or member.id in notice.members
                ends_in_time = notice.valid_until is None or notice.valid_until >= month_first
                if notice.kind == kind and covers and notice.valid_from <= month_last \
                        and ends_in_time:
                    basis, found = kind, _reason("benefit", kind)
                    break
            if basis:
                break
        if basis is None and not adult:
            if "disability" in member.flags:
                basis, found = "disability", _reason("disability")
            elif "foster_child" in member.flags:
                basis, found = "foster_child", _reason("foster_child")
            elif len(minors) >= value("large_family_min_minors"):
                basis, found = "large_family", _reason(
                    "large_family", len(minors), value("large_family_min_minors"),
                    value("adult_age"))
        if basis is None and passed:
            basis = "income"
        if basis is None:
            rows.append((member.id, None, [income_reason], []))
            continue
        extras = ["60plus"] if adult and age >= value("senior_extra_age") else []
        pass_type = "karlsruher_pass" if adult else "kinderpass"
        rows.append((member.id, (pass_type, basis, day, valid_until), [found or income_reason],
                     extras))
    return _json(rule_set, household, rows)


def _json(rule_set: str | None, household: dict[str, str | None],
          rows: list[Row]) -> dict[str, Any]:
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
            "reasons": reasons,
            "extras": extras,
        })
    return {"rule_set": rule_set, "household": household, "members": members}
