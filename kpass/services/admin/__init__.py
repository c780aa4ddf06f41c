"""Running the register: open it, create or upgrade its schema (the app and the command line
both start here).

The names below are loaded on first use (PEP 562): the demo data (the rules, the statistics,
the letters), the check and the migrations are heavy imports that most commands and the
app's start never need, so importing this package must not pay for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from kpass.models.engine import Database

if TYPE_CHECKING:
    from kpass.models.migrate import UpgradeResult
    from kpass.services.admin.check import check_database
    from kpass.services.admin.demo_data import (
        MAX_HOUSEHOLDS,
        check_household_count,
        create_demo_data,
    )
    from kpass.services.admin.key_set import (
        KeySetExport,
        RootKeyCreated,
        RootKeyError,
        create_root_key,
        export_key_set,
    )
    from kpass.services.admin.opening import (
        check_rule_files,
        open_and_upgrade,
        open_register,
        rule_files_broken,
        upgrade_register,
    )
    from kpass.services.admin.partner_page import PartnerPageExport, export_partner_page
    from kpass.services.admin.refold import refold_statistics
    from kpass.services.admin.signing_keys import (
        RevocationExport,
        export_public_key_file,
        export_revocation_list,
        public_keys,
        rotate_key,
        trusted_keys,
        verify_against_register,
    )
    from kpass.services.admin.status import database_status

    # what checking codes and key files needs of the signing library, through this package
    from kpass.signing import (
        RevocationList,
        TrustedKey,
        VerificationResult,
        VerificationStatus,
        VerifierState,
        dump_verifier_state,
        load_public_keys,
        parse_fingerprint,
        parse_verifier_state,
        read_key_set,
        read_revocation_list,
        verify_payload,
    )

_SIGNING = (
    "RevocationList", "TrustedKey", "VerificationResult", "VerificationStatus",
    "VerifierState", "dump_verifier_state", "load_public_keys", "parse_fingerprint",
    "parse_verifier_state", "read_key_set", "read_revocation_list", "verify_payload",
)
#: each name exported here and the module that defines it
_LAZY: dict[str, str] = {
    "UpgradeResult": "kpass.models.migrate",
    "check_database": "kpass.services.admin.check",
    **dict.fromkeys(("MAX_HOUSEHOLDS", "check_household_count", "create_demo_data"),
                    "kpass.services.admin.demo_data"),
    **dict.fromkeys(("KeySetExport", "RootKeyCreated", "RootKeyError", "create_root_key",
                     "export_key_set"), "kpass.services.admin.key_set"),
    **dict.fromkeys(("open_and_upgrade", "open_register", "upgrade_register",
                     "check_rule_files", "rule_files_broken"),
                    "kpass.services.admin.opening"),
    **dict.fromkeys(("RevocationExport", "export_public_key_file", "export_revocation_list",
                     "public_keys", "rotate_key", "trusted_keys", "verify_against_register"),
                    "kpass.services.admin.signing_keys"),
    "database_status": "kpass.services.admin.status",
    **dict.fromkeys(("PartnerPageExport", "export_partner_page"),
                    "kpass.services.admin.partner_page"),
    "refold_statistics": "kpass.services.admin.refold",
    **dict.fromkeys(_SIGNING, "kpass.signing"),
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # looked up once
    return value


__all__ = [
    "MAX_HOUSEHOLDS",
    "Database",
    "KeySetExport",
    "PartnerPageExport",
    "RevocationExport",
    "RevocationList",
    "RootKeyCreated",
    "RootKeyError",
    "TrustedKey",
    "UpgradeResult",
    "VerificationResult",
    "VerificationStatus",
    "VerifierState",
    "check_database",
    "check_household_count",
    "check_rule_files",
    "create_demo_data",
    "create_root_key",
    "database_status",
    "dump_verifier_state",
    "export_key_set",
    "export_partner_page",
    "export_public_key_file",
    "export_revocation_list",
    "load_public_keys",
    "open_and_upgrade",
    "open_register",
    "parse_fingerprint",
    "parse_verifier_state",
    "public_keys",
    "read_key_set",
    "read_revocation_list",
    "refold_statistics",
    "rotate_key",
    "rule_files_broken",
    "trusted_keys",
    "upgrade_register",
    "verify_against_register",
    "verify_payload",
]
