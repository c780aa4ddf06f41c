"""A household's address history: where it lives, and for some where it lived before."""

from __future__ import annotations

from datetime import date
from random import Random

from kpass.demo.context import Context
from kpass.demo.model import DemoAddress
from kpass.demo.places import pick_house_number, pick_street, stadtteil_pool
from kpass.demo.sampling import randint


def _address(rng: Random, stadtteil_code: str | None, valid_from: date) -> DemoAddress:
    street = pick_street(rng, stadtteil_code)
    return DemoAddress(
        street=street.name,
        house_number=pick_house_number(rng),
        postcode=street.postcode,
        municipality=street.municipality,
        stadtteil_code=street.stadtteil_code,
        valid_from=valid_from,
    )


def address_history(rng: Random, ctx: Context, since: date) -> tuple[DemoAddress, ...]:
    current_code = None if rng.random() < 0.02 else stadtteil_pool().pick(rng)
    move_from = max(since.toordinal() + 1, ctx.as_of_ord - 730)
    if rng.random() < 0.10 and move_from <= ctx.as_of_ord:
        roll = rng.random()
        if roll < 0.45 and current_code is not None:
            previous_code: str | None = current_code  # moved within the Stadtteil
        elif roll < 0.93:
            previous_code = stadtteil_pool().pick(rng)
        else:
            previous_code = None  # moved in from a neighbouring municipality
        moved = date.fromordinal(randint(rng, move_from, ctx.as_of_ord))
        return (_address(rng, previous_code, since), _address(rng, current_code, moved))
    return (_address(rng, current_code, since),)
