"""``export_person``: the Art. 15 report of one person as a PDF or a JSON file, audited.

Like a print (:mod:`kpass.services.printing.record`): the data is read in one short read
transaction, the file is written outside any transaction into a temporary file beside the
target (mode 0600, it is personal data), and one short write transaction records the export
in the audit trail, renames the file into place and commits. So there is no file without
its audit event and no event without its file (only a crash in the instant between rename
and commit could leave a file without an event).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Literal

from kpass.atomic_file import Kind, protect
from kpass.documents.output import install_document, prepare_document
from kpass.documents.subject_report import render_subject_report
from kpass.errors import InvalidInput
from kpass.models.base import utcnow
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.privacy.json_form import dumps_report
from kpass.services.privacy.subject_access import subject_access_report
from kpass.services.uow import UnitOfWork

ExportFormat = Literal["pdf", "json"]
#: the file name's ending → the format written
EXPORT_FORMATS: dict[str, ExportFormat] = {".pdf": "pdf", ".json": "json"}
#: the audit trail's action of an export
EXPORT_ACTION = "export_person"


@dataclass(frozen=True)
class SubjectExport:
    path: Path
    format: ExportFormat
    counts: Mapping[str, int]  # how many items of each kind the file holds


def export_format(path: Path) -> ExportFormat:
    """The format ``path`` asks for by its ending; :class:`InvalidInput` (exit code 2)
    for any other."""
    found = EXPORT_FORMATS.get(path.suffix.lower())
    if found is None:
        raise InvalidInput(
            f"{path.name!r}: the information for a data subject is written as a PDF "
            "(readable) or a JSON file (machine-readable); the file name must end in .pdf or "
            ".json.",
            f"{path.name!r}: Die Auskunft wird als PDF (lesbar) oder als JSON-Datei "
            "(maschinenlesbar) geschrieben; bitte den Dateinamen auf .pdf oder .json enden "
            "lassen.",
        )
    return found


# A caseworker's task, not a supervisor's: a request under Art. 15 is made at the counter
# and must be answered without undue delay (Art. 12 Abs. 3 DSGVO). It reads one person,
# whose household, history and changes the caseworker sees anyway (READ_REGISTER), so it is
# no bulk read (BULK_READ is for lists of many persons); the audit event makes every
# export visible to the supervisors.
@requires(Permission.READ_REGISTER)
def export_person(
    database: Database, person_id: int, out: Path, *, now: datetime | None = None
) -> SubjectExport:
    """Write everything stored about person ``person_id`` to ``out`` (``.pdf``: the German
    letter "Auskunft nach Art. 15 DSGVO"; ``.json``: the machine-readable form) and record
    the export (format and counts, not the content) in the audit trail.

    :class:`InvalidInput` for another ending, an unknown person is refused
    (``UnknownPerson``, exit code 1), :class:`~kpass.documents.DocumentError` when the file
    cannot be written.
    """
    chosen = export_format(out)
    if database.sqlite_path is not None:
        protect(database.sqlite_path)  # an export never replaces the register itself
    with UnitOfWork(database, write=False) as uow:
        report = subject_access_report(uow, person_id, now or utcnow())
    counts = report.counts()

    def produce(stream: BinaryIO) -> None:
        if chosen == "pdf":
            render_subject_report(report, stream)
        else:
            stream.write(dumps_report(report))

    kind: Kind = "pdf" if chosen == "pdf" else "text"
    with prepare_document(out, produce, kind) as prepared, UnitOfWork(database) as uow:
        # the action spelled out: tests find every recorded action's label by its literal
        uow.audit("export_person", "person", person_id, format=chosen, **counts)
        uow.session.flush()
        install_document(prepared)  # a failed rename leaves the event uncommitted
        try:
            uow.commit()
        except BaseException:
            prepared.path.unlink(missing_ok=True)
            raise
    return SubjectExport(out, chosen, counts)
