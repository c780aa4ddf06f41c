"""``export_partner_page`` on both databases: the page carries the office's key set, a new
revocation list and the register's own root fingerprint, and nothing that reaches out."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from kpass.errors import InvalidInput
from kpass.models.engine import Database
from kpass.services.admin import (
    create_root_key,
    export_key_set,
    export_partner_page,
    read_key_set,
    read_revocation_list,
    rotate_key,
)
from kpass.services.admin.partner_page import render_partner_page
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes, revoke_pass
from kpass.signing import generate_key, sign_key_set
from tests.logins import log_in_admin
from tests.register_builder import add_household, add_income, household_of

DAY = date(2026, 11, 2)


def _data(page: Path) -> dict[str, str]:
    html = page.read_text(encoding="utf-8")
    start = html.index('id="kpass-data">') + len('id="kpass-data">')
    return dict(json.loads(html[start:html.index("</script>", start)]))


def test_the_page_carries_key_set_fresh_list_and_the_registers_fingerprint(
    database: Database, tmp_path: Path
) -> None:
    log_in_admin(database)
    rotate_key(database, DAY - timedelta(days=30))
    [person] = add_household(database, [("Graf", "Selma", date(1961, 2, 3), "applicant")])
    add_income(database, person, "pension", "900.00")
    application = apply(database, household_of(database, person), DAY, today=DAY)
    [card] = issue_passes(database, decide(database, application.application_id).decision_id)
    assert card.number is not None
    revoke_pass(database, card.number, DAY, "verloren gemeldet", today=DAY)
    root = tmp_path / "root.pem"
    made = create_root_key(database, root)
    export_key_set(database, root.read_bytes(), tmp_path / "keyset.json", on=DAY)
    key_set = (tmp_path / "keyset.json").read_bytes()

    first = export_partner_page(database, key_set, tmp_path / "pruefen.html", on=DAY)
    second = export_partner_page(database, key_set, tmp_path / "pruefen2.html",
                                 next_update_days=14, on=DAY)
    assert (first.keyset_version, first.fingerprint) == (1, made.fingerprint)
    assert (first.revocations.sequence, second.revocations.sequence) == (1, 2)
    data = _data(tmp_path / "pruefen2.html")
    assert data["keyset"] == key_set.decode()
    assert data["fingerprint"] == made.fingerprint.replace(" ", "").lower()
    keys = read_key_set(data["keyset"], made.fingerprint, DAY).trusted_keys()
    listed = read_revocation_list(data["revoked"], keys, on=DAY)
    assert listed.numbers == {card.number}
    assert listed.next_update == DAY + timedelta(days=14)
    html = (tmp_path / "pruefen2.html").read_text(encoding="utf-8")
    assert not re.search(r"https?://|src=|href=|@import|url\(", html)
    assert "default-src 'none'" in html and "connect-src 'none'" in html


def test_a_key_set_of_another_root_writes_no_page(database: Database, tmp_path: Path) -> None:
    log_in_admin(database)
    rotate_key(database, DAY)
    create_root_key(database, tmp_path / "root.pem")
    stranger = generate_key()[0]
    _, card_public, card_id = generate_key()
    foreign = sign_key_set({card_id: card_public}, version=1, issued=DAY,
                           expires=DAY + timedelta(days=365), root_private_key=stranger)
    with pytest.raises(InvalidInput) as refused:
        export_partner_page(database, foreign.encode(), tmp_path / "p.html", on=DAY)
    assert "another root" in refused.value.message_en
    assert "Nichts wurde geschrieben" in refused.value.message_de
    assert not (tmp_path / "p.html").exists()
    with pytest.raises(InvalidInput, match="non-ASCII"):
        export_partner_page(database, "{ü}".encode(), tmp_path / "p.html", on=DAY)


def test_embedded_text_cannot_end_a_script_early() -> None:
    page = render_partner_page('{"x": "</script><script>alert(1)</script>"}',
                               "KPASS-REVOCATIONS 2\n<!--\n", "5E16 12D3")
    start = page.index('id="kpass-data">')
    block = page[start:page.index("</script>", start)]
    assert "alert" in block  # still inside the data block, as JSON text
    assert json.loads(block[len('id="kpass-data">'):])["keyset"].endswith("</script>\"}")
