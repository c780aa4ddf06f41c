"""A quick reader of well-formed rule inputs, for deciding many stored snapshots at once.

:func:`kpass.rules.json_io.rule_input_from_json` reads field by field and names the path
of every field it reads, so that a refusal can say where; most of its time goes into those
paths. Stored decision snapshots are almost always well-formed, so
:meth:`QuickReader.read` checks the same things with no paths and gives up (``None``) at
the first thing that is not plainly valid; the caller then reads the input the careful way,
which accepts it or says precisely what is wrong. Whatever the quick reader accepts, the
careful one accepts as the same :class:`RuleInput` (tests/rules/test_rules_json_fast.py).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from kpass.rules.checks import stadtteile_of
from kpass.rules.model import MEMBER_FLAGS, Benefit, Income, Member, Residence, RuleInput
from kpass.rules.parameters import Parameters

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_AMOUNT = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,2})?")  # below the checks' 10^9
_CENT = Decimal("0.01")
_TOP = frozenset({"application_date", "residence", "applicant", "members", "benefits"})
_RESIDENCE = frozenset({"municipality", "stadtteil"})
_MEMBER = frozenset({"id", "birth_date", "flags", "incomes"})
_INCOME = frozenset({"kind", "amount", "period"})
_BENEFIT = frozenset({"kind", "from", "until", "members"})
_PERIODS = frozenset({"month", "year"})
_NO_FLAGS: frozenset[str] = frozenset()
_LAST_SAFE_YEAR = 9000  # a pass decided then still ends before the year 9999


class _NotPlain(Exception):
    """Something the quick reader leaves to the careful one."""


def _text(value: object) -> str:
    if type(value) is not str:
        raise _NotPlain
    return value


class QuickReader:
    """Reads rule inputs for one set of parameters, keeping what it looked up."""

    def __init__(self, parameters: Parameters) -> None:
        self.parameters = parameters
        self.income_kinds = parameters.known_income_kinds
        self.benefit_kinds = parameters.known_benefit_kinds
        self._stadtteile: dict[str, frozenset[str] | None] = {}
        # at most one entry per day in the calendar's range: birth dates repeat
        self._dates: dict[str, date] = {}

    def _date(self, value: object) -> date:
        if type(value) is not str:
            raise _NotPlain
        try:
            return self._dates[value]
        except KeyError:
            pass
        if not _DATE.fullmatch(value):
            raise _NotPlain
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise _NotPlain from None
        self._dates[value] = day
        return day

    def read(self, data: object) -> RuleInput | None:
        """The rule input, or ``None`` if it is not plainly valid."""
        try:
            return self._read(data)
        except _NotPlain:
            return None

    def _read(self, data: object) -> RuleInput:
        if type(data) is not dict or not _TOP.issuperset(data):
            raise _NotPlain
        day = self._date(data.get("application_date"))
        if day.year > _LAST_SAFE_YEAR:
            raise _NotPlain
        residence = self._residence(data.get("residence"))
        applicant = _text(data.get("applicant"))
        raw_members = data.get("members")
        if type(raw_members) is not list or not raw_members:
            raise _NotPlain
        seen: set[str] = set()
        members = tuple(self._member(raw, day, seen) for raw in raw_members)
        if applicant not in seen:
            raise _NotPlain
        raw_benefits = data.get("benefits", [])
        if type(raw_benefits) is not list:
            raise _NotPlain
        benefits = tuple(self._benefit(raw, seen) for raw in raw_benefits)
        return RuleInput(day, residence, applicant, members, benefits)

    def _residence(self, raw: object) -> Residence:
        if type(raw) is not dict or not _RESIDENCE.issuperset(raw):
            raise _NotPlain
        municipality = _text(raw.get("municipality"))
        stadtteil = raw.get("stadtteil")
        if stadtteil is not None:
            _text(stadtteil)
        try:
            codes = self._stadtteile[municipality]
        except KeyError:
            if not municipality.strip():
                raise _NotPlain from None
            found = stadtteile_of(municipality, self.parameters)
            codes = None if found is None else frozenset(found)
            self._stadtteile[municipality] = codes
        if (stadtteil not in codes) if codes is not None else (stadtteil is not None):
            raise _NotPlain
        return Residence(municipality, stadtteil)

    def _member(self, raw: object, day: date, seen: set[str]) -> Member:
        if type(raw) is not dict or not _MEMBER.issuperset(raw):
            raise _NotPlain
        member_id = _text(raw.get("id"))
        if not member_id or member_id in seen:
            raise _NotPlain
        seen.add(member_id)
        birth = self._date(raw.get("birth_date"))
        if birth > day:
            raise _NotPlain
        raw_flags = raw.get("flags", [])
        if type(raw_flags) is not list:
            raise _NotPlain
        if raw_flags:  # most persons have none: their checks and set are skipped
            if any(type(flag) is not str for flag in raw_flags):
                raise _NotPlain
            flags = frozenset(raw_flags)
            if not MEMBER_FLAGS.issuperset(flags):
                raise _NotPlain
        else:
            flags = _NO_FLAGS
        raw_incomes = raw.get("incomes", [])
        if type(raw_incomes) is not list:
            raise _NotPlain
        incomes = tuple(map(self._income, raw_incomes)) if raw_incomes else ()
        return Member(member_id, birth, flags, incomes)

    def _income(self, raw: object) -> Income:
        if type(raw) is not dict or len(raw) != 3 or not _INCOME.issuperset(raw):
            raise _NotPlain
        kind, period, text = raw["kind"], raw["period"], raw["amount"]
        if type(kind) is not str or kind not in self.income_kinds:
            raise _NotPlain
        if type(period) is not str or period not in _PERIODS:
            raise _NotPlain
        if type(text) is not str or not _AMOUNT.fullmatch(text):
            raise _NotPlain
        amount = Decimal(text)
        if text[-3:-2] != ".":  # stored amounts have their cents already, as a rule
            amount = amount.quantize(_CENT)
        return Income(kind, amount, "month" if period == "month" else "year")

    def _benefit(self, raw: object, member_ids: set[str]) -> Benefit:
        if type(raw) is not dict or not _BENEFIT.issuperset(raw):
            raise _NotPlain
        kind = raw.get("kind")
        if type(kind) is not str or kind not in self.benefit_kinds:
            raise _NotPlain
        start = self._date(raw.get("from"))
        until = raw.get("until")
        end = None if until is None else self._date(until)
        if end is not None and end < start:
            raise _NotPlain
        covered: Any = raw.get("members")
        if covered is not None:
            if type(covered) is not list or not covered:
                raise _NotPlain
            if any(type(m) is not str or m not in member_ids for m in covered):
                raise _NotPlain
            covered = tuple(covered)
        return Benefit(kind, start, end, covered)
