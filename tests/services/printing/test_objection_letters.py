"""Widerspruchsbescheid and Abhilfebescheid as real PDFs, on SQLite and PostgreSQL: what they
say (pdftotext), their print record and audit event, and what is refused."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from kpass.documents import (
    DocumentError,
    LetterMember,
    ObjectionLetterData,
    load_letter_settings,
    render_objection_letter,
)
from kpass.errors import InvalidInput
from kpass.models import Decision, PrintRecord, PrintReference
from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.audit import verify_trail
from kpass.services.objections import (
    lodge_objection,
    reject_objection,
    remedy_objection,
    start_review,
)
from kpass.services.objections.records import posted_on
from kpass.services.printing import print_objection_letter
from kpass.services.uow import UnitOfWork
from tests.logins import log_in_admin
from tests.register_builder import add_household, add_income, household_of
from tests.services.objections.conftest import DAY, FUTURE, correct_income

LETTER_DAY = date(2026, 5, 5)
COURT = ("Klage beim Verwaltungsgericht Karlsruhe, Nördliche Hildapromenade 1, 76133 "
         "Karlsruhe, erhoben werden")


@dataclass(frozen=True)
class Refused:
    person: int
    household: int
    decision: int


@pytest.fixture
def refused(database: Database) -> Refused:
    [person] = add_household(database, [("Weiß-Özdemir", "Jürgen", date(1950, 5, 5),
                                         "applicant")])
    add_income(database, person, "pension", "2000.00")
    household = household_of(database, person)
    application = apply(database, household, DAY, today=FUTURE)
    decision = decide(database, application.application_id)
    assert not decision.decision.members[0].eligible
    return Refused(person, household, decision.decision_id)


def text_of(pdf: Path) -> str:
    """The PDF's text with all white space (line breaks too) made single spaces."""
    raw = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    return " ".join(raw.split())


def print_records(database: Database) -> list[tuple[dict[str, object], list[int | None]]]:
    with UnitOfWork(database, write=False) as uow:
        found = []
        for record in uow.session.scalars(select(PrintRecord).order_by(PrintRecord.id)):
            references = list(uow.session.scalars(
                select(PrintReference.decision_id).where(PrintReference.print_id == record.id)))
            found.append((dict(record.subject), references))
        return found


def rejected(database: Database, refused: Refused, received: date, **who: object) -> int:
    lodged = lodge_objection(database, refused.decision, received, today=FUTURE,
                             reason="Die Rente ist niedriger.", **who)  # type: ignore[arg-type]
    start_review(database, lodged.id)
    reject_objection(database, lodged.id,
                     "Die Rente von 2.000,00 € liegt über der Einkommensgrenze.",
                     on=date(2026, 5, 4), today=FUTURE)
    return lodged.id


def test_widerspruchsbescheid_for_an_objection_in_time(
    database: Database, refused: Refused, tmp_path: Path
) -> None:
    objection = rejected(database, refused, date(2026, 4, 1), lodged_by_person_id=refused.person)
    out = tmp_path / "widerspruchsbescheid.pdf"
    result = print_objection_letter(database, objection, out, letter_date=LETTER_DAY)
    assert result.pages == 1 and result.count == 1
    text = text_of(out)
    assert "Widerspruchsbescheid" in text
    assert (f"Widerspruch vom 01.04.2026 gegen den Bescheid vom 16.03.2026 (Aktenzeichen "
            f"KP-{refused.household}-{refused.decision})") in text
    assert ("Ihr Widerspruch vom 01.04.2026 gegen den Bescheid vom 16.03.2026 wird "
            "zurückgewiesen.") in text
    assert "Die Rente von 2.000,00 € liegt über der Einkommensgrenze." in text
    assert "fristgerecht eingegangen" in text and "verspätet" not in text
    assert "Rechtsbehelfsbelehrung" in text and COURT in text
    assert "Gegen diesen Widerspruchsbescheid kann innerhalb eines Monats" in text
    assert "Herrn Jürgen Weiß-Özdemir" in text or "Jürgen Weiß-Özdemir" in text
    assert "05.05.2026" in text and f"KP-{refused.household}-W{objection}" in text
    assert "Seite 1 von 1" in text
    assert print_records(database) == [
        ({"objection": objection, "decision": refused.decision}, [refused.decision])
    ]
    # the Widerspruchsbescheid is no notification of the decision it upholds
    with UnitOfWork(database, write=False) as uow:
        decision = uow.session.get(Decision, refused.decision)
        assert decision is not None and posted_on(uow, decision) == decision.decided_on
    log_in_admin(database)
    report = verify_trail(database)
    assert report.intact, report


def test_a_late_objection_is_rejected_as_inadmissible(
    database: Database, refused: Refused, tmp_path: Path
) -> None:
    objection = rejected(database, refused, date(2026, 4, 21), lodged_by_person_id=refused.person,
                         representative="Betreuerin Anna Muster")
    out = tmp_path / "spaet.pdf"
    print_objection_letter(database, objection, out, letter_date=LETTER_DAY)
    text = text_of(out)
    assert "Der Widerspruch ist verspätet eingegangen und daher unzulässig." in text
    # Bekanntgabe on the fourth day after Monday 16.03., Frist 20.04., received 21.04.
    assert "20.03.2026" in text and "20.04.2026" in text and "21.04.2026" in text
    assert "fristgerecht" not in text
    assert "Betreuerin Anna Muster" in text and "Sehr geehrte Damen und Herren," in text
    assert "Vertreterin/Vertreter von Jürgen Weiß-Özdemir" in text
    assert COURT in text


def test_abhilfebescheid_names_the_new_pass_and_no_court(
    database: Database, refused: Refused, tmp_path: Path
) -> None:
    lodged = lodge_objection(database, refused.decision, date(2026, 4, 1),
                             lodged_by_person_id=refused.person, today=FUTURE)
    start_review(database, lodged.id)
    correct_income(database, refused.person, "1000.00")
    remedied = remedy_objection(database, lodged.id, note="Rentenbescheid nachgereicht",
                                on=date(2026, 4, 10), today=FUTURE)
    [issued] = remedied.issued
    out = tmp_path / "abhilfe.pdf"
    print_objection_letter(database, lodged.id, out, letter_date=LETTER_DAY)
    text = text_of(out)
    assert "Abhilfebescheid" in text
    assert ("Ihrem Widerspruch vom 01.04.2026 gegen den Bescheid vom 16.03.2026 wird "
            "abgeholfen.") in text
    assert f"Aktenzeichen KP-{refused.household}-{remedied.decision_id}" in text
    assert "bewilligt" in text and "abgelehnt" not in text
    assert issued.number is not None and issued.number in text
    assert "16.03.2026 bis 31.03.2027" in text
    assert "Rentenbescheid nachgereicht." in text
    assert "Verwaltungsgericht" not in text and "Rechtsbehelfsbelehrung" not in text
    assert "Seite 1 von 1" in text
    assert print_records(database) == [
        ({"objection": lodged.id, "decision": remedied.decision_id}, [remedied.decision_id])
    ]
    log_in_admin(database)
    assert verify_trail(database).intact


def test_only_a_decided_objection_gets_a_letter(
    database: Database, refused: Refused, tmp_path: Path
) -> None:
    lodged = lodge_objection(database, refused.decision, date(2026, 4, 1),
                             lodged_by_person_id=refused.person, today=FUTURE)
    out = tmp_path / "offen.pdf"
    with pytest.raises(InvalidInput) as caught:
        print_objection_letter(database, lodged.id, out)
    assert "rejected or remedied" in caught.value.bilingual()
    assert "ist eingegangen" in caught.value.bilingual()
    start_review(database, lodged.id)
    with pytest.raises(InvalidInput, match="under review"):
        print_objection_letter(database, lodged.id, out)
    with pytest.raises(InvalidInput, match="no objection"):
        print_objection_letter(database, 999_999, out)
    assert not out.exists() and print_records(database) == []


# The document alone ---------------------------------------------------------------------


def letter_data(**changes: object) -> ObjectionLetterData:
    values: dict[str, object] = dict(
        recipient_lines=("Frau Erika Müller", "Rheinstraße 24", "76185 Karlsruhe"),
        representative_of=None, salutation="Sehr geehrte Frau Müller,",
        letter_date=LETTER_DAY, file_reference="KP-7-W3", outcome="remedied",
        received_on=date(2026, 4, 1), decision_reference="KP-7-11",
        decision_date=date(2026, 3, 16), application_date=date(2026, 3, 16), in_time=True,
        bekanntgabe_on=date(2026, 3, 19), deadline=date(2026, 4, 20),
        outcome_on=date(2026, 4, 10), reasons="",
        members=(
            LetterMember("Erika Müller", date(1980, 1, 2), True, "karlsruher_pass", "income",
                         date(2026, 3, 16), date(2027, 3, 31), (), pass_number="KA-100001-13",
                         pass_action="new", is_recipient=True),
            LetterMember("Otto Müller", date(1979, 6, 7), False, None, None, None, None,
                         ("Otto Müller wohnt nicht in Karlsruhe",)),
        ),
        remedial_reference="KP-7-12",
    )
    values.update(changes)
    return ObjectionLetterData(**values)  # type: ignore[arg-type]


def test_a_partial_remedy_keeps_the_decision_letters_legal_remedy(tmp_path: Path) -> None:
    out = tmp_path / "teil.pdf"
    render_objection_letter(letter_data(), out)
    text = text_of(out)
    assert "Ihrem Widerspruch vom 01.04.2026" in text and "abgelehnt" in text
    assert "Otto Müller: Otto Müller wohnt nicht in Karlsruhe." in text
    assert "Gegen diesen Bescheid kann innerhalb eines Monats" in text
    assert "Verwaltungsgericht" not in text
    with pytest.raises(DocumentError):
        render_objection_letter(letter_data(outcome="withdrawn"), tmp_path / "x.pdf")


def test_settings_without_the_objection_section_keep_working(tmp_path: Path) -> None:
    old = tmp_path / "alt.toml"
    old.write_text('[office]\nname_lines = ["Stadt Karlsruhe", "Sozialamt"]\n', encoding="utf-8")
    settings = load_letter_settings(old)
    assert settings.office.name_lines[1] == "Sozialamt"
    assert settings.objection.rejection_subject == "Widerspruchsbescheid"
    assert "{court}" in settings.objection.legal_remedy
    changed = tmp_path / "gericht.toml"
    changed.write_text('[objection]\ncourt = "Verwaltungsgericht Musterstadt"\n',
                       encoding="utf-8")
    out = tmp_path / "w.pdf"
    render_objection_letter(letter_data(outcome="rejected", members=()), out,
                            load_letter_settings(changed))
    assert "Klage beim Verwaltungsgericht Musterstadt, erhoben werden" in text_of(out)
    wrong = tmp_path / "falsch.toml"
    wrong.write_text('[objection]\nlegal_remedy = "Klage beim {gericht}"\n', encoding="utf-8")
    with pytest.raises(DocumentError, match="unknown placeholder"):
        load_letter_settings(wrong)
