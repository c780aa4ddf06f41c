"""Who may do what: each permission belongs to the lowest role that holds it.

Roles are ranked: a supervisor may do all a caseworker may, an admin all a supervisor may.
"""

from __future__ import annotations

from enum import StrEnum


class Permission(StrEnum):
    # caseworker
    READ_REGISTER = "read_register"  # search, household details and history
    EDIT_REGISTER = "edit_register"  # households, persons, incomes, notices
    DECIDE = "decide"
    ISSUE = "issue"  # issue and renew passes
    PRINT = "print"
    # supervisor
    REVOKE = "revoke"
    REPLACE = "replace"
    EXACT_STATISTICS = "exact_statistics"
    WHAT_IF = "what_if"
    AUDIT = "audit"
    BULK_READ = "bulk_read"  # lists of many persons (passes list --all, exports)
    ERASE = "erase"  # erasure on a person's request (Art. 17 DSGVO)
    DECIDE_OBJECTIONS = "decide_objections"  # reject or remedy a Widerspruch
    APPROVE = "approve"  # confirm or return a decision waiting under the four-eyes rule
    # admin
    USERS = "users"
    PARAMETERS = "parameters"
    KEYS = "keys"
    SETTINGS = "settings"
    RETENTION = "retention"  # the deletion schedule: its periods and its runs


ROLE_RANK = {"caseworker": 1, "supervisor": 2, "admin": 3}

ROLE_LABELS = {
    "caseworker": "Sachbearbeitung",
    "supervisor": "Leitung",
    "admin": "Verwaltung",
}

LOWEST_ROLE: dict[Permission, str] = {
    Permission.READ_REGISTER: "caseworker",
    Permission.EDIT_REGISTER: "caseworker",
    Permission.DECIDE: "caseworker",
    Permission.ISSUE: "caseworker",
    Permission.PRINT: "caseworker",
    Permission.REVOKE: "supervisor",
    Permission.REPLACE: "supervisor",
    Permission.EXACT_STATISTICS: "supervisor",
    Permission.WHAT_IF: "supervisor",
    Permission.AUDIT: "supervisor",
    Permission.BULK_READ: "supervisor",
    Permission.ERASE: "supervisor",
    Permission.DECIDE_OBJECTIONS: "supervisor",
    Permission.APPROVE: "supervisor",
    Permission.USERS: "admin",
    Permission.PARAMETERS: "admin",
    Permission.KEYS: "admin",
    Permission.SETTINGS: "admin",
    Permission.RETENTION: "admin",
}


def role_allows(role: str, permission: Permission) -> bool:
    """Whether ``role`` holds ``permission``; unknown roles (and "system") hold nothing."""
    return ROLE_RANK.get(role, 0) >= ROLE_RANK[LOWEST_ROLE[permission]]
