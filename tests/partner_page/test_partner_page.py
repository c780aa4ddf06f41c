"""The partners' checker page in a real browser: made by ``kpass keys export-partner-page``
from a register, it gives the verdict ``kpass verify`` gives, makes no request, works by
keyboard (scanner) alone, takes newer lists dropped onto it and refuses older ones."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kpass.models.engine import Database
from kpass.services.admin import (
    create_root_key,
    export_key_set,
    export_partner_page,
    export_revocation_list,
    read_key_set,
    read_revocation_list,
    rotate_key,
    verify_payload,
)
from kpass.services.admin.signing_keys import find_active_key
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes, revoke_pass
from kpass.services.uow import UnitOfWork
from kpass.signing import PassFields, generate_key, sign_payload
from kpass.signing.errors import KeySetError
from tests.logins import log_in_admin
from tests.register_builder import add_household, add_income, household_of

DAY = date.today()
NOON = datetime(DAY.year, DAY.month, DAY.day, 12, 0)


@dataclass
class Office:
    database: Database
    page: Path
    key_set: str
    fingerprint: str
    numbers: list[str]
    folder: Path

    def payload(self, number: str, valid_from: date, valid_until: date,
                pass_type: str = "karlsruher_pass") -> str:
        with UnitOfWork(self.database, write=False) as uow:
            key = find_active_key(uow)
        assert key is not None
        fields = PassFields(number, pass_type, valid_from, valid_until, "SG", 1961)
        return sign_payload(fields, key.private_key_pem, key.key_id)

    def embedded(self) -> dict[str, str]:
        """The data block the page carries (key set, revocation list, fingerprint)."""
        html = self.page.read_text(encoding="utf-8")
        start = html.index('id="kpass-data">') + len('id="kpass-data">')
        block = html[start:html.index("</script>", start)]
        return dict(json.loads(block))  # "<\/" is JSON for "</"

    def verdict(self, payload: str, revocations: str, on: date = DAY,
                key_set: str | None = None) -> str:
        """What ``kpass verify --keyset … --revoked …`` says (the reference)."""
        keys = read_key_set(key_set or self.key_set, self.fingerprint, on).trusted_keys()
        listed = read_revocation_list(revocations, keys, on=on)
        return verify_payload(payload, keys, on, listed.numbers).status.value


def _issue(database: Database, name: str, born: date) -> str:
    [person] = add_household(database, [(name, "Selma", born, "applicant")])
    add_income(database, person, "pension", "900.00")
    application = apply(database, household_of(database, person), DAY, today=DAY)
    [card] = issue_passes(database, decide(database, application.application_id).decision_id)
    assert card.number is not None
    return card.number


@pytest.fixture
def office(database: Database, tmp_path: Path) -> Office:
    log_in_admin(database)
    rotate_key(database, DAY - timedelta(days=30))
    numbers = [_issue(database, name, date(1961, 2, day))
               for day, name in ((3, "Graf"), (14, "Ober"), (25, "Lind"))]
    revoke_pass(database, numbers[1], DAY, "verloren gemeldet", today=DAY)
    root = tmp_path / "root.pem"
    made = create_root_key(database, root)
    export_key_set(database, root.read_bytes(), tmp_path / "keyset.json", on=DAY)
    key_set = (tmp_path / "keyset.json").read_text()
    page = tmp_path / "pruefen.html"
    export_partner_page(database, key_set.encode(), page, on=DAY)
    return Office(database, page, key_set, made.fingerprint, numbers, tmp_path)


def dropped(page: Any, name: str, text: str, *more: tuple[str, str]) -> None:
    """``name`` with ``text`` (and ``more`` files, in this order) dragged from the file
    manager and dropped onto the page."""
    page.evaluate(
        """(given) => {
             const files = new DataTransfer();
             for (const [name, text] of given) {
               files.items.add(new File([text], name, { type: "text/plain" }));
             }
             document.getElementById("drop-zone").dispatchEvent(new DragEvent(
               "drop", { dataTransfer: files, bubbles: true, cancelable: true }));
           }""",
        [[name, text], *more],
    )


def _stranger() -> tuple[bytes, str]:
    """A key of somebody else (its private half and id)."""
    private, _, key_id = generate_key()
    return private, key_id


def opened(page: Any, office: Office, at: datetime = NOON) -> Any:
    page.clock.set_fixed_time(at)
    page.goto(office.page.as_uri())
    page.evaluate("() => globalThis.kpassPageReady")
    return page


def scan(page: Any, payload: str) -> tuple[str, str]:
    """Typed in as a handheld scanner does, Enter included; the status and headline."""
    field = page.locator("#scan")
    # forget the last result first, so that the wait below is for this card's
    page.evaluate("() => { delete document.getElementById('result').dataset.status; }")
    field.type(payload.strip())
    field.press("Enter")
    result = page.locator("#result")
    page.wait_for_function(
        "() => document.getElementById('result').dataset.status !== undefined")
    return result.get_attribute("data-status"), result.locator(".headline").inner_text()


def test_the_page_gives_the_verdict_of_kpass_verify(page: Any, office: Office) -> None:
    valid, revoked, _ = office.numbers
    year = timedelta(days=365)
    genuine = office.payload(valid, DAY - timedelta(days=10), DAY + year)
    stranger, _, stranger_id = generate_key()
    cases = {
        genuine: "genuine-valid",
        office.payload(valid, DAY - year, DAY - timedelta(days=1)): "genuine-expired",
        office.payload(valid, DAY + timedelta(days=1), DAY + year): "genuine-not-yet-valid",
        office.payload(revoked, DAY - timedelta(days=10), DAY + year): "genuine-revoked",
        genuine.replace("*SG*", "*SH*"): "forged-or-altered",
        sign_payload(PassFields(valid, "kinderpass", DAY, DAY + year, "SG", 1961), stranger,
                     stranger_id): "unknown-key",
        genuine[:-3]: "malformed",
        "KP2" + genuine[3:]: "malformed",
    }
    headlines = {"genuine-valid": "Gültig", "genuine-expired": "Abgelaufen",
                 "genuine-revoked": "Gesperrt", "unknown-key": "Unbekannter Schlüssel",
                 "forged-or-altered": "Nicht gültig", "malformed": "Nicht gültig",
                 "genuine-not-yet-valid": "Noch nicht gültig"}
    opened(page, office)
    for payload, expected in cases.items():
        assert office.verdict(payload, office.embedded()["revoked"]) == expected
        status, headline = scan(page, payload)
        assert (status, headline) == (expected, headlines[expected]), payload
        # ready for the next card: the field is empty and has the focus
        assert page.locator("#scan").input_value() == ""
        assert page.evaluate("() => document.activeElement.id") == "scan"
    assert page.requests == [office.page.as_uri()]  # type: ignore[attr-defined]


def test_a_newer_list_dropped_in_is_kept_and_an_older_one_refused(
    page: Any, office: Office
) -> None:
    _, _, later_revoked = office.numbers
    card = office.payload(later_revoked, DAY - timedelta(days=10), DAY + timedelta(days=300))
    opened(page, office)
    assert scan(page, card)[0] == "genuine-valid"
    embedded = office.folder / "embedded.txt"
    embedded.write_text(office.embedded()["revoked"])
    # the office revokes another pass and sends a newer list
    revoke_pass(office.database, later_revoked, DAY, "ersetzt", today=DAY)
    newer = office.folder / "sperrliste.txt"
    export_revocation_list(office.database, newer, on=DAY)
    page.locator("#update-file").set_input_files(str(newer))
    message = page.locator("#update-message")
    message.filter(has_text="übernommen").wait_for()
    assert "Sperrliste Nr. 2" in message.inner_text()
    assert scan(page, card) == ("genuine-revoked", "Gesperrt")
    assert office.verdict(card, newer.read_text()) == "genuine-revoked"
    # opened again, the page keeps the newer list, not the older one it carries
    opened(page, office)
    assert "Nr. 2" in page.locator("#revocation-state").inner_text()
    assert scan(page, card)[0] == "genuine-revoked"
    # the older list given again is a rollback: refused, the newer one stays
    page.locator("#update-file").set_input_files(str(embedded))
    message.filter(has_text="nicht übernommen").wait_for()
    assert "älter" in message.inner_text()
    assert scan(page, card)[0] == "genuine-revoked"
    # an altered list is refused too
    altered = office.folder / "altered.txt"
    altered.write_text(newer.read_text().replace("SEQUENCE 2", "SEQUENCE 9"))
    page.locator("#update-file").set_input_files(str(altered))
    message.filter(has_text="nicht übernommen").wait_for()
    assert "Nr. 2" in page.locator("#revocation-state").inner_text()
    assert page.requests == [office.page.as_uri()] * 2  # type: ignore[attr-defined]


def test_a_list_past_its_next_update_stops_valid_passes(page: Any, office: Office) -> None:
    valid = office.numbers[0]
    card = office.payload(valid, DAY - timedelta(days=10), DAY + timedelta(days=300))
    week_later = NOON + timedelta(days=8)  # the list promised the next within 7 days
    opened(page, office, at=week_later)
    state = page.locator("#revocation-state")
    assert "veraltet" in state.inner_text()
    assert scan(page, card) == ("stale", "Sperrliste veraltet")
    assert page.locator("#result .explanation").inner_text().startswith("Der Pass ist echt")


def test_keyboard_alone_and_every_result_screen(
    page: Any, office: Office, tmp_path: Path
) -> None:
    valid, revoked, _ = office.numbers
    year = timedelta(days=365)
    opened(page, office)
    assert page.evaluate("() => document.activeElement.id") == "scan"
    # Tab reaches every control with a visible focus, in reading order
    order = []
    for _ in range(4):
        page.keyboard.press("Tab")
        order.append(page.evaluate("() => document.activeElement.id"))
    assert order[:2] == ["check", "update-file"]
    page.locator("#scan").focus()
    screens = {
        "gueltig": office.payload(valid, DAY - timedelta(days=10), DAY + year),
        "gesperrt": office.payload(revoked, DAY - timedelta(days=10), DAY + year),
        "abgelaufen": office.payload(valid, DAY - year, DAY - timedelta(days=1)),
        "nicht-gueltig": office.payload(valid, DAY, DAY + year).replace("*SG*", "*SH*"),
        "noch-nicht-gueltig": office.payload(valid, DAY + timedelta(days=1), DAY + year),
        "unbekannter-schluessel": sign_payload(
            PassFields(valid, "kinderpass", DAY, DAY + year, "SG", 1961), *_stranger()),
    }
    expected = {"gueltig": "genuine-valid", "gesperrt": "genuine-revoked",
                "abgelaufen": "genuine-expired", "nicht-gueltig": "forged-or-altered",
                "noch-nicht-gueltig": "genuine-not-yet-valid",
                "unbekannter-schluessel": "unknown-key"}
    for name, payload in screens.items():
        assert scan(page, payload)[0] == expected[name], name
        page.screenshot(path=str(tmp_path / f"ergebnis-{name}.png"), full_page=True)
    # the names a screen reader announces contain the visible labels
    assert page.get_by_label("QR-Code scannen oder einfügen").count() == 1
    assert page.get_by_role("button", name="Prüfen").count() == 1
    assert page.get_by_label("Neue Sperrliste oder neuen Schlüsselsatz laden").count() == 1


def test_a_newer_key_set_dropped_in_admits_the_new_key_and_an_older_one_is_refused(
    page: Any, office: Office
) -> None:
    valid = office.numbers[0]
    old_key_set = office.key_set
    # the office rotates its signing key; cards signed with the new key are unknown at first
    rotate_key(office.database, DAY)
    card = office.payload(valid, DAY, DAY + timedelta(days=300))
    revocations = office.embedded()["revoked"]
    assert office.verdict(card, revocations) == "unknown-key"
    opened(page, office)
    assert scan(page, card) == ("unknown-key", "Unbekannter Schlüssel")
    assert "Version 1" in page.locator("#keyset-state").inner_text()
    newer = office.folder / "keyset-2.json"
    export_key_set(office.database, (office.folder / "root.pem").read_bytes(), newer, on=DAY)
    dropped(page, newer.name, newer.read_text())
    message = page.locator("#update-message")
    message.filter(has_text="Schlüsselsatz Version 2 übernommen").wait_for()
    assert page.evaluate("() => document.activeElement.id") == "scan"
    assert office.verdict(card, revocations, key_set=newer.read_text()) == "genuine-valid"
    assert scan(page, card) == ("genuine-valid", "Gültig")
    # kept: opened again, the page holds version 2, not the version 1 it carries
    opened(page, office)
    assert "Version 2" in page.locator("#keyset-state").inner_text()
    assert scan(page, card)[0] == "genuine-valid"
    # the carried version 1 dropped in again is a rollback
    dropped(page, "keyset.json", old_key_set)
    message.filter(has_text="Schlüsselsatz nicht übernommen").wait_for()
    assert "Version 2" in page.locator("#keyset-state").inner_text()
    # a key set signed by another root is refused whatever its version
    stranger = office.folder / "stranger.json"
    stranger.write_text(newer.read_text().replace('"keyset_version": 2', '"keyset_version": 7'))
    dropped(page, stranger.name, stranger.read_text())
    message.filter(has_text="Schlüsselsatz nicht übernommen").wait_for()
    assert "Version 2" in page.locator("#keyset-state").inner_text()
    # something else entirely is named as such
    dropped(page, "foto.jpg", "GIF89a")
    message.filter(has_text="weder Sperrliste noch Schlüsselsatz").wait_for()
    assert page.requests == [office.page.as_uri()] * 2  # type: ignore[attr-defined]


def test_without_a_usable_key_set_the_page_refuses_to_check(page: Any, office: Office) -> None:
    """The embedded key set has expired (a page left on a till for over a year): no card
    counts as valid, and the page says what to do."""
    card = office.payload(office.numbers[0], DAY, DAY + timedelta(days=800))
    later = NOON + timedelta(days=400)
    with pytest.raises(KeySetError, match="expired on"):
        office.verdict(card, office.embedded()["revoked"], on=later.date())
    opened(page, office, at=later)
    assert "Kein gültiger Schlüsselsatz" in page.locator("#keyset-state").inner_text()
    assert "Keine gültige Sperrliste" in page.locator("#revocation-state").inner_text()
    assert scan(page, card) == ("no-keys", "Prüfen nicht möglich")
    assert "Schlüsselsatz vom Amt laden" in page.locator("#result .explanation").inner_text()


def test_the_file_control_works_by_keyboard_alone(page: Any, office: Office) -> None:
    revoke_pass(office.database, office.numbers[2], DAY, "ersetzt", today=DAY)
    newer = office.folder / "sperrliste.txt"
    export_revocation_list(office.database, newer, on=DAY)
    opened(page, office)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "update-file"
    # Space activates the control as a click does, which is what opens the system's file
    # dialog (headless Chromium's dialog itself is not waited for: it came late at times)
    page.evaluate("""() => { window.kpassOpened = 0; document.getElementById("update-file")
                     .addEventListener("click", () => { window.kpassOpened += 1; }); }""")
    page.keyboard.press("Space")
    page.wait_for_function("() => window.kpassOpened === 1")
    # the file picked in that dialog
    page.locator("#update-file").set_input_files(str(newer))
    page.locator("#update-message").filter(has_text="Sperrliste Nr. 2").wait_for()
    # back in the scan field for the next card, without reaching for the mouse
    assert page.evaluate("() => document.activeElement.id") == "scan"
    card = office.payload(office.numbers[2], DAY, DAY + timedelta(days=300))
    assert scan(page, card)[0] == "genuine-revoked"


@pytest.mark.parametrize("width", [640, 320])
def test_the_page_reflows_at_200_and_400_percent_zoom(
    page: Any, office: Office, tmp_path: Path, width: int
) -> None:
    """A 1280 px wide till screen at 200 % zoom is 640 CSS pixels wide, at 400 % 320: every
    control stays reachable without scrolling sideways (WCAG 1.4.10)."""
    page.set_viewport_size({"width": width, "height": 800})
    opened(page, office)
    card = office.payload(office.numbers[0], DAY - timedelta(days=10), DAY + timedelta(days=300))
    scan(page, card)
    page.screenshot(path=str(tmp_path / f"breite-{width}.png"), full_page=True)
    assert page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    for control in ("#scan", "#check", "#update-file"):
        box = page.locator(control).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, control


def test_a_key_change_dropped_as_two_files_takes_both_in_any_order(
    page: Any, office: Office
) -> None:
    """At a key change the office sends the new key set and a list signed with the new key;
    dropped together, list first, both are taken and each file gets its line."""
    rotate_key(office.database, DAY)
    revoke_pass(office.database, office.numbers[2], DAY, "ersetzt", today=DAY)
    key_set = office.folder / "keyset-2.json"
    export_key_set(office.database, (office.folder / "root.pem").read_bytes(), key_set, on=DAY)
    newer = office.folder / "sperrliste-2.txt"
    export_revocation_list(office.database, newer, on=DAY)
    assert office.verdict(office.payload(office.numbers[2], DAY, DAY + timedelta(days=300)),
                          newer.read_text(), key_set=key_set.read_text()) == "genuine-revoked"
    opened(page, office)
    dropped(page, newer.name, newer.read_text(), (key_set.name, key_set.read_text()))
    message = page.locator("#update-message")
    message.filter(has_text="Sperrliste Nr. 2").wait_for()
    lines = message.inner_text().splitlines()
    assert any("Schlüsselsatz Version 2 übernommen" in line for line in lines), lines
    assert any("Sperrliste Nr. 2" in line and "übernommen" in line for line in lines), lines
    card = office.payload(office.numbers[2], DAY, DAY + timedelta(days=300))
    assert scan(page, card) == ("genuine-revoked", "Gesperrt")
