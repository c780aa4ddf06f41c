"""The issuer of a row: which municipality of the Sozialregion a household, person or pass
belongs to, kept right on every flush.

A household's issuer follows its residence: whenever a current address (one without an end)
is written, the household takes the issuer of its municipality. A new person takes the issuer
of the household they join, a new pass the issuer whose prefix its number carries. Decisions
and statistics rows name their issuer explicitly (:mod:`kpass.services.applications`,
:mod:`kpass.services.statistics`). Doing it here, on every flush of every session, means no
use case (editor, import, demo register) can forget it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from kpass.models import Household, HouseholdAddress, HouseholdMember, Pass, Person
from kpass.rules import (
    Issuer,
    Parameters,
    default_issuer,
    default_parameters,
    issuer_of_municipality,
    issuer_of_pass_prefix,
    load_parameters,
)


def issuer_code(municipality: str | None) -> str:
    """The code of the issuer a household living in ``municipality`` belongs to."""
    return issuer_of_municipality(municipality).code


def residence_parameters(municipality: str | None) -> Parameters:
    """The rule parameters of the issuer of a residence: a household is decided by its own
    municipality's rules (an unknown municipality: the default issuer's, which refuse it)."""
    issuer = issuer_of_municipality(municipality)
    if issuer.code == default_issuer().code:
        return default_parameters()
    return load_parameters(issuer.code)


def issuer_of_number(number: str) -> Issuer:
    prefix = number.split("-", 1)[0]
    return issuer_of_pass_prefix(prefix) or default_issuer()


def _set_issuers(session: Session, _context: Any, _instances: Any) -> None:
    with session.no_autoflush:
        # the newest current address written in this flush, per household
        current: dict[int | Household, HouseholdAddress] = {}
        for row in [*session.new, *session.dirty]:
            if isinstance(row, HouseholdAddress) and row.valid_until is None:
                key: int | Household = (
                    row.household if row.household is not None else row.household_id)
                if key is not None and (key not in current
                                        or current[key].valid_from <= row.valid_from):
                    current[key] = row
        for where, address in current.items():
            moved = where if isinstance(where, Household) else session.get(Household, where)
            code = issuer_code(address.municipality)
            if moved is not None and moved.issuer != code:
                moved.issuer = code
        for row in session.new:
            if isinstance(row, Household) and row.issuer is None:
                row.issuer = default_issuer().code
        for row in session.new:
            if isinstance(row, HouseholdMember) and row.person is not None:
                joined = row.household or session.get(Household, row.household_id)
                if row.person.issuer is None and joined is not None:
                    row.person.issuer = joined.issuer
        for row in session.new:
            if isinstance(row, Person) and row.issuer is None:
                row.issuer = default_issuer().code
            elif isinstance(row, Pass) and row.issuer is None:
                row.issuer = issuer_of_number(row.number).code


event.listen(Session, "before_flush", _set_issuers)
