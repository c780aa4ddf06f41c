"""The domain's labels as the documents print them: the long forms of :mod:`kpass.vocabulary`
(one wording for sentences, letters, cards and the screens)."""

from __future__ import annotations

from kpass.vocabulary import (
    BASES,
    INCOME_KINDS,
    PASS_TYPES,
    PROOFS,
    ROLES,
    basis_label,
    label,
    large_family_label,
    long_labels,
    pass_title,
)

PASS_TYPE_TITLES: dict[str, str] = long_labels(PASS_TYPES)
BASIS_LABELS: dict[str, str] = long_labels(BASES)
INCOME_LABELS: dict[str, str] = long_labels(INCOME_KINDS)
ROLE_LABELS: dict[str, str] = long_labels(ROLES)
PROOF_LABELS: dict[str, str] = long_labels(PROOFS)

__all__ = [
    "BASIS_LABELS", "INCOME_LABELS", "PASS_TYPE_TITLES", "PROOF_LABELS", "ROLE_LABELS",
    "basis_label", "label", "large_family_label", "pass_title",
]
