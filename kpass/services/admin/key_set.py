"""The office's root key and the signed key set for partners (docs/qr-payload.md, section 6).

The root key's private half never enters the register: :func:`create_root_key` writes it to a
file (0600) that the admin keeps offline, and the register keeps only its public half, to
tell that a root file handed to :func:`export_key_set` is the right one. Partners pin the
root's fingerprint once; every later key set (after a rotation, before the last one
expires) is signed with the root file taken out of its safe place for the moment.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kpass.atomic_file import failure_reasons
from kpass.documents.output import write_bytes
from kpass.errors import KpassError
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.admin.setting_counters import (
    locked_setting,
    next_number,
    read_setting,
    set_setting,
)
from kpass.services.admin.signing_keys import active_key, all_trusted_keys
from kpass.services.uow import UnitOfWork
from kpass.signing import key_id_of, load_private_key, root_fingerprint, sign_key_set
from kpass.signing.keys import raw_public_bytes

#: register_setting: the root public key (64 hex digits) and the last key-set version
ROOT_PUBLIC_KEY_KEY = "keyset_root_public_key"
KEYSET_VERSION_KEY = "keyset_version"
DEFAULT_VALID_DAYS = 365
MAX_VALID_DAYS = 5 * 366


class RootKeyError(KpassError):
    """The root key is missing, already there, or a file is not the register's root key."""

    exit_code = 2


@dataclass(frozen=True)
class RootKeyCreated:
    path: Path
    key_id: str
    fingerprint: str
    replaced: bool


@dataclass(frozen=True)
class KeySetExport:
    path: Path
    version: int
    fingerprint: str
    key_ids: tuple[str, ...]
    issued: date
    expires: date


def _write_new_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file readable by its owner only; never replaces a file."""
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        descriptor = os.open(path, flags, 0o600)
    except FileExistsError:
        raise RootKeyError(
            f"{path} exists already: kpass never overwrites a key file. Choose another name.",
            f"{path} existiert bereits: kpass überschreibt nie eine Schlüsseldatei. Bitte einen "
            "anderen Namen wählen.",
        ) from None
    except OSError as exc:
        reason_en, reason_de = failure_reasons(exc)
        raise RootKeyError(f"cannot write {path}: {reason_en}",
                           f"{path} kann nicht geschrieben werden: {reason_de}") from exc
    try:
        with os.fdopen(descriptor, "wb") as stream:
            if hasattr(os, "fchmod"):
                os.fchmod(stream.fileno(), 0o600)  # whatever the umask
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            path.unlink()
        reason_en, reason_de = failure_reasons(exc)
        raise RootKeyError(f"cannot write {path}: {reason_en}",
                           f"{path} kann nicht geschrieben werden: {reason_de}") from exc


@requires(Permission.KEYS)
def create_root_key(database: Database, out: Path, replace: bool = False) -> RootKeyCreated:
    """Make the office's root key: its private half goes to the new file ``out`` (0600, an
    existing file is never replaced), its public half into the register. Refuses when the
    register has a root key already, unless ``replace`` (then every partner must pin the new
    fingerprint)."""
    private = Ed25519PrivateKey.generate()
    public_raw = raw_public_bytes(private.public_key())
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    fingerprint = root_fingerprint(public_raw)
    with UnitOfWork(database) as uow:
        existing = locked_setting(uow, ROOT_PUBLIC_KEY_KEY)
        if existing is not None and not replace:
            raise RootKeyError(
                "The register has a root key already (fingerprint "
                f"{root_fingerprint(bytes.fromhex(existing.value))}); partners have pinned it. "
                "To replace it on purpose (every partner must then pin the new one), give "
                "--replace.",
                "Das Register hat bereits einen Wurzelschlüssel (Fingerabdruck "
                f"{root_fingerprint(bytes.fromhex(existing.value))}); die Partner haben ihn "
                "hinterlegt. Um ihn bewusst zu ersetzen (alle Partner müssen dann den neuen "
                "hinterlegen), --replace angeben.",
            )
        if out.exists() or out.is_symlink():
            raise RootKeyError(
                f"{out} exists already: kpass never overwrites a key file. Choose another name.",
                f"{out} existiert bereits: kpass überschreibt nie eine Schlüsseldatei. Bitte "
                "einen anderen Namen wählen.",
            )
        set_setting(uow, ROOT_PUBLIC_KEY_KEY, public_raw.hex())
        uow.audit("create_root_key", "register_setting", None, root_key_id=key_id_of(public_raw),
                  fingerprint=fingerprint, replaced=existing is not None)
        _write_new_private_file(out, pem)
        try:
            uow.commit()
        except BaseException:
            with contextlib.suppress(OSError):
                out.unlink()  # a root the register does not know is worth nothing
            raise
    return RootKeyCreated(out, key_id_of(public_raw), fingerprint, existing is not None)


@requires(Permission.KEYS)
def export_key_set(
    database: Database,
    root_private_key: bytes,
    out: Path,
    valid_days: int = DEFAULT_VALID_DAYS,
    on: date | None = None,
) -> KeySetExport:
    """Sign every key of the register (a retired one with its retirement day as not_after)
    with the root key into the key-set file ``out``, valid ``valid_days`` from today, with
    the next key-set version. ``root_private_key`` is the content of the root key file; it
    must be the register's root key. A register without a signing key makes its first."""
    if not 1 <= valid_days <= MAX_VALID_DAYS:
        raise RootKeyError(
            f"A key set is valid for 1 to {MAX_VALID_DAYS} days.",
            f"Ein Schlüsselsatz gilt 1 bis {MAX_VALID_DAYS} Tage.",
        )
    root = load_private_key(root_private_key)
    root_public = raw_public_bytes(root.public_key())
    issued = on or date.today()
    expires = issued + timedelta(days=valid_days)
    with UnitOfWork(database) as uow:
        stored = read_setting(uow, ROOT_PUBLIC_KEY_KEY)
        if stored is None:
            raise RootKeyError(
                "The register has no root key yet: make one with kpass keys create-root.",
                "Das Register hat noch keinen Wurzelschlüssel: bitte mit kpass keys "
                "create-root anlegen.",
            )
        if bytes.fromhex(stored) != root_public:
            raise RootKeyError(
                f"The root file is not the register's root key (its fingerprint is "
                f"{root_fingerprint(root_public)}, the register's "
                f"{root_fingerprint(bytes.fromhex(stored))}). Nothing was signed.",
                f"Die Wurzeldatei ist nicht der Wurzelschlüssel des Registers (ihr "
                f"Fingerabdruck ist {root_fingerprint(root_public)}, der des Registers "
                f"{root_fingerprint(bytes.fromhex(stored))}). Nichts wurde signiert.",
            )
        active_key(uow)
        keys = all_trusted_keys(uow)
        version = next_number(uow, KEYSET_VERSION_KEY)
        text = sign_key_set(keys, version=version, issued=issued, expires=expires,
                            root_private_key=root)
        write_bytes(out, text.encode("ascii"), "text")
        uow.audit("sign_keyset", "register_setting", None, version=version,
                  root_key_id=key_id_of(root_public), key_ids=sorted(keys),
                  expires=expires.isoformat())
        uow.commit()
    return KeySetExport(out, version, root_fingerprint(root_public), tuple(sorted(keys)),
                        issued, expires)
