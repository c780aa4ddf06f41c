"""Running the register: open it, create or upgrade its schema (the app and the command line
both start here)."""

from kpass.models.engine import Database
from kpass.models.migrate import UpgradeResult
from kpass.services.admin.opening import open_and_upgrade, open_register, upgrade_register

__all__ = ["Database", "UpgradeResult", "open_and_upgrade", "open_register", "upgrade_register"]
