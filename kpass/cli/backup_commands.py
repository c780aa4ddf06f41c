"""``kpass backup [list|verify|auto]`` and ``kpass restore``: the database owner's commands
for backups (no login; see docs/backup-restore.md).

A passphrase never comes from the command line, which every user of the computer can read
in the process list: ``--passphrase-file FILE`` (its first line; the file must be the
user's alone) or ``--passphrase-stdin`` (the first line of standard input; typed without
echo when standard input is a terminal, twice for a new backup). At most 1024 characters:
a longer line is refused, never cut.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kpass.cli.common import database_from_args, number_arg, path_arg, print_json
from kpass.errors import InvalidInput
from kpass.settings import open_to_others

if TYPE_CHECKING:
    from kpass.services.continuity import BackupManifest

MAX_PASSPHRASE_CHARS = 1024
#: the tables whose rows a summary line names
_SUMMARY = (("household", "households"), ("person", "persons"), ("pass", "passes"),
            ("audit_event", "audit events"))


def _backup_description() -> str:
    from kpass.services.continuity import BACKUP_FOLDER

    return ("Back up the whole register into one file, checked after writing. "
            f"Without --out the file goes into the folder {BACKUP_FOLDER} beside the SQLite "
            "file (a PostgreSQL register: in the user's data directory).")


def register(commands: Any) -> None:
    backup = commands.add_parser(
        "backup",
        help="back up the whole register while it is in use (checked after writing)",
    )
    backup.describe = _backup_description
    backup.add_argument("--out", metavar="FILE", type=path_arg,
                        help="the backup file (replaces only an earlier backup)")
    _passphrase_options(backup, "encrypt the backup (AES-256-GCM, key by argon2id)")
    backup.add_argument("--json", action="store_true", help="print JSON")
    backup.set_defaults(handler=_backup)
    actions = backup.add_subparsers(dest="backup_command", metavar="ACTION")

    listing = actions.add_parser("list", help="the backups in the backup folder and the "
                                 "copies set aside beside the SQLite file")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=_list)

    verify = actions.add_parser("verify", help="check a backup file completely without "
                                "restoring it")
    verify.add_argument("file", metavar="FILE", type=path_arg)
    _passphrase_options(verify, "the passphrase of an encrypted backup")
    verify.add_argument("--json", action="store_true", help="print JSON")
    verify.set_defaults(handler=_verify)

    auto = actions.add_parser(
        "auto",
        help="show or change the automatic daily backups (SQLite; made at the app's start)",
    )
    switch = auto.add_mutually_exclusive_group()
    switch.add_argument("--on", dest="enabled", action="store_const", const=True,
                        default=None, help="make automatic backups (the default)")
    switch.add_argument("--off", dest="enabled", action="store_const", const=False,
                        help="make no automatic backups")
    auto.add_argument("--keep-daily", metavar="N", type=number_arg(1, 1000),
                      help="keep the newest backup of each of the last N days (default 7)")
    auto.add_argument("--keep-weekly", metavar="N", type=number_arg(0, 1000),
                      help="and of each of N weeks before those (default 4)")
    auto.add_argument("--now", action="store_true",
                      help="make today's automatic backup now if it is due")
    auto.add_argument("--json", action="store_true", help="print JSON")
    auto.set_defaults(handler=_auto)

    restore = commands.add_parser(
        "restore",
        help="restore the register from a backup (the current one is kept aside first)",
        description="Restore the register from a backup file. The file is checked "
        "completely first; a database that holds data is replaced only with --force, "
        "after it was kept aside. db check runs afterwards (exit 1 if it finds problems).",
    )
    restore.add_argument("file", metavar="FILE", type=path_arg)
    restore.add_argument("--force", action="store_true",
                         help="replace a register that holds data")
    _passphrase_options(restore, "the passphrase of an encrypted backup")
    restore.add_argument("--json", action="store_true", help="print JSON")
    restore.set_defaults(handler=_restore)


def _passphrase_options(parser: argparse.ArgumentParser, purpose: str) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--passphrase-file", metavar="FILE", type=path_arg,
                       help=f"{purpose}: the passphrase is the file's first line")
    group.add_argument("--passphrase-stdin", action="store_true",
                       help=f"{purpose}: the passphrase is the first line of standard input")


def _passphrase(args: argparse.Namespace, *, new: bool = False) -> str | None:
    """The passphrase the options name, None without them. ``new``: it encrypts a new
    backup (typed at a terminal, it is asked twice)."""
    if args.passphrase_stdin:
        if sys.stdin.isatty():
            # typed by hand: without echo on the screen
            return _typed_passphrase(new)
        return _limited(sys.stdin.readline(MAX_PASSPHRASE_CHARS + 2).rstrip("\r\n"))
    path: Path | None = args.passphrase_file
    if path is None:
        return None
    if open_to_others(path) is not None:
        raise InvalidInput(
            f"The passphrase file {path} is open to other users; make it yours alone: "
            f"chmod 600 {path}",
            f"Die Passphrasendatei {path} ist für andere Benutzer zugänglich; bitte nur für "
            f"sich lesbar machen: chmod 600 {path}",
        )
    try:
        with open(path, encoding="utf-8") as stream:
            return _limited(stream.readline(MAX_PASSPHRASE_CHARS + 2).rstrip("\r\n"))
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InvalidInput(
            f"Cannot read the passphrase file {path}: {reason}",
            f"Die Passphrasendatei {path} kann nicht gelesen werden: {reason}",
        ) from exc


def _typed_passphrase(new: bool) -> str:
    from kpass.services.continuity import PassphraseProblem

    try:
        first = getpass.getpass("Passphrase: ")
        if new and getpass.getpass("Passphrase (again / noch einmal): ") != first:
            raise PassphraseProblem(
                "The two passphrases differ; nothing was written.",
                "Die beiden Passphrasen sind verschieden; es wurde nichts geschrieben.",
            )
    except EOFError:
        first = ""
    return _limited(first)


def _limited(passphrase: str) -> str:
    """A passphrase is used whole or refused: a longer line is not cut to the limit (the
    part cut off would silently not count). Unicode normalisation (NFC) happens where the
    key is derived, for every caller."""
    from kpass.services.continuity import PassphraseProblem

    if len(passphrase) > MAX_PASSPHRASE_CHARS:
        raise PassphraseProblem(
            f"The passphrase is longer than {MAX_PASSPHRASE_CHARS} characters.",
            f"Die Passphrase ist länger als {MAX_PASSPHRASE_CHARS} Zeichen.",
        )
    return passphrase


def _summary(manifest: BackupManifest) -> str:
    parts = [f"{manifest.counts[table]:,} {label}" for table, label in _SUMMARY
             if table in manifest.counts]
    return ", ".join(parts)


def _size(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError:
        return "?"
    return f"{size / 1_000_000:,.1f} MB"


def _warn(problems: tuple[str, ...], what_en: str, what_de: str) -> None:
    if not problems:
        return
    print(f"kpass: warning: {what_en} {len(problems)} problem(s) in the register:",
          file=sys.stderr)
    print(f"kpass: Warnung: {what_de} {len(problems)} Problem(e) im Register:",
          file=sys.stderr)
    for problem in problems:
        print(f"- {problem}", file=sys.stderr)


def _backup(args: argparse.Namespace) -> int:
    from kpass.services.continuity import create_backup

    passphrase = _passphrase(args, new=True)
    database = database_from_args(args, require_schema=False, login=False)
    result = create_backup(database, args.out, passphrase)
    if args.json:
        print_json(result.as_json())
    else:
        manifest = result.manifest
        encrypted = "encrypted" if manifest.encrypted else "not encrypted"
        print(f"Backup written and checked: {result.path} ({_size(result.path)}, "
              f"{encrypted}, schema {manifest.schema_revision}, {result.seconds:.1f} s)")
        print(f"It holds {_summary(manifest)}.")
    if not result.recorded:
        print("Note: the backup could not be recorded in the audit trail (the register is "
              "busy or read-only); the file is complete.\n"
              "Hinweis: Die Sicherung konnte nicht im Protokoll vermerkt werden (Register "
              "belegt oder schreibgeschützt); die Datei ist vollständig.", file=sys.stderr)
    _warn(result.problems, "db check found", "db check fand")
    return 0


def _list(args: argparse.Namespace) -> int:
    from kpass.services.continuity import list_backups

    database = database_from_args(args, require_schema=False, login=False)
    entries = list_backups(database)
    if args.json:
        print_json([entry.as_json() for entry in entries])
        return 0
    if not entries:
        print("No backups yet (kpass backup makes one).")
        return 0
    for entry in entries:
        made = entry.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
        flags = ", encrypted" if entry.encrypted else ""
        households = f", {entry.households:,} households" if entry.households is not None \
            else ""
        note = f" — {entry.problem}" if entry.problem else ""
        print(f"{made}  {entry.kind:15} {_size(entry.path):>10}{households}{flags}  "
              f"{entry.path}{note}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from kpass.services.continuity import verify_backup

    passphrase = _passphrase(args)
    verified = verify_backup(args.file, passphrase)
    if args.json:
        print_json(verified.as_json())
    else:
        manifest = verified.manifest
        made = manifest.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"The backup is whole: made {made} by kpass {manifest.kpass_version} of "
              f"{manifest.source} (schema {manifest.schema_revision}); "
              f"it holds {_summary(manifest)}.")
    _warn(verified.problems, "db check found", "db check fand")
    return 0


def _auto(args: argparse.Namespace) -> int:
    from kpass.services.continuity import backup_if_due, backup_policy, set_backup_policy

    database = database_from_args(args, require_schema=False, login=False)
    if args.enabled is None and args.keep_daily is None and args.keep_weekly is None:
        policy = backup_policy(database)
    else:
        policy = set_backup_policy(database, enabled=args.enabled, keep_daily=args.keep_daily,
                                   keep_weekly=args.keep_weekly)
    made = backup_if_due(database) if args.now else None
    if args.json:
        print_json({**policy.as_json(),
                    "made": None if made is None else made.result.as_json(),
                    "removed": [] if made is None else [str(p) for p in made.removed]})
        return 0
    state = "on" if policy.enabled else "off"
    print(f"Automatic backups: {state}; keep the newest of each of the last "
          f"{policy.keep_daily} days and of {policy.keep_weekly} weeks before those.")
    if database.sqlite_path is None:
        print("(Automatic backups are made of SQLite registers only; back up a PostgreSQL "
              "register with kpass backup, e.g. from cron.)")
    if made is not None:
        print(f"Backup made: {made.result.path}")
        for path in made.removed:
            print(f"Removed by rotation: {path}")
        _warn(made.result.problems, "db check found", "db check fand")
    elif args.now:
        print("Nothing due: today's automatic backup exists (or they are off).")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from kpass.services.continuity import restore_backup

    passphrase = _passphrase(args)
    database = database_from_args(args, create=True, require_schema=False, login=False)
    result = restore_backup(database, args.file, passphrase, force=args.force)
    if args.json:
        print_json(result.as_json())
    else:
        manifest = result.manifest
        made = manifest.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"Restored {database.display_url()} from {args.file} (made {made} by kpass "
              f"{manifest.kpass_version}, schema {manifest.schema_revision}).")
        if result.upgraded_from:
            print(f"The schema was upgraded from {result.upgraded_from}.")
        if result.set_aside is not None:
            print(f"The register as it was before: {result.set_aside}")
        print(f"It holds {_summary(manifest)}.")
        if not result.problems:
            print("Database check passed: no problems found.")
    _warn(result.problems, "after restoring, db check found",
          "nach der Wiederherstellung fand db check")
    return 1 if result.problems else 0
