"""Passes: issue, renew, replace and revoke them (row locks, no overlapping validity), and
the lists of passes (valid on a day, the renewals queue)."""

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
from kpass.services.passes.queries import (
    RenewalRow,
    count_pass_holders,
    filter_words,
    list_passes,
    renewal_queue,
)

# what the counter and the command line need of the lower layers, through this package
from kpass.signing import load_public_keys, load_revocation_list, verify_payload

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
