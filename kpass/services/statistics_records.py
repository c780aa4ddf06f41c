"""Rows of the statistics table, written beside each decision and pass validity."""

from __future__ import annotations

from datetime import date

from kpass.models import StatRecord
from kpass.rules import Decision, completed_years

REJECTED_BASIS = "abgelehnt"


def _birth(birth_date: date) -> dict[str, object]:
    return {
        "birth_year": birth_date.year,
        "birth_month": birth_date.month,
        "born_feb_29": birth_date.month == 2 and birth_date.day == 29,
    }


def _would_be_pass_type(birth_date: date, day: date) -> str:
    return "kinderpass" if completed_years(birth_date, day) < 18 else "karlsruher_pass"


def decision_rows(
    decision: Decision,
    decided_on: date,
    birth_dates: dict[str, date],
    stadtteil: str,
    household_type: str,
    applicant: str,
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
        "rule_set": decision.rule_set,
    }
    rows: list[dict[str, object]] = []
    for member in decision.members:
        birth = birth_dates[member.id]
        rows.append(
            {
                "record_kind": "decision_person",
                "event": "eligible" if member.eligible else "rejected",
                "pass_type": member.pass_type or _would_be_pass_type(birth, decided_on),
                "basis": member.basis if member.eligible else REJECTED_BASIS,
                "valid_from": member.valid_from,
                "valid_until": member.valid_until,
                **_birth(birth),
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
    pass_ref: str,
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
        "pass_ref": pass_ref,
        **_birth(birth_date),
    }


def as_records(rows: list[dict[str, object]]) -> list[StatRecord]:
    return [StatRecord(**row) for row in rows]
