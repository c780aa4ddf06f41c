"""The application form: what the household declared, for signing at the counter."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from kpass.documents.application_form import (
    ApplicationFormData,
    FormIncome,
    FormMember,
    FormNotice,
    render_application_form,
)
from kpass.errors import InvalidInput
from kpass.models import (
    Application,
    BenefitNotice,
    Person,
)
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.household.facts import (
    load_facts,
    members_on,
)
from kpass.services.printing.letter_data import address_lines
from kpass.services.printing.record import PrintResult, finish_print
from kpass.services.uow import UnitOfWork


@requires(Permission.PRINT)
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
            # the stored notices themselves: the facts for the rules carry no file number
            notices=tuple(
                FormNotice(n.kind, n.valid_from, n.valid_until, n.reference)
                for n in uow.session.scalars(
                    select(BenefitNotice)
                    .where(BenefitNotice.household_id == application.household_id)
                    .order_by(BenefitNotice.valid_from, BenefitNotice.id)
                )
                if (n.valid_until is None or n.valid_until >= month_start)
                and n.valid_from <= day
            ),
            proofs=tuple(application.proofs),
        )
    return finish_print(
        database,
        out,
        "application_form",
        {"application": application_id},
        1,
        lambda s: render_application_form(data, s),
        application_id=application_id,
    )
