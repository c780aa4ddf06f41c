"""Four-eyes rule: refusals and decisions close to the income limit wait for a supervisor
before their letter, passes and cards go out (an administrator's switch and margin)."""

from kpass.services.approvals.gate import AwaitingApproval
from kpass.services.approvals.need import ApprovalNeed, reason_text_de, reason_text_en
from kpass.services.approvals.queue import (
    AlreadyResolved,
    approval_queue,
    confirm_approval,
    decision_approval,
    return_approval,
)
from kpass.services.approvals.settings import (
    MAX_MARGIN_EUR,
    MAX_MARGIN_PERCENT,
    ApprovalSettings,
    approval_settings,
    set_approval_settings,
)
from kpass.services.approvals.views import STATE_LABELS_DE, ApprovalView

__all__ = [
    "MAX_MARGIN_EUR",
    "MAX_MARGIN_PERCENT",
    "STATE_LABELS_DE",
    "AlreadyResolved",
    "ApprovalNeed",
    "ApprovalSettings",
    "ApprovalView",
    "AwaitingApproval",
    "approval_queue",
    "approval_settings",
    "confirm_approval",
    "decision_approval",
    "reason_text_de",
    "reason_text_en",
    "return_approval",
    "set_approval_settings",
]
