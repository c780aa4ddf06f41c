"""Checks of a :class:`RuleInput` before it is decided (spec section 8, "invalid input").

The services build rule inputs from the database and the command line builds them from JSON;
both pass them through :func:`check_rule_input`. Errors name the field by its path in the JSON
input format (``members[1].birth_date``, ``benefits[0].from``), so the same message serves both,
in English and German.
"""

from __future__ import annotations

from decimal import Decimal

from kpass.rules.age import end_of_month_after
from kpass.rules.errors import InputError, shorten
from kpass.rules.model import MEMBER_FLAGS, RuleInput
from kpass.rules.parameter_files import configured_issuers
from kpass.rules.parameters import Issuer, Parameters

# Far above any income, and small enough that cent arithmetic stays exact.
_MAX_AMOUNT = Decimal("1000000000")
_CENT = Decimal("0.01")


def _allowed(values: frozenset[str] | set[str]) -> str:
    return ", ".join(sorted(values))


def _q(value: str) -> str:
    """A typed value for an English message: quoted, shortened, unprintables escaped."""
    return f"'{shorten(value)}'"


def stadtteile_of(municipality: str, parameters: Parameters | None = None) -> dict[str, str] | None:
    """The Stadtteile (code → name) of ``municipality`` if a configured issuer has them.

    The name must be the issuer's configured name exactly (``Karlsruhe``; spec clarification).
    """
    issuers: list[Issuer] = [] if parameters is None else [parameters.issuer]
    issuers.extend(configured_issuers())
    for issuer in issuers:
        if issuer.municipality == municipality and issuer.stadtteile is not None:
            return dict(issuer.stadtteile)
    return None


def check_rule_input(rule_input: RuleInput, parameters: Parameters) -> None:
    """Raise :class:`InputError` for the first problem of ``rule_input``, if any.

    Checked: kinds of incomes and benefits known to ``parameters``, flags, amounts (not
    negative, euro and cent), birth dates not after the application date, unique member ids,
    the applicant among the members, benefit member lists naming members (non-empty when
    given), benefit periods not ending before they start (an open end is fine), the Stadtteil
    (a known code in Karlsruhe, none elsewhere), and an application date whose pass validity
    can still be written as a date.
    """
    _check_residence(rule_input, parameters)
    day = rule_input.application_date
    rule_set = parameters.rule_set_on(day)
    if rule_set is not None:
        try:
            end_of_month_after(day, rule_set.validity_months)
        except (ValueError, OverflowError):
            raise InputError(
                "application_date",
                f"application_date {day.isoformat()} lies too far in the future "
                "(a pass would be valid beyond the year 9999)",
                f"„application_date“ {day.isoformat()} liegt zu weit in der Zukunft "
                "(ein Pass wäre über das Jahr 9999 hinaus gültig)",
            ) from None
    if not rule_input.members:
        raise InputError(
            "members", "members must list at least one person",
            "„members“ muss mindestens eine Person enthalten",
        )
    income_kinds = parameters.known_income_kinds
    seen: set[str] = set()
    for i, member in enumerate(rule_input.members):
        where = f"members[{i}]"
        if not member.id:
            raise InputError(f"{where}.id", f"{where}.id must not be empty",
                             f"„{where}.id“ darf nicht leer sein")
        if member.id in seen:
            raise InputError(
                f"{where}.id", f"{where}.id {_q(member.id)} is used twice",
                f"„{where}.id“: die Kennung „{shorten(member.id)}“ kommt zweimal vor",
            )
        seen.add(member.id)
        if member.birth_date > day:
            born, applied = member.birth_date.isoformat(), day.isoformat()
            raise InputError(
                f"{where}.birth_date",
                f"{where}.birth_date {born} lies after the application_date {applied}",
                f"„{where}.birth_date“ {born} liegt nach dem Antragsdatum {applied}",
            )
        for flag in sorted(member.flags - MEMBER_FLAGS):
            raise InputError(
                f"{where}.flags",
                f"{where}.flags: unknown flag {_q(flag)} (allowed: {_allowed(MEMBER_FLAGS)})",
                f"„{where}.flags“: unbekanntes Merkmal „{shorten(flag)}“ "
                f"(erlaubt: {_allowed(MEMBER_FLAGS)})",
            )
        for j, income in enumerate(member.incomes):
            place = f"{where}.incomes[{j}]"
            if income.kind not in income_kinds:
                raise InputError(
                    f"{place}.kind",
                    f"{place}.kind: unknown income kind {_q(income.kind)} "
                    f"(allowed: {_allowed(income_kinds)})",
                    f"„{place}.kind“: unbekannte Einkommensart „{shorten(income.kind)}“ "
                    f"(erlaubt: {_allowed(income_kinds)})",
                )
            check_amount(f"{place}.amount", income.amount)
            if income.period not in ("month", "year"):
                raise InputError(
                    f"{place}.period", f"{place}.period must be 'month' or 'year'",
                    f"„{place}.period“ muss „month“ oder „year“ sein",
                )

    if rule_input.applicant not in seen:
        raise InputError(
            "applicant",
            f"applicant {_q(rule_input.applicant)} is not among the members' ids",
            f"„applicant“: „{shorten(rule_input.applicant)}“ ist keine der Personen im Haushalt",
        )
    _check_benefits(rule_input, parameters, seen)


def _check_residence(rule_input: RuleInput, parameters: Parameters) -> None:
    residence = rule_input.residence
    municipality = residence.municipality
    shown = shorten(municipality)
    if not municipality.strip():
        raise InputError(
            "residence.municipality", "residence.municipality must not be empty",
            "„residence.municipality“ darf nicht leer sein",
        )
    stadtteile = stadtteile_of(municipality, parameters)
    if stadtteile is not None and residence.stadtteil not in stadtteile:
        codes = f"{min(stadtteile)}–{max(stadtteile)}"
        stadtteil = residence.stadtteil
        shown_en = "missing" if stadtteil is None else _q(stadtteil)
        shown_de = "fehlt" if stadtteil is None else f"ist „{shorten(stadtteil)}“"
        raise InputError(
            "residence.stadtteil",
            f"residence.stadtteil is {shown_en}; in {shown} it must be one of the "
            f"codes {codes}",
            f"„residence.stadtteil“ {shown_de}; in {shown} muss es einer der Codes "
            f"{codes} sein",
        )
    if stadtteile is None and residence.stadtteil is not None:
        with_stadtteile = ", ".join(
            issuer.municipality for issuer in configured_issuers() if issuer.stadtteile
        )
        raise InputError(
            "residence.stadtteil",
            f"residence.stadtteil must be null or absent for {_q(municipality)} "
            f"(Stadtteile are known only for {with_stadtteile}, written exactly so)",
            f"„residence.stadtteil“ muss für „{shown}“ null sein oder fehlen "
            f"(Stadtteile gibt es nur für {with_stadtteile}, genau so geschrieben)",
        )


def _check_benefits(rule_input: RuleInput, parameters: Parameters, member_ids: set[str]) -> None:
    benefit_kinds = parameters.known_benefit_kinds
    for k, benefit in enumerate(rule_input.benefits):
        where = f"benefits[{k}]"
        if benefit.kind not in benefit_kinds:
            raise InputError(
                f"{where}.kind",
                f"{where}.kind: unknown benefit kind {_q(benefit.kind)} "
                f"(allowed: {_allowed(benefit_kinds)}; other benefits are incomes)",
                f"„{where}.kind“: unbekannte Leistungsart „{shorten(benefit.kind)}“ "
                f"(erlaubt: {_allowed(benefit_kinds)}; andere Leistungen sind Einkommen)",
            )
        if benefit.valid_until is not None and benefit.valid_until < benefit.valid_from:
            start, end = benefit.valid_from.isoformat(), benefit.valid_until.isoformat()
            raise InputError(
                f"{where}.until",
                f"{where}.until {end} lies before {where}.from {start}",
                f"„{where}.until“ {end} liegt vor „{where}.from“ {start}",
            )
        if benefit.members is not None and not benefit.members:
            # An empty list is ambiguous: a notice for nobody, or the whole household forgotten.
            raise InputError(
                f"{where}.members",
                f"{where}.members is empty; leave it out (or null) for the whole household",
                f"„{where}.members“ ist leer; für den ganzen Haushalt bitte weglassen (oder null)",
            )
        for m, member_id in enumerate(benefit.members or ()):
            if member_id not in member_ids:
                raise InputError(
                    f"{where}.members[{m}]",
                    f"{where}.members[{m}]: {_q(member_id)} is not the id of a member",
                    f"„{where}.members[{m}]“: „{shorten(member_id)}“ ist keine Person des "
                    "Haushalts",
                )


def check_amount(field: str, amount: Decimal) -> None:
    """An amount must be a finite, non-negative number of euro and cent."""
    if not amount.is_finite():
        raise InputError(field, f"{field} must be a number of euro and cent",
                         f"„{field}“ muss ein Betrag in Euro und Cent sein")
    if amount < 0:
        shown = shorten(str(amount))
        raise InputError(field, f"{field} must not be negative (got {shown})",
                         f"„{field}“ darf nicht negativ sein ({shown})")
    if amount >= _MAX_AMOUNT:
        shown = shorten(str(amount))
        raise InputError(field, f"{field} is implausibly large (got {shown})",
                         f"„{field}“ ist unplausibel groß ({shown})")
    if amount != amount.quantize(_CENT):
        raise InputError(field, f"{field} has more than two decimal places (euro and cent)",
                         f"„{field}“ hat mehr als zwei Nachkommastellen (Euro und Cent)")
