"""The income test (spec section 4): Nettoäquivalenzeinkommen against the threshold.

1. Household net income per month: every income of every member counts except the qualifying
   benefit kinds (a notice, not an income). Yearly amounts count as one twelfth; the twelfths are
   not rounded, only the household sum is rounded half up to the cent. Summing the yearly amounts
   and dividing once by twelve is the same sum, exactly: it avoids twelve inexact divisions.
2. Weights: the first adult 1.0, every other member aged 14+ 0.5, every member under 14 0.3.
   The first adult is always somebody aged 14 or older (the applicant if 18+, else the oldest
   18+, else the oldest 14+), so the sum of weights depends only on how many members are 14+
   and how many are younger; :func:`first_adult` says who it is, for explanations.
3. Equivalised income = net income ÷ weights, rounded half up to the cent.
4. Eligible when the equivalised income is strictly below the threshold.
5. Margin = threshold − equivalised income; maximum household income = threshold × weights.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal

from kpass.rules.age import completed_years
from kpass.rules.model import HouseholdFigures, Member, RuleInput
from kpass.rules.parameters import RuleSet

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
TWELVE = Decimal(12)
#: A context of our own, so a caller's changed decimal context can never change a decision.
CONTEXT = Context(prec=34, rounding=ROUND_HALF_UP)


def round_cent(amount: Decimal) -> Decimal:
    """``amount`` rounded half up to the cent."""
    return amount.quantize(CENT, ROUND_HALF_UP, CONTEXT)


def net_monthly_income(members: Iterable[Member], not_counted: Container[str]) -> Decimal:
    """The household's net income per month, rounded half up to the cent once.

    ``not_counted`` holds the income kinds to ignore (the qualifying benefit kinds).
    """
    monthly = ZERO
    yearly = ZERO
    for member in members:
        for income in member.incomes:
            if income.kind in not_counted:
                continue
            if income.period == "month":
                monthly = CONTEXT.add(monthly, income.amount)
            else:
                yearly = CONTEXT.add(yearly, income.amount)
    if yearly:
        monthly = CONTEXT.add(monthly, CONTEXT.divide(yearly, TWELVE))
    return monthly.quantize(CENT, ROUND_HALF_UP, CONTEXT)


def weight_sum(older_members: int, young_members: int, rule_set: RuleSet) -> Decimal | None:
    """Sum of the household's weights, or ``None`` when nobody is old enough to be first adult.

    ``older_members`` counts members aged ``older_member_age`` (14) or older, ``young_members``
    those below.
    """
    if older_members <= 0:
        return None
    return (
        rule_set.weight_first_adult
        + (older_members - 1) * rule_set.weight_older_member
        + young_members * rule_set.weight_young_member
    )


def equivalised_income(net_income: Decimal, weights: Decimal) -> Decimal:
    """Net income ÷ weights, rounded half up to the cent."""
    return CONTEXT.divide(net_income, weights).quantize(CENT, ROUND_HALF_UP, CONTEXT)


def max_household_income(threshold: Decimal, weights: Decimal) -> Decimal:
    """The threshold scaled to the household: threshold × weights, to the cent."""
    return CONTEXT.multiply(threshold, weights).quantize(CENT, ROUND_HALF_UP, CONTEXT)


def household_figures(
    net_income: Decimal, weights: Decimal, threshold: Decimal, max_income: Decimal | None = None
) -> HouseholdFigures:
    """All figures of the income test for a household with at least one member aged 14+."""
    equivalised = CONTEXT.divide(net_income, weights).quantize(CENT, ROUND_HALF_UP, CONTEXT)
    if max_income is None:
        max_income = max_household_income(threshold, weights)
    return HouseholdFigures(
        net_income, weights, equivalised, threshold, threshold - equivalised, max_income
    )


def passes(figures: HouseholdFigures) -> bool:
    """Whether the household passes the income test (strictly below the threshold)."""
    if figures.equivalised_income is None or figures.threshold is None:
        return False
    return figures.equivalised_income < figures.threshold


def first_adult(
    members: Sequence[Member], ages: Sequence[int], applicant: str, rule_set: RuleSet
) -> str | None:
    """Id of the member weighted 1.0 (spec 4.2, decision), or ``None`` if nobody is 14+.

    The applicant if aged 18 or older, else the oldest member aged 18 or older, else the oldest
    member aged 14 or older; between equally old members the earlier one in the list.
    """
    for member, age in zip(members, ages, strict=True):
        if member.id == applicant and age >= rule_set.adult_age:
            return member.id
    for minimum in (rule_set.adult_age, rule_set.older_member_age):
        candidates = [
            (member.birth_date, index)
            for index, (member, age) in enumerate(zip(members, ages, strict=True))
            if age >= minimum
        ]
        if candidates:
            return members[min(candidates)[1]].id
    return None


def member_weights(rule_input: RuleInput, rule_set: RuleSet) -> tuple[tuple[str, Decimal], ...]:
    """Each member's weight, for showing how the sum of weights came about."""
    ages = [completed_years(m.birth_date, rule_input.application_date) for m in rule_input.members]
    first = first_adult(rule_input.members, ages, rule_input.applicant, rule_set)
    result = []
    for member, age in zip(rule_input.members, ages, strict=True):
        if member.id == first:
            weight = rule_set.weight_first_adult
        elif age >= rule_set.older_member_age:
            weight = rule_set.weight_older_member
        else:
            weight = rule_set.weight_young_member
        result.append((member.id, weight))
    return tuple(result)
