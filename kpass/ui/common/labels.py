"""German labels of the codes the services use (roles, kinds, proofs), through Qt's translator."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from kpass.services.applications import PROOFS, default_parameters
from kpass.services.household import PERIOD_LABELS, ROLE_LABELS
from kpass.ui.translation import translatable_tables
from kpass.vocabulary import (
    APPLICATION_KINDS,
    BASES,
    END_REASONS,
    PASS_STATUSES,
    PASS_TYPES,
    SALUTATIONS,
    long_labels,
    pass_title,
    short_labels,
)
from kpass.vocabulary import INCOME_KINDS as INCOME_TERMS
from kpass.vocabulary import PROOFS as PROOF_TERMS

_CONTEXT = "Labels"

#: The vocabulary's labels as the screens show them (through Qt's translator below).
BASIS_LABELS: dict[str, str] = long_labels(BASES)
INCOME_LABELS: dict[str, str] = long_labels(INCOME_TERMS)
PASS_TYPE_TITLES: dict[str, str] = long_labels(PASS_TYPES)
INCOME_KIND_LABELS = INCOME_LABELS

_LATEST_RULES = default_parameters().rule_sets[-1]
_OFFERED_INCOME_KINDS = (*_LATEST_RULES.income_kinds, *_LATEST_RULES.uncounted_income_kinds)
#: The kinds entered most often at the counter. The picker offers them first, so that typing
#: a first letter finds the common kind ("K": Kindergeld, not Kranken-/Mutterschaftsgeld).
_COMMON_INCOME_KINDS = ("wages", "minijob", "pension", "kindergeld", "unterhalt", "alg1")
#: What the income picker offers: the kinds of the newest rule set, the common ones first,
#: then the others counted before those not counted.
INCOME_KINDS: tuple[str, ...] = (
    *(k for k in _COMMON_INCOME_KINDS if k in _OFFERED_INCOME_KINDS),
    *(k for k in _OFFERED_INCOME_KINDS if k not in _COMMON_INCOME_KINDS),
)
#: The qualifying benefits (notices), in the rules' order of precedence.
BENEFIT_KINDS: tuple[str, ...] = _LATEST_RULES.qualifying_benefits

PROOF_LABELS: dict[str, str] = short_labels(PROOF_TERMS)  # beside check boxes: short

END_REASON_LABELS: dict[str, str] = long_labels(END_REASONS)

#: How a letter addresses a person (kpass.models.register.SALUTATIONS); none: no salutation.
SALUTATION_LABELS: dict[str, str] = long_labels(SALUTATIONS)

PASS_STATUS_LABELS: dict[str, str] = long_labels(PASS_STATUSES)

APPLICATION_KIND_LABELS: dict[str, str] = long_labels(APPLICATION_KINDS)

# Every table whose texts ``tr`` below translates (most are defined without Qt, in the
# documents and services layers): their German texts are the sources of this context.
translatable_tables(
    _CONTEXT, ROLE_LABELS, PERIOD_LABELS, INCOME_LABELS, BASIS_LABELS,
    PASS_TYPE_TITLES, PROOF_LABELS, END_REASON_LABELS, PASS_STATUS_LABELS,
    APPLICATION_KIND_LABELS, SALUTATION_LABELS,
)


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def role_label(role: str) -> str:
    return tr(ROLE_LABELS.get(role, role))


def period_label(period: str) -> str:
    return tr(PERIOD_LABELS.get(period, period))


def income_kind_label(kind: str) -> str:
    if kind in INCOME_KIND_LABELS:
        return tr(INCOME_KIND_LABELS[kind])
    return basis_text(kind)


def income_counted(kind: str, day: date) -> bool:
    """Whether the rules in force on ``day`` count income of ``kind`` (Pflegegeld, Blindengeld
    and the qualifying benefits entered as income are "nicht angerechnet")."""
    rule_set = default_parameters().rule_set_on(day)
    return rule_set is None or kind not in rule_set.not_counted_income_kinds


def basis_text(basis: str) -> str:
    return tr(BASIS_LABELS.get(basis, basis))


def pass_type_text(pass_type: str) -> str:
    return tr(pass_title(pass_type))


def salutation_label(salutation: str) -> str:
    return tr(SALUTATION_LABELS.get(salutation, salutation))


def proof_label(proof: str) -> str:
    return tr(PROOF_LABELS.get(proof, proof))


def status_label(status: str) -> str:
    return tr(PASS_STATUS_LABELS.get(status, status))


def pass_status_text(status: str, revoked_on: date | None, today: date) -> str:
    """The state of a pass on ``today``: a revocation dated in the future leaves the pass valid
    until then ("gültig, gesperrt ab 01.05.2026").

    ``status`` may be the stored one (already ``revoked`` before the day) or the state on the
    day as the pass lists give it (``active`` until the day).
    """
    if revoked_on is not None and revoked_on > today:
        ends = tr("gültig, ersetzt ab %1") if status == "replaced" else \
            tr("gültig, gesperrt ab %1")
        return ends.replace("%1", f"{revoked_on:%d.%m.%Y}")
    return status_label(status)


__all__ = [
    "BENEFIT_KINDS", "INCOME_KINDS", "PROOFS", "basis_text", "income_counted", "income_kind_label",
]
