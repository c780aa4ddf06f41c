"""German labels of the codes the services use (roles, kinds, proofs), through Qt's translator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kpass.documents.labels import BASIS_LABELS, INCOME_LABELS, PASS_TYPE_TITLES, pass_title
from kpass.services.applications import PROOFS
from kpass.services.household_validation import PERIOD_LABELS, ROLE_LABELS
from kpass.ui.translation import translatable_tables

_CONTEXT = "Labels"

INCOME_KIND_LABELS = INCOME_LABELS
INCOME_KINDS = tuple(INCOME_KIND_LABELS)

BENEFIT_KINDS = (
    "sgb2", "sgb12_hlu", "sgb12_grundsicherung", "asylblg", "wohngeld", "kinderzuschlag",
    "sgb8_stationaer",
)

PROOF_LABELS: dict[str, str] = {
    "personalausweis": "Personalausweis/Pass",
    "leistungsbescheid": "Leistungsbescheid",
    "lohnabrechnungen": "Lohnabrechnungen (3 Monate)",
    "rentenbescheid": "Rentenbescheid",
    "mietvertrag": "Mietvertrag",
    "lichtbild": "Lichtbild",
}

END_REASON_LABELS: dict[str, str] = {"moved_out": "Wegzug", "died": "Tod"}

PASS_STATUS_LABELS: dict[str, str] = {
    "active": "gültig", "revoked": "gesperrt", "replaced": "ersetzt",
}

APPLICATION_KIND_LABELS: dict[str, str] = {"new": "Erstantrag", "renewal": "Verlängerung"}

# Every table whose texts ``tr`` below translates (most are defined without Qt, in the
# documents and services layers): their German texts are the sources of this context.
translatable_tables(
    _CONTEXT, ROLE_LABELS, PERIOD_LABELS, INCOME_KIND_LABELS, BASIS_LABELS, PASS_TYPE_TITLES,
    PROOF_LABELS, END_REASON_LABELS, PASS_STATUS_LABELS, APPLICATION_KIND_LABELS,
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


def basis_text(basis: str) -> str:
    return tr(BASIS_LABELS.get(basis, basis))


def pass_type_text(pass_type: str) -> str:
    return tr(pass_title(pass_type))


def proof_label(proof: str) -> str:
    return tr(PROOF_LABELS.get(proof, proof))


def status_label(status: str) -> str:
    return tr(PASS_STATUS_LABELS.get(status, status))


__all__ = ["BENEFIT_KINDS", "INCOME_KINDS", "PROOFS", "basis_text", "income_kind_label"]
