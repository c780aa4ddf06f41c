"""What can go wrong with a backup file or a restore, each in English and German.

A file that is not a backup, is damaged or needs another passphrase is refused before
anything is changed; the messages say what to do instead of showing a traceback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kpass.atomic_file import failure_reasons
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


@contextmanager
def system_failures(action_en: str, action_de: str, place: Path | None = None,
                    outcome_en: str = "", outcome_de: str = "") -> Iterator[None]:
    """Turn what the operating system or SQLite refuses (a full disk, a folder that cannot
    be made, a file that cannot be renamed, SQLite's own I/O errors) into
    :class:`BackupFailed`, naming the file and the reason: the CLI and the app show
    :class:`KpassError` as a message and anything else as a traceback. ``place`` is named
    when the error has no file of its own (a write that finds the disk full); ``outcome``
    says what state things were left in."""
    try:
        yield
    except KpassError:
        raise
    except OSError as exc:
        why_en, why_de = failure_reasons(exc)
        where = exc.filename if exc.filename is not None else place
        at = f" ({where})" if where is not None else ""
        raise BackupFailed(
            f"{action_en} did not succeed: {why_en}{at}.{_sentence(outcome_en)}",
            f"{action_de} ist nicht gelungen: {why_de}{at}.{_sentence(outcome_de)}",
        ) from exc
    except sqlite3.Error as exc:
        at = f" ({place})" if place is not None else ""
        raise BackupFailed(
            f"{action_en} did not succeed: SQLite reports: {exc}{at}.{_sentence(outcome_en)}",
            f"{action_de} ist nicht gelungen: SQLite meldet: {exc}{at}.{_sentence(outcome_de)}",
        ) from exc


def _sentence(text: str) -> str:
    return f" {text}" if text else ""
