"""The preferences a user keeps on this computer (QSettings of the app)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from kpass.settings import APP_AUTHOR, APP_NAME

LANGUAGE_KEY = "ui/language"


def settings() -> QSettings:
    # named explicitly: the language is read before the application object exists
    return QSettings(APP_AUTHOR, APP_NAME)


def saved_language() -> str | None:
    value = settings().value(LANGUAGE_KEY)
    return value if isinstance(value, str) and value else None


def save_language(language: str) -> None:
    store = settings()
    store.setValue(LANGUAGE_KEY, language)
    store.sync()
