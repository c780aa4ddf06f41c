"""The letterhead of the household's issuer on letters, reminders, receipts and cards.

An issuer of the Sozialregion names its office in its rule file (``letterhead_name``,
``letterhead_address``, ``letterhead_contact``); its letters print that office instead of
the letter settings' one. An issuer without a letterhead of its own (Stadt Karlsruhe) keeps
the letter settings unchanged, so an administrator's letter settings still apply to it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select

from kpass.documents import LetterSettings, load_letter_settings
from kpass.models import Household, HouseholdMember
from kpass.models.periods import valid_on
from kpass.rules import issuer_by_code
from kpass.services.uow import UnitOfWork


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
    # A signature line that repeats a line of the settings' office ("Sozial- und
    # Jugendbehörde") names that office: the issuer's own office lines take its place.
    default_lines = set(settings.office.name_lines)
    signed = tuple(
        shown
        for line in settings.signature.lines
        for shown in ((issuer.letterhead_name[1:] or issuer.letterhead_name[:1])
                      if line in default_lines else (line,))
    )
    return replace(settings, office=office, card=replace(settings.card, issuer=issuer.name),
                   signature=replace(settings.signature, lines=signed))


def household_issuer(uow: UnitOfWork, person_id: int, on: date) -> str | None:
    """The issuer of the household ``person_id`` belongs to on ``on`` (``None``: none)."""
    return uow.session.scalar(
        select(Household.issuer)
        .join(HouseholdMember, HouseholdMember.household_id == Household.id)
        .where(HouseholdMember.person_id == person_id,
               valid_on(HouseholdMember.valid_from, HouseholdMember.valid_until, on))
        .order_by(HouseholdMember.valid_from.desc())
        .limit(1)
    )


def household_letter_settings(uow: UnitOfWork, person_id: int, on: date,
                              fallback_issuer: str | None = None) -> LetterSettings | None:
    """The letter settings of the issuer of the household ``person_id`` belongs to on ``on``
    (a person in no household then: ``fallback_issuer``'s, e.g. their pass's issuer);
    ``None`` for the default settings, as :func:`issuer_letter_settings`."""
    return issuer_letter_settings(household_issuer(uow, person_id, on) or fallback_issuer)


def card_issuer_label(issuer_code: str) -> str:
    """What a card's colour band names as issuer: "" keeps the letter settings' name."""
    issuer = issuer_by_code(issuer_code)
    return issuer.letterhead_name[0] if issuer.letterhead_name else ""
