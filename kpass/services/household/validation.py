"""The checks the household editor's input passes before anything is written.

The checks need no database: they run before the unit of work opens, so bad input never
starts a transaction. Each refusal is an :class:`InvalidField`, an ``InvalidInput`` that also
names the field by a path (``members[1].birth_date``), so the editor can put the cursor there;
the German message names the field the way the form labels it ("Person 2: Geburtsdatum …").

What is checked lives in :mod:`~kpass.services.household.inputs`, the error and the places
in :mod:`~kpass.services.household.field_errors`; both are re-exported here, where the use
cases and the editor have always imported them from.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import String

from kpass.models import BenefitNotice, HouseholdAddress, Income, Person, PersonDistinction
from kpass.models.register import INCOME_PERIODS, MEMBER_ROLES, SALUTATIONS, SEXES
from kpass.rules import configured_issuers, default_parameters
from kpass.services.household.field_errors import ADDRESS as ADDRESS
from kpass.services.household.field_errors import INCOME as INCOME
from kpass.services.household.field_errors import NOTICE as NOTICE
from kpass.services.household.field_errors import PERSON as PERSON
from kpass.services.household.field_errors import InvalidField as InvalidField
from kpass.services.household.field_errors import Place as Place
from kpass.services.household.field_errors import income_place as income_place
from kpass.services.household.field_errors import member_place as member_place
from kpass.services.household.field_errors import notice_place as notice_place
from kpass.services.household.inputs import AddressInput as AddressInput
from kpass.services.household.inputs import IncomeInput as IncomeInput
from kpass.services.household.inputs import MemberInput as MemberInput
from kpass.services.household.inputs import NoticeInput as NoticeInput
from kpass.services.household.inputs import PersonInput as PersonInput
from kpass.vocabulary import PERIODS, ROLES, format_date, long_labels

EARLIEST_DATE = date(1900, 1, 1)
# Far above any income; keeps the cents well inside the BIGINT column.
MAX_AMOUNT = Decimal("1000000000")
_CENT = Decimal("0.01")
_POSTCODE = re.compile(r"\d{5}")

ROLE_LABELS: dict[str, str] = long_labels(ROLES)
PERIOD_LABELS: dict[str, str] = long_labels(PERIODS)


# ---------------------------------------------------------------------------------------------
# Checks


def _max_length(model: Any, column: str) -> int:
    """The column's declared length, so the checks follow the schema rather than repeat it."""
    kind = model.__table__.c[column].type
    assert isinstance(kind, String) and kind.length is not None
    return int(kind.length)


def _text(place: Place, field: str, value: object, max_length: int, *, required: bool) -> str:
    if not isinstance(value, str):
        raise place.fail(field, "must be text", "muss ein Text sein")
    text = " ".join(value.split())  # pasted names bring tabs and double spaces
    if required and not text:
        raise place.fail(field, "must not be empty", "darf nicht leer sein")
    if len(text) > max_length:
        raise place.fail(
            field,
            f"is too long ({len(text)} characters, at most {max_length})",
            f"ist zu lang ({len(text)} Zeichen, höchstens {max_length})",
        )
    return text


def check_date(place: Place, field: str, value: object) -> date:
    """A real calendar day (not a timestamp) on or after 1900-01-01."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise place.fail(field, "is not a date", "ist kein Datum")
    if value < EARLIEST_DATE:
        raise place.fail(
            field,
            f"lies before 01.01.1900 ({format_date(value)})",
            f"liegt vor dem 01.01.1900 ({format_date(value)})",
        )
    return value


def check_person(place: Place, person: PersonInput, today: date) -> PersonInput:
    """The person with names tidied; raises :class:`InvalidField` for the first problem."""
    family = _text(place, "family_name", person.family_name,
                   _max_length(Person, "family_name"), required=True)
    given = _text(place, "given_names", person.given_names,
                  _max_length(Person, "given_names"), required=True)
    for field, name in (("family_name", family), ("given_names", given)):
        if not any(ch.isalpha() for ch in name):
            raise place.fail(field, "must contain a letter", "muss einen Buchstaben enthalten")
    birth = check_date(place, "birth_date", person.birth_date)
    if birth > today:
        raise place.fail(
            "birth_date",
            f"lies in the future ({format_date(birth)})",
            f"liegt in der Zukunft ({format_date(birth)})",
        )
    sex = person.sex.strip().lower() if isinstance(person.sex, str) else person.sex
    if sex == "":
        sex = None
    if sex is not None and sex not in SEXES:
        raise place.fail("sex", "must be f, m or d (female, male, diverse)",
                         "muss f, m oder d sein (weiblich, männlich, divers)")
    for field in ("disability", "foster_child"):
        if not isinstance(getattr(person, field), bool):
            raise place.fail(field, "must be yes or no", "muss ja oder nein sein")
    salutation = check_salutation(place, person.salutation)
    reason = person.distinct_from_reason
    if reason is not None:  # stated, so it must say something
        reason = check_distinct_reason(place, reason)
    return replace(person, family_name=family, given_names=given, sex=sex,
                   salutation=salutation, distinct_from_reason=reason)


def check_distinct_reason(place: Place, value: object) -> str:
    """The reason why a person is not the registered one the duplicate check names."""
    return _text(place, "distinct_from_reason", value,
                 _max_length(PersonDistinction, "reason"), required=True)


#: A reason given for correcting or removing a saved entry: kept in the audit trail.
REASON_MAX_LENGTH = 200


def check_reason(place: Place, value: object) -> str:
    """Why a saved entry is corrected or removed (required: the history must say why)."""
    return _text(place, "reason", value, REASON_MAX_LENGTH, required=True)


def check_salutation(place: Place, value: object) -> str | None:
    """``"frau"``, ``"herr"`` or ``None`` (no salutation; an empty text means none too)."""
    salutation = value.strip().lower() if isinstance(value, str) else value
    if salutation is None or salutation == "":
        return None
    if salutation not in SALUTATIONS:
        raise place.fail("salutation", "must be Frau, Herr or none",
                         "muss „Frau“, „Herr“ oder leer sein")
    return str(salutation)


def check_member(place: Place, member: MemberInput, today: date) -> PersonInput | None:
    """The member's role checked, and the new person tidied (``None``: a registered one)."""
    check_role(place, member.role)
    if (member.person is None) == (member.person_id is None):
        raise place.fail("person_id", "give either a new person or a registered one",
                         "bitte entweder eine neue oder eine erfasste Person angeben")
    if member.person_id is not None and (
        isinstance(member.person_id, bool) or not isinstance(member.person_id, int)
    ):
        raise place.fail("person_id", "is no person number", "ist keine Personennummer")
    return None if member.person is None else check_person(place, member.person, today)


def check_role(place: Place, role: object) -> str:
    if role not in MEMBER_ROLES:
        allowed = ", ".join(ROLE_LABELS[r] for r in MEMBER_ROLES)
        raise place.fail(
            "role",
            f"{role!r} is unknown (allowed: {', '.join(MEMBER_ROLES)})",
            f"„{role}“ ist unbekannt (erlaubt: {allowed})",
        )
    return str(role)


def check_address(address: AddressInput) -> AddressInput:
    """The address tidied; in a municipality with Stadtteile the code is required and known."""
    place = ADDRESS
    street = _text(place, "street", address.street,
                   _max_length(HouseholdAddress, "street"), required=True)
    number = _text(place, "house_number", address.house_number,
                   _max_length(HouseholdAddress, "house_number"), required=True)
    postcode = address.postcode.strip() if isinstance(address.postcode, str) else ""
    if not _POSTCODE.fullmatch(postcode):
        raise place.fail("postcode", "must be five digits", "muss aus fünf Ziffern bestehen")
    municipality, code = check_place(address.municipality, address.stadtteil_code)
    return AddressInput(street, number, postcode, municipality, code)


def check_place(municipality_text: object, stadtteil: object) -> tuple[str, str | None]:
    """The municipality (in its configured spelling) and the Stadtteil code of an address;
    what the rules read of it. Checked on its own as well: the counter's preview says
    "not yet decidable" for a missing Stadtteil whatever else the address still lacks."""
    place = ADDRESS
    municipality = _text(place, "municipality", municipality_text,
                         _max_length(HouseholdAddress, "municipality"), required=True)
    code = stadtteil.strip() if isinstance(stadtteil, str) else None
    stadtteile: dict[str, str] | None = None
    for issuer in configured_issuers():
        if issuer.municipality.casefold() == municipality.casefold():
            municipality = issuer.municipality  # one spelling, so statistics group it
            if issuer.stadtteile is not None:
                stadtteile = dict(issuer.stadtteile)
            break
    if stadtteile is not None and code not in stadtteile:
        codes = f"{min(stadtteile)}–{max(stadtteile)}"
        if not code:
            raise place.fail("stadtteil_code", f"is missing (in {municipality}: {codes})",
                             f"fehlt (in {municipality}: {codes})")
        raise place.fail("stadtteil_code",
                         f"{code!r} is not a Stadtteil of {municipality} ({codes})",
                         f"„{code}“ ist kein Stadtteil von {municipality} ({codes})")
    if stadtteile is None and code:
        raise place.fail("stadtteil_code",
                         f"must be empty outside Karlsruhe ({municipality})",
                         f"muss außerhalb Karlsruhes leer bleiben ({municipality})")
    return municipality, code or None


def check_amount(place: Place, amount: object) -> Decimal:
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int):
        raise place.fail("amount", "is not an amount in euro", "ist kein Eurobetrag")
    value = Decimal(amount)
    if not value.is_finite():
        raise place.fail("amount", "is not an amount in euro", "ist kein Eurobetrag")
    if value < 0:
        raise place.fail("amount", "must not be negative", "darf nicht negativ sein")
    if value >= MAX_AMOUNT:
        raise place.fail("amount", "is implausibly large", "ist unplausibel hoch")
    if value != value.quantize(_CENT):
        raise place.fail("amount", "has more than two decimals (cents)",
                         "hat mehr als zwei Nachkommastellen (Cent)")
    return value.quantize(_CENT)


def check_income(place: Place, income: IncomeInput) -> IncomeInput:
    """Kind known to the rules: the counted kinds and those accepted but not counted (the
    qualifying benefits, Pflegegeld, Blindengeld), as the rule parameters list them."""
    kinds = default_parameters().known_income_kinds
    if income.kind not in kinds:
        allowed = ", ".join(sorted(kinds))
        raise place.fail("kind", f"{income.kind!r} is unknown (allowed: {allowed})",
                         f"„{income.kind}“ ist unbekannt (erlaubt: {allowed})")
    amount = check_amount(place, income.amount)
    if income.period not in INCOME_PERIODS:
        raise place.fail("period", "must be month or year", "muss monatlich oder jährlich sein")
    valid_from = check_date(place, "valid_from", income.valid_from)
    evidence = _text(place, "evidence", income.evidence,
                     _max_length(Income, "evidence"), required=False)
    return replace(income, amount=amount, valid_from=valid_from, evidence=evidence)


def check_notice(place: Place, notice: NoticeInput) -> NoticeInput:
    """Only the qualifying benefit kinds are notices; other benefits are incomes. No end date
    (``valid_until`` ``None``): granted "bis auf Weiteres"; an end before the start is refused."""
    kinds = default_parameters().known_benefit_kinds
    if notice.kind not in kinds:
        raise place.fail("kind", f"{notice.kind!r} is no qualifying benefit "
                         f"(allowed: {', '.join(sorted(kinds))})",
                         f"„{notice.kind}“ ist keine berechtigende Leistung "
                         f"(erlaubt: {', '.join(sorted(kinds))})")
    valid_from = check_date(place, "valid_from", notice.valid_from)
    if notice.valid_until is None:  # granted "bis auf Weiteres"
        valid_until = None
    else:
        valid_until = check_date(place, "valid_until", notice.valid_until)
    if valid_until is not None and valid_until < valid_from:
        raise place.fail(
            "valid_until",
            f"({format_date(valid_until)}) lies before valid from ({format_date(valid_from)})",
            f"({format_date(valid_until)}) liegt vor „Gültig ab“ ({format_date(valid_from)})",
        )
    reference = _text(place, "reference", notice.reference,
                      _max_length(BenefitNotice, "reference"), required=False)
    refs = tuple(notice.person_refs)
    if len(set(refs)) != len(refs):
        raise place.fail("person_refs", "names a person twice", "nennt eine Person zweimal")
    return replace(notice, valid_from=valid_from, valid_until=valid_until,
                   reference=reference, person_refs=refs)
