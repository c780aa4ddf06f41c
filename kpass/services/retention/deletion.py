"""Deleting what the schedule selected, table by table, inside the caller's transaction.

Rows are deleted, not blanked: a deleted person cannot be found, matched as a duplicate or
printed by mistake. The statistics table holds no link to any of these rows and is not
touched; the audit trail keeps its events (ids, dates and amounts, never names) and
gains one event naming the rule and the counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from kpass.models import (
    Application,
    BenefitNotice,
    BenefitNoticePerson,
    Decision,
    Household,
    HouseholdAddress,
    HouseholdMember,
    Income,
    Pass,
    PassValidity,
    PersonDistinction,
    PersonPhoto,
    PersonSearchToken,
    PrintRecord,
    PrintReference,
)
from kpass.models.register import Person
from kpass.services.retention.case_files import CaseFiles, chunks, rows_in


def _delete_in(session: Session, table: Any, column: Any, ids: Iterable[int]) -> int:
    removed = 0
    for part in chunks(ids):
        result = session.execute(delete(table).where(column.in_(part)))
        removed += int(result.rowcount or 0)  # type: ignore[attr-defined]
    return removed


def delete_case_files(session: Session, files: CaseFiles) -> tuple[dict[str, int], list[str]]:
    """Delete ``files``; the counts per kind and the file names of the prints that went."""
    counts: dict[str, int] = {}
    prints = _prints_of(session, files)
    for column, ids in ((PrintReference.pass_id, files.passes),
                        (PrintReference.decision_id, files.decisions),
                        (PrintReference.application_id, files.applications)):
        _delete_in(session, PrintReference, column, ids)
    still_shown = {print_id for (print_id,) in rows_in(
        session, select(PrintReference.print_id).distinct(), PrintReference.print_id, prints)}
    emptied = [
        (print_id, name) for print_id, name in rows_in(
            session, select(PrintRecord.id, PrintRecord.file_name), PrintRecord.id, prints)
        if print_id not in still_shown
    ]
    counts["prints"] = _delete_in(session, PrintRecord, PrintRecord.id,
                                  [print_id for print_id, _ in emptied])
    _delete_in(session, PassValidity, PassValidity.pass_id, files.passes)
    for part in chunks(files.passes):  # a replacement refers to the pass it replaced
        session.execute(update(Pass).where(Pass.id.in_(part)).values(replaces_pass_id=None))
    counts["passes"] = _delete_in(session, Pass, Pass.id, files.passes)
    counts["decisions"] = _delete_in(session, Decision, Decision.id, files.decisions)
    counts["applications"] = _delete_in(session, Application, Application.id,
                                        files.applications)
    _delete_in(session, BenefitNoticePerson, BenefitNoticePerson.notice_id, files.notices)
    _delete_in(session, BenefitNoticePerson, BenefitNoticePerson.person_id, files.persons)
    counts["notices"] = _delete_in(session, BenefitNotice, BenefitNotice.id, files.notices)
    counts["incomes"] = _delete_in(session, Income, Income.person_id, files.persons)
    _delete_in(session, HouseholdMember, HouseholdMember.household_id, files.households)
    _delete_in(session, HouseholdAddress, HouseholdAddress.household_id, files.households)
    counts["households"] = _delete_in(session, Household, Household.id, files.households)
    counts["photos"] = _delete_in(session, PersonPhoto, PersonPhoto.person_id, files.persons)
    _delete_in(session, PersonSearchToken, PersonSearchToken.person_id, files.persons)
    for part in chunks(files.persons):
        session.execute(delete(PersonDistinction).where(or_(
            PersonDistinction.person_id.in_(part), PersonDistinction.other_person_id.in_(part))))
    counts["persons"] = _delete_in(session, Person, Person.id, files.persons)
    session.expire_all()
    return counts, [name for _, name in emptied]


def _prints_of(session: Session, files: CaseFiles) -> set[int]:
    found: set[int] = set()
    for column, ids in ((PrintReference.pass_id, files.passes),
                        (PrintReference.decision_id, files.decisions),
                        (PrintReference.application_id, files.applications)):
        found.update(print_id for (print_id,) in rows_in(
            session, select(PrintReference.print_id), column, ids))
    return found


def delete_ended_proofs(session: Session, cutoff: date) -> dict[str, int]:
    """Incomes and benefit notices whose validity ended before ``cutoff``."""
    notices = list(session.scalars(
        select(BenefitNotice.id).where(BenefitNotice.valid_until < cutoff)))
    _delete_in(session, BenefitNoticePerson, BenefitNoticePerson.notice_id, notices)
    removed_notices = _delete_in(session, BenefitNotice, BenefitNotice.id, notices)
    incomes = session.execute(delete(Income).where(Income.valid_until < cutoff))
    return {"incomes": int(incomes.rowcount or 0),  # type: ignore[attr-defined]
            "notices": removed_notices}


def photos_due(session: Session, cutoff: date) -> list[int]:
    """Persons whose photo is older than ``cutoff`` and who hold no pass valid on or after
    it (a photo is kept while it may still be printed on a card)."""
    still_valid = (
        select(Pass.person_id)
        .join(PassValidity, PassValidity.pass_id == Pass.id)
        .where(PassValidity.valid_until >= cutoff)
    )
    taken_before = datetime.combine(cutoff, datetime.min.time()).astimezone()
    return list(session.scalars(
        select(PersonPhoto.person_id)
        .where(PersonPhoto.updated_at < taken_before, PersonPhoto.person_id.not_in(still_valid))
        .order_by(PersonPhoto.person_id)
    ))


def delete_photos(session: Session, persons: Iterable[int]) -> int:
    return _delete_in(session, PersonPhoto, PersonPhoto.person_id, persons)
