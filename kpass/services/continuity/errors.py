"""What can go wrong with a backup file or a restore, each in English and German.

A file that is not a backup, is damaged or needs another passphrase is refused before
anything is changed; the messages say what to do instead of showing a traceback.
"""

from __future__ import annotations

from kpass.errors import ConfigurationError, InvalidInput, KpassError


class NotABackupFile(InvalidInput):
    """The file does not start like a kpass backup (exit code 2)."""


class BackupDamaged(KpassError):
    """The file is a kpass backup but truncated, changed or does not hold what its header
    says; nothing was restored."""


class PassphraseProblem(InvalidInput):
    """A passphrase is missing, empty, too short or does not open the file (exit code 2)."""


class RestoreRefused(InvalidInput):
    """Restoring would replace a register that holds data, and ``--force`` was not given,
    or the backup does not fit the database (exit code 2)."""


class BackupFailed(KpassError):
    """Writing or checking a backup did not succeed; no backup file was left behind."""


class PgToolsMissing(ConfigurationError):
    """``pg_dump``, ``pg_restore`` or ``psql`` cannot be found."""


class AutomaticBackupFailed(KpassError):
    """The daily automatic backup could not be made; the register itself is unchanged."""

    def __init__(self, reason_en: str, reason_de: str) -> None:
        super().__init__(
            f"The automatic backup could not be made: {reason_en} The register is unchanged "
            "and kpass works as usual; please tell whoever looks after the computer.",
            f"Die automatische Sicherung konnte nicht erstellt werden: {reason_de} Das "
            "Register ist unverändert und kpass arbeitet wie gewohnt; bitte der "
            "zuständigen IT-Betreuung Bescheid geben.",
        )
        self.reason_en = reason_en
        self.reason_de = reason_de
