"""Rows of the statistics table, written beside each decision and pass validity.

Rows hold no key of the register. What changes later is written as rows of weight -1:
:func:`taken_back` turns the rows of an earlier decision, or the rest of a revoked validity
period, into rows that cancel them in every count.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from kpass.models import StatRecord
from kpass.rules import completed_years, default_parameters

REJECTED_BASIS = "abgelehnt"


def _februaries(start: date, end: date) -> list[int]:
    return [year for year in range(start.year, end.year + 1) if start <= date(year, 2, 28) <= end]


def _birth(birth_date: date, start: date, end: date) -> dict[str, object]:
    """Birth year and month that give the age on every month's end from ``start`` to ``end``.

    Somebody born on 29 February is a year older at February's end only in leap years
    (eligibility-rules.md: 1 March otherwise), so their month is chosen for the row's own
    period: February if the only February ends it spans are in leap years, else March.
    """
    month = birth_date.month
    if month == 2 and birth_date.day == 29:
        years = _februaries(start, end)
        month = 2 if years and all(calendar.isleap(y) for y in years) else 3
    return {"birth_year": birth_date.year, "birth_month": month}


def _would_be_pass_type(birth_date: date, day: date) -> str:
    parameters = default_parameters()
    adult_age = (parameters.rule_set_on(day) or parameters.rule_sets[0]).adult_age
    return "kinderpass" if completed_years(birth_date, day) < adult_age else "karlsruher_pass"


class PersonOutcome(Protocol):
    """What the statistics read of one person's decision (a rules MemberDecision fits)."""

    @property
    def id(self) -> str: ...
    @property
    def eligible(self) -> bool: ...
    @property
    def pass_type(self) -> str | None: ...
    @property
    def basis(self) -> str | None: ...
    @property
    def valid_from(self) -> date | None: ...
    @property
    def valid_until(self) -> date | None: ...


@dataclass(frozen=True)
class StoredOutcome:
    """A person's outcome read back from a stored decision's output."""

    id: str
    eligible: bool
    pass_type: str | None
    basis: str | None
    valid_from: date | None
    valid_until: date | None

    @classmethod
    def of(cls, member: Mapping[str, Any]) -> StoredOutcome:
        def day(key: str) -> date | None:
            value = member.get(key)
            return None if value is None else date.fromisoformat(value)

        return cls(
            str(member["id"]),
            bool(member["eligible"]),
            member.get("pass_type"),
            member.get("basis"),
            day("valid_from"),
            day("valid_until"),
        )


def decision_rows(
    members: Iterable[PersonOutcome],
    decided_on: date,
    birth_dates: dict[str, date],
    stadtteil: str,
    household_type: str,
    applicant: str,
    rule_set: str | None,
    issuer: str,
) -> list[dict[str, object]]:
    """One row for the application and one per person in the decision.

    Every row falls into exactly one value of every dimension, so totals add up: a rejected
    person counts under the pass type their age would give, an application under its
    applicant's age group, basis (or "abgelehnt") and pass type.
    """
    common = {
        "decided_on": decided_on,
        "stadtteil": stadtteil,
        "household_type": household_type,
        "rule_set": rule_set,
        "issuer": issuer,
        "weight": 1,
    }
    rows: list[dict[str, object]] = []
    for member in members:
        birth = birth_dates[member.id]
        rows.append(
            {
                "record_kind": "decision_person",
                "event": "eligible" if member.eligible else "rejected",
                "pass_type": member.pass_type or _would_be_pass_type(birth, decided_on),
                "basis": member.basis if member.eligible else REJECTED_BASIS,
                "valid_from": member.valid_from,
                "valid_until": member.valid_until,
                **_birth(birth, decided_on, decided_on),
                **common,
            }
        )
        if member.id == applicant:
            application = {
                **rows[-1],
                "record_kind": "application",
                "event": "decided",
                "valid_from": None,
                "valid_until": None,
            }
    rows.insert(0, application)
    return rows


def validity_row(
    *,
    event: str,
    decided_on: date,
    valid_from: date,
    valid_until: date,
    pass_type: str,
    basis: str | None,
    birth_date: date,
    stadtteil: str,
    household_type: str,
    rule_set: str | None,
    issuer: str,
) -> dict[str, object]:
    """The row of one pass validity period (new, renewed or replaced)."""
    return {
        "record_kind": "pass_validity",
        "event": event,
        "decided_on": decided_on,
        "valid_from": valid_from,
        "valid_until": valid_until,
        "pass_type": pass_type,
        "basis": basis,
        "stadtteil": stadtteil,
        "household_type": household_type,
        "rule_set": rule_set,
        "issuer": issuer,
        "weight": 1,
        **_birth(birth_date, valid_from, valid_until),
    }


def taken_back(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Rows that cancel ``rows`` in every count (a decision replaced by a later one)."""
    return [{**row, "weight": -1} for row in rows]


def revoked_rest(row: dict[str, object], on: date) -> dict[str, object] | None:
    """The row that takes back a validity row's days from ``on`` (None if none are left)."""
    valid_from, valid_until = row["valid_from"], row["valid_until"]
    assert isinstance(valid_from, date) and isinstance(valid_until, date)
    if on > valid_until:
        return None
    return {
        **row,
        "event": "revoked",
        "decided_on": on,
        "valid_from": max(on, valid_from),
        "weight": -1,
    }


def as_records(rows: list[dict[str, object]]) -> list[StatRecord]:
    return [StatRecord(**row) for row in rows]
