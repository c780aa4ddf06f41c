"""Running the register: open it, create or upgrade its schema (the app and the command line
both start here)."""

from kpass.models.engine import Database
from kpass.models.migrate import UpgradeResult
from kpass.services.admin.check import check_database
from kpass.services.admin.demo_data import MAX_HOUSEHOLDS, check_household_count, create_demo_data
from kpass.services.admin.opening import open_and_upgrade, open_register, upgrade_register
from kpass.services.admin.signing_keys import (
    export_public_key_file,
    export_revocation_list,
    public_keys,
    rotate_key,
)
from kpass.services.admin.status import database_status

__all__ = [
    "MAX_HOUSEHOLDS",
    "Database",
    "UpgradeResult",
    "check_database",
    "check_household_count",
    "create_demo_data",
    "database_status",
    "export_public_key_file",
    "export_revocation_list",
    "open_and_upgrade",
    "open_register",
    "public_keys",
    "rotate_key",
    "upgrade_register",
]
