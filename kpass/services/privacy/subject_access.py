"""Everything the register stores about one person, gathered for an Art. 15 DSGVO report.

Read in one reading unit of work, so that every part is of the same moment. What belongs to
the person:

- the person's row and photo, their memberships with the addresses of each household *while
  they belonged to it*, their incomes, the benefit notices naming them or (naming nobody)
  their household during their membership, the applications of their households that they
  made or that a decision about them answered — with their own line of each decision, its
  reasons and their own entry of its input (their data as the decision took it) —, the
  objections (Widersprüche) they lodged and those their household received while they
  belonged to it, their passes, the 60plus vouchers handed out to them, the prints showing
  those passes, decisions or applications, the notes that they are not a registered
  look-alike, and the audit trail's entries about them
  (:mod:`~kpass.services.privacy.trail`).

What does not (Art. 15 Abs. 4 DSGVO: the copy must not affect the rights of others):

- the other members of a household: their names, birth dates, incomes, passes and the
  decisions about them are their data (also their entries in a decision's input). They
  appear by role and period only, which the person needs to understand their household's
  composition (it decides the income test's weights);
- who of the staff recorded or printed something: the CJEU (C-579/21, 22.6.2023) held that
  the log of who consulted data need not name the employees; the dates and what was done are
  given;
- the look-alike a distinction names: only the caseworker's reason is given;
- who lodged an objection the person did not lodge themselves: whether they did is told,
  the representative's name and the objection's own reasons only where they did (then they
  are the person's statements; else another member's or their representative's).

The household's total income of a decision is given as the stored sum where the income test
decided about the person: it is part of the reasons of that decision (and was printed in the
Bescheid); where a benefit notice decided, it is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select

from kpass.documents.subject_report import (
    CoMember,
    DecisionIncome,
    DecisionInput,
    HouseholdFigures,
    SubjectAccessReport,
    SubjectAddress,
    SubjectApplication,
    SubjectDecision,
    SubjectDistinction,
    SubjectIncome,
    SubjectMembership,
    SubjectNotice,
    SubjectObjection,
    SubjectPass,
    SubjectPerson,
    SubjectPhoto,
    SubjectPrint,
    SubjectValidity,
    SubjectVoucher,
)
from kpass.errors import KpassError
from kpass.models import (
    Application,
    BenefitNotice,
    BenefitNoticePerson,
    Decision,
    HouseholdAddress,
    HouseholdMember,
    Income,
    Objection,
    Pass,
    Person,
    PersonDistinction,
    PersonPhoto,
    PrintRecord,
    PrintReference,
    Stadtteil,
    VoucherIssue,
)
from kpass.rules import household_from_json
from kpass.services.household.facts import member_key
from kpass.services.printing.letter_people import address_lines, caseworker_name, salutation
from kpass.services.privacy.periods import Period, clip, contains, overlaps
from kpass.services.privacy.trail import Scope, subject_events
from kpass.services.uow import UnitOfWork


class UnknownPerson(KpassError):
    """No person with this id is registered (exit code 1: nothing to export)."""


def _person(person: Person) -> SubjectPerson:
    return SubjectPerson(
        person_id=person.id,
        family_name=person.family_name,
        given_names=person.given_names,
        birth_date=person.birth_date,
        sex=person.sex,
        salutation=person.salutation,
        disability=person.disability,
        foster_child=person.foster_child,
        died_on=person.died_on,
        created_at=person.created_at,
    )


def _memberships(uow: UnitOfWork, person_id: int) -> tuple[SubjectMembership, ...]:
    session = uow.session
    own = list(session.scalars(
        select(HouseholdMember).where(HouseholdMember.person_id == person_id)
        .order_by(HouseholdMember.valid_from, HouseholdMember.id)))
    households = sorted({m.household_id for m in own})
    addresses = session.execute(
        select(HouseholdAddress, Stadtteil.name)
        .outerjoin(Stadtteil, Stadtteil.code == HouseholdAddress.stadtteil_code)
        .where(HouseholdAddress.household_id.in_(households))
        .order_by(HouseholdAddress.valid_from, HouseholdAddress.id)
    ).tuples().all()
    others = list(session.scalars(
        select(HouseholdMember)
        .where(HouseholdMember.household_id.in_(households),
               HouseholdMember.person_id != person_id)
        .order_by(HouseholdMember.valid_from, HouseholdMember.id)))
    result = []
    for membership in own:
        period = Period(membership.valid_from, membership.valid_until)
        result.append(SubjectMembership(
            household_id=membership.household_id,
            role=membership.role,
            valid_from=membership.valid_from,
            valid_until=membership.valid_until,
            # a later address of the household is where others live now: not the person's
            addresses=tuple(
                SubjectAddress(a.street, a.house_number, a.postcode, a.municipality,
                               a.stadtteil_code, name, a.valid_from, a.valid_until)
                for a, name in addresses
                if a.household_id == membership.household_id
                and overlaps(period, Period(a.valid_from, a.valid_until))),
            # role and the shared time only: who they are is their data (module docstring)
            co_members=tuple(
                CoMember(o.role, *clip(Period(o.valid_from, o.valid_until), period))
                for o in others
                if o.household_id == membership.household_id
                and overlaps(period, Period(o.valid_from, o.valid_until))),
        ))
    return tuple(result)


def _incomes(uow: UnitOfWork, person_id: int) -> tuple[SubjectIncome, ...]:
    return tuple(
        SubjectIncome(i.id, i.kind, i.amount, i.period, i.valid_from, i.valid_until, i.evidence)
        for i in uow.session.scalars(
            select(Income).where(Income.person_id == person_id)
            .order_by(Income.valid_from, Income.id)))


def _notices(uow: UnitOfWork, person_id: int,
             memberships: Iterable[SubjectMembership]) -> tuple[SubjectNotice, ...]:
    """Notices naming the person, and those naming nobody (the whole household) of a
    household they belonged to at the time; a notice naming only others is theirs."""
    periods: dict[int, list[Period]] = {}
    for membership in memberships:
        periods.setdefault(membership.household_id, []).append(
            Period(membership.valid_from, membership.valid_until))
    session = uow.session
    notices = list(session.scalars(
        select(BenefitNotice).where(BenefitNotice.household_id.in_(sorted(periods)))
        .order_by(BenefitNotice.valid_from, BenefitNotice.id)))
    covered: dict[int, set[int]] = {}
    for notice_id, covered_id in session.execute(
        select(BenefitNoticePerson.notice_id, BenefitNoticePerson.person_id)
        .where(BenefitNoticePerson.notice_id.in_([n.id for n in notices]))
    ).tuples():
        covered.setdefault(notice_id, set()).add(covered_id)
    result = []
    for notice in notices:
        names = covered.get(notice.id, set())
        shown = Period(notice.valid_from, notice.valid_until)
        if names:
            if person_id not in names:
                continue
            covers = "person"
        else:
            lived = [p for p in periods[notice.household_id] if overlaps(p, shown)]
            if not lived:
                continue
            # only the days the person lived there: an end extended after they left
            # would tell that the household still draws the benefit (Art. 15 Abs. 4)
            shown = clip(shown, Period(min(p.valid_from for p in lived),
                                       None if any(p.valid_until is None for p in lived)
                                       else max(p.valid_until for p in lived
                                                if p.valid_until is not None)))
            covers = "household"
        result.append(SubjectNotice(notice.id, notice.household_id, notice.kind,
                                    shown.valid_from, shown.valid_until, notice.reference,
                                    covers, notice.created_at))
    return tuple(result)


def reason_text(reason: dict[str, Any]) -> str:
    """A stored reason's sentence; decisions stored before the second edition of the rules
    call the rule set "Regelsatz" (the letters reword it the same way)."""
    text = str(reason.get("text") or reason.get("code") or "")
    return text.replace("keinen Regelsatz", "kein Regelwerk").replace("Regelsatz", "Regelwerk")


def _own_input(snapshot: Any, person_id: int) -> DecisionInput | None:
    """The person's entry of a decision's stored input (``rule_input_to_json``), None if it
    has none; the other members' entries and the household's benefits are left out."""
    members = snapshot.get("members") if isinstance(snapshot, dict) else None
    mine = next((m for m in members or () if isinstance(m, dict)
                 and m.get("id") == member_key(person_id)), None)
    if mine is None:
        return None
    born = mine.get("birth_date")
    return DecisionInput(
        birth_date=date.fromisoformat(born) if born else None,
        flags=tuple(str(f) for f in mine.get("flags") or ()),
        incomes=tuple(DecisionIncome(str(i["kind"]), Decimal(str(i["amount"])),
                                     str(i["period"]))
                      for i in mine.get("incomes") or ()),
    )


def _decision(decision_id: int, decided_on: date, rule_set: str, output: dict[str, Any],
              snapshot: Any, person_id: int) -> SubjectDecision | None:
    """The person's own line of a stored decision, None if it did not decide about them."""
    mine = next((m for m in output.get("members", []) if m.get("id") == member_key(person_id)),
                None)
    if mine is None:
        return None
    # The household's figures are a sum over the others' incomes too: given only where the
    # income test decided about the person (as the Bescheid prints them), else left out.
    eligible = bool(mine.get("eligible"))
    income_decided = not eligible or mine.get("basis") == "income"
    figures = household_from_json(output.get("household") if income_decided else None)

    def day(value: Any) -> date | None:
        return date.fromisoformat(value) if value else None

    return SubjectDecision(
        decision_id=decision_id,
        decided_on=decided_on,
        rule_set=rule_set,
        eligible=eligible,
        pass_type=mine.get("pass_type"),
        basis=mine.get("basis"),
        valid_from=day(mine.get("valid_from")),
        valid_until=day(mine.get("valid_until")),
        reasons=tuple(reason_text(r) for r in mine.get("reasons", [])),
        extras=tuple(mine.get("extras", [])),
        household=HouseholdFigures(
            net_income=figures.net_income,
            weights=figures.weights,
            equivalised_income=figures.equivalised_income,
            threshold=figures.threshold,
            highest_eligible_income=figures.highest_eligible_income,
        ),
        own_input=_own_input(snapshot, person_id),
    )


def _applications(uow: UnitOfWork, person_id: int,
                  memberships: Iterable[SubjectMembership]) -> tuple[SubjectApplication, ...]:
    """Applications of the person's households that they made or a decision about them
    answered; one not decided yet counts if they belonged to the household on its date."""
    periods: dict[int, list[Period]] = {}
    for membership in memberships:
        periods.setdefault(membership.household_id, []).append(
            Period(membership.valid_from, membership.valid_until))
    session = uow.session
    applications = list(session.scalars(
        select(Application).where(Application.household_id.in_(sorted(periods)))
        .order_by(Application.application_date, Application.id)))
    decisions: dict[int, list[SubjectDecision]] = {}
    decided: set[int] = set()
    # the input snapshot holds the whole household (others' incomes too): only the person's
    # own entry of it is taken (_own_input)
    for decision_id, application_id, decided_on, rule_set, output, snapshot in session.execute(
        select(Decision.id, Decision.application_id, Decision.decided_on, Decision.rule_set,
               Decision.output, Decision.input_snapshot)
        .where(Decision.application_id.in_([a.id for a in applications]))
        .order_by(Decision.id)
    ).tuples():
        decided.add(application_id)
        mine = _decision(decision_id, decided_on, rule_set, output, snapshot, person_id)
        if mine is not None:
            decisions.setdefault(application_id, []).append(mine)
    result = []
    for application in applications:
        day = Period(application.application_date, application.application_date)
        undecided_member = application.id not in decided and any(
            overlaps(p, day) for p in periods[application.household_id])
        if (application.applicant_person_id != person_id and application.id not in decisions
                and not undecided_member):
            continue
        result.append(SubjectApplication(
            application_id=application.id,
            household_id=application.household_id,
            application_date=application.application_date,
            kind=application.kind,
            status=application.status,
            is_applicant=application.applicant_person_id == person_id,
            proofs=tuple(application.proofs),
            decisions=tuple(decisions.get(application.id, ())),
        ))
    return tuple(result)


def _objections(uow: UnitOfWork, person_id: int,
                memberships: Iterable[SubjectMembership]) -> tuple[SubjectObjection, ...]:
    """Objections the person lodged, and those of a household they belonged to on the day
    the objection was received (one received before they joined or after they left is the
    others' matter)."""
    periods: dict[int, list[Period]] = {}
    for membership in memberships:
        periods.setdefault(membership.household_id, []).append(
            Period(membership.valid_from, membership.valid_until))
    objections = uow.session.scalars(
        select(Objection).where(or_(Objection.lodged_by_person_id == person_id,
                                    Objection.household_id.in_(sorted(periods))))
        .order_by(Objection.received_on, Objection.id))
    result = []
    for objection in objections:
        own = objection.lodged_by_person_id == person_id
        if not own and not any(contains(p, objection.received_on)
                               for p in periods.get(objection.household_id, ())):
            continue
        result.append(SubjectObjection(
            objection_id=objection.id,
            decision_id=objection.decision_id,
            household_id=objection.household_id,
            received_on=objection.received_on,
            bekanntgabe_on=objection.bekanntgabe_on,
            deadline=objection.deadline,
            in_time=objection.in_time,
            state=objection.state,
            outcome_on=objection.outcome_on,
            outcome_reason=objection.outcome_reason,
            follow_up_on=objection.follow_up_on,
            remedial_decision_id=objection.remedial_decision_id,
            lodged_by_subject=own,
            # who wrote for another member, and what they wrote, is not the person's data
            representative=objection.representative if own else None,
            reason=(objection.reason or None) if own else None,
            follow_up_note=(objection.follow_up_note or None)
            if own and objection.follow_up_on is not None else None,
        ))
    return tuple(result)


def _vouchers(uow: UnitOfWork, person_id: int) -> tuple[SubjectVoucher, ...]:
    return tuple(
        SubjectVoucher(issue.year, issue.amount, issue.handed_out_on, number)
        for issue, number in uow.session.execute(
            select(VoucherIssue, Pass.number).join(Pass, Pass.id == VoucherIssue.pass_id)
            .where(VoucherIssue.person_id == person_id)
            .order_by(VoucherIssue.year, VoucherIssue.handed_out_on, VoucherIssue.id)
        ).tuples())


def _passes(uow: UnitOfWork, person_id: int) -> tuple[tuple[SubjectPass, ...], list[int]]:
    session = uow.session
    cards = list(session.scalars(
        select(Pass).where(Pass.person_id == person_id).order_by(Pass.created_at, Pass.id)))
    replaced = {card.replaces_pass_id for card in cards if card.replaces_pass_id is not None}
    numbers = dict(session.execute(
        select(Pass.id, Pass.number).where(Pass.id.in_(sorted(replaced)))).tuples().all())
    return tuple(
        SubjectPass(
            number=card.number,
            pass_type=card.pass_type,
            status=card.status,
            revoked_on=card.revoked_on,
            revocation_reason=card.revocation_reason,
            replaces=numbers.get(card.replaces_pass_id) if card.replaces_pass_id else None,
            created_at=card.created_at,
            validities=tuple(SubjectValidity(v.kind, v.valid_from, v.valid_until,
                                             v.decision_id) for v in card.validities),
        )
        for card in cards
    ), [card.id for card in cards]


def _prints(uow: UnitOfWork, pass_ids: dict[int, str], decision_ids: set[int],
            application_ids: set[int]) -> tuple[SubjectPrint, ...]:
    """Prints showing the person's passes, a decision about them or their application;
    of a sheet or a month's reminders only the person's own pass numbers are named."""
    session = uow.session
    conditions = [PrintReference.pass_id.in_(sorted(pass_ids)),
                  PrintReference.decision_id.in_(sorted(decision_ids)),
                  PrintReference.application_id.in_(sorted(application_ids))]
    references = session.execute(
        select(PrintReference.print_id, PrintReference.pass_id, PrintReference.decision_id,
               PrintReference.application_id)
        .where(or_(*conditions)).order_by(PrintReference.id)
    ).tuples().all()
    if not references:
        return ()
    records = session.scalars(
        select(PrintRecord).where(PrintRecord.id.in_(sorted({r[0] for r in references})))
        .order_by(PrintRecord.printed_at, PrintRecord.id))
    result = []
    for record in records:
        mine = [r for r in references if r[0] == record.id]
        result.append(SubjectPrint(
            printed_at=record.printed_at,
            kind=record.kind,
            pages=record.pages,
            passes=tuple(pass_ids[r[1]] for r in mine if r[1] is not None),
            decision_id=next((r[2] for r in mine if r[2] is not None), None),
            application_id=next((r[3] for r in mine if r[3] is not None), None),
        ))
    return tuple(result)


def _distinctions(uow: UnitOfWork, person_id: int) -> tuple[SubjectDistinction, ...]:
    return tuple(
        SubjectDistinction(d.created_at, d.reason)
        for d in uow.session.scalars(
            select(PersonDistinction)
            .where(or_(PersonDistinction.person_id == person_id,
                       PersonDistinction.other_person_id == person_id))
            .order_by(PersonDistinction.created_at)))


def subject_access_report(uow: UnitOfWork, person_id: int, now: datetime) -> SubjectAccessReport:
    """Everything stored about person ``person_id`` (see the module's docstring);
    :class:`UnknownPerson` when there is none."""
    person = uow.session.get(Person, person_id)
    if person is None:
        raise UnknownPerson(
            f"There is no person {person_id} in the register; nothing was exported.",
            f"Im Register gibt es keine Person {person_id}; es wurde nichts ausgegeben.",
        )
    photo_row = uow.session.get(PersonPhoto, person_id)
    photo = None if photo_row is None else SubjectPhoto(
        photo_row.media_type, photo_row.width, photo_row.height, bytes(photo_row.image),
        photo_row.updated_at)
    memberships = _memberships(uow, person_id)
    incomes = _incomes(uow, person_id)
    notices = _notices(uow, person_id, memberships)
    applications = _applications(uow, person_id, memberships)
    objections = _objections(uow, person_id, memberships)
    passes, pass_row_ids = _passes(uow, person_id)
    decision_ids = {d.decision_id for a in applications for d in a.decisions}
    application_ids = {a.application_id for a in applications}
    pass_ids = dict(zip(pass_row_ids, (p.number for p in passes), strict=True))
    scope = Scope(
        person_id=person_id,
        households={m.household_id: [] for m in memberships},
        income_ids={i.income_id for i in incomes},
        notice_ids={n.notice_id for n in notices},
        pass_ids=set(pass_ids),
        pass_numbers=set(pass_ids.values()),
        decision_ids=decision_ids,
        application_ids=application_ids,
        objection_ids={o.objection_id for o in objections},
    )
    for membership in memberships:
        scope.households[membership.household_id].append(
            Period(membership.valid_from, membership.valid_until))
    return SubjectAccessReport(
        created_at=now,
        person=_person(person),
        photo=photo,
        memberships=memberships,
        incomes=incomes,
        notices=notices,
        applications=applications,
        objections=objections,
        passes=passes,
        vouchers=_vouchers(uow, person_id),
        prints=_prints(uow, pass_ids, decision_ids, application_ids),
        distinctions=_distinctions(uow, person_id),
        events=subject_events(uow, scope),
        recipient_lines=address_lines(uow, person, now.astimezone().date()),
        salutation=salutation(person),
        caseworker=caseworker_name(uow),
    )
