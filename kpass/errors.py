"""Errors a person can act on, each with an English and a German message."""

from __future__ import annotations


class KpassError(Exception):
    """Base of errors shown to users: no traceback, one clear line in each language."""

    exit_code = 1

    def __init__(self, message_en: str, message_de: str) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_de = message_de
        # which of several changes saved together was refused (its index), so the form can
        # point at the entry; None when the error concerns no single change
        self.change_index: int | None = None

    def bilingual(self) -> str:
        return f"{self.message_en}\n{self.message_de}"


class DatabaseError(KpassError):
    """The database cannot be reached, is locked, broken or has the wrong schema."""

    def __reduce__(self) -> tuple[type[DatabaseError], tuple[str, str], dict[str, object]]:
        # Raised in a worker process of a whole-register what-if, it travels back pickled;
        # the default would rebuild it from the English message alone.
        return type(self), (self.message_en, self.message_de), self.__dict__


class ConfigurationError(KpassError):
    """A setting (URL, environment variable, file) is wrong."""


class InvalidInput(KpassError):
    """Input a person typed or a file held is not acceptable."""

    exit_code = 2


class ConcurrentChange(KpassError):
    """Somebody else changed the record since it was read (optimistic locking)."""


class PermissionDenied(KpassError):
    """Nobody is logged in, or the logged-in person's role does not allow the action."""

    exit_code = 3


class LoginFailed(KpassError):
    """Wrong user name or password, a disabled or a locked account."""

    exit_code = 3
