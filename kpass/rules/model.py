"""Inputs and outputs of an eligibility decision, as immutable values.

Inputs mirror the JSON of ``kpass check`` (spec section 8); outputs mirror section 7.

Decisions are built in large numbers (the policy what-if re-decides the whole register), so a
:class:`Decision` keeps its per-person results as columns: ``member_ids``, ``outcomes`` (what
each person is granted) and ``member_reasons``. The few possible :class:`Outcome` values and
the reasons that do not depend on the household are shared, not built per person. The usual
row view, ``decision.members`` (one :class:`MemberDecision` per person with ``id``,
``eligible``, ``pass_type`` …), is built from the columns when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

Period = Literal["month", "year"]
PassType = Literal["karlsruher_pass", "kinderpass"]
ReasonCode = Literal[
    "residence",
    "age",
    "no_rule_set",
    "benefit",
    "disability",
    "foster_child",
    "large_family",
    "no_adult",
    "income_below",
    "income_above",
]
ParamValue = str | int | Decimal | date | None

KARLSRUHER_PASS: PassType = "karlsruher_pass"
KINDERPASS: PassType = "kinderpass"

#: Flags a person may carry (spec section 3); each is also a basis code.
FLAG_DISABILITY = "disability"
FLAG_FOSTER_CHILD = "foster_child"
MEMBER_FLAGS: frozenset[str] = frozenset({FLAG_DISABILITY, FLAG_FOSTER_CHILD})

#: Basis of an eligibility found by the income test.
BASIS_INCOME = "income"
BASIS_LARGE_FAMILY = "large_family"

#: Extra entitlement codes (spec section 6).
EXTRA_60PLUS = "60plus"

#: The names of each reason's parameters, in the order ``Reason.params`` holds them.
REASON_PARAM_NAMES: dict[str, tuple[str, ...]] = {
    "residence": ("municipality", "stadtteil", "issuer_municipality"),
    "age": ("age", "adult_min_age", "issuer_municipality"),
    "no_rule_set": ("application_date", "first_rule_set_date"),
    "benefit": ("kind",),
    "disability": (),
    "foster_child": (),
    "large_family": ("minors", "min_minors", "adult_age"),
    "no_adult": ("older_member_age",),
    "income_below": ("equivalised_income", "threshold", "margin", "highest_eligible_income"),
    "income_above": ("equivalised_income", "threshold", "margin", "highest_eligible_income"),
}


# ---------------------------------------------------------------------------------------------
# Input
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Income:
    """One net income of a person: ``amount`` in euro per ``period``."""

    kind: str
    amount: Decimal
    period: Period = "month"


@dataclass(frozen=True, slots=True)
class Member:
    """A person living in the household."""

    id: str
    birth_date: date
    flags: frozenset[str] = frozenset()
    incomes: tuple[Income, ...] = ()


@dataclass(frozen=True, slots=True)
class Benefit:
    """A benefit notice (Bescheid), valid from ``valid_from`` to ``valid_until`` inclusive.

    ``valid_until`` is ``None`` for a notice granted "bis auf Weiteres" (open-ended): it counts
    for every month from ``valid_from`` on. ``members`` lists the ids of the persons it covers;
    ``None`` covers the whole household.
    """

    kind: str
    valid_from: date
    valid_until: date | None
    members: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Residence:
    """Main residence: municipality and, for Karlsruhe, the two-digit Stadtteil code."""

    municipality: str
    stadtteil: str | None = None


@dataclass(frozen=True, slots=True)
class RuleInput:
    """Everything the rules look at for one application.

    ``member_ids`` is derived from ``members`` when the input is built; every decision on the
    input shares that tuple instead of building its own.
    """

    application_date: date
    residence: Residence
    applicant: str
    members: tuple[Member, ...]
    benefits: tuple[Benefit, ...] = ()
    member_ids: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "member_ids", tuple(member.id for member in self.members))

    def on_day(self, day: date) -> RuleInput:
        """The same application as if made on ``day`` (a what-if over stored inputs)."""
        if day == self.application_date:
            return self
        # the whole register is moved to one day in a what-if: built without __init__
        moved: RuleInput = _new(RuleInput)
        _set_i_day(moved, day)
        _set_i_residence(moved, self.residence)
        _set_i_applicant(moved, self.applicant)
        _set_i_members(moved, self.members)
        _set_i_benefits(moved, self.benefits)
        _set_i_member_ids(moved, self.member_ids)
        return moved


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a rule decided as it did: a code from the closed list and its parameters.

    The German sentence is built only when asked for (:meth:`text`), because most decisions
    in bulk evaluation are never shown to anybody.
    """

    code: ReasonCode
    params: tuple[ParamValue, ...] = ()

    def param(self, name: str) -> ParamValue:
        """The parameter called ``name`` (see ``REASON_PARAM_NAMES``).

        ``None`` for a parameter a reason built by older code does not have (the income
        reasons had no ``highest_eligible_income`` before the second edition).
        """
        index = REASON_PARAM_NAMES[self.code].index(name)  # ValueError for an unknown name
        return self.params[index] if index < len(self.params) else None

    def as_dict(self) -> dict[str, ParamValue]:
        """The parameters by name (missing trailing ones as ``None``, see :meth:`param`)."""
        return {name: self.param(name) for name in REASON_PARAM_NAMES[self.code]}

    def text(self) -> str:
        """The reason as a German sentence for the caseworker and the letter."""
        from kpass.rules.reasons import render_reason  # late: reasons imports this module

        return render_reason(self)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a person is granted, apart from who the person is and why.

    ``pass_type``, ``basis``, ``valid_from`` and ``valid_until`` are ``None`` exactly when the
    person is not eligible.
    """

    eligible: bool
    pass_type: PassType | None
    basis: str | None
    valid_from: date | None
    valid_until: date | None
    extras: tuple[str, ...] = ()


#: The outcome of everybody who is not eligible.
NOT_ELIGIBLE = Outcome(False, None, None, None, None)


@dataclass(frozen=True, slots=True)
class MemberDecision:
    """The decision for one person of the household.

    ``reasons`` are in the order the rules were applied.
    """

    id: str
    outcome: Outcome
    reasons: tuple[Reason, ...]

    @property
    def eligible(self) -> bool:
        """Whether the person gets a pass."""
        return self.outcome.eligible

    @property
    def pass_type(self) -> PassType | None:
        """``karlsruher_pass`` or ``kinderpass``; ``None`` when not eligible."""
        return self.outcome.pass_type

    @property
    def basis(self) -> str | None:
        """Benefit kind, ``disability``, ``foster_child``, ``large_family`` or ``income``."""
        return self.outcome.basis

    @property
    def valid_from(self) -> date | None:
        """First day of validity of a new pass."""
        return self.outcome.valid_from

    @property
    def valid_until(self) -> date | None:
        """Last day of validity of a new pass (always the last day of a month)."""
        return self.outcome.valid_until

    @property
    def extras(self) -> tuple[str, ...]:
        """Extra entitlements, e.g. ``("60plus",)``."""
        return self.outcome.extras


@dataclass(frozen=True, slots=True)
class HouseholdFigures:
    """The income test's figures for the household; ``None`` where not computed.

    All are ``None`` when residence fails or no rule set applies; when nobody is old enough to
    be weighted as an adult (``older_member_age``) only ``net_income`` and ``threshold`` are
    given (the JSON output then omits them all: ``"household": {}``).

    ``max_household_income`` is the income limit, threshold × weights (the income must stay
    below it); ``highest_eligible_income`` is the highest household net income in whole cents
    that still passes the test, which can lie a few cents under the limit because the
    equivalised income is rounded (spec section 4.5). ``None`` when no income passes at all.
    """

    net_income: Decimal | None = None
    weights: Decimal | None = None
    equivalised_income: Decimal | None = None
    threshold: Decimal | None = None
    margin: Decimal | None = None
    max_household_income: Decimal | None = None
    highest_eligible_income: Decimal | None = None


NO_FIGURES = HouseholdFigures()


@dataclass(frozen=True, slots=True)
class Decision:
    """The decision on one application.

    ``rule_set`` names the parameter set that decided (e.g. ``ka-2021-01-01``), so the decision
    can be explained again later; it is ``None`` when no rule set covers the application date.
    ``member_ids``, ``outcomes`` and ``member_reasons`` are parallel, in the order of the
    input's members; :attr:`members` gives them person by person.
    """

    rule_set: str | None
    household: HouseholdFigures
    member_ids: tuple[str, ...]
    outcomes: tuple[Outcome, ...]
    member_reasons: tuple[tuple[Reason, ...], ...]

    @property
    def members(self) -> tuple[MemberDecision, ...]:
        """The decision person by person, in the order of the input's members."""
        return tuple(map(MemberDecision, self.member_ids, self.outcomes, self.member_reasons))

    def member(self, member_id: str) -> MemberDecision:
        """The decision for the person with id ``member_id``."""
        index = self.member_ids.index(member_id)  # ValueError when unknown
        return MemberDecision(member_id, self.outcomes[index], self.member_reasons[index])

    @property
    def any_eligible(self) -> bool:
        """Whether at least one person gets a pass."""
        return any(outcome.eligible for outcome in self.outcomes)


# ---------------------------------------------------------------------------------------------
# Fast constructors for bulk evaluation
# ---------------------------------------------------------------------------------------------
# A frozen dataclass's generated __init__ sets each field through object.__setattr__, which
# costs about 0.15 µs per field; evaluation builds several of these objects per household and
# must decide 150,000 households a second. These functions fill the same slots through the
# slot descriptors directly. The objects are identical to those built by the constructors
# (the tests compare them); use the constructors everywhere else.

_new = object.__new__


def _setter(cls: type, name: str) -> Any:
    return vars(cls)[name].__set__


_set_d_rule_set = _setter(Decision, "rule_set")
_set_d_household = _setter(Decision, "household")
_set_d_member_ids = _setter(Decision, "member_ids")
_set_d_outcomes = _setter(Decision, "outcomes")
_set_d_member_reasons = _setter(Decision, "member_reasons")
_set_r_code = _setter(Reason, "code")
(
    _set_i_day, _set_i_residence, _set_i_applicant, _set_i_members, _set_i_benefits,
    _set_i_member_ids,
) = (
    _setter(RuleInput, name)
    for name in ("application_date", "residence", "applicant", "members", "benefits",
                 "member_ids")
)
_set_r_params = _setter(Reason, "params")
(
    _set_f_net, _set_f_weights, _set_f_eq, _set_f_threshold, _set_f_margin, _set_f_max,
    _set_f_highest,
) = (
    _setter(HouseholdFigures, name)
    for name in ("net_income", "weights", "equivalised_income", "threshold", "margin",
                 "max_household_income", "highest_eligible_income")
)


def make_decision(
    rule_set: str | None,
    household: HouseholdFigures,
    member_ids: tuple[str, ...],
    outcomes: tuple[Outcome, ...],
    member_reasons: tuple[tuple[Reason, ...], ...],
) -> Decision:
    """``Decision(rule_set, household, member_ids, outcomes, member_reasons)``, built faster."""
    made: Decision = _new(Decision)
    _set_d_rule_set(made, rule_set)
    _set_d_household(made, household)
    _set_d_member_ids(made, member_ids)
    _set_d_outcomes(made, outcomes)
    _set_d_member_reasons(made, member_reasons)
    return made


def make_reason(code: ReasonCode, params: tuple[ParamValue, ...]) -> Reason:
    """``Reason(code, params)``, built faster."""
    made: Reason = _new(Reason)
    _set_r_code(made, code)
    _set_r_params(made, params)
    return made


def make_figures(
    net_income: Decimal,
    weights: Decimal,
    equivalised_income: Decimal,
    threshold: Decimal,
    margin: Decimal,
    max_household_income: Decimal,
    highest_eligible_income: Decimal | None = None,
) -> HouseholdFigures:
    """``HouseholdFigures(...)`` with every figure given, built faster."""
    made: HouseholdFigures = _new(HouseholdFigures)
    _set_f_net(made, net_income)
    _set_f_weights(made, weights)
    _set_f_eq(made, equivalised_income)
    _set_f_threshold(made, threshold)
    _set_f_margin(made, margin)
    _set_f_max(made, max_household_income)
    _set_f_highest(made, highest_eligible_income)
    return made
