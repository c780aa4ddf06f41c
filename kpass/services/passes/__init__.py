"""Passes: issue, renew, replace and revoke them (row locks, no overlapping validity), and
the lists of passes (valid on a day, the renewals queue).

The actions and the signing library are loaded on first use (PEP 562): the search page
needs only the lists at start, and the actions pull in the statistics, the household
services and cryptography.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from kpass.services.passes.queries import (
    RenewalRow,
    count_pass_holders,
    filter_words,
    list_passes,
    renewal_queue,
)

if TYPE_CHECKING:
    from kpass.services.passes.actions import (
        IssuedPass,
        RenewalResult,
        decide_and_issue,
        issue_passes,
        renew_pass,
        renew_passes,
        replace_pass,
        revoke_pass,
    )

    # what the counter and the command line need of the lower layers, through this package
    from kpass.signing import load_public_keys, load_revocation_list, verify_payload

_ACTIONS = (
    "IssuedPass", "RenewalResult", "decide_and_issue", "issue_passes", "renew_pass",
    "renew_passes", "replace_pass", "revoke_pass",
)
_LAZY = {
    **dict.fromkeys(_ACTIONS, "kpass.services.passes.actions"),
    **dict.fromkeys(("load_public_keys", "load_revocation_list", "verify_payload"),
                    "kpass.signing"),
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # looked up once
    return value


__all__ = [
    "IssuedPass",
    "RenewalResult",
    "RenewalRow",
    "count_pass_holders",
    "decide_and_issue",
    "filter_words",
    "issue_passes",
    "list_passes",
    "load_public_keys",
    "load_revocation_list",
    "renew_pass",
    "renew_passes",
    "renewal_queue",
    "replace_pass",
    "revoke_pass",
    "verify_payload",
]
