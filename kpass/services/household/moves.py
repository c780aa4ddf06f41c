"""A household moves: the new address begins, the current one ends the day before."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from kpass.models import HouseholdAddress
from kpass.services.household.steps import address_row
from kpass.services.household.validation import ADDRESS, AddressInput, check_address, check_date
from kpass.services.uow import UnitOfWork
from kpass.vocabulary import format_date


def move_household_step(uow: UnitOfWork, household_id: int, address: AddressInput,
                        since: date) -> int:
    """:func:`move_household` inside a unit of work that locked the household."""
    address = check_address(address)
    since = check_date(ADDRESS, "since", since)
    current = uow.session.scalars(
        select(HouseholdAddress).where(HouseholdAddress.household_id == household_id)
        .order_by(HouseholdAddress.valid_from.desc(), HouseholdAddress.id.desc()).limit(1)
    ).first()
    if current is not None:
        if since <= current.valid_from:
            began = format_date(current.valid_from)
            raise ADDRESS.fail(
                "since",
                f"of the move must lie after the current address began ({began})",
                f"des Umzugs muss nach dem Beginn der bisherigen Anschrift liegen ({began})",
            )
        same = (current.street, current.house_number, current.postcode,
                current.municipality, current.stadtteil_code) == (
            address.street, address.house_number, address.postcode,
            address.municipality, address.stadtteil_code)
        if same:
            raise ADDRESS.fail("street", "is the current address",
                               "ist die bisherige Anschrift")
        if current.valid_until is None or current.valid_until >= since:
            current.valid_until = since - timedelta(days=1)
    row = address_row(household_id, address, since)
    uow.session.add(row)
    uow.session.flush()
    uow.audit("move_household", "household", household_id, address_id=row.id,
              previous_address_id=current.id if current else None, since=since.isoformat(),
              stadtteil=address.stadtteil_code)
    return row.id
