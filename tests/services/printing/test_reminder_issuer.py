"""Renewal reminders carry the letterhead of each holder's household's issuer: one month's
batch on a regional register mixes Karlsruhe and Ettlingen households, and each letter names
its own office, return address and contact (SQLite and PostgreSQL; read with pdftotext)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.passes.actions import issue_passes
from kpass.services.printing import print_renewal_reminders
from tests.documents.pdf_tools import pdf_info, pdf_text
from tests.register_builder import add_household, add_income, household_of

FUTURE = date(2030, 1, 1)
DAY = date(2026, 3, 16)  # the passes run to 31.03.2027
LETTER_DAY = date(2027, 2, 15)

ETTLINGEN_OFFICE = ("Stadt Ettlingen", "Amt für Bildung, Jugend, Familie und Senioren",
                    "Marktplatz 2", "76275 Ettlingen", "Telefon 07243 101-0",
                    "stadt@ettlingen.de")
KARLSRUHE_OFFICE = ("Stadt Karlsruhe", "Sozial- und Jugendbehörde", "Kaiserallee 4",
                    "Telefon 0721 133-0 (Zentrale)")


def _holder(database: Database, municipality: str, family: str, given: str, born: date) -> str:
    """A household in ``municipality`` with a pass expiring in March 2027: its number."""
    [person] = add_household(database, [(family, given, born, "applicant")],
                             street="Marktstraße", municipality=municipality,
                             stadtteil="01" if municipality == "Karlsruhe" else None)
    add_income(database, person, "pension", "900.00")
    application = apply(database, household_of(database, person), DAY, today=FUTURE)
    [card] = issue_passes(database, decide(database, application.application_id).decision_id)
    assert card.number is not None
    return card.number


def _letters(pdf: Path) -> dict[str, str]:
    """The text of each letter (its pages joined, blanks folded) by the pass number it names."""
    letters: dict[str, str] = {}
    current = ""
    for page in pdf_text(pdf).split("\f"):
        text = " ".join(page.split())
        if "Seite 1 von" in text:  # a letter's first page
            current = next(word for word in text.split() if word[:3] in ("KA-", "ET-"))
            letters[current] = ""
        if current:
            letters[current] += " " + text
    return letters


def test_each_reminder_of_a_mixed_batch_carries_its_issuers_office(
    database: Database, tmp_path: Path
) -> None:
    ka_number = _holder(database, "Karlsruhe", "Weiß", "Jürgen", date(1950, 5, 5))
    et_number = _holder(database, "Ettlingen", "Roth", "Annemarie", date(1948, 9, 9))
    ka_second = _holder(database, "Karlsruhe", "Jung", "Tobias", date(1980, 1, 2))
    assert et_number.startswith("ET-") and ka_number.startswith("KA-")
    out = tmp_path / "erinnerungen.pdf"
    result = print_renewal_reminders(database, 2027, 3, out, letter_date=LETTER_DAY)
    assert result.count == 3
    letters = _letters(out)
    assert set(letters) == {ka_number, et_number, ka_second}
    assert len(letters) == int(pdf_info(out)["Pages"])  # one page each

    ettlingen = letters[et_number]
    for expected in (*ETTLINGEN_OFFICE, "Verlängerung Ihres Karlsruher Passes",
                     # the visit note and the office under the signature
                     "zur Stadt Ettlingen, Amt für Bildung, Jugend, Familie und Senioren, "
                     "Marktplatz 2, 76275 Ettlingen, kommen",
                     "Im Auftrag Amt für Bildung, Jugend, Familie und Senioren Seite 1 von 1"):
        assert expected in ettlingen, expected
    for absent in ("Stadt Karlsruhe", "Sozial- und Jugendbehörde", "Kaiserallee 4", "0721 133-0"):
        assert absent not in ettlingen, absent

    # the letters after Ettlingen's are Karlsruhe's again
    for number in (ka_number, ka_second):
        for expected in KARLSRUHE_OFFICE:
            assert expected in letters[number], (number, expected)
        assert "Ettlingen" not in letters[number] and "07243" not in letters[number]
