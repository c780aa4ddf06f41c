"""``kpass keys …`` (the office's signing keys, root key, key set, revocation list) and
``kpass verify`` (checking a pass's QR code the way a partner does).

Exit codes of ``kpass verify`` (docs/qr-payload.md, section 4.1): 0 genuine-valid; 1
malformed, unknown-key, forged-or-altered, key-retired; 2 a key set, revocation list, state
file or argument refused; 3 genuine but revoked, not yet valid or expired; 4 correctly signed
but not in the register; 5 genuine-valid but the revocation list is stale.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from kpass.atomic_file import failure_reasons, replace_bytes
from kpass.cli.common import database_from_args, iso_date, number_arg, path_arg, text_arg
from kpass.errors import InvalidInput
from kpass.settings import APP_AUTHOR, APP_NAME

if TYPE_CHECKING:
    from kpass.services.admin import RevocationList, TrustedKey, VerificationResult, VerifierState

EXIT_VALID = 0
EXIT_REFUSED = 1
EXIT_NOT_NOW = 3
EXIT_NOT_IN_REGISTER = 4
EXIT_STALE_LIST = 5
STATE_FILE_NAME = "verifier-state.json"
MAX_INPUT_BYTES = 2_000_000


def register(commands: Any) -> None:
    keys = commands.add_parser("keys", help="the office's signing keys for the QR codes")
    actions = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    public = actions.add_parser(
        "export-public",
        help="UNPINNED public-key file, for testing only (partners get sign-keyset's file)",
    )
    public.add_argument("--out", type=path_arg, required=True, metavar="FILE")
    public.set_defaults(handler=_export_public)
    rotate = actions.add_parser("rotate", help="retire the current key and start a new one")
    rotate.set_defaults(handler=_rotate)
    revoked = actions.add_parser("export-revoked", help="signed list of revoked pass numbers")
    revoked.add_argument("--out", type=path_arg, required=True, metavar="FILE")
    revoked.add_argument(
        "--next-update-days", type=number_arg(1, 366), default=7, metavar="N",
        help="the list promises the next one within N days (default 7)",
    )
    revoked.set_defaults(handler=_export_revoked)
    root = actions.add_parser(
        "create-root", help="make the office's root key (private half to FILE, kept offline)"
    )
    root.add_argument("--out", type=path_arg, required=True, metavar="FILE",
                      help="new file for the root private key (never overwritten)")
    root.add_argument("--replace", action="store_true",
                      help="replace the register's root key (partners must pin the new one)")
    root.set_defaults(handler=_create_root)
    key_set = actions.add_parser("sign-keyset", help="the signed key set for partners")
    key_set.add_argument("--root", type=path_arg, required=True, metavar="FILE",
                         help="the root private key file of create-root")
    key_set.add_argument("--out", type=path_arg, required=True, metavar="KEYSET")
    key_set.add_argument("--valid-days", type=number_arg(1, 5 * 366), default=365, metavar="N",
                         help="the key set expires N days from today (default 365)")
    key_set.set_defaults(handler=_sign_key_set)
    page = actions.add_parser(
        "export-partner-page",
        help="one offline HTML page for partners to check passes (key set, revocation list)",
    )
    page.add_argument("--keyset", type=path_arg, required=True, metavar="KEYSET",
                      help="the signed key set of sign-keyset")
    page.add_argument("--out", type=path_arg, required=True, metavar="FILE",
                      help="the page to write, e.g. pruefen.html")
    page.add_argument(
        "--next-update-days", type=number_arg(1, 366), default=7, metavar="N",
        help="its revocation list promises the next one within N days (default 7)",
    )
    page.set_defaults(handler=_export_partner_page)

    verify = commands.add_parser(
        "verify",
        help="check a pass's QR payload (exit 0 valid, 3 not valid now, 1 forged; see docs)",
    )
    verify.add_argument("payload")
    verify.add_argument("--keyset", metavar="FILE", help="the office's signed key set")
    verify.add_argument("--root-fingerprint", metavar="FP", type=text_arg(200),
                        help="the office's root key fingerprint you pinned (with --keyset)")
    verify.add_argument(
        "--public-key", metavar="FILE",
        help="UNPINNED public-key file, for testing only (nobody vouches for its keys)",
    )
    verify.add_argument("--revoked", metavar="FILE", help="signed list of revoked numbers")
    verify.add_argument("--state", metavar="FILE",
                        help="the versions seen so far (with --keyset; default: in the user's "
                        "state folder)")
    verify.add_argument("--on", metavar="DATE", help="check for this day (default today)")
    verify.add_argument(
        "--database", metavar="URL", type=text_arg(4096), default=argparse.SUPPRESS,
        help="check with this register's keys and passes (the default without --keyset)",
    )
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler=_verify)


def _export_public(args: argparse.Namespace) -> int:
    from kpass.services.admin import export_public_key_file

    path = export_public_key_file(database_from_args(args), args.out)
    print(f"Wrote the public keys to {path} (UNPINNED, for testing only: partners need the "
          "signed key set, kpass keys sign-keyset).")
    print(f"Öffentliche Schlüssel nach {path} geschrieben (UNGESICHERT, nur zum Testen: "
          "Partner brauchen den signierten Schlüsselsatz, kpass keys sign-keyset).")
    return 0


def _rotate(args: argparse.Namespace) -> int:
    from kpass.services.admin import rotate_key

    new_id = rotate_key(database_from_args(args))
    print(f"New signing key {new_id}; the old one is retired. Sign a new key set for the "
          "partners (kpass keys sign-keyset) and reprint cards printed ahead of time whose "
          "validity starts after today.")
    print(f"Neuer Signaturschlüssel {new_id}; der alte ist stillgelegt. Bitte einen neuen "
          "Schlüsselsatz für die Partner signieren (kpass keys sign-keyset) und im Voraus "
          "gedruckte Karten, die erst nach heute gültig werden, neu drucken.")
    return 0


def _export_revoked(args: argparse.Namespace) -> int:
    from kpass.services.admin import export_revocation_list

    done = export_revocation_list(database_from_args(args), args.out,
                                  next_update_days=args.next_update_days)
    print(f"Wrote signed list {done.sequence} of {done.count} revoked pass number(s) to "
          f"{args.out}; the next list is due by {done.next_update.isoformat()}.")
    return 0


def _create_root(args: argparse.Namespace) -> int:
    from kpass.services.admin import create_root_key

    made = create_root_key(database_from_args(args), args.out, replace=args.replace)
    print(f"Wrote the root private key {made.key_id} to {made.path} (readable by you only).")
    print(f"Root key fingerprint: {made.fingerprint}")
    print("Store this file OFFLINE (e.g. a USB stick in the office safe, and a second copy "
          "elsewhere) and delete it from this computer: it is needed only to sign key sets "
          "(kpass keys sign-keyset). Publish the fingerprint to the partners on a separate "
          "channel (letter or phone), so they can pin it.")
    print(f"Wurzelschlüssel {made.key_id} (privat) nach {made.path} geschrieben (nur für Sie "
          "lesbar).")
    print(f"Fingerabdruck des Wurzelschlüssels: {made.fingerprint}")
    print("Bewahren Sie diese Datei OFFLINE auf (z. B. USB-Stick im Tresor und eine zweite "
          "Kopie an anderem Ort) und löschen Sie sie auf diesem Rechner: sie wird nur zum "
          "Signieren von Schlüsselsätzen gebraucht (kpass keys sign-keyset). Geben Sie den "
          "Fingerabdruck den Partnern auf einem getrennten Weg (Brief oder Telefon), damit "
          "sie ihn hinterlegen.")
    if made.replaced:
        print("The previous root key is replaced: every partner must pin the new fingerprint.")
        print("Der bisherige Wurzelschlüssel ist ersetzt: alle Partner müssen den neuen "
              "Fingerabdruck hinterlegen.")
    return 0


def _sign_key_set(args: argparse.Namespace) -> int:
    from kpass.services.admin import export_key_set

    root = _read_bytes(str(args.root), "--root")
    done = export_key_set(database_from_args(args), root, args.out, valid_days=args.valid_days)
    print(f"Wrote key set version {done.version} ({len(done.key_ids)} key(s): "
          f"{', '.join(done.key_ids)}) to {done.path}, valid until {done.expires.isoformat()}.")
    print(f"Root key fingerprint: {done.fingerprint}")
    print("Put the root key file back into its safe place.")
    print("Die Datei des Wurzelschlüssels bitte wieder sicher verwahren.")
    return 0


def _export_partner_page(args: argparse.Namespace) -> int:
    from kpass.services.admin import export_partner_page

    key_set = _read_bytes(str(args.keyset), "--keyset")
    done = export_partner_page(database_from_args(args), key_set, args.out,
                               next_update_days=args.next_update_days)
    lists = done.revocations
    print(f"Wrote the partner page {done.path}: key set version {done.keyset_version}, "
          f"revocation list {lists.sequence} ({lists.count} number(s)), next list due by "
          f"{lists.next_update.isoformat()}; root fingerprint {done.fingerprint}.")
    print(f"Prüfseite für Partner {done.path} geschrieben: Schlüsselsatz Version "
          f"{done.keyset_version}, Sperrliste Nr. {lists.sequence} ({lists.count} Nummern), "
          f"nächste bis {lists.next_update.strftime('%d.%m.%Y')}; Fingerabdruck des "
          f"Wurzelschlüssels {done.fingerprint}.")
    return 0


def _read_bytes(name: str, option: str) -> bytes:
    try:
        with open(name, "rb") as stream:
            data = stream.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InvalidInput(
            f"{option}: cannot read {name} ({exc.strerror or exc}).",
            f"{option}: {name} kann nicht gelesen werden ({exc.strerror or exc}).",
        ) from exc
    if len(data) > MAX_INPUT_BYTES:
        raise InvalidInput(f"{option}: {name} is too large.", f"{option}: {name} ist zu groß.")
    return data


def _read_text(name: str, option: str) -> str:
    # as bytes: line ends as they are in the file (a CR LF revocation list is refused)
    data = _read_bytes(name, option)
    try:
        return data.decode("ascii")
    except UnicodeDecodeError:
        raise InvalidInput(
            f"{option}: {name} contains non-ASCII bytes (it is not a file kpass wrote).",
            f"{option}: {name} enthält Bytes außerhalb von ASCII (keine Datei von kpass).",
        ) from None


def _today_in_germany() -> date:
    """Today in Europe/Berlin, the day the document's validity dates refer to."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return datetime.now(ZoneInfo("Europe/Berlin")).date()
    except ZoneInfoNotFoundError:  # no time zone database (Windows without tzdata)
        return date.today()


def default_state_file() -> Path:
    """Where ``kpass verify --keyset`` remembers the versions seen (the user's state folder)."""
    return Path(platformdirs.user_state_dir(APP_NAME, APP_AUTHOR)) / STATE_FILE_NAME


@dataclass
class _Checked:
    """What a check rests on besides the code: keys, the revocation list, the mode."""

    revocations: RevocationList | None = None
    unpinned: bool = False


def _refuse(message_en: str, message_de: str) -> InvalidInput:
    return InvalidInput(message_en, message_de)


def _check_options(args: argparse.Namespace) -> None:
    if args.keyset and args.public_key:
        raise _refuse("--keyset and --public-key exclude each other.",
                      "--keyset und --public-key schließen einander aus.")
    if args.keyset and getattr(args, "database", None):
        raise _refuse("--keyset and --database exclude each other (the register's keys need "
                      "no key set).", "--keyset und --database schließen einander aus (die "
                      "Schlüssel des Registers brauchen keinen Schlüsselsatz).")
    if args.keyset and not args.root_fingerprint:
        raise _refuse("--keyset needs --root-fingerprint: the fingerprint of the office's root "
                      "key that you pinned.", "--keyset braucht --root-fingerprint: den "
                      "hinterlegten Fingerabdruck des Wurzelschlüssels der Stelle.")
    if not args.keyset and (args.root_fingerprint or args.state):
        raise _refuse("--root-fingerprint and --state are used only with --keyset.",
                      "--root-fingerprint und --state gelten nur zusammen mit --keyset.")


def _load_state(path: Path) -> VerifierState:
    from kpass.services.admin import VerifierState, parse_verifier_state

    if not path.exists():
        return VerifierState()
    return parse_verifier_state(_read_text(str(path), "--state"))


def _save_state(path: Path, state: VerifierState, explicit: bool) -> None:
    from kpass.services.admin import dump_verifier_state

    try:
        if not explicit:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        replace_bytes(path, dump_verifier_state(state).encode("ascii"), "text")
    except OSError as exc:
        reason_en, reason_de = failure_reasons(exc)
        raise InvalidInput(
            f"--state: cannot write {path}: {reason_en}",
            f"--state: {path} kann nicht geschrieben werden: {reason_de}",
        ) from exc


def _with_key_set(
    args: argparse.Namespace, on: date
) -> tuple[dict[str, TrustedKey], _Checked]:
    """Keys from a key set of the pinned root, the list, and the state file kept current."""
    from kpass.services.admin import parse_fingerprint, read_key_set, read_revocation_list

    explicit = bool(args.state)
    state_path = Path(args.state) if explicit else default_state_file()
    state = _load_state(state_path)
    pinned = parse_fingerprint(args.root_fingerprint)
    seen = state.of(pinned)
    key_set = read_key_set(_read_text(args.keyset, "--keyset"), pinned, on, seen.keyset_version)
    keys = key_set.trusted_keys()
    after = state.seen(pinned, keyset_version=key_set.version)
    if after != state:
        _save_state(state_path, after, explicit)
    checked = _Checked()
    if args.revoked:
        checked.revocations = read_revocation_list(
            _read_text(args.revoked, "--revoked"), keys, on=on,
            last_sequence=seen.revocation_sequence,
        )
        listed = after.seen(pinned, revocation_sequence=checked.revocations.sequence)
        if listed != after:
            _save_state(state_path, listed, explicit)
    return keys, checked


def _verify(args: argparse.Namespace) -> int:
    from kpass.services.admin import (
        load_public_keys,
        read_revocation_list,
        trusted_keys,
        verify_against_register,
        verify_payload,
    )

    _check_options(args)
    on = iso_date(args.on, "--on") if args.on else _today_in_germany()
    # The payload is not stripped: verify_payload ignores exactly the white space the
    # document allows.
    if args.keyset:
        trusted, checked = _with_key_set(args, on)
        revoked = checked.revocations.numbers if checked.revocations else None
        result = verify_payload(args.payload, trusted, on, revoked)
    elif args.public_key:
        print("kpass: warning: --public-key is UNPINNED (nobody vouches for its keys): for "
              "testing only; partners check with --keyset and --root-fingerprint.",
              file=sys.stderr)
        print("kpass: Warnung: --public-key ist UNGESICHERT (niemand bürgt für die "
              "Schlüssel): nur zum Testen; Partner prüfen mit --keyset und "
              "--root-fingerprint.", file=sys.stderr)
        keys = load_public_keys(_read_text(args.public_key, "--public-key"))
        checked = _Checked(unpinned=True)
        if args.revoked:
            checked.revocations = read_revocation_list(
                _read_text(args.revoked, "--revoked"), keys, on=on)
        revoked = checked.revocations.numbers if checked.revocations else None
        result = verify_payload(args.payload, keys, on, revoked)
    else:
        # read only: a database without a key says so (exit 1) instead of making one
        database = database_from_args(args)
        checked = _Checked()
        if args.revoked:
            checked.revocations = read_revocation_list(
                _read_text(args.revoked, "--revoked"), trusted_keys(database), on=on)
        revoked = checked.revocations.numbers if checked.revocations else None
        result = verify_against_register(database, args.payload, on, revoked)
    return _report(args, result, checked, on)


def _report(
    args: argparse.Namespace, result: VerificationResult, checked: _Checked, on: date
) -> int:
    from kpass.services.admin import VerificationStatus

    revocations = checked.revocations
    stale = revocations is not None and revocations.is_stale(on)
    fields = result.fields
    if args.json:
        json.dump(
            {
                "status": str(result.status),
                "message": result.message_en,
                "number": fields.number if fields else None,
                "type": fields.pass_type if fields else None,
                "valid_until": fields.valid_until.isoformat() if fields else None,
                "revocation_list": None if revocations is None else {
                    "sequence": revocations.sequence,
                    "next_update": revocations.next_update.isoformat(),
                    "stale": stale,
                },
                "unpinned": checked.unpinned,
            },
            sys.stdout,
        )
        sys.stdout.write("\n")
    else:
        print(result.message_en)
        print(result.message_de)
        if fields is not None and result.status.genuine:
            print(f"{fields.number}  {fields.pass_type}  valid until {fields.valid_until:%d.%m.%Y}")
        if revocations is not None and stale:
            due = revocations.next_update.isoformat()
            print(f"The revocation list (sequence {revocations.sequence}) is STALE: a newer "
                  f"one was due by {due}. Numbers on it stay refused, but no card is accepted "
                  "until a current list is loaded.")
            print(f"Die Sperrliste (Folgenummer {revocations.sequence}) ist VERALTET: eine "
                  f"neuere war bis {due} fällig. Ihre Nummern bleiben gesperrt, aber keine "
                  "Karte wird anerkannt, bis eine aktuelle Liste geladen ist.")
    if result.status is VerificationStatus.NOT_IN_REGISTER:
        return EXIT_NOT_IN_REGISTER
    if result.status.accept:
        return EXIT_STALE_LIST if stale else EXIT_VALID
    return EXIT_NOT_NOW if result.status.genuine else EXIT_REFUSED
