"""Business continuity: backups of the whole register, checked when written; restoring one
with the current register kept aside; automatic daily backups of a SQLite register with
rotation (docs/backup-restore.md). All of them are the database owner's commands."""

from kpass.services.continuity.backup import BackupResult, create_backup
from kpass.services.continuity.backup_file import BackupManifest, read_manifest
from kpass.services.continuity.errors import (
    AutomaticBackupFailed,
    BackupDamaged,
    BackupFailed,
    NotABackupFile,
    PassphraseProblem,
    PgToolsMissing,
    RestoreRefused,
)
from kpass.services.continuity.listing import BackupEntry, list_backups
from kpass.services.continuity.locations import BACKUP_FOLDER, RESTORE_COPY_INFIX
from kpass.services.continuity.postgres_tools import DEBIAN_PACKAGE, PG_BIN_ENV
from kpass.services.continuity.restore import RestoreResult, restore_backup
from kpass.services.continuity.rotation import (
    AutomaticBackup,
    BackupPolicy,
    backup_if_due,
    backup_policy,
    set_backup_policy,
)
from kpass.services.continuity.verification import VerifiedBackup, verify_backup

__all__ = [
    "BACKUP_FOLDER",
    "DEBIAN_PACKAGE",
    "PG_BIN_ENV",
    "RESTORE_COPY_INFIX",
    "AutomaticBackup",
    "AutomaticBackupFailed",
    "BackupDamaged",
    "BackupEntry",
    "BackupFailed",
    "BackupManifest",
    "BackupPolicy",
    "BackupResult",
    "NotABackupFile",
    "PassphraseProblem",
    "PgToolsMissing",
    "RestoreRefused",
    "RestoreResult",
    "VerifiedBackup",
    "backup_if_due",
    "backup_policy",
    "create_backup",
    "list_backups",
    "read_manifest",
    "restore_backup",
    "set_backup_policy",
    "verify_backup",
]
