"""Pass numbers: a fresh one from the serial counter, and the pass a typed number names.

Apart from the use cases because issuing, replacing, printing and the demo register all
need them, and a number is handed out in exactly one way.
"""

from __future__ import annotations

from sqlalchemy import func, select, update

from kpass.errors import InvalidInput
from kpass.models import Counter, Pass
from kpass.rules import PassNumberError, format_pass_number, normalise_pass_number
from kpass.services.uow import UnitOfWork

SERIAL_COUNTER = "pass_serial"


def next_pass_number(uow: UnitOfWork) -> str:
    """A fresh number: the counter only grows, so no number is ever handed out twice."""
    session = uow.session
    value = session.execute(
        update(Counter)
        .where(Counter.name == SERIAL_COUNTER)
        .values(value=Counter.value + 1)
        .returning(Counter.value)
    ).scalar_one_or_none()
    if value is None:
        highest = session.scalar(select(func.count()).select_from(Pass)) or 0
        value = 100001 + int(highest)
        session.add(Counter(name=SERIAL_COUNTER, value=value))
    return format_pass_number(int(value))


def find_pass(uow: UnitOfWork, number_text: str) -> Pass:
    """The pass with this number; typed numbers are checked by their check digits first."""
    try:
        number = normalise_pass_number(number_text)
    except PassNumberError as exc:
        raise InvalidInput(exc.message_en, exc.message_de) from exc
    card = uow.session.scalar(select(Pass).where(Pass.number == number))
    if card is None:
        raise InvalidInput(f"There is no pass {number}.", f"Es gibt keinen Pass {number}.")
    return card
