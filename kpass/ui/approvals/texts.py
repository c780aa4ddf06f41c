"""Why a decision waits for a supervisor, in words: shared by the queue and the household."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from kpass.services.approvals import ApprovalView
from kpass.vocabulary import format_euro


def _tr(text: str) -> str:
    return QCoreApplication.translate("ApprovalTexts", text)


def reason_text(reason: str, gap: Decimal | None) -> str:
    """Why a decision waits: "Ablehnung" or "nahe an der Einkommensgrenze (12,50 € unter)"
    (``gap``: household income minus the income limit), translated."""
    if reason == "rejection":
        return _tr("Ablehnung")
    if gap is None:
        return _tr("nahe an der Einkommensgrenze")
    text = _tr("nahe an der Einkommensgrenze (%1 über)") if gap > 0 else \
        _tr("nahe an der Einkommensgrenze (%1 unter)")
    return text.replace("%1", format_euro(abs(gap)))


def approval_reason(view: ApprovalView) -> str:
    """Why the decision of ``view`` waits (or waited), translated."""
    return reason_text(view.reason, view.income_minus_limit)
