"""``--out`` never replaces the register, nor a file of another kind, and leaves no copies.

The one atomic writer (kpass.atomic_file) refuses the open SQLite database and its -wal,
-shm and -journal files (by resolved path and by inode, so links do not slip through), and
replaces an existing file only with an output of its own kind: a PDF only a PDF, an XLSX
only a ZIP, a CSV/JSON/key file only a text file; an empty file may always be replaced.
Its temporary file is private (0600) and removed on any exception, a KeyboardInterrupt
included. Every ``--out`` of the command line goes through it.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import zipfile
from datetime import date, timedelta
from pathlib import Path
from typing import BinaryIO

import pytest
from sqlalchemy import func, select

from kpass.atomic_file import OutputRefused, prepare_file, protect, replace_bytes, replace_file
from kpass.cli import main
from kpass.models import PrintRecord, SigningKey
from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes
from kpass.services.printing import cards as printing
from kpass.services.uow import UnitOfWork
from tests.register_builder import add_household, add_income, household_of

PDF = b"%PDF-1.4\n%\x93\x8c\n1 0 obj\n<<>>\nendobj\n"
TEXT = "Notizen für die Sprechstunde\n".encode()


def issue_pass(database: Database) -> str:
    """A pass valid today, for printing."""
    [person] = add_household(database, [("Weiß", "Jürgen", date(1950, 5, 5), "applicant")])
    add_income(database, person, "pension", "1000.00")
    application = apply(database, household_of(database, person), date.today() - timedelta(1))
    decision = decide(database, application.application_id)
    [card] = issue_passes(database, decision.decision_id)
    assert card.number is not None
    return card.number


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as exc:
            status = int(exc.code or 0)
    return status, out.getvalue(), err.getvalue()


def count(database: Database, model: type) -> int:
    with UnitOfWork(database, write=False) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


# --- the rules of the writer -------------------------------------------------------------


@pytest.mark.parametrize(
    ("existing", "new", "allowed"),
    [
        (PDF, PDF, True),
        (b"", PDF, True),  # an empty file holds nothing to lose
        (TEXT, PDF, False),
        (xlsx_bytes(), PDF, False),
        (b"SQLite format 3\x00" + bytes(100), PDF, False),
        (xlsx_bytes(), xlsx_bytes(), True),
        (TEXT, xlsx_bytes(), False),
        (TEXT, b"Monat;Anzahl\r\n2026-01;12\r\n", True),
        ("Stra\xdfe;Anzahl\r\n".encode("cp1252"), b"Monat;Anzahl\r\n", True),  # Excel's CSV
        (PDF, b'{"months": []}\n', False),
        (xlsx_bytes(), b"Monat;Anzahl\r\n", False),
        (b"SQLite format 3\x00" + bytes(100), b"Monat;Anzahl\r\n", False),
        (b"\x7fELF\x02\x01\x01\x00", b"Monat;Anzahl\r\n", False),
    ],
)
def test_an_output_replaces_only_a_file_of_its_own_kind(
    tmp_path: Path, existing: bytes, new: bytes, allowed: bool
) -> None:
    target = tmp_path / "ziel"
    target.write_bytes(existing)
    if allowed:
        replace_bytes(target, new)
        assert target.read_bytes() == new
    else:
        with pytest.raises(OutputRefused) as refused:
            replace_bytes(target, new)
        assert str(target) in refused.value.message_en and str(target) in refused.value.message_de
        assert refused.value.exit_code == 2
        assert target.read_bytes() == existing
    assert leftovers(tmp_path) == []


def test_the_protected_database_and_its_companions_are_never_replaced(tmp_path: Path) -> None:
    database = tmp_path / "register.sqlite"
    database.write_bytes(b"")  # even empty: it is the register in use
    protect(database)
    companions = [
        database,
        *(tmp_path / f"register.sqlite{suffix}" for suffix in ("-wal", "-shm", "-journal")),
    ]
    (tmp_path / "link.pdf").symlink_to(database)
    os.link(database, tmp_path / "hardlink.pdf")
    for target in [*companions, tmp_path / "link.pdf", tmp_path / "hardlink.pdf",
                   tmp_path / "sub" / ".." / "register.sqlite"]:
        (tmp_path / "sub").mkdir(exist_ok=True)
        with pytest.raises(OutputRefused, match="database in use"):
            replace_bytes(target, PDF)
    assert database.read_bytes() == b""
    assert not (tmp_path / "register.sqlite-wal").exists()
    assert leftovers(tmp_path) == []


def test_a_pipe_or_device_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputRefused, match="not an ordinary file"):
        replace_bytes(fifo, b"Monat;Anzahl\r\n")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_the_temporary_file_is_private_and_an_interrupt_removes_it(tmp_path: Path) -> None:
    target = tmp_path / "karten.pdf"
    target.write_bytes(PDF)
    seen: list[int] = []

    def produce(stream: BinaryIO) -> None:
        stream.write(b"%PDF-1.4\n" + b"Karten aller Inhaber " * 1000)
        [part] = [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
        seen.append(stat.S_IMODE(part.stat().st_mode))
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        replace_file(target, produce)
    assert seen == [0o600]
    assert target.read_bytes() == PDF
    assert leftovers(tmp_path) == []


def test_a_prepared_file_left_without_install_is_removed(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    def produce(stream: BinaryIO) -> None:
        stream.write(PDF)

    with prepare_file(target, produce) as prepared:
        assert prepared.kind == "pdf" and leftovers(tmp_path)
    assert leftovers(tmp_path) == [] and not target.exists()


def test_permissions_usual_for_a_new_file_kept_for_a_replaced_one(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        new = tmp_path / "neu.pdf"
        replace_bytes(new, PDF)
        assert stat.S_IMODE(new.stat().st_mode) == 0o640
        private = tmp_path / "privat.pdf"
        private.write_bytes(PDF)
        private.chmod(0o600)
        replace_bytes(private, PDF + b"%neu\n")
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
    finally:
        os.umask(previous)


# --- every --out of the command line -----------------------------------------------------


def test_print_card_out_the_database_leaves_the_register_intact(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    path = database.sqlite_path
    if path is None:
        pytest.skip("the database is no file on PostgreSQL")
    number = issue_pass(database)
    database.dispose()
    header = path.read_bytes()[:16]
    for target in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        status, out, err = run("--database", database_url, "print", "card", "--pass", number,
                               "--out", str(target))
        assert status == 2, (target, out, err)
        assert "database in use" in err and "geöffnete kpass-Datenbank" in err
    assert path.read_bytes()[:16] == header == b"SQLite format 3\x00"
    assert count(database, PrintRecord) == 0 and count(database, SigningKey) == 0
    assert run("--database", database_url, "db", "check")[0] == 0
    assert leftovers(path.parent) == []


def test_print_replaces_a_pdf_but_not_notes(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    number = issue_pass(database)
    notes = tmp_path / "notizen.txt"
    notes.write_bytes(TEXT)
    status, _, err = run("--database", database_url, "print", "card", "--pass", number,
                         "--out", str(notes))
    assert status == 2 and "not a PDF file" in err and "keine PDF-Datei" in err
    assert notes.read_bytes() == TEXT
    assert count(database, PrintRecord) == 0
    older = tmp_path / "karte.pdf"
    older.write_bytes(PDF)
    status, _, err = run("--database", database_url, "print", "card", "--pass", number,
                         "--out", str(older))
    assert status == 0, err
    assert older.read_bytes().startswith(b"%PDF-") and older.read_bytes() != PDF
    assert count(database, PrintRecord) == 1
    assert leftovers(tmp_path) == []


def test_an_interrupted_print_leaves_no_copy_of_the_cards(
    database: Database, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    number = issue_pass(database)

    def interrupted(data: object, stream: BinaryIO, **_: object) -> None:
        stream.write(b"%PDF-1.4\n" + b"halbe Karte" * 1000)
        raise KeyboardInterrupt

    monkeypatch.setattr(printing, "render_cards", interrupted)
    out = tmp_path / "karte.pdf"
    status, _, err = run("--database", database_url, "print", "card", "--pass", number,
                         "--out", str(out))
    assert status == 130 and "abgebrochen" in err
    assert not out.exists() and leftovers(tmp_path) == []
    assert count(database, PrintRecord) == 0 and count(database, SigningKey) == 0


def test_stats_and_key_exports_refuse_files_of_another_kind(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    workbook = tmp_path / "haushalt.xlsx"
    original = xlsx_bytes()  # once: a ZIP holds the time it was made
    workbook.write_bytes(original)
    status, _, err = run("--database", database_url, "stats", "--from", "2026-01", "--to",
                         "2026-02", "--format", "csv", "--out", str(workbook))
    assert status == 2 and "not a text file" in err and "keine Textdatei" in err
    assert workbook.read_bytes() == original
    notes = tmp_path / "notizen.txt"
    notes.write_bytes(TEXT)
    status, _, err = run("--database", database_url, "stats", "--from", "2026-01", "--to",
                         "2026-02", "--format", "xlsx", "--out", str(notes))
    assert status == 2 and "not an XLSX (ZIP) file" in err
    assert notes.read_bytes() == TEXT
    letter = tmp_path / "brief.pdf"
    letter.write_bytes(PDF)
    for command in ("export-public", "export-revoked"):
        status, _, err = run("--database", database_url, "keys", command, "--out", str(letter))
        assert status == 2 and "not a text file" in err, (command, err)
        assert letter.read_bytes() == PDF
    # a refused export keeps no key it would have made
    assert count(database, SigningKey) == 0
    keys = tmp_path / "schluessel.json"
    assert run("--database", database_url, "keys", "export-public", "--out", str(keys))[0] == 0
    assert run("--database", database_url, "keys", "export-public", "--out", str(keys))[0] == 0
    assert count(database, SigningKey) == 1
    assert leftovers(tmp_path) == []


def test_screenshots_refuse_a_file_as_folder_and_foreign_files(tmp_path: Path) -> None:
    # refused before Qt or any demo database is started
    notes = tmp_path / "notizen.txt"
    notes.write_bytes(TEXT)
    status, _, err = run("screenshots", "--out", str(notes))
    assert status == 2 and "not a folder" in err and "kein Ordner" in err
    folder = tmp_path / "bilder"
    folder.mkdir()
    (folder / "01-suche.png").write_bytes(TEXT)
    status, _, err = run("screenshots", "--out", str(folder))
    assert status == 2 and "not a PNG image" in err
    assert (folder / "01-suche.png").read_bytes() == TEXT
