"""Pass cards and A4 card sheets: only passes that may still be printed, each card signed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import and_, or_, select

from kpass.documents import (
    CardData,
    render_card_sheet,
    render_cards,
)
from kpass.errors import InvalidInput
from kpass.models import (
    Decision,
    Pass,
    PassValidity,
    Person,
    PersonPhoto,
    SigningKey,
)
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.admin.signing_keys import ActiveKey, draft_key, find_active_key
from kpass.services.approvals.gate import refuse_held_periods
from kpass.services.audit.card_check import refuse_unless_as_recorded
from kpass.services.passes.actions import find_pass
from kpass.services.printing.letterhead import card_issuer_label
from kpass.services.printing.record import PrintResult, finish_print, read_for_print
from kpass.services.uow import UnitOfWork
from kpass.signing import PassFields, sign_payload


def _ended_by(today: date) -> Any:
    """Passes that are no longer valid on ``today``: a revocation dated later leaves the
    pass valid (and its card printable) until then."""
    return and_(
        Pass.status != "active", or_(Pass.revoked_on.is_(None), Pass.revoked_on <= today)
    )

def _refuse_held_decisions(uow: UnitOfWork, pass_ids: Sequence[int]) -> None:
    """Four-eyes rule: no card states a period granted by a decision that waits for (or was
    refused) a supervisor's confirmation, however that period got into the register."""
    refuse_held_periods(uow.session, pass_ids)


def _still_active(pass_ids: Sequence[int], today: date) -> Callable[[UnitOfWork], None]:
    """A check, in the recording transaction, that no pass was revoked or replaced while
    its card was being drawn."""

    def check(uow: UnitOfWork) -> None:
        _refuse_held_decisions(uow, pass_ids)
        for number, status in uow.session.execute(
            select(Pass.number, Pass.status).where(
                Pass.id.in_(list(pass_ids)), _ended_by(today)
            )
        ):
            raise InvalidInput(
                f"Pass {number} was {status} while its card was being made; nothing was "
                "printed.",
                f"Der Pass {number} wurde während des Drucks "
                f"{'gesperrt' if status == 'revoked' else 'ersetzt'}; es wurde nichts gedruckt.",
            )

    return check

def _current_periods(uow: UnitOfWork, pass_ids: list[int]) -> dict[int, tuple[date, date]]:
    """Per pass: the latest validity, reaching back over renewals that continue it.

    A renewed card is handed out before its new period starts; its QR must say it is valid
    from the start of the unbroken run, or a partner would turn it away until the 1st.
    """
    periods: dict[int, tuple[date, date]] = {}
    for validity in uow.session.scalars(
        select(PassValidity)
        .where(PassValidity.pass_id.in_(pass_ids))
        .order_by(PassValidity.pass_id, PassValidity.valid_from)
    ):
        previous = periods.get(validity.pass_id)
        if previous is not None and previous[1] + timedelta(days=1) >= validity.valid_from:
            periods[validity.pass_id] = (previous[0], validity.valid_until)
        else:
            periods[validity.pass_id] = (validity.valid_from, validity.valid_until)
    return periods

def printable_periods(
    uow: UnitOfWork, cards: Sequence[Pass], today: date
) -> dict[int, tuple[date, date]]:
    """The period each card states; :class:`InvalidInput` for a card that may not be printed
    (revoked, replaced, expired)."""
    periods = _current_periods(uow, [c.id for c in cards])
    for card in cards:
        pending = card.status == "revoked" and card.revoked_on is not None
        if pending and card.revoked_on is not None and card.revoked_on > today:
            # revoked from a later day: the card states the last day it is valid
            valid_from, valid_until = periods[card.id]
            last = card.revoked_on - timedelta(days=1)
            periods[card.id] = (valid_from, min(valid_until, last))
        elif card.status != "active":
            raise InvalidInput(
                f"Pass {card.number} is {card.status}; it cannot be printed.",
                f"Der Pass {card.number} ist "
                f"{'gesperrt' if card.status == 'revoked' else 'ersetzt'} und kann nicht "
                "gedruckt werden.",
            )
        valid_until = periods[card.id][1]
        if valid_until < today:
            raise InvalidInput(
                f"Pass {card.number} expired on {valid_until:%d.%m.%Y}.",
                f"Der Pass {card.number} ist seit {valid_until:%d.%m.%Y} abgelaufen.",
            )
    return periods

def card_data(
    uow: UnitOfWork, cards: Sequence[Pass], key: ActiveKey, today: date
) -> list[CardData]:
    """What each card shows, with its signed QR payload (batched queries)."""
    periods = printable_periods(uow, cards, today)
    person_ids = [c.person_id for c in cards]
    persons = {
        p.id: p for p in uow.session.scalars(select(Person).where(Person.id.in_(person_ids)))
    }
    photos = {
        p.person_id: p.image
        for p in uow.session.scalars(
            select(PersonPhoto).where(PersonPhoto.person_id.in_(person_ids))
        )
    }
    result = []
    for card in cards:
        valid_from, valid_until = periods[card.id]
        person = persons[card.person_id]
        fields = PassFields.for_holder(
            number=card.number,
            pass_type=card.pass_type,
            given_names=person.given_names,
            family_name=person.family_name,
            birth_date=person.birth_date,
            valid_from=valid_from,
            valid_until=valid_until,
        )
        result.append(
            CardData(
                card.number,
                card.pass_type,
                person.family_name,
                person.given_names,
                person.birth_date,
                valid_from,
                valid_until,
                photos.get(person.id),
                sign_payload(fields, key.private_key_pem, key.key_id),
                card_issuer_label(card.issuer),
            )
        )
    return result

@requires(Permission.PRINT)
def print_cards(
    database: Database,
    numbers: Sequence[str],
    out: Path,
    *,
    sheet: bool = False,
    back_side: bool = False,
    today: date | None = None,
) -> PrintResult:
    """ID-1 cards (one per page) or, with ``sheet``, A4 sheets of ten."""
    if not numbers:
        raise InvalidInput("No pass numbers given.", "Keine Passnummern angegeben.")
    day = today or date.today()
    new_key: SigningKey | None = None

    def load(uow: UnitOfWork) -> tuple[list[CardData], list[str], list[int]]:
        nonlocal new_key
        cards = [find_pass(uow, number) for number in numbers]
        # a pass changed behind kpass's back (un-revoked, extended) gets no signed card
        refuse_unless_as_recorded(uow.session, cards)
        printable_periods(uow, cards, day)  # refused before any key is made
        _refuse_held_decisions(uow, [c.id for c in cards])
        key = find_active_key(uow)
        if key is None:  # the database's first print: its key is stored with the record
            new_key, key = draft_key(uow)
        data = card_data(uow, cards, key, day)
        return data, [c.number for c in cards], [c.id for c in cards]

    data, card_numbers, pass_ids = read_for_print(database, load)
    render: Callable[[BinaryIO], None] = (
        (lambda s: render_card_sheet(data, s, back_side=back_side))
        if sheet
        else (lambda s: render_cards(data, s, back_side=back_side))
    )
    return finish_print(
        database,
        out,
        "sheet" if sheet else "card",
        {"passes": card_numbers},
        len(card_numbers),
        render,
        pass_ids=pass_ids,
        still_printable=_still_active(pass_ids, day),
        new_key=new_key,
    )

@requires(Permission.READ_REGISTER)
def passes_issued_on(database: Database, day: date) -> list[str]:
    """Numbers of passes issued, renewed or replaced on ``day`` (for the day's sheet)."""
    statement = (
        select(Pass.number)
        .join(PassValidity, PassValidity.pass_id == Pass.id)
        .join(Decision, Decision.id == PassValidity.decision_id)
        .where(
            ~_ended_by(day),
            or_(
                and_(PassValidity.kind != "replacement", Decision.decided_on == day),
                and_(PassValidity.kind == "replacement", PassValidity.valid_from == day),
            ),
        )
        .group_by(Pass.number)
        .order_by(Pass.number)
    )
    with UnitOfWork(database, write=False) as uow:
        return list(uow.session.scalars(statement))

@requires(Permission.PRINT)
def print_sheet_issued_on(database: Database, day: date, out: Path) -> PrintResult:
    numbers = passes_issued_on(database, day)
    if not numbers:
        raise InvalidInput(
            f"No passes were issued on {day:%d.%m.%Y}.",
            f"Am {day:%d.%m.%Y} wurden keine Pässe ausgestellt.",
        )
    return print_cards(database, numbers, out, sheet=True, today=day)
