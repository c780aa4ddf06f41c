"""Writing a checked household into the register, with its takeover decision and passes.

**The takeover decision.** A pass needs the decision that granted its validity
(``pass_validity.decision_id``). For every household with passes the import records one
application (kind "new", status "decided", no proofs) and one decision dated the earliest
start of the household's passes (the day the old register decided, as near as the file
tells), with ``rule_set`` :data:`TAKEOVER_RULE_SET` so that it is marked as a takeover
everywhere a decision is shown or counted. Its ``input_snapshot`` is what the rules see of
the imported facts on that day (:func:`~kpass.services.household.facts.build_rule_input`, as
at the counter) and its ``output`` the rules' evaluation of it — so the decision can be
re-explained — with the passes taken over as they are: for each holder ``eligible``, the
pass type and the validity of the file and ``takeover_pass`` (the number). Where the rules
found the holder eligible, the basis is theirs; otherwise the benefit notice of the file
(the first qualifying kind, in the rules' order); a holder with neither is refused (the
statistics need a basis), with the reason. ``output["takeover"]`` names the file and the day.

**Statistics** are written as at the counter and in the demo history: the decision's rows
(:func:`~kpass.services.statistics.records.decision_rows`, rebuilt from the stored output,
so a later correction takes exactly them back) and one "new" validity row per pass
(:func:`~kpass.services.statistics.writes.validity_stat_row`, so a later revocation takes
back exactly its rest).

**The audit trail** gets, per pass, the "baseline" event with its state, as
:func:`~kpass.services.audit.baseline.record_pass_baselines` writes it for passes that came
from before kpass, so ``kpass audit verify`` checks the imported passes from then on.

**The serial counters** — one per issuer (``pass_serial`` for Karlsruhe's ``KA`` numbers,
``pass_serial_et`` for Ettlingen's …) — are each raised to the highest serial of that
issuer's prefix in the register (at least), so that the next number an issuer hands out
follows the imported ones and never repeats one.

**Issuers.** The household belongs to the issuer of its residence; its takeover decision is
that issuer's and evaluated under that issuer's rules, as at the counter, and each pass
stores the issuer whose prefix it carries (the planning kept only numbers of the
residence's issuer).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select, update

from kpass.errors import InvalidInput
from kpass.models import (
    Application,
    Counter,
    Decision,
    Household,
    HouseholdMember,
    Pass,
    PassValidity,
    StatRecord,
)
from kpass.rules import (
    configured_issuers,
    decision_to_json,
    default_issuer,
    default_parameters,
    evaluate,
    parse_pass_number,
    rule_input_to_json,
)
from kpass.services.audit.pass_records import BASELINE, STATE_KEY, pass_state
from kpass.services.household.duplicates import find_duplicates
from kpass.services.household.facts import (
    build_rule_input,
    household_type,
    load_facts,
    member_key,
    stadtteil_on,
)
from kpass.services.household.identity import lock_person_identity
from kpass.services.household.steps import address_row, income_row, new_person, notice_row
from kpass.services.issuers import issuer_code, residence_parameters
from kpass.services.passes.pass_numbers import serial_counter
from kpass.services.register_import.outcomes import SKIPPED, TO_CHECK, Problem
from kpass.services.register_import.planning import PlannedHousehold
from kpass.services.statistics.records import StoredOutcome, as_records, decision_rows
from kpass.services.statistics.writes import validity_stat_row
from kpass.services.uow import UnitOfWork
from kpass.vocabulary import format_date

#: ``decision.rule_set`` of a takeover decision (at most 40 characters).
TAKEOVER_RULE_SET = "Übernahme"
#: The serial a register without counter starts after (as :func:`next_pass_number` would).
_FIRST_SERIAL_BASE = 100000


def counter_value(uow: UnitOfWork, issuer: str | None = None) -> int | None:
    """The last serial kpass handed out for ``issuer`` (a code; default Stadt Karlsruhe);
    ``None``: it handed out no pass number yet."""
    name = serial_counter(issuer or default_issuer().code)
    return uow.session.scalar(select(Counter.value).where(Counter.name == name))


def counter_values(uow: UnitOfWork) -> dict[str, int]:
    """The last serial handed out per issuer code, for the issuers that handed out any."""
    values = {issuer.code: counter_value(uow, issuer.code) for issuer in configured_issuers()}
    return {code: value for code, value in values.items() if value is not None}


def refuse_against_register(
    uow: UnitOfWork,
    planned: PlannedHousehold,
    *,
    handed_out: dict[str, int],
    imported_person_ids: set[int],
) -> None:
    """Possible duplicates among the registered persons (to check), pass numbers the
    register holds or kpass handed out already (skipped); ``handed_out``: the last serial
    per issuer code (:func:`counter_values`)."""
    for person, _, row in planned.members:
        candidates = find_duplicates(uow.session, person.family_name, person.given_names,
                                     person.birth_date, exclude_person_ids=imported_person_ids)
        for candidate in candidates[:3]:
            home = (f", Haushalt {candidate.household_id}" if candidate.household_id else "")
            home_en = (f", household {candidate.household_id}" if candidate.household_id else "")
            planned.refuse(Problem(
                row,
                f"Vielleicht schon erfasst: Person Nr. {candidate.person_id} "
                f"({candidate.given_names} {candidate.family_name}, "
                f"{format_date(candidate.birth_date)}{home}) — {candidate.explanation}.",
                f"Possibly registered already: person no. {candidate.person_id} "
                f"({candidate.given_names} {candidate.family_name}, "
                f"{candidate.birth_date:%d.%m.%Y}{home_en}) — {candidate.explanation}."),
                TO_CHECK)
    for card in planned.passes:
        holder = uow.session.scalar(select(Pass.person_id).where(Pass.number == card.number))
        if holder is not None:
            planned.refuse(Problem(
                card.row, f"Die Passnummer {card.number} ist schon im Register (Pass von "
                f"Person Nr. {holder}).",
                f"The pass number {card.number} is in the register already (pass of person "
                f"no. {holder})."), SKIPPED)
        elif card.issuer in handed_out and card.serial <= handed_out[card.issuer]:
            last = handed_out[card.issuer]
            planned.refuse(Problem(
                card.row, f"Die Passnummer {card.number} hat kpass schon vergeben (bis "
                f"{last}); ein Pass mit ihr ist nicht mehr im Register.",
                f"The pass number {card.number} was handed out by kpass already (up to "
                f"{last}); no pass with it is in the register any more."), SKIPPED)


def _basis(planned: PlannedHousehold, member: int, rules_basis: str | None,
           eligible: bool) -> str | None:
    if eligible and rules_basis:
        return rules_basis
    kinds = list(default_parameters().known_benefit_kinds)
    covering = [n.kind for n in planned.notices if not n.person_refs or member in n.person_refs]
    ordered = sorted(covering, key=lambda k: kinds.index(k) if k in kinds else len(kinds))
    return ordered[0] if ordered else None


def write_household(uow: UnitOfWork, planned: PlannedHousehold, *, file_name: str,
                    today: date) -> list[int]:
    """Write the household; returns the new persons' ids. Raises :class:`InvalidInput`
    when the takeover decision cannot be made (the caller rolls back or refuses)."""
    session = uow.session
    since = planned.since
    assert planned.address is not None
    household = Household(issuer=issuer_code(planned.address.municipality))
    session.add(household)
    session.flush()
    persons = [new_person(person, household.issuer) for person, _, _ in planned.members]
    session.add_all(persons)
    session.flush()
    session.add(address_row(household.id, planned.address, since))
    for (person_input, role, _), person in zip(planned.members, persons, strict=True):
        session.add(HouseholdMember(household_id=household.id, person_id=person.id, role=role,
                                    valid_from=max(since, person_input.birth_date)))
    for income in planned.incomes:
        session.add(income_row(persons[income.person_ref].id, income))
    for notice in planned.notices:
        session.add(notice_row(household.id, notice, [persons[r].id for r in notice.person_refs]))
    session.flush()
    planned.outcome.household_id = household.id
    planned.outcome.persons = len(persons)
    if planned.passes:
        _takeover(uow, planned, household.id, [p.id for p in persons], file_name, today)
    return [p.id for p in persons]


def _takeover(uow: UnitOfWork, planned: PlannedHousehold, household_id: int,
              person_ids: list[int], file_name: str, today: date) -> None:
    session = uow.session
    day = planned.since
    facts = load_facts(session, household_id)
    applicant = person_ids[next(i for i, (_, role, _) in enumerate(planned.members)
                                if role == "applicant")]
    rule_input = build_rule_input(facts, day, applicant)
    assert planned.address is not None  # a household is written with its address
    parameters = residence_parameters(planned.address.municipality)
    output = decision_to_json(evaluate(rule_input, parameters))
    by_id = {str(m["id"]): m for m in output["members"]}
    for card in planned.passes:
        entry = by_id[member_key(person_ids[card.member])]
        basis = _basis(planned, card.member, entry.get("basis"), bool(entry.get("eligible")))
        if basis is None:
            person = planned.members[card.member][0]
            raise InvalidInput(
                f"Row {card.row}: pass {card.number} cannot be taken over: the rules do not "
                f"find {person.given_names} {person.family_name} eligible on "
                f"{day:%d.%m.%Y} with the incomes of the file, and the file names no benefit "
                "notice (the statistics need the basis of the pass); add the income or the "
                "benefit.",
                f"Zeile {card.row}: Der Pass {card.number} kann nicht übernommen werden: nach "
                f"den Regeln ist {person.given_names} {person.family_name} am "
                f"{format_date(day)} mit den Einkommen der Datei nicht berechtigt, und die "
                "Datei nennt keinen Leistungsbescheid (die Statistik braucht die Grundlage des "
                "Passes); bitte Einkommen oder Leistung ergänzen.")
        if not entry.get("eligible"):
            planned.outcome.notes.append(Problem(
                card.row, f"Nach den Regeln am {format_date(day)} nicht berechtigt; der Pass "
                f"{card.number} wurde mit der Grundlage des Bescheids übernommen — bitte prüfen.",
                f"Not eligible by the rules on {day:%d.%m.%Y}; pass {card.number} was taken "
                "over with the basis of the benefit notice — please check."))
        entry.update(eligible=True, pass_type=card.pass_type, basis=basis,
                     valid_from=card.valid_from.isoformat(),
                     valid_until=card.valid_until.isoformat(), takeover_pass=card.number)
    output["takeover"] = {"file": file_name, "imported_on": today.isoformat()}
    counted_type = household_type(facts, day)
    application = Application(household_id=household_id, applicant_person_id=applicant,
                              application_date=day, kind="new", status="decided", proofs=[],
                              created_by_id=uow.user_id())
    session.add(application)
    session.flush()
    issuer = session.get(Household, household_id).issuer  # type: ignore[union-attr]
    decision = Decision(application_id=application.id, decided_on=day, issuer=issuer,
                        rule_set=TAKEOVER_RULE_SET, input_snapshot=rule_input_to_json(rule_input),
                        output=output, decided_by_id=uow.user_id(), household_type=counted_type)
    session.add(decision)
    session.flush()
    births = {m.id: m.birth_date for m in rule_input.members}
    session.add_all(as_records(decision_rows(
        [StoredOutcome.of(m) for m in output["members"]], day, births,
        stadtteil_on(facts, day), counted_type, rule_input.applicant, TAKEOVER_RULE_SET,
        issuer)))
    numbers = []
    for card in planned.passes:
        holder = person_ids[card.member]
        row = Pass(number=card.number, issuer=card.issuer, person_id=holder,
                   pass_type=card.pass_type)
        validity = PassValidity(decision_id=decision.id, kind="new", valid_from=card.valid_from,
                                valid_until=card.valid_until)
        row.validities.append(validity)
        session.add(row)
        session.flush()
        session.add(StatRecord(**validity_stat_row(uow, validity, member_key(holder))))
        uow.audit(BASELINE, "pass", row.id, decision_id=decision.id,
                  **{STATE_KEY: pass_state(row)})
        numbers.append(card.number)
    planned.outcome.passes = tuple(numbers)


def raise_counter(uow: UnitOfWork) -> None:
    """Every issuer's serial counter at least at the highest serial of its prefix in the
    register, so that the next number it hands out follows every imported one."""
    session = uow.session
    default = default_issuer().code
    for issuer in configured_issuers():
        prefix = issuer.pass_prefix
        name = serial_counter(issuer.code)
        highest = 0
        # the serial has six digits after the prefix: the greatest number is the highest
        for number in session.scalars(select(Pass.number).where(Pass.number.like(f"{prefix}-%"))
                                      .order_by(Pass.number.desc()).limit(1)):
            highest = parse_pass_number(number, prefix)
        current = counter_value(uow, issuer.code)
        if current is None:
            if highest == 0 and issuer.code != default:
                continue  # none of its numbers: its counter starts when it issues one
            count = session.scalar(select(func.count()).select_from(Pass)
                                   .where(Pass.number.like(f"{prefix}-%"))) or 0
            # what next_pass_number would start after, had the import not come first
            start = max(highest, _FIRST_SERIAL_BASE + int(count))
            session.add(Counter(name=name, value=start))
        elif highest > current:
            session.execute(update(Counter).where(Counter.name == name).values(value=highest))
    session.flush()


__all__ = ["TAKEOVER_RULE_SET", "counter_value", "counter_values", "lock_person_identity",
           "raise_counter", "refuse_against_register", "write_household"]
