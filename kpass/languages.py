"""Which language the desktop app speaks: German (the source) unless English is asked for.

Kept free of Qt, so the command line can offer the choice without loading it. The office
works in German, so German is the default whatever the system locale says; English is an
explicit choice (``kpass gui --language en`` or ``KPASS_LANGUAGE=en``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGE_ENV = "KPASS_LANGUAGE"
SOURCE_LANGUAGE = "de"
#: The source language first, then every language with a catalog in resources/translations.
LANGUAGES: tuple[str, ...] = (SOURCE_LANGUAGE, "en")


def chosen_language(
    option: str | None = None, environ: Mapping[str, str] | None = None,
    saved: str | None = None,
) -> tuple[str, str | None]:
    """The language to use and, if the setting was not understood, a warning (English and
    German) about it. ``--language`` wins over ``KPASS_LANGUAGE``, that over the language
    saved in the settings dialog (``saved``); German is the default."""
    env = os.environ if environ is None else environ
    wanted = option if option is not None else env.get(LANGUAGE_ENV, "").strip() or (saved or "")
    code = wanted.strip().lower().replace("-", "_").split("_")[0]
    if not code:
        return SOURCE_LANGUAGE, None
    if code in LANGUAGES:
        return code, None
    offered = ", ".join(LANGUAGES)
    return SOURCE_LANGUAGE, (
        f"unknown language {wanted!r} (offered: {offered}); using German / "
        f"unbekannte Sprache {wanted!r} (angeboten: {offered}); es gilt Deutsch"
    )
