"""The 60plus receipt carries the letterhead of the household's issuer, like the decision
letters: an Ettlingen household's receipt names Ettlingen's office and contact, a Karlsruhe
household's the letter settings' office (SQLite and PostgreSQL; read with pdftotext)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes
from kpass.services.vouchers import hand_out_vouchers, print_voucher_receipt
from tests.documents.pdf_tools import pdf_text, render
from tests.register_builder import add_household, add_income, household_of
from tests.services.vouchers.conftest import DAY, FUTURE

HANDED_OUT = date(2026, 3, 20)


def _senior_with_vouchers(database: Database, municipality: str, family: str) -> tuple[int, str]:
    """A 60+ holder living in ``municipality`` who got this year's vouchers: (hand-out, pass)."""
    [person] = add_household(database, [(family, "Jürgen", date(1950, 5, 5), "applicant")],
                             street="Marktstraße", municipality=municipality,
                             stadtteil="01" if municipality == "Karlsruhe" else None)
    add_income(database, person, "pension", "1000.00")
    application = apply(database, household_of(database, person), DAY, today=FUTURE)
    [card] = issue_passes(database, decide(database, application.application_id).decision_id)
    assert card.number is not None
    return hand_out_vouchers(database, person, on=HANDED_OUT).id, card.number


def _receipt_text(database: Database, voucher_id: int, out: Path) -> str:
    print_voucher_receipt(database, voucher_id, out, printed_on=date(2026, 3, 23))
    return " ".join(pdf_text(out).split())


def test_an_ettlingen_households_receipt_carries_ettlingens_letterhead(
    database: Database, tmp_path: Path
) -> None:
    voucher_id, number = _senior_with_vouchers(database, "Ettlingen", "Roth")
    assert number.startswith("ET-")
    out = tmp_path / "ettlingen.pdf"
    text = _receipt_text(database, voucher_id, out)
    for expected in ("Stadt Ettlingen", "Amt für Bildung, Jugend, Familie und Senioren",
                     "Marktplatz 2", "76275 Ettlingen", "Telefon 07243 101-0",
                     "stadt@ettlingen.de", f"Passnummer {number}", "Betrag 120,00 €"):
        assert expected in text, expected
    # nothing of Karlsruhe's office: neither its name, its address nor its contact lines
    for absent in ("Stadt Karlsruhe", "Kaiserallee 4", "0721 133-0", "Sozial- und Jugendbehörde"):
        assert absent not in text, absent
    assert render(out, tmp_path, dpi=40)  # pdftoppm draws it


def test_a_karlsruhe_households_receipt_keeps_the_letter_settings_office(
    database: Database, tmp_path: Path
) -> None:
    voucher_id, number = _senior_with_vouchers(database, "Karlsruhe", "Weiß")
    assert number.startswith("KA-")
    text = _receipt_text(database, voucher_id, tmp_path / "karlsruhe.pdf")
    for expected in ("Stadt Karlsruhe", "Sozial- und Jugendbehörde", "Kaiserallee 4",
                     "Telefon 0721 133-0 (Zentrale)"):
        assert expected in text, expected
    assert "Ettlingen" not in text and "07243" not in text
