"""The rules of one application date, prepared once for all households decided on it.

:func:`kpass.rules.evaluate.evaluate` runs for whole registers (policy what-if), so everything
that depends only on the rule set and the date is worked out here once per date: age limits as
birth dates, the application month, the validity of new passes, and the few possible
:class:`Outcome` values and household-independent reasons, which decisions then share.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kpass.rules.age import (
    completed_years,
    end_of_month_after,
    first_of_month,
    last_of_month,
    latest_birth_date,
)
from kpass.rules.benefit_route import KINDERPASS_FLAG_ROUTES, kinderpass_route
from kpass.rules.income_test import highest_eligible_income, max_household_income, weight_sum
from kpass.rules.model import (
    BASIS_INCOME,
    BASIS_LARGE_FAMILY,
    EXTRA_60PLUS,
    FLAG_DISABILITY,
    FLAG_FOSTER_CHILD,
    KARLSRUHER_PASS,
    KINDERPASS,
    Outcome,
    PassType,
    Reason,
)
from kpass.rules.parameters import Parameters, RuleSet

# A person's kind decides the pass type and extras: index into the outcome triples.
CHILD, ADULT, SENIOR, TOO_YOUNG_ADULT = 0, 1, 2, 3

Grants = tuple[Outcome, Outcome, Outcome]  # for CHILD, ADULT, SENIOR
Reasons = tuple[Reason, ...]

# About 5 kB per day; a what-if over ten years of application dates fits.
_MAX_CACHED_DAYS = 5_000


class DayRules:
    """Everything about one application date that does not depend on the household.

    Built once per date and kept in ``Parameters.evaluation_cache``: the latest birth date of
    each age limit (so ages are one date comparison), the month's bounds, the validity of a
    new pass, and the shared outcomes and reasons of every route.
    """

    __slots__ = (
        "adult_cut",
        "adult_min_age",
        "age_reasons",
        "benefit_grants",
        "benefit_reasons",
        "day",
        "grants",
        "income_grants",
        "issuer",
        "large_family_min",
        "large_family_reasons",
        "min_age_cut",
        "month_end",
        "month_start",
        "no_adult_reasons",
        "not_counted",
        "older_age",
        "older_cut",
        "rank_of",
        "route_reasons",
        "rule_set",
        "rule_set_id",
        "senior_cut",
        "stadtteile",
        "threshold",
        "valid_until",
        "weights",
    )

    def __init__(self, rule_set: RuleSet, day: date) -> None:
        self.rule_set = rule_set
        self.rule_set_id = rule_set.id
        self.day = day
        self.older_cut = latest_birth_date(day, rule_set.older_member_age)
        self.adult_cut = latest_birth_date(day, rule_set.adult_age)
        self.min_age_cut = latest_birth_date(day, rule_set.adult_min_age)
        self.senior_cut = latest_birth_date(day, rule_set.senior_extra_age)
        self.month_start = first_of_month(day)
        self.month_end = last_of_month(day)
        self.valid_until = end_of_month_after(day, rule_set.validity_months)
        self.issuer = rule_set.issuer.municipality
        self.stadtteile = rule_set.issuer.stadtteil_codes
        self.older_age = rule_set.older_member_age
        self.adult_min_age = rule_set.adult_min_age
        self.large_family_min = rule_set.large_family_min_minors
        self.threshold = rule_set.threshold
        self.rank_of = {kind: rank for rank, kind in enumerate(rule_set.qualifying_benefits)}
        self.not_counted = rule_set.not_counted_income_kinds
        bases = (*rule_set.qualifying_benefits, *KINDERPASS_FLAG_ROUTES, BASIS_LARGE_FAMILY,
                 BASIS_INCOME)
        self.grants = {basis: self._grants(basis) for basis in bases}
        self.income_grants = self.grants[BASIS_INCOME]
        self.benefit_grants = [self.grants[kind] for kind in rule_set.qualifying_benefits]
        self.benefit_reasons: list[Reasons] = [
            (Reason("benefit", (kind,)),) for kind in rule_set.qualifying_benefits
        ]
        self.route_reasons: dict[str, Reasons] = {
            FLAG_DISABILITY: (Reason("disability"),),
            FLAG_FOSTER_CHILD: (Reason("foster_child"),),
        }
        self.no_adult_reasons: Reasons = (Reason("no_adult", (self.older_age,)),)
        # (members aged older_member_age+) * 1024 + (members below) ->
        # (sum of weights, max. household income, highest eligible income)
        self.weights: dict[int, tuple[Decimal, Decimal, Decimal | None]] = {}
        self.age_reasons: dict[int, Reasons] = {}
        self.large_family_reasons: dict[int, Reasons] = {}

    def _grants(self, basis: str) -> Grants:
        def grant(pass_type: PassType, extras: tuple[str, ...]) -> Outcome:
            return Outcome(True, pass_type, basis, self.day, self.valid_until, extras)

        return (
            grant(KINDERPASS, ()),
            grant(KARLSRUHER_PASS, ()),
            grant(KARLSRUHER_PASS, (EXTRA_60PLUS,)),
        )

    def weights_for(self, older: int, young: int) -> tuple[Decimal, Decimal, Decimal | None]:
        """Sum of weights, maximum household income and highest eligible income.

        ``older`` (>= 1) members are aged ``older_member_age`` or more, ``young`` are younger.
        """
        weights = weight_sum(older, young, self.rule_set)
        assert weights is not None
        found = (
            weights,
            max_household_income(self.threshold, weights),
            highest_eligible_income(self.threshold, weights),
        )
        self.weights[older * 1024 + young] = found
        return found

    def age_reasons_for(self, birth_date: date) -> Reasons:
        """The reasons of an adult below the issuer's minimum age."""
        age = completed_years(birth_date, self.day)
        reasons = self.age_reasons.get(age)
        if reasons is None:
            reasons = (Reason("age", (age, self.adult_min_age, self.issuer)),)
            self.age_reasons[age] = reasons
        return reasons

    def kinderpass_route(
        self, flags: frozenset[str], minors: int
    ) -> tuple[Outcome, Reasons] | None:
        """Outcome and reasons of a route of section 3 for a person under 18, if one applies."""
        basis = kinderpass_route(flags, minors, self.large_family_min)
        if basis is None:
            return None
        if basis != BASIS_LARGE_FAMILY:
            return self.grants[basis][CHILD], self.route_reasons[basis]
        reasons = self.large_family_reasons.get(minors)
        if reasons is None:
            reasons = (
                Reason("large_family", (minors, self.large_family_min, self.rule_set.adult_age)),
            )
            self.large_family_reasons[minors] = reasons
        return self.grants[basis][CHILD], reasons


def day_rules(parameters: Parameters, day: date) -> DayRules | None:
    """The rules for ``day`` (``None`` before the first rule set), built and cached."""
    cache = parameters.evaluation_cache
    if len(cache) >= _MAX_CACHED_DAYS:
        cache.clear()
    rule_set = parameters.rule_set_on(day)
    found = None if rule_set is None else DayRules(rule_set, day)
    cache[day] = found
    return found
