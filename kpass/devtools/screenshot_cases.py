"""Casework for the screenshots of objections, four-eyes approvals and 60plus vouchers,
recorded through the services on the demo register (synthetic names, days relative to
today, so every run shows the same picture)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from kpass.services import Database
from kpass.services.household import (
    AddressInput,
    IncomeInput,
    MemberInput,
    PersonInput,
    create_household,
)

#: the street of the demo households added here (the demo register's own are elsewhere)
_STREET = ("Durlacher Allee", "76131", "07")
#: the four-eyes margin around the income limit, in euro
MARGIN_EUR = "50"


@dataclass(frozen=True)
class Case:
    household: int
    person: int  # the applicant


def _single(database: Database, family: str, given: str, born: date, kind: str,
            monthly: str, number: str, today: date, salutation: str) -> Case:
    """One person living alone since two years ago, with one monthly income."""
    since = date(today.year - 2, 1, 1)
    street, postcode, stadtteil = _STREET
    created = create_household(
        database, AddressInput(street, number, postcode, stadtteil_code=stadtteil),
        [MemberInput.new(PersonInput(family, given, born, salutation=salutation),
                         "applicant")],
        [IncomeInput(0, kind, Decimal(monthly), "month", since)],
        since=since, today=today)
    return Case(created.household_id, created.person_ids[0])


def _decided(database: Database, case: Case, day: date, today: date) -> int:
    """An application of ``case`` on ``day``, decided; the decision's id."""
    from kpass.services.applications import apply, decide

    application = apply(database, case.household, day, today=today)
    return decide(database, application.application_id).decision_id


def add_objections(database: Database, today: date) -> None:
    """Three open objections against refusals (one with its Wiedervorlage two days ago,
    one due today, one late by a representative), one rejected and one withdrawn (for the
    summary). Needs a user who may decide."""
    from kpass.services.objections import (
        lodge_objection,
        reject_objection,
        set_follow_up,
        start_review,
        withdraw_objection,
    )

    def refused(family: str, given: str, number: str, salutation: str, back: int) -> tuple[
            Case, int]:
        case = _single(database, family, given, date(1951, 3, 14), "pension", "1980.00",
                       number, today, salutation)
        return case, _decided(database, case, today - timedelta(days=back), today)

    lang, lang_decision = refused("Lang", "Emil", "12", "herr", 60)
    first = lodge_objection(database, lang_decision, today - timedelta(days=45),
                            lodged_by_person_id=lang.person,
                            reason="Die Rente ist seit dem Sommer niedriger.", today=today)
    start_review(database, first.id)
    set_follow_up(database, first.id, today - timedelta(days=2),
                  note="Rentenbescheid angefordert")
    kowalski, kowalski_decision = refused("Kowalski", "Irena", "14a", "frau", 20)
    lodge_objection(database, kowalski_decision, today - timedelta(days=6),
                    lodged_by_person_id=kowalski.person, follow_up_on=today, today=today)
    _berger, berger_decision = refused("Berger", "Hans", "16", "herr", 150)
    late = lodge_objection(database, berger_decision, today - timedelta(days=95),
                           representative="Betreuerin Anna Beispiel", today=today)
    start_review(database, late.id)
    yilmaz, yilmaz_decision = refused("Yılmaz", "Ayşe", "18", "frau", 120)
    rejected = lodge_objection(database, yilmaz_decision, today - timedelta(days=100),
                               lodged_by_person_id=yilmaz.person, today=today)
    start_review(database, rejected.id)
    reject_objection(database, rejected.id, "Das Einkommen ist richtig erfasst.",
                     on=today - timedelta(days=70), today=today)
    weiss, weiss_decision = refused("Weiß", "Gerda", "20", "frau", 90)
    withdrawn = lodge_objection(database, weiss_decision, today - timedelta(days=80),
                                lodged_by_person_id=weiss.person, today=today)
    withdraw_objection(database, withdrawn.id, on=today - timedelta(days=60), today=today)


def add_voucher_holder(database: Database, today: date) -> Case:
    """A pensioner whose pass, issued today, grants the 60plus vouchers. Needs a user who
    may decide and issue."""
    from kpass.services.passes import issue_passes

    case = _single(database, "Hoffmann", "Renate", date(1954, 8, 22), "pension", "1040.00",
                   "22", today, "frau")
    issue_passes(database, _decided(database, case, today, today))
    return case


def add_waiting_decisions(database: Database, today: date, admin: str, caseworker: str,
                          password: str) -> None:
    """The administrator switches the four-eyes rule on; the caseworker decides a refusal
    and two grants close to the income limit, which now wait for a supervisor.
    Leaves the caseworker logged in."""
    from kpass.services.access import log_in
    from kpass.services.approvals import set_approval_settings

    log_in(database, admin, password)
    set_approval_settings(database, enabled=True, margin_eur=MARGIN_EUR)
    log_in(database, caseworker, password)
    for family, given, born, kind, monthly, number, salutation in (
        ("Schäfer", "Dieter", date(1962, 1, 30), "wages", "1610.00", "24", "herr"),
        ("Nguyen", "Thi Lan", date(1988, 6, 5), "wages", "1285.00", "26", "frau"),
        ("Krüger", "Monika", date(1975, 11, 12), "alg1", "1262.40", "28", "frau"),
    ):
        case = _single(database, family, given, born, kind, monthly, number, today,
                       salutation)
        _decided(database, case, today - timedelta(days=1), today)
