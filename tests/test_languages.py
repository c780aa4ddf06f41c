"""Choosing the language of the desktop app: German unless English is asked for."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kpass.cli import build_parser
from kpass.languages import chosen_language


@pytest.mark.parametrize(
    ("option", "environment", "language"),
    [
        (None, {}, "de"),
        (None, {"KPASS_LANGUAGE": ""}, "de"),
        (None, {"KPASS_LANGUAGE": "en"}, "en"),
        (None, {"KPASS_LANGUAGE": "en_GB.UTF-8"}, "en"),
        (None, {"KPASS_LANGUAGE": "EN"}, "en"),
        ("de", {"KPASS_LANGUAGE": "en"}, "de"),  # the option wins
        ("en", {}, "en"),
    ],
)
def test_language_from_option_or_environment(
    option: str | None, environment: dict[str, str], language: str
) -> None:
    assert chosen_language(option, environment) == (language, None)


def test_the_system_locale_does_not_switch_to_english() -> None:
    assert chosen_language(None, {"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"})[0] == "de"


def test_an_unknown_language_keeps_german_with_a_warning_in_both_languages() -> None:
    language, warning = chosen_language(None, {"KPASS_LANGUAGE": "fr"})
    assert language == "de"
    assert warning is not None
    assert "unknown language 'fr'" in warning
    assert "unbekannte Sprache 'fr'" in warning


def test_gui_command_offers_the_languages() -> None:
    parser = build_parser()
    assert parser.parse_args(["gui", "--language", "en"]).language == "en"
    assert parser.parse_args(["gui"]).language is None
    with pytest.raises(SystemExit):
        parser.parse_args(["gui", "--language", "fr"])


@pytest.mark.parametrize(("language", "expected"), [("de", "&Suche"), ("en", "&Search")])
def test_the_application_installs_the_chosen_catalog(language: str, expected: str) -> None:
    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from kpass.ui.app import create_application\n"
        f"app = create_application(language={language!r})\n"
        "print(QCoreApplication.translate('MainWindow', '&Suche'))\n"
        "print(QCoreApplication.translate('QPlatformTheme', 'Cancel'))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    assert result.returncode == 0, result.stderr
    ours, qt_own = result.stdout.splitlines()
    assert ours == expected
    assert qt_own == {"de": "Abbrechen", "en": "Cancel"}[language]


def test_a_blank_environment_variable_leaves_the_saved_choice() -> None:
    assert chosen_language(None, {"KPASS_LANGUAGE": "  "}, saved="en") == ("en", None)
    assert chosen_language(None, {"KPASS_LANGUAGE": "de"}, saved="en") == ("de", None)
