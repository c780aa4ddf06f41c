"""From rows to households, checked like the counter checks them — no database needed.

Rows are grouped by the household key (one row per person; further rows of the same person
add an income, a benefit notice or the pass). Every value goes through the counter's own
checks (:func:`~kpass.services.household.check_person`, ``check_role``, ``check_address``,
``check_income``, ``check_notice``, and the rule that a child applies only without adults),
so the import accepts exactly what the household editor would. The Stadtteil comes from the
file or, when the file has none, from the street directory (the same lookup as the editor's
suggestion). Pass numbers must carry valid check digits under one of the configured issuers'
prefixes (``KA``, ``ET``: :func:`kpass.rules.parse_any_pass_number`, as a typed number is
read), and a kept number must be one of the issuer of the household's residence: an ``ET``
number in a Karlsruhe household is a fault of the file, not a pass to take over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from kpass.errors import InvalidInput, KpassError
from kpass.models.casework import PASS_TYPES
from kpass.rules import (
    Issuer,
    PassNumberError,
    completed_years,
    configured_issuers,
    format_pass_number,
    issuer_of_municipality,
    issuer_of_pass_prefix,
    parse_any_pass_number,
)
from kpass.services.household.duplicates import match_keys
from kpass.services.household.member_checks import refuse_child_applicant
from kpass.services.household.validation import (
    AddressInput,
    IncomeInput,
    NoticeInput,
    PersonInput,
    check_address,
    check_income,
    check_notice,
    check_person,
    check_role,
)
from kpass.services.register_import.mapping import Mapping
from kpass.services.register_import.outcomes import SKIPPED, TO_CHECK, HouseholdOutcome, Problem
from kpass.services.register_import.reading import SourceRow
from kpass.services.register_import.values import code_of, parse_amount, parse_day, row_place
from kpass.text_keys import name_key
from kpass.vocabulary import format_date

StadtteilLookup = Callable[[str, str], "str | None"]


@dataclass(frozen=True)
class PlannedPass:
    member: int  # index into the household's members
    number: str  # canonical spelling
    serial: int
    valid_from: date
    valid_until: date
    pass_type: str
    row: int
    issuer: str = "ka"  # the code of the issuer whose prefix the number carries


@dataclass
class PlannedHousehold:
    outcome: HouseholdOutcome
    address: AddressInput | None = None
    members: list[tuple[PersonInput, str, int]] = field(default_factory=list)  # person, role, row
    incomes: list[IncomeInput] = field(default_factory=list)
    notices: list[NoticeInput] = field(default_factory=list)
    passes: list[PlannedPass] = field(default_factory=list)
    since: date = date.min  # members and address from this day; the takeover decision's day

    @property
    def good(self) -> bool:
        return self.outcome.status not in (SKIPPED, TO_CHECK)

    def refuse(self, problem: Problem, status: str = SKIPPED) -> None:
        self.outcome.problems.append(problem)
        if self.outcome.status != SKIPPED:
            self.outcome.status = status


def _cell(row: SourceRow, columns: dict[str, str], name: str) -> str:
    header = columns.get(name)
    return row.cells.get(header, "").strip() if header else ""


def _stadtteil_codes(municipality: str) -> dict[str, str] | None:
    """Codes and folded names of the municipality's Stadtteile (None: it has none)."""
    for issuer in configured_issuers():
        if issuer.municipality.casefold() == municipality.casefold():
            if issuer.stadtteile is None:
                return None
            codes: dict[str, str] = {}
            for code, name in dict(issuer.stadtteile).items():
                codes[code] = code
                codes[name.casefold()] = code
            return codes
    return None


def _foreign_number(row: int, number: str, issuer_code: str, home: Issuer,
                    municipality: str) -> Problem:
    """A pass number of another issuer than the one of the household's residence."""
    issuer = next(i for i in configured_issuers() if i.code == issuer_code)
    return Problem(
        row,
        f"Die Passnummer {number} ist eine Nummer von {issuer.name}, der Haushalt wohnt aber "
        f"in {municipality}: seine Pässe gibt {home.name} aus ({home.pass_prefix}-Nummern).",
        f"The pass number {number} is a number of {issuer.name}, but the household lives in "
        f"{municipality}: its passes are issued by {home.name} ({home.pass_prefix} numbers).")


class _Planner:
    def __init__(self, mapping: Mapping, columns: dict[str, str], today: date,
                 lookup: StadtteilLookup) -> None:
        self.mapping = mapping
        self.columns = columns
        self.today = today
        self.lookup = lookup

    def cell(self, row: SourceRow, name: str) -> str:
        return _cell(row, self.columns, name)

    def code(self, kind: str, text: str) -> str:
        return code_of(kind, text, self.mapping.values.get(kind))

    def plan(self, key: str, rows: list[SourceRow]) -> PlannedHousehold:
        planned = PlannedHousehold(HouseholdOutcome(key, tuple(r.number for r in rows)))
        people: dict[tuple[str, str, date], int] = {}
        incomes: list[tuple[int, str, object, str, int]] = []  # member, kind, amount, period, row
        notices: dict[tuple[str, date, date | None], tuple[list[int], int]] = {}
        passes: list[tuple[int, str, int, date, date, str, int, str]] = []
        address_row: SourceRow | None = None
        for row in rows:
            try:
                member = self._member(planned, people, row)
                if address_row is None:
                    address_row = row
                elif self._address_cells(row) not in ((), self._address_cells(address_row)):
                    raise row_place(row.number).fail(
                        "street", f"differs from row {address_row.number} of the household",
                        f"weicht von Zeile {address_row.number} desselben Haushalts ab")
                self._income(row, member, incomes)
                self._notice(row, member, notices)
                self._pass(row, member, planned, passes)
            except KpassError as exc:
                planned.refuse(Problem.of(row.number, exc))
        if not planned.members:
            return planned
        planned.since = min([p[3] for p in passes] + [self.today])
        self._household_rules(planned, address_row)
        for member, kind, amount, period, number in incomes:
            try:
                planned.incomes.append(check_income(row_place(number), IncomeInput(
                    member, kind, amount, period, planned.since)))  # type: ignore[arg-type]
            except KpassError as exc:
                planned.refuse(Problem.of(number, exc))
        for (kind, start, end), (covered, number) in notices.items():
            refs = () if len(covered) == len(planned.members) else tuple(sorted(covered))
            try:
                planned.notices.append(check_notice(row_place(number),
                                                    NoticeInput(kind, start, end, "", refs)))
            except KpassError as exc:
                planned.refuse(Problem.of(number, exc))
        residence = planned.address.municipality if planned.address else None
        home = issuer_of_municipality(residence) if residence is not None else None
        for member, pass_number, serial, start, end, pass_type, row_number, issuer in passes:
            person = planned.members[member][0]
            place = row_place(row_number)
            if home is not None and issuer != home.code:
                planned.refuse(_foreign_number(row_number, pass_number, issuer, home,
                                               residence or ""))
                continue
            if start < person.birth_date:
                planned.refuse(Problem.of(row_number, place.fail(
                    "valid_from", f"({format_date(start)}) lies before the birth date",
                    f"({format_date(start)}) liegt vor dem Geburtsdatum")))
                continue
            if not pass_type:
                pass_type = ("kinderpass" if completed_years(person.birth_date, start) < 18
                             else "karlsruher_pass")
            planned.passes.append(PlannedPass(member, pass_number, serial, start, end, pass_type,
                                              row_number, issuer))
        return planned

    def _address_cells(self, row: SourceRow) -> tuple[str, ...]:
        cells = tuple(name_key(self.cell(row, f)) for f in ("street", "house_number", "postcode"))
        return () if not any(cells) else cells

    def _member(self, planned: PlannedHousehold, people: dict[tuple[str, str, date], int],
                row: SourceRow) -> int:
        place = row_place(row.number)
        birth_text = self.cell(row, "birth_date")
        birth = parse_day(place, "birth_date", birth_text) if birth_text else None
        sex = self.cell(row, "sex")
        person = check_person(place, PersonInput(
            self.cell(row, "family_name"), self.cell(row, "given_names"),
            birth,  # type: ignore[arg-type]  # None: check_person says "is not a date"
            sex=self.code("sex", sex) if sex else None,
        ), self.today)
        key = (name_key(person.family_name), name_key(person.given_names), person.birth_date)
        if key in people:  # a further row of the same person: more incomes, notices, a pass
            return people[key]
        role = check_role(place, self.code("role", self.cell(row, "role")))
        planned.members.append((person, role, row.number))
        people[key] = len(planned.members) - 1
        return people[key]

    def _income(self, row: SourceRow, member: int,
                incomes: list[tuple[int, str, object, str, int]]) -> None:
        kind, amount = self.cell(row, "income_kind"), self.cell(row, "income_amount")
        period = self.cell(row, "income_period")
        if not (kind or amount):
            return
        place = row_place(row.number)
        if not kind:
            raise place.fail("kind", "is missing for the amount", "fehlt zum Betrag")
        if not amount:
            raise place.fail("amount", "is missing for the income", "fehlt zum Einkommen")
        incomes.append((member, self.code("income_kind", kind), parse_amount(place, amount),
                        self.code("income_period", period) if period else "month", row.number))

    def _notice(self, row: SourceRow, member: int,
                notices: dict[tuple[str, date, date | None], tuple[list[int], int]]) -> None:
        kind = self.cell(row, "benefit_kind")
        start, end = self.cell(row, "benefit_from"), self.cell(row, "benefit_until")
        if not (kind or start or end):
            return
        place = row_place(row.number)
        if not kind:
            raise place.fail("kind", "of the benefit is missing", "der Leistung fehlt")
        if not start:
            raise place.fail("valid_from", "of the benefit is missing", "der Leistung fehlt")
        key = (self.code("benefit_kind", kind), parse_day(place, "valid_from", start),
               parse_day(place, "valid_until", end) if end else None)
        covered, _ = notices.setdefault(key, ([], row.number))
        if member not in covered:
            covered.append(member)

    def _pass(self, row: SourceRow, member: int, planned: PlannedHousehold,
              passes: list[tuple[int, str, int, date, date, str, int, str]]) -> None:
        text = self.cell(row, "pass_number")
        start, end = self.cell(row, "pass_from"), self.cell(row, "pass_until")
        kind = self.cell(row, "pass_type")
        if not (text or start or end):
            return
        place = row_place(row.number)
        if not text:
            raise place.fail("pass_number", "is missing", "fehlt")
        try:
            prefix, serial = parse_any_pass_number(
                text, [issuer.pass_prefix for issuer in configured_issuers()])
        except PassNumberError as exc:
            raise InvalidInput(f"Row {row.number}: {exc.message_en}.",
                               f"Zeile {row.number}: {exc.message_de}.") from None
        number = format_pass_number(serial, prefix)
        issuer = issuer_of_pass_prefix(prefix)
        assert issuer is not None  # parse_any_pass_number took one of their prefixes
        if not start or not end:
            raise place.fail("valid_from" if not start else "valid_until",
                             f"of pass {number} is missing", f"des Passes {number} fehlt")
        valid_from = parse_day(place, "valid_from", start)
        valid_until = parse_day(place, "valid_until", end)
        if valid_until < valid_from:
            raise place.fail("valid_until", f"({format_date(valid_until)}) lies before valid "
                             f"from ({format_date(valid_from)})",
                             f"({format_date(valid_until)}) liegt vor „Gültig ab“ "
                             f"({format_date(valid_from)})")
        pass_type = self.code("pass_type", kind) if kind else ""
        if pass_type and pass_type not in PASS_TYPES:
            raise place.fail("kind", f"of the pass {kind[:30]!r} is unknown (Karlsruher Pass or "
                             "Kinderpass)", f"des Passes „{kind[:30]}“ ist unbekannt "
                             "(Karlsruher Pass oder Kinderpass)")
        if any(p[0] == member for p in passes):
            raise place.fail("pass_number", f"{number}: the person has a pass in this file "
                             "already", f"{number}: die Person hat in der Datei schon einen Pass")
        passes.append((member, number, serial, valid_from, valid_until, pass_type, row.number,
                       issuer.code))

    def _household_rules(self, planned: PlannedHousehold, address_row: SourceRow | None) -> None:
        roles = [role for _, role, _ in planned.members]
        first_row = planned.outcome.rows[0]
        if roles.count("applicant") != 1:
            planned.refuse(Problem(first_row,
                                   "Genau eine Person muss Antragsteller/in sein (angegeben: "
                                   f"{roles.count('applicant')}).",
                                   "Exactly one person must be the applicant (given: "
                                   f"{roles.count('applicant')})."))
        elif roles.count("partner") > 1:
            planned.refuse(Problem(first_row,
                                   "Ein Haushalt hat höchstens eine Partnerin oder einen Partner.",
                                   "A household has at most one partner."))
        else:
            index = roles.index("applicant")
            person, _, number = planned.members[index]
            try:
                refuse_child_applicant(
                    row_place(number), person.birth_date,
                    [p.birth_date for i, (p, _, _) in enumerate(planned.members) if i != index],
                    max(planned.since, self.today))
            except KpassError as exc:
                planned.refuse(Problem.of(number, exc))
        if address_row is None:
            return
        try:
            planned.address = self._address(planned, address_row)
        except KpassError as exc:
            planned.refuse(Problem.of(address_row.number, exc))

    def _address(self, planned: PlannedHousehold, row: SourceRow) -> AddressInput:
        street, number = self.cell(row, "street"), self.cell(row, "house_number")
        municipality = self.cell(row, "municipality") or self.mapping.municipality
        given = self.cell(row, "stadtteil")
        codes = _stadtteil_codes(municipality)
        code: str | None = None
        if given:
            code = (codes or {}).get(given.zfill(2) if given.isdigit() else given.casefold(),
                                     given)
        suggested = self.lookup(street, number) if codes is not None and street else None
        if code is None:
            code = suggested
        elif suggested is not None and suggested != code:
            planned.outcome.notes.append(Problem(
                row.number,
                f"Stadtteil {code} laut Datei, {suggested} laut Straßenverzeichnis; "
                "übernommen wurde der Wert der Datei.",
                f"Stadtteil {code} in the file, {suggested} by the street directory; the "
                "file's value was taken."))
        try:
            return check_address(AddressInput(street, number, self.cell(row, "postcode"),
                                              municipality, code))
        except InvalidInput as exc:
            if codes is not None and code is None and street:
                raise InvalidInput(
                    f"{exc.message_en} (the street directory does not know {street[:60]} "
                    f"{number[:12]}; give the Stadtteil in the file or import the directory)",
                    f"{exc.message_de} (das Straßenverzeichnis kennt {street[:60]} "
                    f"{number[:12]} nicht; bitte den Stadtteil in der Datei angeben oder das "
                    "Straßenverzeichnis einlesen)") from None
            raise


def plan_households(rows: tuple[SourceRow, ...], mapping: Mapping, columns: dict[str, str],
                    today: date, lookup: StadtteilLookup) -> list[PlannedHousehold]:
    """The households of the file in the order of their first row, each checked."""
    planner = _Planner(mapping, columns, today, lookup)
    groups: dict[str, list[SourceRow]] = {}
    for row in rows:
        key = " ".join(_cell(row, columns, "household").split())
        groups.setdefault(key or f"(Zeile {row.number})", []).append(row)
    planned: list[PlannedHousehold] = []
    for key, members in groups.items():
        if key.startswith("(Zeile "):
            household = PlannedHousehold(HouseholdOutcome(key, (members[0].number,)))
            household.refuse(Problem(members[0].number, "Der Haushaltsschlüssel fehlt.",
                                     "The household key is missing."))
            planned.append(household)
            continue
        planned.append(planner.plan(key, members))
    _duplicates_in_file(planned)
    return planned


def _duplicates_in_file(planned: list[PlannedHousehold]) -> None:
    """The same person in two households of the file (to check), the same pass number twice
    (skipped), a person similar to one of another household (a hint)."""
    Entry = tuple[str, str, date, PlannedHousehold, int]
    by_birth: dict[date, list[Entry]] = {}
    by_family: dict[str, list[Entry]] = {}
    numbers: dict[str, int] = {}
    for household in planned:
        for person, _, row in household.members:
            family, given = name_key(person.family_name), name_key(person.given_names)
            candidates = {id(e): e for e in [*by_birth.get(person.birth_date, []),
                                             *by_family.get(family, [])]}
            for other_family, other_given, birth, other, other_row in candidates.values():
                if other is household:
                    continue
                match = match_keys(family, given, person.birth_date, other_family, other_given,
                                   birth)
                if match is None:
                    continue
                if match[0] == "exact":
                    household.refuse(Problem(
                        row, f"Dieselbe Person steht schon in Zeile {other_row} (Haushalt "
                        f"{other.outcome.key}).",
                        f"The same person is in row {other_row} already (household "
                        f"{other.outcome.key})."), TO_CHECK)
                else:
                    household.outcome.notes.append(Problem(
                        row, f"Ähnlich wie Zeile {other_row} (Haushalt {other.outcome.key}): "
                        f"{match[1]} — bitte prüfen.",
                        f"Similar to row {other_row} (household {other.outcome.key}): "
                        f"{match[1]} — please check."))
            entry: Entry = (family, given, person.birth_date, household, row)
            by_birth.setdefault(person.birth_date, []).append(entry)
            by_family.setdefault(family, []).append(entry)
        for card in household.passes:
            first = numbers.setdefault(card.number, card.row)
            if first != card.row:
                household.refuse(Problem(
                    card.row, f"Die Passnummer {card.number} steht schon in Zeile {first}.",
                    f"The pass number {card.number} is in row {first} already."))
