"""Handing out the yearly 60plus vouchers (Bildungs- und Kulturgutscheine) at the counter.

Who gets them: a person holding a pass valid on the day whose granting decision (the latest
validity period covering the day) lists ``60plus`` for that person. How much: the parameter
``senior_extra_amount`` in force on the day. How often: once per calendar year — checked
here under the person's row lock, and by ``UNIQUE (person_id, year)`` when two seats hand
out at the same moment (the loser is told the date of the first hand-out either way).
:func:`check_vouchers` asks the same questions without handing out, so the counter can name
the amount before it does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kpass.errors import InvalidInput
from kpass.models import Decision, Pass, PassValidity, Person, VoucherIssue
from kpass.models.engine import Database
from kpass.models.periods import valid_on
from kpass.rules import default_parameters, pass_parameters
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.household.facts import member_key
from kpass.services.uow import UnitOfWork
from kpass.services.vouchers.views import VoucherIssued, VoucherOffer

SENIOR_EXTRA = "60plus"


def person_name(person: Person) -> str:
    """``Familienname, Vornamen`` as lists sort them."""
    return f"{person.family_name}, {person.given_names}"


def _already(first: VoucherIssue) -> InvalidInput:
    return InvalidInput(
        f"The 60plus vouchers for {first.year} were already handed out on "
        f"{first.handed_out_on:%d.%m.%Y}; they are handed out once per calendar year.",
        f"Die 60plus-Gutscheine für {first.year} wurden bereits am "
        f"{first.handed_out_on:%d.%m.%Y} ausgegeben; sie gibt es einmal je Kalenderjahr.",
    )


def _first_of_year(uow: UnitOfWork, person_id: int, year: int) -> VoucherIssue | None:
    return uow.session.scalars(
        select(VoucherIssue).where(VoucherIssue.person_id == person_id,
                                   VoucherIssue.year == year)
    ).first()


def _person(uow: UnitOfWork, person_id: int, *, lock: bool) -> Person:
    # Two seats at the same person: the second waits at the lock (PostgreSQL; SQLite's
    # writers serialize at BEGIN) and then finds the first hand-out.
    query = select(Person).where(Person.id == person_id)
    person = uow.session.scalars(query.with_for_update() if lock else query).first()
    if person is None:
        raise InvalidInput(f"There is no person {person_id}.",
                           f"Es gibt keine Person {person_id}.")
    return person


def _granting(uow: UnitOfWork, person_id: int, day: date) -> tuple[Pass, PassValidity] | None:
    """The person's pass valid on ``day`` and the latest validity period covering it."""
    found = uow.session.execute(
        select(Pass, PassValidity)
        .join(PassValidity, PassValidity.pass_id == Pass.id)
        .where(
            Pass.person_id == person_id,
            valid_on(PassValidity.valid_from, PassValidity.valid_until, day),
            (Pass.revoked_on.is_(None)) | (Pass.revoked_on > day),
        )
        .order_by(PassValidity.valid_from.desc(), PassValidity.id.desc())
        .limit(1)
    ).first()
    return None if found is None else (found[0], found[1])


def _entitled(decision: Decision, person_id: int) -> bool:
    key = member_key(person_id)
    return any(
        member.get("id") == key and member.get("eligible")
        and SENIOR_EXTRA in (member.get("extras") or [])
        for member in decision.output.get("members", [])
    )


@dataclass(frozen=True, slots=True)
class _Entitlement:
    person: Person
    card: Pass
    decision: Decision
    amount: Decimal


def _entitlement(uow: UnitOfWork, person: Person, day: date) -> _Entitlement:
    """What the person gets on ``day``, or the refusal (handed out already this year, no
    valid pass, no ``60plus`` in the granting decision)."""
    first = _first_of_year(uow, person.id, day.year)
    if first is not None:
        raise _already(first)
    granting = _granting(uow, person.id, day)
    # the counter reads these: the person by name, as the screen shows them
    named = f"{person.given_names} {person.family_name}"
    if granting is None:
        raise InvalidInput(
            f"{named} holds no pass valid on {day:%d.%m.%Y}; 60plus vouchers are handed "
            "out only to pass holders.",
            f"{named} hat keinen am {day:%d.%m.%Y} gültigen Pass; 60plus-Gutscheine gibt es "
            "nur für Passinhaber.",
        )
    card, validity = granting
    decision = uow.session.get(Decision, validity.decision_id)
    assert decision is not None
    if not _entitled(decision, person.id):
        raise InvalidInput(
            f"Decision {decision.id}, which granted pass {card.number}, does not entitle "
            f"{named} to 60plus vouchers (60 or older on the application date).",
            f"Die Entscheidung {decision.id}, mit der der Pass {card.number} bewilligt "
            f"wurde, gibt {named} keinen Anspruch auf 60plus-Gutscheine (60 Jahre oder "
            "älter am Tag des Antrags).",
        )
    amount = pass_parameters(default_parameters(), day).senior_extra_amount
    return _Entitlement(person, card, decision, amount)


@requires(Permission.ISSUE)
def check_vouchers(database: Database, person_id: int, *,
                   on: date | None = None) -> VoucherOffer:
    """What :func:`hand_out_vouchers` would hand out to ``person_id`` on ``on`` (today),
    changing nothing: the counter asks before it hands out. Refused exactly as
    :func:`hand_out_vouchers` would refuse (naming the day of this year's hand-out)."""
    day = on or date.today()
    with UnitOfWork(database, write=False) as uow:
        person = _person(uow, person_id, lock=False)
        found = _entitlement(uow, person, day)
        return VoucherOffer(
            person_id=person_id, person_name=person_name(person), year=day.year,
            amount=found.amount, pass_number=found.card.number, on=day,
        )


@requires(Permission.ISSUE)
def hand_out_vouchers(database: Database, person_id: int, *,
                      on: date | None = None) -> VoucherIssued:
    """Hand out this calendar year's 60plus vouchers to ``person_id`` on ``on`` (today).

    Refused (:class:`InvalidInput`) without a pass valid on the day, when its decision did
    not grant ``60plus`` to the person, and when they were handed out already this year
    (naming the day)."""
    day = on or date.today()
    with UnitOfWork(database) as uow:
        person = _person(uow, person_id, lock=True)
        name = person_name(person)
        birth_date = person.birth_date
        found = _entitlement(uow, person, day)
        card, decision, amount = found.card, found.decision, found.amount
        issue = VoucherIssue(
            person_id=person_id,
            pass_id=card.id,
            year=day.year,
            amount=amount,
            handed_out_on=day,
            decision_id=decision.id,
            created_by_id=uow.user_id(),
        )
        uow.session.add(issue)
        try:
            uow.session.flush()
        except IntegrityError:
            # Another seat was faster (UNIQUE person, year): tell the date of its hand-out.
            uow.session.rollback()
            first = _first_of_year(uow, person_id, day.year)
            if first is None:
                raise
            raise _already(first) from None
        uow.audit("hand_out_vouchers", "person", person_id, amount=f"{amount:.2f}",
                  year=day.year, handed_out_on=day.isoformat(), pass_id=card.id,
                  decision_id=decision.id, voucher_issue_id=issue.id)
        result = VoucherIssued(
            id=issue.id, person_id=person_id, person_name=name, birth_date=birth_date,
            pass_number=card.number, year=day.year, amount=amount, handed_out_on=day,
            decision_id=decision.id,
        )
        uow.commit()
    return result
