"""The audit view: the tamper-evident trail for supervisors."""

from kpass.ui.audit.view import AuditView

__all__ = ["AuditView"]
