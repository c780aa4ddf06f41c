"""Validity periods of new and renewed passes (spec section 5).

- A new pass is valid from the application date to the last day of the month ``months``
  months later (issued 2026-03-15, 12 months → valid until 2027-03-31).
- A renewal is possible from the first day of the old pass's expiry month. Within the expiry
  month it continues without a gap: from the day after the old expiry to the last day of the
  month ``months`` months after the expiry month.
- Once the expiry month has passed, a renewal is a new application: validity as for a new pass.

Interpretation: "the expiry month" is the calendar month of ``old_valid_until``. A request made
within that month but after ``old_valid_until`` (possible only if an expiry date was not a month
end) still continues without a gap, because the spec lets the gap-free rule run to the end of
the expiry month.
"""

from __future__ import annotations

from datetime import date, timedelta

from kpass.rules.age import end_of_month_after, first_of_month, last_of_month

#: The spec's validity in months; evaluation takes the value from the parameters instead.
DEFAULT_VALIDITY_MONTHS = 12


def new_validity(
    application_date: date, months: int = DEFAULT_VALIDITY_MONTHS
) -> tuple[date, date]:
    """``(valid_from, valid_until)`` of a new pass applied for on ``application_date``."""
    return application_date, end_of_month_after(application_date, months)


def renewal_possible_from(old_valid_until: date) -> date:
    """The first day on which a pass expiring on ``old_valid_until`` can be renewed."""
    return first_of_month(old_valid_until)


def renewal_validity(
    old_valid_until: date, renewal_date: date, months: int = DEFAULT_VALIDITY_MONTHS
) -> tuple[date, date] | None:
    """``(valid_from, valid_until)`` of a pass renewed on ``renewal_date``.

    Returns ``None`` when renewal is not yet possible (before the first day of the expiry
    month): the pass is still valid beyond the end of the current month, so a decision on that
    day is recorded but issues nothing new.
    """
    if renewal_date < first_of_month(old_valid_until):
        return None
    if renewal_date <= last_of_month(old_valid_until):
        return old_valid_until + timedelta(days=1), end_of_month_after(old_valid_until, months)
    return new_validity(renewal_date, months)


def issues_new_pass(current_valid_until: date | None, decision_date: date) -> bool:
    """Whether a positive decision on ``decision_date`` issues a pass (one pass at a time).

    ``current_valid_until`` is the expiry of the person's current, unrevoked pass, if any.
    Nothing new is issued while that pass is valid beyond the end of the decision's month.
    """
    return current_valid_until is None or current_valid_until <= last_of_month(decision_date)
