"""Pass numbers: a fresh one from the serial counter, and the pass a typed number names.

Apart from the use cases because issuing, replacing, printing and the demo register all
need them, and a number is handed out in exactly one way.
"""

from __future__ import annotations

from sqlalchemy import func, select, update

from kpass.errors import InvalidInput
from kpass.models import Counter, Pass
from kpass.rules import (
    PassNumberError,
    configured_issuers,
    default_issuer,
    format_pass_number,
    issuer_by_code,
    normalise_any_pass_number,
)
from kpass.services.uow import UnitOfWork

#: Stadt Karlsruhe's counter keeps its name; every other issuer counts in its own row.
SERIAL_COUNTER = "pass_serial"


def serial_counter(issuer_code: str) -> str:
    """The counter row of an issuer's serials (``pass_serial``, ``pass_serial_et``)."""
    return SERIAL_COUNTER if issuer_code == default_issuer().code else (
        f"{SERIAL_COUNTER}_{issuer_code}")


def next_pass_number(uow: UnitOfWork, issuer_code: str | None = None) -> str:
    """A fresh number of the issuer (default: Stadt Karlsruhe) under its prefix: its counter
    only grows (the row is locked by the update until commit, so two seats never get the same
    serial), so no number is ever handed out twice."""
    session = uow.session
    issuer = issuer_by_code(issuer_code) if issuer_code is not None else default_issuer()
    name = serial_counter(issuer.code)
    value = session.execute(
        update(Counter)
        .where(Counter.name == name)
        .values(value=Counter.value + 1)
        .returning(Counter.value)
    ).scalar_one_or_none()
    if value is None:
        highest = session.scalar(
            select(func.count()).select_from(Pass)
            .where(Pass.number.like(f"{issuer.pass_prefix}-%"))
        ) or 0
        value = 100001 + int(highest)
        session.add(Counter(name=name, value=value))
    return format_pass_number(int(value), issuer.pass_prefix)


def pass_prefixes() -> tuple[str, ...]:
    """The configured issuers' pass number prefixes, Karlsruhe's first."""
    return tuple(issuer.pass_prefix for issuer in configured_issuers())


def find_pass(uow: UnitOfWork, number_text: str) -> Pass:
    """The pass with this number; typed numbers are checked by their check digits first."""
    try:
        number = normalise_any_pass_number(number_text, pass_prefixes())
    except PassNumberError as exc:
        raise InvalidInput(exc.message_en, exc.message_de) from exc
    card = uow.session.scalar(select(Pass).where(Pass.number == number))
    if card is None:
        raise InvalidInput(f"There is no pass {number}.", f"Es gibt keinen Pass {number}.")
    return card
