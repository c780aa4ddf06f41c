"""The income test (spec section 4): Nettoäquivalenzeinkommen against the threshold.

1. Household net income per month: every income of every member counts except the qualifying
   benefit kinds (a notice, not an income) and the kinds of the parameter
   ``uncounted_income_kinds`` (Pflegegeld, Blindengeld: they pay for a need, not for living;
   see :attr:`RuleSet.not_counted_income_kinds`). Yearly amounts count as one twelfth; the
   twelfths are not rounded, only the household sum is rounded half up to the cent. Summing the
   yearly amounts and dividing once by twelve is the same sum, exactly: it avoids twelve
   inexact divisions.
2. Weights (parameters ``weight_first_adult``, ``weight_older_member``, ``weight_young_member``;
   today 1.0, 0.5, 0.3): the first adult, every other member aged ``older_member_age`` (14) or
   older, every younger member. The first adult is always somebody aged ``older_member_age`` or
   older (the applicant if of ``adult_age``, else the oldest of that age, else the oldest
   member aged ``older_member_age`` or older), so the sum of weights depends only on how many
   members are that old and how many are younger; :func:`first_adult` says who it is.
3. Equivalised income = net income ÷ weights, rounded half up to the cent.
4. Eligible when the equivalised income is strictly below the threshold.
5. Margin = threshold − equivalised income; maximum household income = threshold × weights,
   rounded half up to the cent; highest eligible income = the largest amount in whole cents
   whose equivalised income (rounded as in step 3) is still below the threshold.

Why :func:`highest_eligible_income` needs no search: the equivalised income ``n / w`` rounds
half up to something below ``T`` exactly when ``n / w < T − 0.005``, that is when
``n < w × (T − 0.005)``. That product is exact in decimal (few digits), so the answer is the
last whole cent strictly below it. The function then checks the answer with
:func:`equivalised_income` itself and moves by single cents if it ever disagreed, so the figure
always agrees with the test the rules apply.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from decimal import ROUND_CEILING, ROUND_HALF_UP, Context, Decimal

from kpass.rules.age import completed_years
from kpass.rules.model import HouseholdFigures, Member, RuleInput
from kpass.rules.parameters import RuleSet

CENT = Decimal("0.01")
HALF_CENT = Decimal("0.005")
ZERO = Decimal("0.00")
TWELVE = Decimal(12)
#: A context of our own, so a caller's changed decimal context can never change a decision.
CONTEXT = Context(prec=34, rounding=ROUND_HALF_UP)


def round_cent(amount: Decimal) -> Decimal:
    """``amount`` rounded half up to the cent."""
    return amount.quantize(CENT, ROUND_HALF_UP, CONTEXT)


def net_monthly_income(members: Iterable[Member], not_counted: Container[str]) -> Decimal:
    """The household's net income per month, rounded half up to the cent once.

    ``not_counted`` holds the income kinds to ignore
    (:attr:`~kpass.rules.parameters.RuleSet.not_counted_income_kinds`).
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


def highest_eligible_income(threshold: Decimal, weights: Decimal) -> Decimal | None:
    """The highest household net income, in whole cents, that passes the income test.

    The largest amount whose equivalised income (rounded half up to the cent) is strictly
    below ``threshold``; ``None`` when not even 0.00 € passes (a threshold of 0.00 €).
    Weights 2.1, threshold 1300.00 → 2729.98 (2729.99 ÷ 2.1 = 1299.995… rounds to 1300.00),
    although the limit threshold × weights is 2730.00.
    """
    if weights <= 0:
        raise ValueError(f"the sum of weights must be positive, not {weights}")
    bound = CONTEXT.multiply(weights, CONTEXT.subtract(threshold, HALF_CENT))  # exact
    candidate = CONTEXT.subtract(bound.quantize(CENT, ROUND_CEILING, CONTEXT), CENT)
    # The formula is exact; these steps only guard the figure against ever disagreeing with
    # the rounding the test applies (each runs at most a step or two, usually none).
    while candidate >= 0 and equivalised_income(candidate, weights) >= threshold:
        candidate = CONTEXT.subtract(candidate, CENT)
    while equivalised_income(CONTEXT.add(max(candidate, -CENT), CENT), weights) < threshold:
        candidate = CONTEXT.add(max(candidate, -CENT), CENT)
    return candidate if candidate >= 0 else None


def household_figures(
    net_income: Decimal, weights: Decimal, threshold: Decimal, max_income: Decimal | None = None
) -> HouseholdFigures:
    """All figures of the income test for a household with somebody old enough to be weighted
    as an adult (``older_member_age``)."""
    equivalised = CONTEXT.divide(net_income, weights).quantize(CENT, ROUND_HALF_UP, CONTEXT)
    if max_income is None:
        max_income = max_household_income(threshold, weights)
    return HouseholdFigures(
        net_income, weights, equivalised, threshold, threshold - equivalised, max_income,
        highest_eligible_income(threshold, weights),
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
