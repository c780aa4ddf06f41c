"""Replacing a file in one piece: written to a temporary file beside it, then renamed.

Documents (PDFs, key files) and exports (CSV, XLSX, JSON) all go through here, each
wrapping the :class:`OSError` into its own bilingual error. A reader (a printer spool, Excel)
never sees half a file; a failure leaves neither a partial file nor a temporary one, and an
existing file of the same name stays as it was. The rename stays within one folder and so
within one file system, where it is atomic.

The temporary file (``.NAME.xxxxxxxx.part``) is created readable by its owner only (0600) and
removed on any exception, a KeyboardInterrupt included, so no hidden copy of holders' cards
stays behind. A process killed outright (``kill -9``, a power cut) cannot remove it: so its
writer holds an advisory lock (``flock``) on it for as long as it lives, and the next write
to the same target removes every ``.NAME.*.part`` that nobody holds (where there is no
``flock``, one older than :data:`STALE_AFTER_SECONDS`). The finished file gets the ``mode``
its writer asks for (personal data: 0600); without one, 0600 in a folder registered with
:func:`keep_private` (the print outbox), else the permissions of the file it replaces or the
user's usual ones (umask) for a new file (statistics exports and public key files hold no
personal data).

What an output may replace (:class:`OutputRefused`, exit code 2, otherwise):

* never the SQLite database of this process, nor its ``-wal``, ``-shm`` or ``-journal`` file
  (see :func:`protect`; compared by resolved path and by inode, so links do not slip through);
* never a folder or anything that is not a regular file (a device, a pipe);
* an empty file, whatever its name;
* otherwise only a file of the output's own kind, told by its first bytes: a PDF only a file
  starting with ``%PDF-``, an XLSX (a ZIP) only a file starting with ``PK\\x03\\x04``, a PNG
  only a PNG, and a text output (CSV, JSON, key files, revocation lists) only a text file —
  one whose first 8 KiB hold no NUL and no control character other than tab, line feed,
  vertical tab, form feed and carriage return (any encoding, so a CSV Excel saved in
  Windows-1252 counts as text) and that is not a PDF, ZIP or PNG.

So ``kpass print card --out kpass.sqlite`` cannot turn the register into a PDF, and a
mistyped ``--out`` cannot overwrite a spreadsheet with a statistics CSV.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, Literal

from kpass.errors import InvalidInput

try:
    import fcntl
except ImportError:  # Windows: stale temporary files are told by their age
    fcntl = None  # type: ignore[assignment]

#: What a file holds, told by its first bytes.
Kind = Literal["pdf", "zip", "png", "text"]

_MAGIC: tuple[tuple[bytes, Kind], ...] = (
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\x89PNG\r\n\x1a\n", "png"),
)
#: "it is not …" / "das ist …"
_KIND_NAMES: dict[Kind, tuple[str, str]] = {
    "pdf": ("a PDF file", "keine PDF-Datei"),
    "zip": ("an XLSX (ZIP) file", "keine XLSX-(ZIP-)Datei"),
    "png": ("a PNG image", "kein PNG-Bild"),
    "text": ("a text file", "keine Textdatei"),
}
#: How much of an existing file is read to tell its kind.
SNIFF_BYTES = 8192
_TEXT_CONTROLS = frozenset(b"\t\n\v\f\r")
_SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")

#: The mode of files with personal data.
PRIVATE_MODE = 0o600
#: Without ``flock``: a temporary file left this long is a killed writer's.
STALE_AFTER_SECONDS = 24 * 3600

_protected: set[str] = set()
_private_folders: set[str] = set()
_protected_lock = threading.Lock()


class OutputRefused(InvalidInput):
    """An output would replace the open database or a file of another kind (exit code 2)."""


def protect(database_file: Path) -> None:
    """No output of this process may replace ``database_file`` or its SQLite companions
    (``-wal``, ``-shm``, ``-journal``). The CLI calls this for the database it opens, and
    printing for the database it records in."""
    with _protected_lock:
        _protected.add(os.path.abspath(database_file))


def keep_private(folder: Path) -> None:
    """Every file this process writes directly into ``folder`` gets :data:`PRIVATE_MODE`
    unless its writer asks for another mode (the print outbox calls this)."""
    with _protected_lock:
        _private_folders.add(os.path.realpath(folder))


def _default_mode(path: Path) -> int | None:
    with _protected_lock:
        private = os.path.realpath(path.parent) in _private_folders
    return PRIVATE_MODE if private else None


def _protected_files() -> list[str]:
    with _protected_lock:
        bases = sorted(_protected)
    return [base + suffix for base in bases for suffix in _SQLITE_COMPANIONS]


def _display(path: Path, limit: int = 120) -> str:
    text = str(path).encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else "…" + text[-(limit - 1) :]


def kind_of(head: bytes) -> Kind | None:
    """The kind of a file from its first bytes (at least :data:`SNIFF_BYTES` of them if it
    is that long); None when it is none of them (a binary file of some other program)."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if any(byte < 0x20 and byte not in _TEXT_CONTROLS for byte in head) or b"\x7f" in head:
        return None
    return "text"


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def check_target(path: Path, kind: Kind | None) -> None:
    """Raise :class:`OutputRefused` when an output of ``kind`` must not replace ``path``
    (see the module's rules); None for ``kind`` checks only the database and file type."""
    try:
        target_stat: os.stat_result | None = os.stat(path)
    except (OSError, ValueError):
        target_stat = None  # a new file (or a path the writer will report as unwritable)
    resolved = os.path.realpath(path)
    for protected in _protected_files():
        same_name = os.path.normcase(resolved) == os.path.normcase(os.path.realpath(protected))
        same_inode = False
        if target_stat is not None and not same_name:
            with contextlib.suppress(OSError):
                same_inode = _same_file(target_stat, os.stat(protected))
        if same_name or same_inode:
            raise OutputRefused(
                f"Will not write {_display(path)}: it is the kpass database in use (or its "
                "-wal, -shm or -journal file). Choose another file name.",
                f"{_display(path)} wird nicht geschrieben: das ist die geöffnete "
                "kpass-Datenbank (oder ihre -wal-, -shm- oder -journal-Datei). Bitte einen "
                "anderen Dateinamen wählen.",
            )
    if target_stat is None:
        return
    if stat.S_ISDIR(target_stat.st_mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    if not stat.S_ISREG(target_stat.st_mode):
        raise OutputRefused(
            f"Will not write {_display(path)}: it is not an ordinary file (a device or a "
            "pipe). Choose another file name.",
            f"{_display(path)} wird nicht geschrieben: das ist keine gewöhnliche Datei "
            "(ein Gerät oder eine Pipe). Bitte einen anderen Dateinamen wählen.",
        )
    if kind is None or target_stat.st_size == 0:
        return
    try:
        with open(path, "rb") as existing:
            head = existing.read(SNIFF_BYTES)
    except OSError:
        return  # unreadable: the write itself will fail and say why
    if head and kind_of(head) != kind:
        what_en, what_de = _KIND_NAMES[kind]
        raise OutputRefused(
            f"Will not replace {_display(path)}: it is not {what_en} and may hold something "
            "else. Choose another file name, or delete the file first.",
            f"{_display(path)} wird nicht ersetzt: das ist {what_de} und enthält "
            "vielleicht etwas anderes. Bitte einen anderen Dateinamen wählen oder die Datei "
            "vorher löschen.",
        )


def failure_reasons(error: OSError) -> tuple[str, str]:
    """Why ``error`` stopped a write, in English and German, for a person to act on."""
    if isinstance(error, FileNotFoundError):
        return "the folder does not exist", "der Ordner existiert nicht"
    if isinstance(error, IsADirectoryError):
        return "it is a folder", "das ist ein Ordner"
    if isinstance(error, NotADirectoryError):
        return "a part of the path is not a folder", "ein Teil des Pfads ist kein Ordner"
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        # on Windows this is also what a file held open by Excel or a PDF viewer gives
        return (
            "permission denied (is the file open in another program?)",
            "keine Schreibberechtigung (ist die Datei in einem anderen Programm geöffnet?)",
        )
    if error.errno == errno.ENOSPC:
        return "the disk is full", "der Datenträger ist voll"
    if error.errno == errno.EROFS:
        return "the drive is read-only", "das Laufwerk ist schreibgeschützt"
    if error.errno == errno.ENAMETOOLONG:
        return "the file name is too long", "der Dateiname ist zu lang"
    detail = error.strerror or str(error)
    return detail, f"Fehler des Betriebssystems: {detail}"


def _umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)  # elsewhere: set and restore at once
    os.umask(mask)
    return mask


class PreparedFile:
    """A finished temporary file beside its target: :meth:`install` renames it into place,
    :meth:`discard` removes it. ``with`` discards it unless it was installed."""

    def __init__(
        self,
        path: Path,
        temporary: Path,
        kind: Kind | None,
        mode: int | None = None,
        lock: int | None = None,
    ) -> None:
        self.path = path
        self.temporary: Path | None = temporary
        self.kind = kind
        self.mode = mode
        # held until the file is installed or discarded: the sign that it is not stale
        self._lock = lock

    def _release(self) -> None:
        lock, self._lock = self._lock, None
        if lock is not None:
            with contextlib.suppress(OSError):
                os.close(lock)

    def read_bytes(self) -> bytes:
        assert self.temporary is not None, "already installed or discarded"
        return self.temporary.read_bytes()

    def install(self) -> None:
        """Rename the file into place (the target is checked once more just before)."""
        temporary = self.temporary
        assert temporary is not None, "already installed or discarded"
        check_target(self.path, self.kind)
        try:
            previous_mode: int | None = os.stat(self.path).st_mode & 0o777
        except OSError:
            previous_mode = None
        # a replaced file keeps its permissions, a new one gets the user's usual ones, unless
        # the file holds personal data
        if self.mode is not None:
            mode = self.mode
        elif previous_mode is not None:
            mode = previous_mode
        else:
            mode = 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, self.path)
        self.temporary = None
        self._release()

    def discard(self) -> None:
        temporary, self.temporary = self.temporary, None
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        self._release()

    def __enter__(self) -> PreparedFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.discard()


def _temporary_names(path: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(path.name)}\.[0-9a-f]{{8}}\.part")


def _lock(descriptor: int) -> bool | None:
    """Take the writer's lock on a temporary file without waiting: True when taken, False
    when another process holds it, None where the system has no such locks."""
    if fcntl is None:
        return None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        return None  # e.g. a network drive without locks
    return True


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files a killed writer left for ``path`` (``.NAME.*.part`` that
    no living process holds); returns those removed. A file being written is never
    touched: its writer holds its lock."""
    pattern = _temporary_names(path)
    removed: list[Path] = []
    try:
        candidates = [entry for entry in os.scandir(path.parent) if pattern.fullmatch(entry.name)]
    except OSError:
        return removed
    for entry in candidates:
        candidate = Path(entry.path)
        try:
            descriptor = os.open(candidate, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                continue
            locked = _lock(descriptor)
            if locked is None:
                # nobody can tell whether a writer lives: only a file left long ago goes
                locked = time.time() - os.fstat(descriptor).st_mtime > STALE_AFTER_SECONDS
            if locked:
                with contextlib.suppress(OSError):
                    candidate.unlink()
                    removed.append(candidate)
        finally:
            os.close(descriptor)  # releases the lock taken
    return removed


def prepare_file(
    path: Path,
    produce: Callable[[BinaryIO], None],
    kind: Kind | None = None,
    *,
    mode: int | None = None,
) -> PreparedFile:
    """Run ``produce(stream)`` into a temporary file beside ``path`` (mode 0600, synced).

    ``kind`` is what the output is (checked against an existing ``path`` before producing);
    None tells it from the bytes produced. ``mode`` is the finished file's (e.g.
    :data:`PRIVATE_MODE`, also when it replaces a file); None: see the module. Raises
    :class:`OutputRefused` when the output must not replace ``path``, :class:`OSError` (see
    :func:`failure_reasons`) when it cannot be written; any other exception of ``produce``
    propagates. Either way nothing is left.
    """
    check_target(path, kind)
    remove_stale_temporaries(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    temporary: Path | None = None
    lock: int | None = None
    try:
        for _ in range(100):
            # the name is known before the file exists, so an interrupt at any point after
            # os.open still finds it in the finally below
            temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
            try:
                descriptor = os.open(temporary, flags, 0o600)
            except FileExistsError:
                temporary = None  # somebody else's: not ours to remove
                continue
            lock = os.open(temporary, os.O_RDONLY)
            _lock(lock)
            if os.fstat(lock).st_nlink == 0:
                # another writer's cleanup took it for stale between os.open and the lock
                os.close(descriptor)
                os.close(lock)
                lock = None
                temporary = None
                continue
            break
        else:
            raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(path))
        with os.fdopen(descriptor, "wb") as stream:
            produce(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if kind is None:
            with open(temporary, "rb") as produced:
                kind = kind_of(produced.read(SNIFF_BYTES))
        prepared = PreparedFile(
            path, temporary, kind, mode if mode is not None else _default_mode(path), lock
        )
        temporary = None
        lock = None
        return prepared
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        if lock is not None:
            with contextlib.suppress(OSError):
                os.close(lock)


def replace_file(
    path: Path,
    produce: Callable[[BinaryIO], None],
    kind: Kind | None = None,
    *,
    mode: int | None = None,
) -> None:
    """Run ``produce(stream)`` and let its bytes replace ``path`` only if it succeeded.

    Raises :class:`OutputRefused` (see the module's rules), :class:`OSError` (with
    :func:`failure_reasons` to explain it) when the file cannot be written; any other
    exception of ``produce`` propagates. Either way nothing is left.
    """
    with prepare_file(path, produce, kind, mode=mode) as prepared:
        prepared.install()


def replace_bytes(
    path: Path, data: bytes, kind: Kind | None = None, *, mode: int | None = None
) -> None:
    """:func:`replace_file` for bytes that are already complete (their kind told from them
    unless given)."""

    def produce(stream: BinaryIO) -> None:
        stream.write(data)

    replace_file(path, produce, kind if kind is not None else kind_of(data[:SNIFF_BYTES]),
                 mode=mode)
