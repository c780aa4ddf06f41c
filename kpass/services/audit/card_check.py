"""Before a card is signed: is each pass still what the audit trail last recorded?

A card carries a signed QR code that partners trust; a pass un-revoked or extended by raw
SQL must not get one. The check reads the trail's newest record of every pass in one
query on the (entity, entity_id) index, whatever the number of cards.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC

from sqlalchemy.orm import Session

from kpass.errors import InvalidInput
from kpass.models import Pass
from kpass.models.audit_chain import event_hash
from kpass.services.audit.pass_records import (
    differences,
    last_recorded_events,
    recorded_state,
    register_states,
    unrecorded_rule,
)


def _refuse(number: str, en: str, de: str) -> InvalidInput:
    return InvalidInput(
        f"Pass {number} cannot be printed: {en} A supervisor can look at it with "
        "'kpass audit verify'.",
        f"Der Pass {number} kann nicht gedruckt werden: {de} Die Leitung kann es mit "
        "„kpass audit verify“ bzw. „Kette prüfen“ in der Protokollansicht prüfen.",
    )


def refuse_unless_as_recorded(session: Session, cards: Sequence[Pass]) -> None:
    """:class:`InvalidInput` for the first card whose pass differs from its last record in
    the trail, whose record was altered, or which is missing from the trail although it
    was created after the register began recording passes."""
    ids = [card.id for card in cards]
    records = last_recorded_events(session, ids)
    states = register_states(session, ids)
    rule = None
    for card in cards:
        event = records.get(card.id)
        if event is None:
            rule = rule or unrecorded_rule(session)
            if rule.suspicious(card.id):
                raise _refuse(
                    card.number,
                    "it is in no event of the audit trail (written behind kpass's back).",
                    "er steht in keinem Ereignis des Protokolls (an kpass vorbei angelegt).",
                )
            continue  # written before passes were recorded: nothing to compare with
        at = event.at if event.at.tzinfo is not None else event.at.replace(tzinfo=UTC)
        link = event_hash(seq=event.seq, prev_hash=event.prev_hash, at=at,
                          user_id=event.user_id, action=event.action, entity=event.entity,
                          entity_id=event.entity_id, details=event.details or {})
        if link != event.hash:
            raise _refuse(
                card.number,
                f"the audit trail's record of it (event seq {event.seq}) was altered.",
                f"sein Eintrag im Protokoll (Ereignis Nr. {event.seq}) wurde verändert.",
            )
        found = differences(states[card.id], recorded_state(event) or {})
        if found:
            raise _refuse(
                card.number,
                f"the register differs from the audit trail (event seq {event.seq}): "
                + "; ".join(d.describe(False) for d in found) + ".",
                f"das Register weicht vom Protokoll ab (Ereignis Nr. {event.seq}): "
                + "; ".join(d.describe(True) for d in found) + ".",
            )
