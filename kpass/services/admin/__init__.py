"""Running the register: open it, create or upgrade its schema (the app and the command line
both start here)."""

from kpass.models.engine import Database
from kpass.models.migrate import UpgradeResult
from kpass.services.admin.check import check_database
from kpass.services.admin.demo_data import MAX_HOUSEHOLDS, check_household_count, create_demo_data
from kpass.services.admin.key_set import (
    KeySetExport,
    RootKeyCreated,
    RootKeyError,
    create_root_key,
    export_key_set,
)
from kpass.services.admin.opening import open_and_upgrade, open_register, upgrade_register
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

__all__ = [
    "MAX_HOUSEHOLDS",
    "Database",
    "KeySetExport",
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
    "create_demo_data",
    "create_root_key",
    "database_status",
    "dump_verifier_state",
    "export_key_set",
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
    "rotate_key",
    "trusted_keys",
    "upgrade_register",
    "verify_against_register",
    "verify_payload",
]
