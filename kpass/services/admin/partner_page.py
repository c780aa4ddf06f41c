"""The partners' pass checker: one self-contained HTML page with the office's key set, a
fresh revocation list and the root fingerprint pinned (README: "Für Partner").

The page is assembled from ``resources/partner_page/`` (page.html, page.css, checker.js,
page.js): styles and scripts inline, the data as a JSON block, so that it opens from a USB
stick or a shared folder and never makes a request. The pinned fingerprint is the
register's root key, not the key set's: a key set signed by another root is refused here
already, as the page would refuse it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kpass.documents.output import write_bytes
from kpass.errors import InvalidInput
from kpass.models.engine import Database
from kpass.resource_files import resource_path
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.admin.key_set import ROOT_PUBLIC_KEY_KEY, RootKeyError
from kpass.services.admin.setting_counters import read_setting
from kpass.services.admin.signing_keys import RevocationExport, signed_revocation_list
from kpass.services.uow import UnitOfWork
from kpass.signing import root_fingerprint
from kpass.signing.errors import KeySetError
from kpass.signing.key_set import read_key_set

PAGE_FOLDER = "partner_page"
# placeholders in page.html, each replaced once
_STYLE, _CHECKER, _PAGE, _DATA = (
    "/*KPASS_STYLE*/", "/*KPASS_CHECKER*/", "/*KPASS_PAGE*/", "/*KPASS_DATA*/"
)


@dataclass(frozen=True)
class PartnerPageExport:
    path: Path
    keyset_version: int
    fingerprint: str
    revocations: RevocationExport


def _part(name: str) -> str:
    return resource_path(PAGE_FOLDER, name).read_text(encoding="utf-8")


def _inline_script(text: str) -> str:
    # "</script" (any case) would end the element early; "<!--" could start an HTML comment
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def render_partner_page(key_set: str, revocations: str, fingerprint: str) -> str:
    """The page's HTML for a key set and a revocation list (both as the office wrote them)
    and the root ``fingerprint`` (as :func:`kpass.signing.root_fingerprint` writes it)."""
    data = json.dumps({
        "fingerprint": fingerprint.replace(" ", "").lower(),
        "fingerprintText": fingerprint,
        "keyset": key_set,
        "revoked": revocations,
    }, ensure_ascii=True)
    page = _part("page.html")
    for placeholder, content in (
        (_STYLE, _part("page.css")),
        (_CHECKER, _inline_script(_part("checker.js"))),
        (_PAGE, _inline_script(_part("page.js"))),
        # JSON's own escape: no "<" at all, so no "</script" and no "<!--"
        (_DATA, data.replace("<", "\\u003c")),
    ):
        if page.count(placeholder) != 1:
            raise RuntimeError(f"page.html must hold {placeholder} exactly once")
        page = page.replace(placeholder, content)
    return page


@requires(Permission.KEYS)
def export_partner_page(
    database: Database, key_set: bytes, out: Path, next_update_days: int = 7,
    on: date | None = None,
) -> PartnerPageExport:
    """Write the partners' checker page to ``out``: the signed ``key_set`` (the file of
    ``kpass keys sign-keyset``, checked against the register's root key), a new revocation
    list of today (the register's next sequence) and the register's root fingerprint."""
    day = on or date.today()
    try:
        key_set_text = key_set.decode("ascii")
    except UnicodeDecodeError:
        raise InvalidInput(
            "--keyset: the file contains non-ASCII bytes (it is not a key set kpass wrote).",
            "--keyset: die Datei enthält Bytes außerhalb von ASCII (kein Schlüsselsatz von "
            "kpass).",
        ) from None
    with UnitOfWork(database) as uow:
        stored = read_setting(uow, ROOT_PUBLIC_KEY_KEY)
        if stored is None:
            raise RootKeyError(
                "The register has no root key yet: make one with kpass keys create-root, "
                "then sign a key set with kpass keys sign-keyset.",
                "Das Register hat noch keinen Wurzelschlüssel: bitte mit kpass keys "
                "create-root anlegen und dann mit kpass keys sign-keyset einen "
                "Schlüsselsatz signieren.",
            )
        fingerprint = root_fingerprint(bytes.fromhex(stored))
        try:
            accepted = read_key_set(key_set_text, fingerprint, day)
        except KeySetError as exc:
            raise InvalidInput(
                f"--keyset: {exc.message_en}. Nothing was written.",
                f"--keyset: {exc.message_de}. Nichts wurde geschrieben.",
            ) from exc
        revocations, made = signed_revocation_list(uow, day, next_update_days)
        page = render_partner_page(key_set_text, revocations, fingerprint)
        write_bytes(out, page.encode("utf-8"), "text")
        uow.audit("export_partner_page", "register_setting", None,
                  keyset_version=accepted.version, revocation_sequence=made.sequence)
        uow.commit()
    return PartnerPageExport(out, accepted.version, fingerprint, made)
