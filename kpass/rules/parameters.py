"""Rule parameters as dated values (OpenFisca style) and the rule sets they form.

Each parameter has a description, a reference (its source), a unit and values keyed by the date
from which they are in force; :mod:`kpass.rules.parameter_files` reads them from
``resources/rules/*.toml``, one file per issuing municipality.

A **rule set** is the set of values in force on a day. Its id is the issuer's prefix and the
latest date on which one of those values came into force (``ka-2021-01-01``), so a stored
decision names exactly the values that decided it. Before every parameter has a value there is
no rule set.

A **procedural** parameter (``procedural = true`` in its table, :data:`PROCEDURAL_PARAMETERS`)
is dated like the others but decides nothing about eligibility: the days after posting at
which a letter counts as notified. Its dates form no rule set and are not part of any rule
set id, so a new value of it leaves the id every stored decision names as it was.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from kpass.rules.errors import ParameterError

#: Every parameter the rules use, with the unit its file must state.
PARAMETER_UNITS: dict[str, str] = {
    "threshold": "EUR/month",
    "weight_first_adult": "factor",
    "weight_older_member": "factor",
    "weight_young_member": "factor",
    "older_member_age": "years",
    "adult_age": "years",
    "adult_min_age": "years",
    "large_family_min_minors": "persons",
    "senior_extra_age": "years",
    "senior_extra_amount": "EUR/year",
    "validity_months": "months",
    "qualifying_benefits": "codes",
    "income_kinds": "codes",
    "uncounted_income_kinds": "codes",
    # not an eligibility figure: the days after posting at which a letter counts as
    # notified (§ 41 Abs. 2 LVwVfG), for the deadline of an objection
    "notification_days": "days",
}
#: The parameters no eligibility rule reads (their files must mark them ``procedural =
#: true``): their dates are no rule set's.
PROCEDURAL_PARAMETERS = frozenset({"notification_days"})

ParameterValue = Decimal | int | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Issuer:
    """An issuing municipality."""

    municipality: str
    name: str
    rule_set_prefix: str
    description: str
    reference: str
    example: bool
    stadtteile: tuple[tuple[str, str], ...] | None  # (code, name); None: no Stadtteile
    #: The capital letters before a pass number's serial (``KA`` in ``KA-123456-32``); the
    #: check digits cover them, so a number read under another issuer's prefix is invalid.
    pass_prefix: str = "KA"
    #: The letterhead of letters and cards: the office's name lines, address lines and
    #: contact lines (telephone, e-mail, opening hours); empty: the letter settings' office.
    letterhead_name: tuple[str, ...] = ()
    letterhead_address: tuple[str, ...] = ()
    letterhead_contact: tuple[str, ...] = ()
    #: A municipality without Stadtteile may name its Ortsteile (shown, not coded).
    ortsteile: tuple[str, ...] = ()

    @property
    def code(self) -> str:
        """The issuer's short code stored with households, decisions and passes (its rule
        set prefix, ``ka``): it never changes, since stored decisions name it already."""
        return self.rule_set_prefix

    @property
    def stadtteil_codes(self) -> frozenset[str] | None:
        """The valid Stadtteil codes, or ``None`` when the municipality has none."""
        return None if self.stadtteile is None else frozenset(c for c, _ in self.stadtteile)


@dataclass(frozen=True, slots=True)
class Parameter:
    """One parameter with its dated values (sorted by start date)."""

    name: str
    description: str
    reference: str
    unit: str
    values: tuple[tuple[date, ParameterValue], ...]
    #: decides no eligibility: its dates do not count for the rule set ids
    procedural: bool = False

    def value_on(self, day: date) -> tuple[date, ParameterValue] | None:
        """``(start, value)`` in force on ``day``, or ``None`` before the first value."""
        index = bisect_right([start for start, _ in self.values], day)
        return self.values[index - 1] if index else None


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The parameter values in force from ``in_force_from`` on, for one issuer."""

    id: str
    in_force_from: date
    issuer: Issuer
    threshold: Decimal
    weight_first_adult: Decimal
    weight_older_member: Decimal
    weight_young_member: Decimal
    older_member_age: int
    adult_age: int
    adult_min_age: int
    large_family_min_minors: int
    senior_extra_age: int
    senior_extra_amount: Decimal
    validity_months: int
    qualifying_benefits: tuple[str, ...]  # in order of precedence
    income_kinds: tuple[str, ...]  # counted
    uncounted_income_kinds: tuple[str, ...]  # accepted, shown, not counted

    @property
    def not_counted_income_kinds(self) -> frozenset[str]:
        """Income kinds that add nothing to the household net income (spec section 4.1).

        The qualifying benefit kinds (a notice, not an income) and ``uncounted_income_kinds``.
        """
        return frozenset(self.qualifying_benefits) | frozenset(self.uncounted_income_kinds)


class Parameters:
    """All dated parameters of one issuer, with the rule sets they form.

    Look-ups by day are cached; the caches never change a result, so a ``Parameters`` object
    can be shared freely (also between threads: a lost cache entry is merely rebuilt).
    """

    __slots__ = (
        "_by_day",
        "_rule_sets",
        "_starts",
        "evaluation_cache",
        "issuer",
        "known_benefit_kinds",
        "known_income_kinds",
        "parameters",
        "source",
    )

    def __init__(self, source: Path, issuer: Issuer, parameters: Mapping[str, Parameter]) -> None:
        self.source = source
        self.issuer = issuer
        self.parameters: Mapping[str, Parameter] = dict(parameters)
        self._rule_sets = build_rule_sets(source, issuer, self.parameters)
        self._starts = [rule_set.in_force_from for rule_set in self._rule_sets]
        self._by_day: dict[date, RuleSet | None] = {}
        #: Per-day data derived by :mod:`kpass.rules.evaluate`; owned by that module.
        self.evaluation_cache: dict[date, Any] = {}
        #: Every benefit kind any rule set knows (valid input).
        self.known_benefit_kinds = frozenset(
            kind for rule_set in self._rule_sets for kind in rule_set.qualifying_benefits
        )
        #: Every income kind any rule set knows, benefit kinds and the kinds that are not
        #: counted included (valid input).
        self.known_income_kinds = self.known_benefit_kinds | frozenset(
            kind
            for rule_set in self._rule_sets
            for kind in (*rule_set.income_kinds, *rule_set.uncounted_income_kinds)
        )

    def __repr__(self) -> str:
        return f"Parameters({self.issuer.municipality!r}, {str(self.source)!r})"

    @property
    def rule_sets(self) -> tuple[RuleSet, ...]:
        """Every rule set, oldest first."""
        return self._rule_sets

    @property
    def first_date(self) -> date | None:
        """The first day covered by a rule set."""
        return self._starts[0] if self._starts else None

    def rule_set_on(self, day: date) -> RuleSet | None:
        """The rule set in force on ``day``, or ``None`` before the first one."""
        try:
            return self._by_day[day]
        except KeyError:
            index = bisect_right(self._starts, day)
            found = self._rule_sets[index - 1] if index else None
            if len(self._by_day) > 20_000:  # a what-if over years of dates must not grow forever
                self._by_day.clear()
            self._by_day[day] = found
            return found

    def rule_set_by_id(self, rule_set_id: str) -> RuleSet:
        """The rule set called ``rule_set_id``, to explain a stored decision again."""
        for rule_set in self._rule_sets:
            if rule_set.id == rule_set_id:
                return rule_set
        raise KeyError(rule_set_id)

    def with_values(
        self, name: str, values: Mapping[date, ParameterValue], reference: str = "what-if"
    ) -> Parameters:
        """A copy with parameter ``name`` given ``values``, for policy what-if questions.

        Rule set ids of the copy read ``ka-whatif-…``, so they are never mistaken for real ones.
        """
        if name not in self.parameters:
            raise ParameterError(self.source, name, "no such parameter")
        old = self.parameters[name]
        kind = type(old.values[0][1])
        if not values or any(type(value) is not kind for value in values.values()):
            raise ParameterError(self.source, name, f"what-if values must be {kind.__name__}")
        new = replace(old, reference=reference, values=tuple(sorted(values.items())))
        issuer = replace(self.issuer, rule_set_prefix=self.issuer.rule_set_prefix + "-whatif")
        return Parameters(self.source, issuer, {**self.parameters, name: new})


def build_rule_sets(
    path: Path, issuer: Issuer, parameters: Mapping[str, Parameter]
) -> tuple[RuleSet, ...]:
    """One rule set per date on which an eligibility parameter's value changes, from the day
    all of them exist (procedural parameters neither start nor name a rule set)."""
    deciding = [p for p in parameters.values() if not p.procedural]
    first = max(parameter.values[0][0] for parameter in deciding)
    changes = sorted({first} | {s for p in deciding for s, _ in p.values if s > first})
    names = [f.name for f in fields(RuleSet) if f.name not in ("id", "in_force_from", "issuer")]
    result = []
    for start in changes:
        chosen: dict[str, Any] = {}
        for name in names:
            found = parameters[name].value_on(start)
            assert found is not None  # every parameter has a value from `first` on
            chosen[name] = found[1]
        rule_set = RuleSet(
            id=f"{issuer.rule_set_prefix}-{start.isoformat()}",
            in_force_from=start,
            issuer=issuer,
            **chosen,
        )
        _check_rule_set(path, rule_set)
        result.append(rule_set)
    return tuple(result)


def _check_rule_set(path: Path, rule_set: RuleSet) -> None:
    """Checks across parameters, so that a bad combination fails at load, not at the counter."""
    when = f"(values in force from {rule_set.in_force_from})"
    if not rule_set.older_member_age <= rule_set.adult_age <= rule_set.adult_min_age:
        raise ParameterError(
            path, "adult_min_age",
            f"need older_member_age <= adult_age <= adult_min_age {when}",
        )
    if rule_set.threshold <= 0:
        raise ParameterError(path, "threshold", f"must be more than 0.00 {when}")
    overlap = set(rule_set.income_kinds) & set(rule_set.qualifying_benefits)
    if overlap:
        raise ParameterError(
            path, "income_kinds", f"{sorted(overlap)} are also qualifying benefits {when}"
        )
    uncounted = set(rule_set.uncounted_income_kinds)
    for other, kinds in (("income_kinds", rule_set.income_kinds),
                         ("qualifying_benefits", rule_set.qualifying_benefits)):
        overlap = uncounted & set(kinds)
        if overlap:
            raise ParameterError(
                path, "uncounted_income_kinds", f"{sorted(overlap)} are also in {other} {when}"
            )
