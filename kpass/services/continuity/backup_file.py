"""The backup file: a readable header and the database's bytes, optionally encrypted.

Layout (docs/backup-restore.md)::

    KPASS-BACKUP 1\\n
    {"format": 1, "kpass_version": …, "counts": {…}, "payload": {…}, …}\\n
    payload

The first line tells the file's kind, the second is one line of JSON (the manifest) that
``head -2 FILE`` shows, the rest is the payload: a SQLite database file or a ``pg_dump -Fc``
archive. The manifest carries the payload's size and SHA-256, so a truncated or changed
file is found before anything is restored.

Encrypted files hold the payload in chunks of AES-256-GCM under a key derived from the
passphrase with argon2id and a random salt of the file (so no two files share a key, and a
chunk counter is a safe nonce). Each chunk's associated data binds it to the file's header,
its position and whether it is the last one: chunks cannot be swapped, dropped or taken
from another file, and the header cannot be changed, without the file failing to open.
A key-check tag in the header tells a wrong passphrase from a damaged file.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import os
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from argon2.exceptions import Argon2Error
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kpass.services.access.key_encryption import KdfCost
from kpass.services.access.passwords import MIN_LENGTH
from kpass.services.continuity.errors import BackupDamaged, NotABackupFile, PassphraseProblem

MAGIC = b"KPASS-BACKUP 1\n"
FORMAT_VERSION = 1
#: A manifest is small (a few dozen counts); more than this is not a kpass header.
MAX_HEADER_BYTES = 1 << 20
CHUNK_BYTES = 1 << 20
TAG_BYTES = 16
SALT_BYTES = 16
#: bounds of the argon2id cost a header may ask for (kpass writes t=3, 64 MiB, p=4): a
#: changed header must not tie up the computer before the file is found to be changed
MAX_KDF_TIME_COST = 10
MAX_KDF_MEMORY_KIB = 1 << 20  # 1 GiB
MAX_KDF_PARALLELISM = 16
CIPHER = "AES-256-GCM"
#: the same cost as the key slots of the logins (RFC 9106's second recommendation)
KDF_COST = KdfCost()
_KEY_CHECK_NONCE = b"\xff" * 12  # never a chunk's nonce: those start with four zero bytes
_KEY_CHECK_CONTEXT = b"kpass-backup-key-check"
_CHUNK_CONTEXT = b"kpass-backup-chunk"
_COPY_BYTES = 1 << 20

SQLITE_PAYLOAD = "sqlite3"
PG_PAYLOAD = "pg_dump-custom"
PAYLOADS = {"sqlite": SQLITE_PAYLOAD, "postgresql": PG_PAYLOAD}
#: why a backup was made
TRIGGERS = ("manual", "automatic", "before-restore")


@dataclass(frozen=True)
class Encryption:
    kdf: str
    salt: bytes
    key_check: bytes
    chunk_bytes: int = CHUNK_BYTES

    def as_json(self) -> dict[str, Any]:
        return {
            "cipher": CIPHER,
            "kdf": self.kdf,
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "key_check": base64.b64encode(self.key_check).decode("ascii"),
            "chunk_bytes": self.chunk_bytes,
        }


@dataclass(frozen=True)
class BackupManifest:
    """What a backup file says about itself (its header)."""

    kpass_version: str
    database_kind: str  # "sqlite" or "postgresql"
    schema_revision: str | None
    created_at: datetime  # UTC
    trigger: str
    source: str  # the database it was made of (URL without password)
    counts: dict[str, int]
    payload_size: int
    payload_sha256: str
    encryption: Encryption | None = None
    format_version: int = FORMAT_VERSION

    @property
    def encrypted(self) -> bool:
        return self.encryption is not None

    def as_json(self) -> dict[str, Any]:
        return {
            "format": self.format_version,
            "kpass_version": self.kpass_version,
            "database_kind": self.database_kind,
            "schema_revision": self.schema_revision,
            "created_at": self.created_at.isoformat(),
            "trigger": self.trigger,
            "source": self.source,
            "counts": dict(sorted(self.counts.items())),
            "payload": {
                "format": PAYLOADS[self.database_kind],
                "size": self.payload_size,
                "sha256": self.payload_sha256,
            },
            "encryption": self.encryption.as_json() if self.encryption else None,
        }

    def header_line(self) -> bytes:
        return json.dumps(self.as_json(), ensure_ascii=True, separators=(",", ":")).encode(
            "ascii") + b"\n"


def check_new_passphrase(passphrase: str) -> None:
    """A passphrase for a new backup: as long as a login password at least."""
    check_passphrase(passphrase)
    if len(passphrase) < MIN_LENGTH:
        raise PassphraseProblem(
            f"The passphrase must have at least {MIN_LENGTH} characters.",
            f"Die Passphrase muss mindestens {MIN_LENGTH} Zeichen lang sein.",
        )


def check_passphrase(passphrase: str) -> None:
    if not passphrase.strip():
        raise PassphraseProblem(
            "The passphrase is empty.",
            "Die Passphrase ist leer.",
        )


def _derive(passphrase: str, salt: bytes, cost: KdfCost) -> bytes:
    # NFC: "ä" typed as one character or as "a" and a combining mark (another keyboard,
    # another system) is the same passphrase
    return hash_secret_raw(
        unicodedata.normalize("NFC", passphrase).encode("utf-8"),
        salt,
        time_cost=cost.time_cost,
        memory_cost=cost.memory_kib,
        parallelism=cost.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def new_encryption(passphrase: str) -> tuple[Encryption, bytes]:
    """Fresh parameters for one file and the key they give."""
    check_new_passphrase(passphrase)
    salt = os.urandom(SALT_BYTES)
    key = _derive(passphrase, salt, KDF_COST)
    check = AESGCM(key).encrypt(_KEY_CHECK_NONCE, b"", _KEY_CHECK_CONTEXT)
    return Encryption(KDF_COST.text(), salt, check), key


def _chunk_nonce(index: int) -> bytes:
    return b"\x00" * 4 + index.to_bytes(8, "big")


def _chunk_context(header_digest: bytes, index: int, last: bool) -> bytes:
    flag = b"\x01" if last else b"\x00"
    return _CHUNK_CONTEXT + header_digest + index.to_bytes(8, "big") + flag


def _chunk_count(size: int, chunk_bytes: int) -> int:
    return max(1, math.ceil(size / chunk_bytes))


def stored_payload_size(manifest: BackupManifest) -> int:
    if manifest.encryption is None:
        return manifest.payload_size
    chunks = _chunk_count(manifest.payload_size, manifest.encryption.chunk_bytes)
    return manifest.payload_size + chunks * TAG_BYTES


def file_digest(path: Path) -> tuple[int, str]:
    """Size and hex SHA-256 of a file, read in pieces."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as stream:
        while block := stream.read(_COPY_BYTES):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def write_backup(stream: BinaryIO, manifest: BackupManifest, payload: Path,
                 key: bytes | None) -> None:
    """The whole file: magic, header, payload (encrypted with ``key`` when the manifest
    says so)."""
    header = manifest.header_line()
    stream.write(MAGIC)
    stream.write(header)
    with open(payload, "rb") as source:
        if manifest.encryption is None:
            while block := source.read(_COPY_BYTES):
                stream.write(block)
            return
        assert key is not None
        cipher = AESGCM(key)
        digest = hashlib.sha256(header).digest()
        chunk_bytes = manifest.encryption.chunk_bytes
        count = _chunk_count(manifest.payload_size, chunk_bytes)
        for index in range(count):
            plain = source.read(chunk_bytes)
            context = _chunk_context(digest, index, index == count - 1)
            stream.write(cipher.encrypt(_chunk_nonce(index), plain, context))


def _damaged(path: Path, why_en: str, why_de: str) -> BackupDamaged:
    return BackupDamaged(
        f"The backup {path} is damaged or was changed ({why_en}); nothing was restored or "
        "changed. Use another copy of the backup.",
        f"Die Sicherung {path} ist beschädigt oder wurde verändert ({why_de}); es wurde "
        "nichts wiederhergestellt oder geändert. Bitte eine andere Kopie der Sicherung "
        "verwenden.",
    )


def _not_a_backup(path: Path) -> NotABackupFile:
    return NotABackupFile(
        f"{path} is not a kpass backup (made with: kpass backup).",
        f"{path} ist keine kpass-Sicherung (erstellt mit: kpass backup).",
    )


def _read_header(stream: BinaryIO, path: Path) -> bytes:
    if stream.read(len(MAGIC)) != MAGIC:
        raise _not_a_backup(path)
    header = stream.readline(MAX_HEADER_BYTES)
    if not header.endswith(b"\n"):
        raise _damaged(path, "the header is incomplete", "der Kopf ist unvollständig")
    return header


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("not a text")
    return value


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("not a count")
    return value


def _encryption(value: Any) -> Encryption | None:
    if value is None:
        return None
    if not isinstance(value, dict) or value.get("cipher") != CIPHER:
        raise ValueError("unknown cipher")
    _check_cost(KdfCost.parse(_text(value["kdf"])))
    chunk_bytes = _count(value["chunk_bytes"])
    if not 1 <= chunk_bytes <= 1 << 26:
        raise ValueError("chunk size")
    salt = base64.b64decode(_text(value["salt"]), validate=True)
    key_check = base64.b64decode(_text(value["key_check"]), validate=True)
    if len(salt) != SALT_BYTES or len(key_check) != TAG_BYTES:
        raise ValueError("salt or key check")
    return Encryption(kdf=_text(value["kdf"]), salt=salt, key_check=key_check,
                      chunk_bytes=chunk_bytes)


def _check_cost(cost: KdfCost) -> None:
    """The header is read before anything is authenticated: a changed one must not make
    the key derivation take hours or all the memory, or fail with argon2's own error."""
    if not 1 <= cost.time_cost <= MAX_KDF_TIME_COST:
        raise ValueError("argon2 time cost")
    if not 1 <= cost.parallelism <= MAX_KDF_PARALLELISM:
        raise ValueError("argon2 parallelism")
    # argon2 needs at least 8 KiB per lane
    if not 8 * cost.parallelism <= cost.memory_kib <= MAX_KDF_MEMORY_KIB:
        raise ValueError("argon2 memory cost")


def _manifest(document: Any) -> BackupManifest:
    if not isinstance(document, dict):
        raise ValueError("not an object")
    kind = _text(document["database_kind"])
    payload = document["payload"]
    if kind not in PAYLOADS or not isinstance(payload, dict) \
            or payload.get("format") != PAYLOADS[kind]:
        raise ValueError("payload kind")
    counts = document["counts"]
    if not isinstance(counts, dict):
        raise ValueError("counts")
    revision = document["schema_revision"]
    created_at = datetime.fromisoformat(_text(document["created_at"]))
    if created_at.tzinfo is None:
        raise ValueError("naive time")
    trigger = _text(document["trigger"])
    if trigger not in TRIGGERS:
        raise ValueError("trigger")
    sha = _text(payload["sha256"])
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise ValueError("sha256")
    return BackupManifest(
        kpass_version=_text(document["kpass_version"]),
        database_kind=kind,
        schema_revision=None if revision is None else _text(revision),
        created_at=created_at,
        trigger=trigger,
        source=_text(document["source"]),
        counts={_text(name): _count(number) for name, number in counts.items()},
        payload_size=_count(payload["size"]),
        payload_sha256=sha,
        encryption=_encryption(document["encryption"]),
        format_version=FORMAT_VERSION,
    )


def read_manifest(path: Path) -> BackupManifest:
    """The header of a backup file, checked field by field (nothing is decrypted)."""
    manifest, _header = _open_manifest(path)
    return manifest


def _open_manifest(path: Path) -> tuple[BackupManifest, bytes]:
    try:
        with open(path, "rb") as stream:
            header = _read_header(stream, path)
    except IsADirectoryError:
        raise _not_a_backup(path) from None
    except OSError as exc:
        raise NotABackupFile(
            f"Cannot read the backup {path}: {exc.strerror or exc}",
            f"Die Sicherung {path} kann nicht gelesen werden: {exc.strerror or exc}",
        ) from exc
    try:
        document = json.loads(header)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _damaged(path, "the header is not readable", "der Kopf ist nicht lesbar") from None
    version = document.get("format") if isinstance(document, dict) else None
    if isinstance(version, int) and version > FORMAT_VERSION:
        raise NotABackupFile(
            f"The backup {path} has format {version}, which this kpass version does not know "
            "(made by a newer kpass?).",
            f"Die Sicherung {path} hat das Format {version}, das diese kpass-Version nicht "
            "kennt (von einer neueren kpass-Version erstellt?).",
        )
    try:
        if version != FORMAT_VERSION:
            raise ValueError("format")
        return _manifest(document), header
    except (KeyError, TypeError, ValueError, binascii.Error):
        raise _damaged(path, "the header is not valid", "der Kopf ist ungültig") from None


def _key(manifest: BackupManifest, passphrase: str | None, path: Path) -> bytes | None:
    encryption = manifest.encryption
    if encryption is None:
        return None
    if passphrase is None:
        raise PassphraseProblem(
            f"The backup {path} is encrypted: give its passphrase with --passphrase-file FILE "
            "or --passphrase-stdin.",
            f"Die Sicherung {path} ist verschlüsselt: bitte die Passphrase mit "
            "--passphrase-file DATEI oder --passphrase-stdin angeben.",
        )
    check_passphrase(passphrase)
    try:
        key = _derive(passphrase, encryption.salt, KdfCost.parse(encryption.kdf))
    except (Argon2Error, OverflowError, MemoryError, ValueError) as exc:
        # the header's bounds keep argon2 within reason; whatever it still refuses is a
        # header that was changed
        raise _damaged(path, f"its key derivation cannot run: {exc}",
                       f"seine Schlüsselableitung ist nicht ausführbar: {exc}") from None
    try:
        AESGCM(key).decrypt(_KEY_CHECK_NONCE, encryption.key_check, _KEY_CHECK_CONTEXT)
    except InvalidTag:
        raise PassphraseProblem(
            f"The passphrase does not open the backup {path} (wrong passphrase?); nothing "
            "was changed.",
            f"Die Passphrase öffnet die Sicherung {path} nicht (falsche Passphrase?); es "
            "wurde nichts geändert.",
        ) from None
    return key


def _plain_blocks(stream: BinaryIO, manifest: BackupManifest, header: bytes,
                  key: bytes | None, path: Path) -> Iterator[bytes]:
    encryption = manifest.encryption
    truncated = ("the file is shorter than its header says",
                 "die Datei ist kürzer als im Kopf angegeben")
    if encryption is None or key is None:
        left = manifest.payload_size
        while left:
            block = stream.read(min(left, _COPY_BYTES))
            if not block:
                raise _damaged(path, *truncated)
            left -= len(block)
            yield block
        return
    cipher = AESGCM(key)
    digest = hashlib.sha256(header).digest()
    count = _chunk_count(manifest.payload_size, encryption.chunk_bytes)
    left = manifest.payload_size
    for index in range(count):
        plain_size = min(left, encryption.chunk_bytes)
        sealed = stream.read(plain_size + TAG_BYTES)
        if len(sealed) != plain_size + TAG_BYTES:
            raise _damaged(path, *truncated)
        try:
            yield cipher.decrypt(_chunk_nonce(index), sealed,
                                 _chunk_context(digest, index, index == count - 1))
        except InvalidTag:
            raise _damaged(path, f"encrypted part {index + 1} of {count} does not open",
                           f"verschlüsselter Teil {index + 1} von {count} lässt sich nicht "
                           "öffnen") from None
        left -= plain_size


def extract_payload(path: Path, passphrase: str | None, target: Path) -> BackupManifest:
    """Write the payload of ``path`` into ``target`` (which must exist, e.g. made 0600),
    checked against the header's size and SHA-256; raises before returning when anything
    does not fit."""
    manifest, header = _open_manifest(path)
    key = _key(manifest, passphrase, path)
    digest = hashlib.sha256()
    with open(path, "rb") as stream, open(target, "r+b") as out:
        stream.seek(len(MAGIC) + len(header))
        out.truncate(0)
        for block in _plain_blocks(stream, manifest, header, key, path):
            digest.update(block)
            out.write(block)
        if stream.read(1):
            raise _damaged(path, "there are bytes after the end of the backup",
                           "nach dem Ende der Sicherung folgen weitere Bytes")
        out.flush()
        os.fsync(out.fileno())
    if digest.hexdigest() != manifest.payload_sha256:
        raise _damaged(path, "the checksum of the contents does not match",
                       "die Prüfsumme des Inhalts stimmt nicht")
    return manifest


def starts_like_a_backup(path: Path) -> bool:
    try:
        with open(path, "rb") as stream:
            return stream.read(len(MAGIC)) == MAGIC
    except OSError:
        return False
