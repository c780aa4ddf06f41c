"""``import_register``: take over the office's current list into the register."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from kpass.errors import InvalidInput, KpassError
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.household.identity import lock_person_identity
from kpass.services.register_import.mapping import Mapping, check_columns, load_mapping
from kpass.services.register_import.outcomes import (
    IMPORTED,
    READY,
    SKIPPED,
    ImportReport,
    Problem,
)
from kpass.services.register_import.planning import PlannedHousehold, plan_households
from kpass.services.register_import.reading import Table, read_table
from kpass.services.register_import.writing import (
    counter_values,
    raise_counter,
    refuse_against_register,
    write_household,
)
from kpass.services.search.streets import suggest_stadtteil
from kpass.services.uow import UnitOfWork

AUDIT_ACTION = "import_register"
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def read_import_file(path: Path, mapping: Mapping | Path | None = None) -> tuple[Table, Mapping]:
    """The file's rows and the mapping checked against its columns (for a preview; nothing
    of the register is read)."""
    if not isinstance(mapping, Mapping):
        mapping = load_mapping(mapping)
    table = read_table(path, separator=mapping.separator, sheet=mapping.sheet)
    check_columns(mapping, table.headers, table.name)
    return table, mapping


def _plan(database: Database, table: Table, mapping: Mapping,
          today: date) -> list[PlannedHousehold]:
    columns = check_columns(mapping, table.headers, table.name)
    found: dict[tuple[str, str], str | None] = {}

    def lookup(street: str, number: str) -> str | None:
        key = (street, number)
        if key not in found:
            found[key] = suggest_stadtteil(database, street, number)
        return found[key]

    return plan_households(table.rows, mapping, columns, today, lookup)


def _summary(uow: UnitOfWork, table: Table, planned: list[PlannedHousehold], *,
             partial: bool) -> None:
    imported = [p for p in planned if p.outcome.status == IMPORTED]
    uow.audit(
        AUDIT_ACTION, "register", None,
        file=table.name,
        rows=len(table.rows),
        households=len(imported),
        persons=sum(p.outcome.persons for p in imported),
        passes=sum(len(p.outcome.passes) for p in imported),
        skipped=sum(1 for p in planned if p.outcome.status == SKIPPED),
        to_check=sum(1 for p in planned if p.outcome.status not in (IMPORTED, SKIPPED, READY)),
        partial=partial,
    )


@requires(Permission.SETTINGS)
def import_register(
    database: Database,
    path: Path,
    mapping: Mapping | Path | None = None,
    *,
    dry_run: bool = False,
    partial: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportReport:
    """Check the file's households like the counter and take them over with their passes.

    All or nothing by default: one household skipped or to check and nothing is written
    (the report says why, for every row). ``partial``: each good household is written in a
    transaction of its own. ``dry_run``: everything is checked and written inside the
    transaction, which is then rolled back — the report is what a real run would do.
    A bad file or mapping raises :class:`InvalidInput` before the register is touched.

    ``progress(done, total)`` is called after each good household (from the thread that
    runs the import); ``cancelled()`` is asked before each one: when it says yes, all or
    nothing writes nothing (it is asked once more before the commit), ``partial`` keeps the
    households saved so far and leaves the rest "good, not saved" (``report.cancelled``).
    """
    today = today or date.today()
    table, mapping = read_import_file(path, mapping)
    if not table.rows:
        raise InvalidInput(f"{table.name}: the file holds no rows below the header.",
                           f"{table.name}: die Datei enthält unter der Kopfzeile keine Zeilen.")
    planned = _plan(database, table, mapping, today)
    good = [p for p in planned if p.good]
    total = len(good)
    stop = False
    committed = False
    imported_ids: set[int] = set()
    if partial:
        with UnitOfWork(database, write=False) as uow:
            handed_out = counter_values(uow)
        for done, household in enumerate(good):
            if cancelled is not None and cancelled():
                stop = True
                break
            with UnitOfWork(database) as uow:
                lock_person_identity(uow)
                refuse_against_register(uow, household, handed_out=handed_out,
                                        imported_person_ids=imported_ids)
                if household.good:
                    try:
                        ids = write_household(uow, household, file_name=table.name,
                                              today=today)
                    except KpassError as exc:
                        household.refuse(Problem(None, exc.message_de, exc.message_en))
                    else:
                        raise_counter(uow)
                        household.outcome.status = READY if dry_run else IMPORTED
                        if not dry_run:
                            _summary(uow, table, [household], partial=True)
                            uow.commit()
                            committed = True
                            imported_ids.update(ids)
            if progress is not None:
                progress(done + 1, total)
    else:
        with UnitOfWork(database) as uow:
            lock_person_identity(uow)
            handed_out = counter_values(uow)
            for household in good:
                refuse_against_register(uow, household, handed_out=handed_out,
                                        imported_person_ids=imported_ids)
            for done, household in enumerate(good):
                if cancelled is not None and cancelled():
                    stop = True
                    break
                if household.good:
                    try:
                        imported_ids.update(write_household(uow, household,
                                                            file_name=table.name, today=today))
                    except KpassError as exc:
                        household.refuse(Problem(None, exc.message_de, exc.message_en))
                if progress is not None:
                    progress(done + 1, total)
            # asked to stop while the last household was written: still nothing is kept
            if not stop and cancelled is not None and cancelled():
                stop = True
            everything = not stop and all(p.good for p in planned)
            if everything and not dry_run:
                raise_counter(uow)
                for household in planned:
                    household.outcome.status = IMPORTED
                _summary(uow, table, planned, partial=False)
                uow.commit()
                committed = True
        if not committed:
            for household in planned:
                if household.good:
                    household.outcome.status = READY
                    household.outcome.household_id = None
    if not committed or dry_run:
        for household in planned:
            if household.outcome.status != IMPORTED:
                household.outcome.household_id = None
    if partial and committed:
        with UnitOfWork(database) as uow:
            _summary(uow, table, planned, partial=True)
            uow.commit()
    return ImportReport(table.name, table.encoding_de, table.encoding_en, len(table.rows),
                        tuple(p.outcome for p in planned), dry_run, partial, committed, stop)
