"""Decision letters and renewal reminders, read back from the PDF."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpass.documents import (
    DecisionLetterData,
    DocumentError,
    LetterMember,
    ReminderData,
    load_letter_settings,
    render_decision_letter,
    render_renewal_reminders,
)

from .pdf_tools import page_sizes, pdf_fonts, pdf_text

INCOME_ABOVE = ("Das Nettoäquivalenzeinkommen von 1.342,86 € liegt nicht unter der "
                "Einkommensgrenze von 1.300,00 €",)


def member(name: str, born: date, eligible: bool = True, **changes: object) -> LetterMember:
    values: dict[str, object] = {
        "name": name, "birth_date": born, "eligible": eligible,
        "pass_type": ("kinderpass" if born.year > 2008 else "karlsruher_pass") if eligible
        else None,
        "basis": "sgb2" if eligible else None,
        "valid_from": date(2026, 3, 15) if eligible else None,
        "valid_until": date(2027, 3, 31) if eligible else None,
        "reasons": ("Bürgergeld-Bescheid gültig im Antragsmonat",) if eligible else INCOME_ABOVE,
        "extras": (),
    }
    values.update(changes)
    return LetterMember(**values)  # type: ignore[arg-type]


APPROVAL = DecisionLetterData(
    recipient_lines=("Herrn", "Jürgen Weiß-Özdemir", "Durlacher Allee 12", "76131 Karlsruhe"),
    representative_of=None,
    salutation="Sehr geehrter Herr Weiß-Özdemir,",
    letter_date=date(2026, 3, 16),
    file_reference="KP-2026-004711",
    application_date=date(2026, 3, 15),
    members=(
        member("Jürgen Weiß-Özdemir", date(1963, 2, 1)),
        member("Lena Weiß-Özdemir", date(2015, 7, 1)),
    ),
    net_income=Decimal("1100.00"), weights=Decimal("1.3"), equivalised_income=Decimal("846.15"),
    threshold=Decimal("1300.00"), margin=Decimal("453.85"),
    max_household_income=Decimal("1690.00"), rule_set="Karlsruhe ab 01.01.2021",
)

REJECTION = replace(
    APPROVAL,
    recipient_lines=("Frau", "Erika Mustermann", "Kaiserstraße 1", "76133 Karlsruhe"),
    salutation="Sehr geehrte Frau Mustermann,",
    members=(
        member("Erika Mustermann", date(1981, 4, 2), False),
        member("Max Mustermann", date(1983, 5, 3), False),
        member("Tim Mustermann", date(2014, 1, 20), False),
        member("Mia Mustermann", date(2017, 9, 9), False),
    ),
    net_income=Decimal("2820.00"), weights=Decimal("2.1"),
    equivalised_income=Decimal("1342.86"), threshold=Decimal("1300.00"),
    margin=Decimal("-42.86"), max_household_income=Decimal("2730.00"),
)


def write(tmp_path: Path, data: DecisionLetterData, name: str = "letter.pdf",
          **kwargs: object) -> tuple[Path, str]:
    target = tmp_path / name
    render_decision_letter(data, target, **kwargs)  # type: ignore[arg-type]
    return target, pdf_text(target)


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces made single spaces."""
    return re.sub(r"\s+", " ", text)


def test_approval_letter(tmp_path: Path) -> None:
    target, text = write(tmp_path, APPROVAL)
    assert page_sizes(target)[0] == pytest.approx((595.28, 841.89), abs=0.05)
    words = flat(text)
    for expected in ("Stadt Karlsruhe", "Sozial- und Jugendbehörde", "Kaiserallee 4",
                     "76133 Karlsruhe", "KP-2026-004711", "16.03.2026", "Jürgen Weiß-Özdemir",
                     "Durlacher Allee 12", "Ihr Antrag vom 15.03.2026 wird bewilligt",
                     "bewilligt", "Karlsruher Pass", "Karlsruher Kinderpass",
                     "Bürgergeld (SGB II)", "15.03.2026 bis 31.03.2027",
                     "Rechtsbehelfsbelehrung", "innerhalb eines Monats", "Widerspruch",
                     "Mit freundlichen Grüßen", "Seite 1 von"):
        assert expected in words, expected
    assert "abgelehnt" not in words
    # Benefit decisions need no income explanation, and no 60plus note without the extra.
    assert "Nettoäquivalenzeinkommen (" not in words and "Gutscheine" not in words
    assert all(row[-5] == "yes" for row in pdf_fonts(target))


def test_rejection_letter_with_euro_figures(tmp_path: Path) -> None:
    _, text = write(tmp_path, REJECTION)
    words = flat(text)
    assert "Ihr Antrag vom 15.03.2026 wird abgelehnt" in words
    for figure in ("2.820,00 €", "2,1", "1.342,86 €", "1.300,00 €", "42,86 € über der Grenze",
                   "2.730,00 €"):
        assert figure in words, figure
    assert "Für alle Personen im Haushalt" in words
    assert "liegt nicht unter der Einkommensgrenze von 1.300,00 €." in words
    assert "Hinweise zum Pass" not in words
    assert "Rechtsbehelfsbelehrung" in words and "Kaiserallee 4, 76133 Karlsruhe" in words


def test_partial_approval_with_income_basis(tmp_path: Path) -> None:
    data = replace(APPROVAL, members=(
        member("Jürgen Weiß-Özdemir", date(1963, 2, 1), basis="income"),
        member("Anna Weiß-Özdemir", date(2001, 2, 1), False,
               reasons=("Nicht im Haushalt gemeldet",)),
    ))
    _, text = write(tmp_path, data)
    words = flat(text)
    assert "für einen Teil der Personen im Haushalt bewilligt und im Übrigen abgelehnt" in words
    assert "Einkommen unter der Einkommensgrenze" in words
    assert "846,15 €" in words and "453,85 € unter der Grenze" in words


def test_60plus_note_only_when_it_applies(tmp_path: Path) -> None:
    with_voucher = replace(APPROVAL, members=(
        member("Jürgen Weiß-Özdemir", date(1963, 2, 1), extras=("60plus",)),
        member("Lena Weiß-Özdemir", date(2015, 7, 1)),
    ))
    _, text = write(tmp_path, with_voucher, "voucher.pdf")
    words = flat(text)
    assert ("Jürgen Weiß-Özdemir ist 60 Jahre oder älter und erhält deshalb zusätzlich "
            "Gutscheine für Bildung und Kultur im Wert von 120,00 € je Kalenderjahr.") in words
    assert "Lena Weiß-Özdemir ist 60" not in words
    # A rejected member never gets the note, even if the extra were passed along.
    rejected = replace(REJECTION, members=(
        member("Erika Mustermann", date(1950, 4, 2), False, extras=("60plus",)),))
    _, text = write(tmp_path, rejected, "rejected.pdf")
    assert "Gutscheine" not in text


def test_letter_to_a_legal_representative(tmp_path: Path) -> None:
    data = replace(APPROVAL, recipient_lines=("Frau", "Beate Betreuerin", "Hauptstraße 5",
                                              "76137 Karlsruhe"),
                   representative_of="Karl Schäfer", salutation="Sehr geehrte Frau Betreuerin,",
                   members=(member("Karl Schäfer", date(1958, 6, 6)),))
    _, text = write(tmp_path, data)
    words = flat(text)
    assert ("Sie erhalten diesen Bescheid als gesetzliche Betreuerin/gesetzlicher Betreuer "
            "von Karl Schäfer.") in words
    assert "Der Antrag vom 15.03.2026 wird bewilligt" in words
    assert "Beate Betreuerin" in words


def test_nine_members_make_two_numbered_pages(tmp_path: Path) -> None:
    members = tuple(member(f"Person {i} Mustermann", date(1970 + 5 * i, 1, 1), i % 2 == 0)
                    for i in range(9))
    target, _ = write(tmp_path, replace(REJECTION, members=members))
    assert len(page_sizes(target)) == 2
    assert "Seite 1 von 2" in pdf_text(target, page=1)
    second = pdf_text(target, page=2)
    assert "Seite 2 von 2" in second
    assert "Aktenzeichen KP-2026-004711" in second  # header of the following page
    assert all(f"Person {i} Mustermann" in flat(pdf_text(target)) for i in range(9))


def test_settings_file_overrides_office_block(tmp_path: Path) -> None:
    override = tmp_path / "settings.toml"
    override.write_text(
        '[office]\nname_lines = ["Stadt Ettlingen", "Amt für Bildung, Jugend, Familie und '
        'Senioren"]\naddress_lines = ["Marktplatz 2", "76275 Ettlingen"]\n'
        'contact_lines = ["Telefon 07243 101-0"]\n'
        '[signature]\nlines = ["Im Auftrag", "", "Erika Beispiel"]\n',
        encoding="utf-8",
    )
    settings = load_letter_settings(override)
    _, text = write(tmp_path, REJECTION, settings=settings)
    words = flat(text)
    assert "Stadt Ettlingen" in words and "Marktplatz 2" in words
    assert "Telefon 07243 101-0" in words and "Erika Beispiel" in words
    assert "Kaiserallee" not in words  # also gone from the legal text and footer
    assert "Rechtsbehelfsbelehrung" in words  # not overridden: the default stays


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[office]\nname = 'x'\n", "unknown key [office] name"),
        ("[offices]\n", "unknown section [offices]"),
        ("[office]\nname_lines = 'Stadt'\n", "must be a list"),
        ("[signature]\nclosing = ['a']\n", "must be a text"),
        ("[decision]\nlegal_remedy = 'bei {amt}'\n", "unknown placeholder {amt}"),
        ("[decision]\nlegal_remedy = 'offen {'\n", "brace"),
        ("[office\n", "not valid TOML"),
    ],
)
def test_bad_settings_files_are_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        load_letter_settings(path)
    assert message in caught.value.message_en and str(path) in caught.value.message_en
    assert caught.value.message_de


def test_missing_settings_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="cannot be read"):
        load_letter_settings(tmp_path / "missing.toml")


def test_user_text_cannot_inject_markup(tmp_path: Path) -> None:
    data = replace(APPROVAL, members=(member("A & B <b>Test</b>", date(1963, 2, 1)),))
    _, text = write(tmp_path, data)
    assert "A & B <b>Test</b>" in text


REMINDERS = [
    ReminderData(("Herrn", "Jürgen Weiß-Özdemir", "Durlacher Allee 12", "76131 Karlsruhe"),
                 "Sehr geehrter Herr Weiß-Özdemir,", "Jürgen Weiß-Özdemir", "KA-123456-32",
                 "karlsruher_pass", date(2027, 3, 31), date(2027, 2, 15)),
    ReminderData(("Frau", "Erika Müller", "Kaiserstraße 1", "76133 Karlsruhe"),
                 "Sehr geehrte Frau Müller,", "Lena Müller", "KA-000001-51", "kinderpass",
                 date(2027, 3, 31), date(2027, 2, 15)),
    ReminderData(("Herrn", "Ömer Şahin", "Rheinstraße 3", "76185 Karlsruhe"),
                 "Sehr geehrter Herr Şahin,", "Ömer Şahin", "KA-000002-48", "karlsruher_pass",
                 date(2027, 3, 31), date(2027, 2, 15)),
]


def test_renewal_reminders_one_letter_per_holder(tmp_path: Path) -> None:
    target = tmp_path / "reminders.pdf"
    render_renewal_reminders(REMINDERS, target)
    assert len(page_sizes(target)) == 3
    first = flat(pdf_text(target, page=1))
    assert ("Ihr Karlsruher Pass Nr. KA-123456-32 ist gültig bis 31.03.2027. Sie können ihn ab "
            "01.03.2027 verlängern.") in first
    assert "ohne Unterbrechung ab dem 01.04.2027" in first
    assert "Bitte bringen Sie zur Verlängerung mit:" in first
    assert "amtlichen Lichtbildausweis" in first and "Passfoto" in first
    assert "Seite 1 von 1" in first and "Durlacher Allee 12" in first
    second = flat(pdf_text(target, page=2))
    assert "Der Karlsruher Kinderpass von Lena Müller, Nr. KA-000001-51" in second
    assert "Verlängerung des Karlsruher Kinderpasses von Lena Müller" in second
    assert "Erika Müller" in second and "Seite 1 von 1" in second
    third = flat(pdf_text(target, page=3))
    assert "Ömer Şahin" in third and "KA-000002-48" in third
    assert "Rechtsbehelfsbelehrung" not in first  # a reminder decides nothing


def test_no_reminders_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError):
        render_renewal_reminders([], tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()
