"""The words and formats of the domain: every code with its German label, and how money,
dates and numbers are written. No other part of kpass is imported here; every layer may
import this."""

from kpass.vocabulary.formats import (
    format_amount,
    format_change,
    format_count,
    format_date,
    format_euro,
    format_factor,
    format_month,
    format_months,
    format_weights,
    german_number,
)
from kpass.vocabulary.terms import (
    APPLICATION_KINDS,
    BASES,
    BENEFITS,
    END_REASONS,
    HOUSEHOLD_TYPES,
    INCOME_KINDS,
    PASS_STATUSES,
    PASS_TYPES,
    PERIODS,
    PROOFS,
    ROLES,
    SALUTATIONS,
    Term,
    Terms,
    basis_label,
    label,
    large_family_label,
    long_labels,
    pass_title,
    short_labels,
)

__all__ = [
    "APPLICATION_KINDS", "BASES", "BENEFITS", "END_REASONS", "HOUSEHOLD_TYPES",
    "INCOME_KINDS", "PASS_STATUSES", "PASS_TYPES", "PERIODS", "PROOFS", "ROLES", "SALUTATIONS",
    "Term", "Terms", "basis_label", "format_amount", "format_change", "format_count",
    "format_date", "format_euro", "format_factor", "format_month", "format_months",
    "format_weights", "german_number", "label", "large_family_label", "long_labels",
    "pass_title", "short_labels",
]
