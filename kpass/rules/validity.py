"""Validity periods of new and renewed passes (spec section 5).

- A new pass is valid from the application date to the last day of the month ``months``
  months later (issued 2026-03-15, 12 months → valid until 2027-03-31).
- A renewal is possible from the first day of the old pass's expiry month. Within the expiry
  month it continues without a gap: from the day after the old expiry to the last day of the
  month ``months`` months after the expiry month.
- Once the expiry month has passed, a renewal is a new application: validity as for a new pass.

``months`` is the parameter ``validity_months`` of the rule set in force on the day of the
decision; :func:`pass_parameters` gives it (and the other figures the pass lifecycle needs)
for an issuer's parameters and a day. When a caller gives no ``months``, the functions here
look it up in the default issuer's parameters (Stadt Karlsruhe) for that day.

Interpretation: "the expiry month" is the calendar month of ``old_valid_until``. A request made
within that month but after ``old_valid_until`` (possible only if an expiry date was not a month
end) still continues without a gap, because the spec lets the gap-free rule run to the end of
the expiry month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from kpass.rules.age import end_of_month_after, first_of_month, last_of_month
from kpass.rules.parameter_files import default_parameters
from kpass.rules.parameters import Parameters, RuleSet


@dataclass(frozen=True, slots=True)
class PassParameters:
    """The figures of a rule set that concern passes rather than eligibility.

    ``rule_set`` is the id of the rule set they come from.
    """

    rule_set: str
    validity_months: int
    adult_age: int
    senior_extra_age: int
    senior_extra_amount: Decimal


def _rule_set_for(parameters: Parameters, day: date) -> RuleSet:
    """The rule set in force on ``day``; before the first one, the first one.

    Nobody is eligible before the first rule set, so no pass is issued then; the first rule
    set only keeps helpers such as :func:`new_validity` from failing on such a day.
    """
    rule_set = parameters.rule_set_on(day)
    if rule_set is None:
        rule_set = parameters.rule_sets[0]
    return rule_set


def pass_parameters(parameters: Parameters, day: date) -> PassParameters:
    """Validity in months, adult age and the 60plus figures in force on ``day``.

    For the pass lifecycle: ``validity_months`` for :func:`new_validity` and
    :func:`renewal_validity`, ``adult_age`` for the pass type (Kinderpass below it).
    Before the first rule set the first rule set's values are given.
    """
    rule_set = _rule_set_for(parameters, day)
    return PassParameters(
        rule_set=rule_set.id,
        validity_months=rule_set.validity_months,
        adult_age=rule_set.adult_age,
        senior_extra_age=rule_set.senior_extra_age,
        senior_extra_amount=rule_set.senior_extra_amount,
    )


def validity_months(parameters: Parameters, day: date) -> int:
    """The parameter ``validity_months`` in force on ``day`` (see :func:`pass_parameters`)."""
    return _rule_set_for(parameters, day).validity_months


def _months(months: int | None, day: date) -> int:
    return validity_months(default_parameters(), day) if months is None else months


def new_validity(application_date: date, months: int | None = None) -> tuple[date, date]:
    """``(valid_from, valid_until)`` of a new pass applied for on ``application_date``.

    ``months`` defaults to ``validity_months`` of the default issuer on that day.
    """
    months = _months(months, application_date)
    return application_date, end_of_month_after(application_date, months)


def renewal_possible_from(old_valid_until: date) -> date:
    """The first day on which a pass expiring on ``old_valid_until`` can be renewed."""
    return first_of_month(old_valid_until)


def renewal_validity(
    old_valid_until: date, renewal_date: date, months: int | None = None
) -> tuple[date, date] | None:
    """``(valid_from, valid_until)`` of a pass renewed on ``renewal_date``.

    Returns ``None`` when renewal is not yet possible (before the first day of the expiry
    month): the pass is still valid beyond the end of the current month, so a decision on that
    day is recorded but issues nothing new. ``months`` defaults to ``validity_months`` of the
    default issuer on ``renewal_date`` (the renewal is a new decision with the rules of its day).
    """
    if renewal_date < first_of_month(old_valid_until):
        return None
    months = _months(months, renewal_date)
    if renewal_date <= last_of_month(old_valid_until):
        return old_valid_until + timedelta(days=1), end_of_month_after(old_valid_until, months)
    return new_validity(renewal_date, months)


def issues_new_pass(current_valid_until: date | None, decision_date: date) -> bool:
    """Whether a positive decision on ``decision_date`` issues a pass (one pass at a time).

    ``current_valid_until`` is the expiry of the person's current, unrevoked pass, if any.
    Nothing new is issued while that pass is valid beyond the end of the decision's month.
    """
    return current_valid_until is None or current_valid_until <= last_of_month(decision_date)
