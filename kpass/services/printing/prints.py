"""Printing: pass cards, A4 card sheets, decision letters and renewal reminders as PDF.

Each print records who printed what, so a re-print is visible, and holds the database only
for moments, not while it draws (a sheet of a thousand cards takes a quarter of a minute,
and the counter must keep working meanwhile):

1. what the document shows is read in one short read transaction;
2. the PDF is drawn outside any transaction, into a temporary file beside the target
   (:func:`kpass.documents.output.prepare_document`);
3. one short write transaction checks that the passes may still be printed, adds the print
   record, its references and the audit event, renames the file into place and commits.

So there is never a print record without its file: when the rename fails, the transaction
is rolled back; nor a file without its record: when recording or the commit fails, the
temporary file is removed, or the renamed file deleted. (Only a crash of the machine in the
instant between rename and commit could leave a file without a record; the other order
would leave records of prints that do not exist.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from sqlalchemy import and_, insert, or_, select

from kpass.atomic_file import PreparedFile, protect
from kpass.documents import (
    CardData,
    render_card_sheet,
    render_cards,
    render_decision_letter,
    render_renewal_reminders,
)
from kpass.documents.application_form import (
    ApplicationFormData,
    FormIncome,
    FormMember,
    FormNotice,
    render_application_form,
)
from kpass.documents.output import install_document, prepare_document
from kpass.errors import InvalidInput
from kpass.models import (
    Application,
    Decision,
    Pass,
    PassValidity,
    Person,
    PersonPhoto,
    PrintRecord,
    PrintReference,
    SigningKey,
)
from kpass.models.engine import Database
from kpass.services.admin.signing_keys import ActiveKey, draft_key, find_active_key, save_key
from kpass.services.household.facts import (
    load_facts,
    members_on,
)
from kpass.services.passes.actions import find_pass
from kpass.services.passes.queries import list_passes
from kpass.services.printing.letter_data import address_lines, decision_letter_data, reminder_data
from kpass.services.uow import UnitOfWork
from kpass.signing import PassFields, sign_payload

_PAGE = re.compile(rb"/Type\s*/Page(?!s)")
T = TypeVar("T")


@dataclass(frozen=True)
class PrintResult:
    path: Path
    pages: int
    count: int


def _finish(
    database: Database,
    out: Path,
    kind: str,
    subject: dict[str, Any],
    count: int,
    render: Callable[[BinaryIO], None],
    *,
    pass_ids: Sequence[int] = (),
    decision_id: int | None = None,
    application_id: int | None = None,
    still_printable: Callable[[UnitOfWork], None] | None = None,
    new_key: SigningKey | None = None,
) -> PrintResult:
    """Draw outside any transaction, then record and put the file in place in one short
    write transaction (see the module's docstring)."""
    if database.sqlite_path is not None:
        protect(database.sqlite_path)  # a print never replaces the register itself
    with prepare_document(out, render) as prepared:
        pages = len(_PAGE.findall(prepared.read_bytes()))
        with UnitOfWork(database) as uow:
            if still_printable is not None:
                still_printable(uow)
            if new_key is not None:  # the database's first key, signed with just now
                save_key(uow, new_key)
            record = PrintRecord(
                user_id=uow.user_id(), kind=kind, subject=subject, pages=pages, file_name=out.name
            )
            uow.session.add(record)
            uow.session.flush()
            references = [{"print_id": record.id, "pass_id": i} for i in dict.fromkeys(pass_ids)]
            if decision_id is not None:
                references.append({"print_id": record.id, "decision_id": decision_id})
            if application_id is not None:
                references.append({"print_id": record.id, "application_id": application_id})
            if references:
                uow.session.execute(insert(PrintReference), references)
            # A month's reminders name thousands of passes; print_reference has them all.
            audited = dict(subject)
            if len(audited.get("passes", ())) > 20:
                audited["passes"] = len(audited["passes"])
            uow.audit("print", kind, None, **audited, pages=pages)
            uow.session.flush()
            _install(prepared, uow)
    return PrintResult(out, pages, count)


def _install(prepared: PreparedFile, uow: UnitOfWork) -> None:
    """Rename the file into place, then commit; a failed rename rolls the record back (the
    exception leaves the unit of work uncommitted), a failed commit deletes the file."""
    install_document(prepared)
    try:
        uow.commit()
    except BaseException:
        prepared.path.unlink(missing_ok=True)
        raise


def _read(database: Database, load: Callable[[UnitOfWork], T]) -> T:
    """``load`` in one short read transaction; what it returns must not need the session."""
    with UnitOfWork(database, write=False) as uow:
        return load(uow)


def _ended_by(today: date) -> Any:
    """Passes that are no longer valid on ``today``: a revocation dated later leaves the
    pass valid (and its card printable) until then."""
    return and_(
        Pass.status != "active", or_(Pass.revoked_on.is_(None), Pass.revoked_on <= today)
    )


def _still_active(pass_ids: Sequence[int], today: date) -> Callable[[UnitOfWork], None]:
    """A check, in the recording transaction, that no pass was revoked or replaced while
    its card was being drawn."""

    def check(uow: UnitOfWork) -> None:
        for number, status in uow.session.execute(
            select(Pass.number, Pass.status).where(
                Pass.id.in_(list(pass_ids)), _ended_by(today)
            )
        ):
            raise InvalidInput(
                f"Pass {number} was {status} while its card was being made; nothing was "
                "printed.",
                f"Der Pass {number} wurde während des Drucks "
                f"{'gesperrt' if status == 'revoked' else 'ersetzt'}; es wurde nichts gedruckt.",
            )

    return check


def _current_periods(uow: UnitOfWork, pass_ids: list[int]) -> dict[int, tuple[date, date]]:
    """Per pass: the latest validity, reaching back over renewals that continue it.

    A renewed card is handed out before its new period starts; its QR must say it is valid
    from the start of the unbroken run, or a partner would turn it away until the 1st.
    """
    periods: dict[int, tuple[date, date]] = {}
    for validity in uow.session.scalars(
        select(PassValidity)
        .where(PassValidity.pass_id.in_(pass_ids))
        .order_by(PassValidity.pass_id, PassValidity.valid_from)
    ):
        previous = periods.get(validity.pass_id)
        if previous is not None and previous[1] + timedelta(days=1) >= validity.valid_from:
            periods[validity.pass_id] = (previous[0], validity.valid_until)
        else:
            periods[validity.pass_id] = (validity.valid_from, validity.valid_until)
    return periods


def printable_periods(
    uow: UnitOfWork, cards: Sequence[Pass], today: date
) -> dict[int, tuple[date, date]]:
    """The period each card states; :class:`InvalidInput` for a card that may not be printed
    (revoked, replaced, expired)."""
    periods = _current_periods(uow, [c.id for c in cards])
    for card in cards:
        pending = card.status == "revoked" and card.revoked_on is not None
        if pending and card.revoked_on is not None and card.revoked_on > today:
            # revoked from a later day: the card states the last day it is valid
            valid_from, valid_until = periods[card.id]
            last = card.revoked_on - timedelta(days=1)
            periods[card.id] = (valid_from, min(valid_until, last))
        elif card.status != "active":
            raise InvalidInput(
                f"Pass {card.number} is {card.status}; it cannot be printed.",
                f"Der Pass {card.number} ist "
                f"{'gesperrt' if card.status == 'revoked' else 'ersetzt'} und kann nicht "
                "gedruckt werden.",
            )
        valid_until = periods[card.id][1]
        if valid_until < today:
            raise InvalidInput(
                f"Pass {card.number} expired on {valid_until:%d.%m.%Y}.",
                f"Der Pass {card.number} ist seit {valid_until:%d.%m.%Y} abgelaufen.",
            )
    return periods


def card_data(
    uow: UnitOfWork, cards: Sequence[Pass], key: ActiveKey, today: date
) -> list[CardData]:
    """What each card shows, with its signed QR payload (batched queries)."""
    periods = printable_periods(uow, cards, today)
    person_ids = [c.person_id for c in cards]
    persons = {
        p.id: p for p in uow.session.scalars(select(Person).where(Person.id.in_(person_ids)))
    }
    photos = {
        p.person_id: p.image
        for p in uow.session.scalars(
            select(PersonPhoto).where(PersonPhoto.person_id.in_(person_ids))
        )
    }
    result = []
    for card in cards:
        valid_from, valid_until = periods[card.id]
        person = persons[card.person_id]
        fields = PassFields.for_holder(
            number=card.number,
            pass_type=card.pass_type,
            given_names=person.given_names,
            family_name=person.family_name,
            birth_date=person.birth_date,
            valid_from=valid_from,
            valid_until=valid_until,
        )
        result.append(
            CardData(
                card.number,
                card.pass_type,
                person.family_name,
                person.given_names,
                person.birth_date,
                valid_from,
                valid_until,
                photos.get(person.id),
                sign_payload(fields, key.private_key_pem, key.key_id),
            )
        )
    return result


def print_cards(
    database: Database,
    numbers: Sequence[str],
    out: Path,
    *,
    sheet: bool = False,
    back_side: bool = False,
    today: date | None = None,
) -> PrintResult:
    """ID-1 cards (one per page) or, with ``sheet``, A4 sheets of ten."""
    if not numbers:
        raise InvalidInput("No pass numbers given.", "Keine Passnummern angegeben.")
    day = today or date.today()
    new_key: SigningKey | None = None

    def load(uow: UnitOfWork) -> tuple[list[CardData], list[str], list[int]]:
        nonlocal new_key
        cards = [find_pass(uow, number) for number in numbers]
        printable_periods(uow, cards, day)  # refused before any key is made
        key = find_active_key(uow)
        if key is None:  # the database's first print: its key is stored with the record
            new_key, key = draft_key()
        data = card_data(uow, cards, key, day)
        return data, [c.number for c in cards], [c.id for c in cards]

    data, card_numbers, pass_ids = _read(database, load)
    render: Callable[[BinaryIO], None] = (
        (lambda s: render_card_sheet(data, s, back_side=back_side))
        if sheet
        else (lambda s: render_cards(data, s, back_side=back_side))
    )
    return _finish(
        database,
        out,
        "sheet" if sheet else "card",
        {"passes": card_numbers},
        len(card_numbers),
        render,
        pass_ids=pass_ids,
        still_printable=_still_active(pass_ids, day),
        new_key=new_key,
    )


def passes_issued_on(database: Database, day: date) -> list[str]:
    """Numbers of passes issued, renewed or replaced on ``day`` (for the day's sheet)."""
    statement = (
        select(Pass.number)
        .join(PassValidity, PassValidity.pass_id == Pass.id)
        .join(Decision, Decision.id == PassValidity.decision_id)
        .where(
            ~_ended_by(day),
            or_(
                and_(PassValidity.kind != "replacement", Decision.decided_on == day),
                and_(PassValidity.kind == "replacement", PassValidity.valid_from == day),
            ),
        )
        .group_by(Pass.number)
        .order_by(Pass.number)
    )
    with UnitOfWork(database, write=False) as uow:
        return list(uow.session.scalars(statement))


def print_sheet_issued_on(database: Database, day: date, out: Path) -> PrintResult:
    numbers = passes_issued_on(database, day)
    if not numbers:
        raise InvalidInput(
            f"No passes were issued on {day:%d.%m.%Y}.",
            f"Am {day:%d.%m.%Y} wurden keine Pässe ausgestellt.",
        )
    return print_cards(database, numbers, out, sheet=True, today=day)


def print_decision_letter(
    database: Database,
    decision_id: int,
    out: Path,
    *,
    representative: str | None = None,
    letter_date: date | None = None,
) -> PrintResult:
    """The Bescheid for a decision, to the applicant (or a Betreuer/in named here)."""
    with UnitOfWork(database, write=False) as uow:
        data = decision_letter_data(
            uow, decision_id, representative=representative, letter_date=letter_date
        )
    return _finish(
        database,
        out,
        "letter",
        {"decision": decision_id},
        1,
        lambda s: render_decision_letter(data, s),
        decision_id=decision_id,
    )


def print_renewal_reminders(
    database: Database, year: int, month: int, out: Path, *, letter_date: date | None = None
) -> PrintResult:
    """One reminder per pass expiring in the month, to the holder or a child's applicant."""
    rows = list_passes(database, expiring_in=(year, month), limit=1_000_000)
    if not rows:
        raise InvalidInput(
            f"No passes expire in {month:02d}/{year}.",
            f"Im Monat {month:02d}/{year} laufen keine Pässe ab.",
        )
    day = letter_date or date.today()
    with UnitOfWork(database, write=False) as uow:
        reminders = [reminder_data(uow, row, letter_date=day) for row in rows]
    return _finish(
        database,
        out,
        "renewals",
        # The numbers let each household's history show its reminder.
        {"month": f"{year:04d}-{month:02d}", "passes": [r.number for r in rows]},
        len(reminders),
        lambda s: render_renewal_reminders(reminders, s),
        pass_ids=[r.pass_id for r in rows],
    )


def print_application_form(database: Database, application_id: int, out: Path) -> PrintResult:
    """The form the applicant signs: what was recorded, the declaration, data protection."""
    with UnitOfWork(database, write=False) as uow:
        application = uow.session.get(Application, application_id)
        if application is None:
            raise InvalidInput(
                f"There is no application {application_id}.",
                f"Es gibt keinen Antrag {application_id}.",
            )
        day = application.application_date
        facts = load_facts(uow.session, application.household_id)
        present = members_on(facts, day)
        persons = {
            p.id: p
            for p in uow.session.scalars(
                select(Person).where(Person.id.in_([m.person_id for m in present]))
            )
        }

        def name(person_id: int) -> str:
            person = persons[person_id]
            return f"{person.given_names} {person.family_name}"

        applicant = persons[application.applicant_person_id]
        recipient = address_lines(uow, applicant, day)
        address_line = ", ".join(recipient[1:]) or "ohne Anschrift"
        month_start = day.replace(day=1)
        data = ApplicationFormData(
            recipient_lines=recipient,
            address_line=address_line,
            application_date=day,
            file_reference=f"KP-{application.household_id}-A{application.id}",
            members=tuple(
                FormMember(name(m.person_id), m.birth_date, m.role)
                for m in sorted(present, key=lambda m: (m.role != "applicant", m.birth_date))
            ),
            incomes=tuple(
                FormIncome(name(i.person_id), i.kind, i.amount, i.period)
                for i in facts.incomes
                if i.person_id in persons
                and i.valid_from <= day
                and (i.valid_until is None or i.valid_until >= day)
            ),
            notices=tuple(
                FormNotice(n.kind, n.valid_from, n.valid_until, "")
                for n in facts.notices
                if (n.valid_until is None or n.valid_until >= month_start)
                and n.valid_from <= day
            ),
            proofs=tuple(application.proofs),
        )
    return _finish(
        database,
        out,
        "application_form",
        {"application": application_id},
        1,
        lambda s: render_application_form(data, s),
        application_id=application_id,
    )
