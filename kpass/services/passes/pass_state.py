"""What a stored pass is now — its latest validity, whether it covers a day, whether it was
revoked or replaced — and the refusals that follow from it.

Read after the pass's row lock is held (:mod:`~kpass.services.passes.row_locks`), so that a
seat that waited sees what the other seat did.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from kpass.errors import InvalidInput
from kpass.models import Pass, PassValidity
from kpass.models.periods import valid_on
from kpass.rules import renewal_possible_from
from kpass.rules.pass_lifecycle import HeldPass
from kpass.services.uow import UnitOfWork


def held_pass(uow: UnitOfWork, person_id: int) -> HeldPass | None:
    """The person's most recent pass with the end of its latest validity."""
    row = uow.session.execute(
        select(Pass, func.max(PassValidity.valid_until))
        .join(PassValidity, PassValidity.pass_id == Pass.id)
        .where(Pass.person_id == person_id)
        .group_by(Pass.id)
        .order_by(func.max(PassValidity.valid_until).desc(), Pass.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    card, until = row
    return HeldPass(card.id, card.number, card.pass_type, card.status, card.revoked_on, until)


def latest_validity(uow: UnitOfWork, card: Pass) -> PassValidity:
    validity = uow.session.scalars(
        select(PassValidity)
        .where(PassValidity.pass_id == card.id)
        .order_by(PassValidity.valid_until.desc())
        .limit(1)
    ).one()
    return validity


def status_de(card: Pass) -> str:
    return "gesperrt" if card.status == "revoked" else "ersetzt"


def refuse_ended(card: Pass, on: date, doing_en: str, doing_de: str) -> None:
    """Refuse to work on a pass that is revoked or replaced — already, or from a later day."""
    if card.revoked_on is None:
        return
    if card.revoked_on <= on:
        raise InvalidInput(
            f"Pass {card.number} was {card.status} on {card.revoked_on:%d.%m.%Y} and cannot "
            f"be {doing_en}.",
            f"Der Pass {card.number} wurde am {card.revoked_on:%d.%m.%Y} {status_de(card)} "
            f"und kann nicht {doing_de} werden.",
        )
    last = card.revoked_on - timedelta(days=1)
    raise InvalidInput(
        f"Pass {card.number} is {card.status} from {card.revoked_on:%d.%m.%Y} (valid until "
        f"{last:%d.%m.%Y}); a pass with a revocation cannot be {doing_en}.",
        f"Der Pass {card.number} ist ab {card.revoked_on:%d.%m.%Y} {status_de(card)} "
        f"(gültig bis {last:%d.%m.%Y}); ein Pass mit Sperrung kann nicht {doing_de} werden.",
    )


def refuse_early_renewal(uow: UnitOfWork, card: Pass, on: date) -> None:
    until = latest_validity(uow, card).valid_until
    possible = renewal_possible_from(until)
    if on >= possible:
        return
    periods = uow.session.execute(
        select(PassValidity.valid_from, PassValidity.valid_until)
        .where(PassValidity.pass_id == card.id)
        .order_by(PassValidity.valid_until.desc())
        .limit(2)
    ).all()
    if len(periods) == 2 and renewal_possible_from(periods[1][1]) <= on:
        # The period that was due on this day has been renewed already — perhaps a moment
        # ago at another seat.
        raise InvalidInput(
            f"Pass {card.number} has been renewed already (perhaps just now by somebody "
            f"else): it is valid until {until:%d.%m.%Y} and can be renewed again from "
            f"{possible:%d.%m.%Y}.",
            f"Der Pass {card.number} wurde bereits verlängert (vielleicht gerade eben von "
            f"jemand anderem): er ist gültig bis {until:%d.%m.%Y} und kann ab "
            f"{possible:%d.%m.%Y} wieder verlängert werden.",
        )
    raise InvalidInput(
        f"Pass {card.number} is valid until {until:%d.%m.%Y}; it can be renewed from "
        f"{possible:%d.%m.%Y}.",
        f"Der Pass {card.number} ist gültig bis {until:%d.%m.%Y}; verlängert werden "
        f"kann er ab {possible:%d.%m.%Y}.",
    )


def covered(uow: UnitOfWork, card: Pass, on: date) -> bool:
    return bool(
        uow.session.scalar(
            select(func.count())
            .select_from(PassValidity)
            .where(
                PassValidity.pass_id == card.id,
                valid_on(PassValidity.valid_from, PassValidity.valid_until, on),
            )
        )
    )
