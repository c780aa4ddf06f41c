"""Decision letters and renewal reminders (DIN 5008 letters)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kpass.documents import (
    render_decision_letter,
    render_renewal_reminders,
)
from kpass.errors import InvalidInput
from kpass.models import Decision
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.approvals.gate import refuse_unless_released
from kpass.services.passes.queries import list_passes
from kpass.services.printing.letter_data import decision_letter_data, reminder_data
from kpass.services.printing.letterhead import issuer_letter_settings
from kpass.services.printing.record import PrintResult, finish_print
from kpass.services.uow import UnitOfWork


@requires(Permission.PRINT)
def print_decision_letter(
    database: Database,
    decision_id: int,
    out: Path,
    *,
    representative: str | None = None,
    letter_date: date | None = None,
) -> PrintResult:
    """The Bescheid for a decision, to the applicant (or a Betreuer/in named here); refused
    while the decision waits for a supervisor (four-eyes rule) or was returned."""
    with UnitOfWork(database, write=False) as uow:
        refuse_unless_released(uow.session, [decision_id])
        data = decision_letter_data(
            uow, decision_id, representative=representative, letter_date=letter_date
        )
        decision = uow.session.get(Decision, decision_id)
        settings = issuer_letter_settings(decision.issuer if decision is not None else None)
    return finish_print(
        database,
        out,
        "letter",
        {"decision": decision_id},
        1,
        lambda s: render_decision_letter(data, s, settings),
        decision_id=decision_id,
        still_printable=lambda uow: refuse_unless_released(uow.session, [decision_id]),
    )

@requires(Permission.PRINT)
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
    return finish_print(
        database,
        out,
        "renewals",
        # The numbers let each household's history show its reminder.
        {"month": f"{year:04d}-{month:02d}", "passes": [r.number for r in rows]},
        len(reminders),
        lambda s: render_renewal_reminders(reminders, s),
        pass_ids=[r.pass_id for r in rows],
    )
