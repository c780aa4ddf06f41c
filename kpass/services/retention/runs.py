"""``kpass retention run``: every deletion class applied in one transaction.

A dry run does exactly the same work and rolls it back, so its counts are the counts a real
run would have; it writes nothing, removes no file and records nothing in the trail. A real
run records one event with the rule of each class, its cutoff and its counts, and the ids
of the passes it deleted (so ``kpass audit verify`` knows they went by rule, not behind
kpass's back) — never a name or any other deleted content. The outbox's files are removed
after the commit: a failed run leaves every file where it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kpass.models import HouseholdMember
from kpass.models.engine import Database
from kpass.services.access import Permission, requires
from kpass.services.audit.pass_records import ERASED_PASSES as ERASED_PASSES
from kpass.services.audit.pass_records import ERASING_ACTIONS
from kpass.services.passes.row_locks import lock_persons
from kpass.services.retention import printed_files
from kpass.services.retention.case_files import (
    CaseFiles,
    due_households,
    rows_in,
    select_case_files,
)
from kpass.services.retention.deletion import (
    delete_case_files,
    delete_ended_proofs,
    delete_photos,
    photos_due,
)
from kpass.services.retention.schedule import (
    HOUSEHOLD_FILE,
    PHOTOS,
    PRINTED_FILES,
    PROOFS,
    RetentionClass,
    current_classes,
)
from kpass.services.uow import UnitOfWork

RETENTION_ACTION, ERASE_ACTION = ERASING_ACTIONS


@dataclass(frozen=True)
class ClassResult:
    rule: RetentionClass
    cutoff: date
    counts: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        return {"class": self.rule.key, "label": self.rule.label,
                "period": {self.rule.unit: self.rule.amount},
                "counted_from": self.rule.counted_from, "cutoff": self.cutoff.isoformat(),
                "reason": self.rule.reason, "counts": self.counts}


@dataclass
class RetentionReport:
    today: date
    dry_run: bool
    classes: list[ClassResult] = field(default_factory=list)
    #: household id -> day of its last event, for the households deleted (or to be)
    households: dict[int, date] = field(default_factory=dict)
    #: due by their own dates but needed by a kept household
    held_back: dict[int, date] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """What was (or would be) deleted, all classes together."""
        return sum(count for result in self.classes for key, count in result.counts.items()
                   if key != "held_back")

    def of(self, key: str) -> ClassResult:
        return next(result for result in self.classes if result.rule.key == key)

    def as_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(), "dry_run": self.dry_run,
            "classes": [result.as_json() for result in self.classes],
            "households": [{"id": h, "last_event": d.isoformat()}
                           for h, d in sorted(self.households.items())],
            "held_back": [{"id": h, "last_event": d.isoformat()}
                          for h, d in sorted(self.held_back.items())],
            "files": self.files,
        }


def lock_case_files(uow: UnitOfWork, due: dict[int, date]) -> None:
    """Lock the persons of the due households (ascending, as every use case does) so that
    a seat deciding for one of them waits, or this run sees its decision."""
    if not uow.database.is_sqlite and due:
        lock_persons(uow, [person for (person,) in rows_in(
            uow.session, select(HouseholdMember.person_id), HouseholdMember.household_id, due)])


def audit_details(files: CaseFiles, results: list[ClassResult], today: date) -> dict[str, Any]:
    return {
        "today": today.isoformat(),
        "classes": {r.rule.key: {"period": {r.rule.unit: r.rule.amount},
                                 "counted_from": r.rule.counted_from,
                                 "cutoff": r.cutoff.isoformat(), "counts": r.counts}
                    for r in results},
        ERASED_PASSES: sorted(files.passes),
    }


def _case_files(uow: UnitOfWork, rule: RetentionClass, cutoff: date) -> CaseFiles:
    session: Session = uow.session
    due = due_households(session, cutoff)
    if due and not uow.database.is_sqlite:
        lock_case_files(uow, due)
        due = due_households(session, cutoff, due)  # again, now that nobody can add to them
    return select_case_files(session, due)


@requires(Permission.RETENTION)
def run_retention(
    database: Database,
    *,
    today: date | None = None,
    dry_run: bool = False,
    outbox: Path | None = None,
) -> RetentionReport:
    """Apply the Löschkonzept on ``today``: case files, ended proofs, photos, and the PDFs
    in ``outbox`` (a seat's print folder; None: no files)."""
    today = today or date.today()
    report = RetentionReport(today, dry_run)
    with UnitOfWork(database) as uow:
        session = uow.session
        classes = current_classes(session)
        # the classes with shorter periods first: what they delete can no longer hold a
        # case file back, so a second run on the same day finds nothing more to do
        proofs = classes[PROOFS]
        report.classes.append(ClassResult(
            proofs, proofs.cutoff(today), delete_ended_proofs(session, proofs.cutoff(today))))

        photos = classes[PHOTOS]
        removed = delete_photos(session, photos_due(session, photos.cutoff(today)))
        report.classes.append(ClassResult(photos, photos.cutoff(today), {"photos": removed}))

        rule = classes[HOUSEHOLD_FILE]
        cutoff = rule.cutoff(today)
        files = _case_files(uow, rule, cutoff)
        counts, print_names = delete_case_files(session, files)
        report.households, report.held_back = files.households, files.held_back
        counts["held_back"] = len(files.held_back)
        report.classes.append(ClassResult(rule, cutoff, counts))

        printed = classes[PRINTED_FILES]
        doomed = {*printed_files.named_files(outbox, print_names),
                  *printed_files.old_files(outbox, printed.cutoff(today))}
        report.files = sorted(path.name for path in doomed)
        report.classes.append(ClassResult(printed, printed.cutoff(today),
                                          {"files": len(doomed)}))
        if dry_run:
            return report  # rolled back by the unit of work
        uow.audit(RETENTION_ACTION, "register", None, **audit_details(files, report.classes,
                                                                       today))
        uow.commit()
    printed_files.remove(sorted(doomed))
    return report

