"""Erasure on a person's request (Art. 17 DSGVO): the case-file rule, applied now, to them.

Refused, with the reason, while a pass of the person is valid or still to come, while the
retention duty of one of their households' case files holds (Art. 17 Abs. 3 lit. b and e
DSGVO), or while a household that stays needs their data. Otherwise their households'
case files go exactly as a retention run would delete them.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from kpass.errors import InvalidInput, KpassError
from kpass.models import HouseholdMember, Pass, PassValidity
from kpass.models.engine import Database
from kpass.models.register import Person
from kpass.services.access import Permission, requires
from kpass.services.retention import printed_files
from kpass.services.retention.case_files import select_case_files
from kpass.services.retention.deletion import delete_case_files
from kpass.services.retention.last_events import last_events, open_objection_households
from kpass.services.retention.runs import ERASE_ACTION, ERASED_PASSES, lock_case_files
from kpass.services.retention.schedule import HOUSEHOLD_FILE, RetentionClass, current_classes
from kpass.services.uow import UnitOfWork


class ErasureRefused(KpassError):
    """The person's data must be kept for now; the message says why and until when."""


@dataclass
class ErasureResult:
    person_id: int
    dry_run: bool
    counts: dict[str, int] = field(default_factory=dict)
    households: list[int] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"person": self.person_id, "dry_run": self.dry_run, "counts": self.counts,
                "households": self.households, "files": self.files}


def period_end(rule: RetentionClass, last: date) -> date:
    """The last day of the duty for data whose last event was ``last``."""
    start = date(last.year, 12, 31) if rule.counted_from == "end_of_year" else last
    if rule.unit == "days":
        return start + timedelta(days=rule.amount)
    months = start.year * 12 + start.month - 1 + (
        rule.amount * 12 if rule.unit == "years" else rule.amount)
    year, month = divmod(months, 12)
    month += 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _refuse(en: list[str], de: list[str]) -> ErasureRefused:
    return ErasureRefused(
        "The data cannot be erased now: " + "; ".join(en) + ".",
        "Die Daten können jetzt nicht gelöscht werden: " + "; ".join(de) + ".",
    )


@requires(Permission.ERASE)
def erase_person(
    database: Database,
    person_id: int,
    *,
    today: date | None = None,
    dry_run: bool = False,
    outbox: Path | None = None,
) -> ErasureResult:
    """Erase the person and their households' case files, or raise :class:`ErasureRefused`."""
    today = today or date.today()
    result = ErasureResult(person_id, dry_run)
    with UnitOfWork(database) as uow:
        session = uow.session
        if session.get(Person, person_id) is None:
            raise InvalidInput(f"There is no person with id {person_id}.",
                               f"Es gibt keine Person mit der ID {person_id}.")
        households = sorted(set(session.scalars(
            select(HouseholdMember.household_id).where(HouseholdMember.person_id == person_id))))
        rule = current_classes(session)[HOUSEHOLD_FILE]
        lock_case_files(uow, dict.fromkeys(households, today))
        en: list[str] = []
        de: list[str] = []
        for number, until in session.execute(
            select(Pass.number, func.max(PassValidity.valid_until))
            .join(PassValidity, PassValidity.pass_id == Pass.id)
            .where(Pass.person_id == person_id, Pass.status == "active")
            .group_by(Pass.number)
            .having(func.max(PassValidity.valid_until) >= today)
        ):
            en.append(f"pass {number} is valid until {until:%d.%m.%Y}")
            de.append(f"der Pass {number} gilt bis {until:%d.%m.%Y}")
        last = last_events(session, households)
        for household in sorted(open_objection_households(session) & set(households)):
            en.append(f"an objection of household {household} is still open")
            de.append(f"ein Widerspruch des Haushalts {household} ist noch nicht entschieden")
        for household in households:
            if last[household] >= rule.cutoff(today):
                end = period_end(rule, last[household])
                en.append(f"the case file of household {household} must be kept until "
                          f"{end:%d.%m.%Y} ({rule.label}: {rule.period_de()})")
                de.append(f"die Fallakte des Haushalts {household} ist bis {end:%d.%m.%Y} "
                          f"aufzubewahren ({rule.label}: {rule.period_de()})")
        if en:
            raise _refuse(en, de)
        files = select_case_files(session, {h: last[h] for h in households})
        if not households:
            files.persons.add(person_id)  # in no household: only the person's own rows
        for household in sorted(files.held_back):
            en.append(f"household {household} shares a pass, an application or a notice with "
                      "a household whose case file is kept")
            de.append(f"der Haushalt {household} teilt einen Pass, einen Antrag oder einen "
                      "Leistungsbescheid mit einem Haushalt, dessen Fallakte aufbewahrt wird")
        if en:
            raise _refuse(en, de)
        counts, print_names = delete_case_files(session, files)
        result.counts, result.households = counts, sorted(files.households)
        doomed = printed_files.named_files(outbox, print_names)
        result.files = [path.name for path in doomed]
        if dry_run:
            return result
        uow.audit(ERASE_ACTION, "person", person_id, request="Art. 17 DSGVO",
                  households=result.households, counts=counts,
                  **{ERASED_PASSES: sorted(files.passes)})
        uow.commit()
    printed_files.remove(doomed)
    return result

