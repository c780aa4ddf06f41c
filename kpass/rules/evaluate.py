"""The decision on one application: :func:`evaluate`.

Rules are applied in the order of the specification; each person's reasons list the rules that
decided for them, in that order:

1. Residence outside the issuer (or, in Karlsruhe, no valid Stadtteil) → everyone ``residence``
   (no figures). Residence is checked before the rule set (spec clarification).
2. No rule set for the application date → everyone ``no_rule_set`` (no figures): before the
   first rule set nobody is eligible by any route, benefits included.
3. A person aged ``adult_age``+ but below the issuer's ``adult_min_age`` → ``age``, whatever
   else applies.
4. A qualifying benefit notice valid on any day of the application month → ``benefit``, basis
   the kind. A notice without end (``valid_until`` None) is valid from its start on.
5. Under ``adult_age``: ``disability``, ``foster_child``, ``large_family`` (in this order).
6. Everybody else is decided by the household's income test: ``income_below`` (eligible, basis
   ``income``) or ``income_above``; when nobody is ``older_member_age`` or older the test cannot
   be passed and the reason is ``no_adult``.

Every age and amount comes from the rule set in force (``resources/rules/*.toml``).

Interpretations where the spec leaves room:

- The first rule that decides for a person ends that person's evaluation, so every person has
  exactly one reason. A person eligible by benefit gets ``benefit`` only, although the
  household's income figures are still computed and reported (section 7).
- The income figures are computed whenever somebody is ``older_member_age`` or older, even if
  every member qualifies otherwise. Otherwise the model keeps only ``net_income`` and
  ``threshold`` (the JSON output shows ``{}``).
- ``60plus`` goes to persons found eligible for the Karlsruher Pass in this decision who are
  ``senior_extra_age`` or older on the application date (whatever the basis).
- The municipality must equal the issuer's configured name exactly (spec clarification).

Speed: whole registers are re-evaluated for policy questions, so everything that depends only
on the application date is prepared once per date (:class:`~kpass.rules.day_rules.DayRules`,
kept in ``Parameters.evaluation_cache``); the few possible outcomes and the reasons that do not
depend on the household are shared instead of built per person; sentences are left to
:mod:`kpass.rules.reasons`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from kpass.rules.benefit_route import benefit_ranks
from kpass.rules.day_rules import (
    ADULT,
    CHILD,
    SENIOR,
    TOO_YOUNG_ADULT,
    DayRules,
    Grants,
    Reasons,
    day_rules,
)
from kpass.rules.model import (
    NO_FIGURES,
    NOT_ELIGIBLE,
    Decision,
    HouseholdFigures,
    Reason,
    Residence,
    RuleInput,
    make_decision,
    make_figures,
    make_reason,
)
from kpass.rules.parameters import Parameters, RuleSet

_NOT_ELIGIBLE_ALL: Grants = (NOT_ELIGIBLE, NOT_ELIGIBLE, NOT_ELIGIBLE)
_ZERO = Decimal("0.00")
_CENT = Decimal("0.01")
_TWELVE = Decimal(12)
_HALF_UP = ROUND_HALF_UP


def evaluate(rule_input: RuleInput, parameters: Parameters) -> Decision:
    """Decide an application by the issuer's rules (``parameters``) on its application date.

    ``rule_input`` is expected to be valid (see :func:`kpass.rules.checks.check_rule_input`).
    """
    day = rule_input.application_date
    try:
        ctx: DayRules | None = parameters.evaluation_cache[day]
    except KeyError:
        ctx = day_rules(parameters, day)
    residence = rule_input.residence
    if ctx is None:
        # Residence first, then the rule set (spec clarification).
        issuer = parameters.issuer
        if not _lives_in(residence, issuer.municipality, issuer.stadtteil_codes):
            return _not_resident(rule_input, None, issuer.municipality, residence)
        return _no_rule_set(rule_input, parameters)
    if not _lives_in(residence, ctx.issuer, ctx.stadtteile):
        return _not_resident(rule_input, ctx.rule_set_id, ctx.issuer, residence)

    # One pass over the members: kinds, head counts and the income sum. The income sum is
    # income_test.net_monthly_income inlined (same arithmetic), to save a second pass.
    members = rule_input.members
    # Ages by comparing birth dates with the latest birth date of each age limit.
    older_cut = ctx.older_cut
    adult_cut = ctx.adult_cut
    min_age_cut = ctx.min_age_cut
    senior_cut = ctx.senior_cut
    not_counted = ctx.not_counted
    kinds = []
    older = young = minors = 0
    flagged = too_young = False
    monthly = _ZERO
    yearly = None
    for member in members:
        birth = member.birth_date
        if birth <= adult_cut:
            older += 1
            if birth > min_age_cut:
                kinds.append(TOO_YOUNG_ADULT)
                too_young = True
            else:
                kinds.append(SENIOR if birth <= senior_cut else ADULT)
        else:
            if birth <= older_cut:
                older += 1
            else:
                young += 1
            minors += 1
            kinds.append(CHILD)
            if member.flags:
                flagged = True
        for income in member.incomes:
            if income.kind in not_counted:
                continue
            if income.period == "month":
                monthly += income.amount
            elif yearly is None:
                yearly = income.amount
            else:
                yearly += income.amount
    # Decimal operators use the thread's context (28 digits by default: amounts below 10^9 add
    # exactly); rounding is always given explicitly. Operators are twice as fast as calls on
    # a Context object, which matters here.
    if yearly is not None:
        monthly += yearly / _TWELVE
    net_income = monthly.quantize(_CENT, _HALF_UP)

    # The income test, for the whole household (section 4). Its reason is built only if a
    # member is decided by it (not in the many households with a notice for everyone).
    threshold = ctx.threshold
    if older:
        found = ctx.weights.get(older * 1024 + young)
        weights, max_income, highest = (
            found if found is not None else ctx.weights_for(older, young)
        )
        equivalised = (net_income / weights).quantize(_CENT, _HALF_UP)
        margin = threshold - equivalised
        figures = make_figures(
            net_income, weights, equivalised, threshold, margin, max_income, highest
        )
        income_ok = equivalised < threshold
    else:
        figures = HouseholdFigures(net_income, None, None, threshold, None, None)
        income_ok = False

    # Benefit notices (section 2); the usual single notice for everyone without a call.
    benefits = rule_input.benefits
    household_rank: int | None = None
    member_ranks: dict[str, int] | None = None
    if benefits:
        notice = benefits[0]
        if len(benefits) == 1 and notice.members is None:
            household_rank = ctx.rank_of.get(notice.kind)
            until = notice.valid_until
            if household_rank is not None and (
                notice.valid_from > ctx.month_end
                or (until is not None and until < ctx.month_start)
            ):
                household_rank = None
        else:
            household_rank, member_ranks = benefit_ranks(
                benefits, ctx.rank_of, ctx.month_start, ctx.month_end
            )

    if member_ranks is None and not flagged and minors < ctx.large_family_min:
        # The common case: one route for the whole household, chosen once.
        if household_rank is None:
            grants, reasons = _income_route(ctx, figures, income_ok)
        else:
            grants = ctx.benefit_grants[household_rank]
            reasons = ctx.benefit_reasons[household_rank]
        if not too_young:
            return make_decision(
                ctx.rule_set_id,
                figures,
                rule_input.member_ids,
                tuple(map(grants.__getitem__, kinds)),
                (reasons,) * len(kinds),
            )

    # Person by person: notices for some members only, Kinderpass routes, minimum age.
    fallback_grants, fallback_reasons = _income_route(ctx, figures, income_ok)
    outcomes = []
    member_reasons = []
    for member, kind in zip(members, kinds, strict=True):
        if kind == TOO_YOUNG_ADULT:
            outcomes.append(NOT_ELIGIBLE)
            member_reasons.append(ctx.age_reasons_for(member.birth_date))
            continue
        rank = household_rank
        if member_ranks is not None:
            own = member_ranks.get(member.id)
            if own is not None and (rank is None or own < rank):
                rank = own
        if rank is not None:
            outcomes.append(ctx.benefit_grants[rank][kind])
            member_reasons.append(ctx.benefit_reasons[rank])
            continue
        route = ctx.kinderpass_route(member.flags, minors) if kind == CHILD else None
        if route is not None:
            outcomes.append(route[0])
            member_reasons.append(route[1])
        else:
            outcomes.append(fallback_grants[kind])
            member_reasons.append(fallback_reasons)
    return make_decision(
        ctx.rule_set_id,
        figures,
        rule_input.member_ids,
        tuple(outcomes),
        tuple(member_reasons),
    )


def _income_route(ctx: DayRules, figures: HouseholdFigures, passed: bool) -> tuple[Grants, Reasons]:
    """Outcomes and reasons for the members decided by the household's income test."""
    if figures.weights is None:
        return _NOT_ELIGIBLE_ALL, ctx.no_adult_reasons
    params = (figures.equivalised_income, figures.threshold, figures.margin,
              figures.highest_eligible_income)
    if passed:
        return ctx.income_grants, (make_reason("income_below", params),)
    return _NOT_ELIGIBLE_ALL, (make_reason("income_above", params),)


def _no_rule_set(rule_input: RuleInput, parameters: Parameters) -> Decision:
    reasons = (Reason("no_rule_set", (rule_input.application_date, parameters.first_date)),)
    return _nobody(None, rule_input, reasons)


def _lives_in(
    residence: Residence, municipality: str, stadtteile: frozenset[str] | None
) -> bool:
    """Whether ``residence`` is in ``municipality`` (exactly its name) and a known Stadtteil."""
    if residence.municipality != municipality:
        return False
    return stadtteile is None or residence.stadtteil in stadtteile


def _not_resident(
    rule_input: RuleInput, rule_set: str | None, municipality: str, residence: Residence
) -> Decision:
    reasons = (Reason("residence", (residence.municipality, residence.stadtteil, municipality)),)
    return _nobody(rule_set, rule_input, reasons)


def _nobody(rule_set: str | None, rule_input: RuleInput, reasons: Reasons) -> Decision:
    """Everybody not eligible for the same reasons, without income figures."""
    count = len(rule_input.members)
    return Decision(
        rule_set,
        NO_FIGURES,
        rule_input.member_ids,
        (NOT_ELIGIBLE,) * count,
        (reasons,) * count,
    )


def is_resident(residence: Residence, rule_set: RuleSet) -> bool:
    """Whether ``residence`` lies in the issuer's municipality (and a known Stadtteil).

    The municipality must be the issuer's configured name exactly (spec clarification).
    """
    issuer = rule_set.issuer
    return _lives_in(residence, issuer.municipality, issuer.stadtteil_codes)
