"""The letterhead of the household's issuer on letters and cards.

An issuer of the Sozialregion names its office in its rule file (``letterhead_name``,
``letterhead_address``, ``letterhead_contact``); its letters print that office instead of
the letter settings' one. An issuer without a letterhead of its own (Stadt Karlsruhe) keeps
the letter settings unchanged, so an administrator's letter settings still apply to it.
"""

from __future__ import annotations

from dataclasses import replace

from kpass.documents import LetterSettings, load_letter_settings
from kpass.rules import issuer_by_code


def issuer_letter_settings(issuer_code: str | None) -> LetterSettings | None:
    """The letter settings with the issuer's office, or ``None`` for the default settings."""
    if issuer_code is None:
        return None
    issuer = issuer_by_code(issuer_code)
    if not issuer.letterhead_name:
        return None
    settings = load_letter_settings(None)
    office = replace(
        settings.office,
        name_lines=issuer.letterhead_name,
        address_lines=issuer.letterhead_address,
        contact_lines=issuer.letterhead_contact,
        footer_lines=(),
        return_address="",
    )
    return replace(settings, office=office, card=replace(settings.card, issuer=issuer.name))


def card_issuer_label(issuer_code: str) -> str:
    """What a card's colour band names as issuer: "" keeps the letter settings' name."""
    issuer = issuer_by_code(issuer_code)
    return issuer.letterhead_name[0] if issuer.letterhead_name else ""
