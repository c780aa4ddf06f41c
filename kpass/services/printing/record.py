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
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from sqlalchemy import insert

from kpass.atomic_file import PreparedFile, protect
from kpass.documents.output import install_document, prepare_document
from kpass.models import (
    PrintRecord,
    PrintReference,
    SigningKey,
)
from kpass.models.engine import Database
from kpass.services.admin.signing_keys import save_key
from kpass.services.uow import UnitOfWork

_PAGE = re.compile(rb"/Type\s*/Page(?!s)")

T = TypeVar("T")

@dataclass(frozen=True)
class PrintResult:
    path: Path
    pages: int
    count: int

def finish_print(
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

def read_for_print(database: Database, load: Callable[[UnitOfWork], T]) -> T:
    """``load`` in one short read transaction; what it returns must not need the session."""
    with UnitOfWork(database, write=False) as uow:
        return load(uow)
