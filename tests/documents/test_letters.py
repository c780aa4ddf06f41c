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
    LetterRules,
    ReminderData,
    load_letter_settings,
    render_decision_letter,
    render_renewal_reminders,
)
from kpass.documents.data import PASS_CONTINUED, PASS_NEW, PASS_RUNNING

from .pdf_tools import page_sizes, pdf_fonts, pdf_text

INCOME_ABOVE = ("Das Nettoäquivalenzeinkommen von 1.342,86 € liegt nicht unter der "
                "Einkommensgrenze von 1.300,00 €",)

#: The figures of rule set ka-2021-01-01 (resources/rules/karlsruhe.toml).
RULES = LetterRules(
    rule_set="ka-2021-01-01", threshold_since=date(2021, 1, 1),
    weight_first_adult=Decimal("1.0"), weight_older_member=Decimal("0.5"),
    weight_young_member=Decimal("0.3"), older_member_age=14, adult_age=18,
    large_family_min_minors=5, senior_extra_age=60, senior_extra_amount=Decimal("120.00"),
    validity_months=12,
)


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
    max_household_income=Decimal("1690.00"), rule_set="ka-2021-01-01",
    highest_eligible_income=Decimal("1689.99"), rules=RULES, issuer="Stadt Karlsruhe",
    legal_sources=("Gemeinderat Karlsruhe 19.11.2019, TOP 8.1",), caseworker="Erika Beispiel",
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
    highest_eligible_income=Decimal("2729.98"),
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
                   "2.729,98 €", "Berechtigt bis zu einem Haushaltsnettoeinkommen von"):
        assert figure in words, figure
    # The limit threshold × weights is not what the applicant is told (2,729.99 € fails).
    assert "2.730,00" not in words and "Höchstes" not in words
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


def test_every_figure_of_a_rule_comes_from_the_letter_data(tmp_path: Path) -> None:
    rules = replace(RULES, weight_first_adult=Decimal("1"), weight_older_member=Decimal("0.6"),
                    weight_young_member=Decimal("0.35"), older_member_age=15,
                    large_family_min_minors=4, senior_extra_age=65,
                    senior_extra_amount=Decimal("150.00"), validity_months=1)
    data = replace(REJECTION, rules=rules, members=(
        member("Erika Mustermann", date(1950, 4, 2), extras=("60plus",), basis="income"),
        member("Tim Mustermann", date(2014, 1, 20), basis="large_family"),
        member("Max Mustermann", date(1983, 5, 3), False),
    ))
    _, text = write(tmp_path, data)
    words = flat(text)
    assert ("(die erste erwachsene Person 1,0, jede weitere Person ab 15 Jahren 0,6, jede Person "
            "unter 15 Jahren 0,35)") in words
    assert "Haushalte mit vier oder mehr Kindern unter 18" in words
    assert ("Erika Mustermann ist 65 Jahre oder älter und erhält deshalb zusätzlich Gutscheine "
            "für Bildung und Kultur im Wert von 150,00 € je Kalenderjahr.") in words
    assert ("bis zum Ende des Monats, der einen Monat nach dem Antragsmonat liegt" in words
            and "ohne Unterbrechung einen weiteren Monat" in words)
    for literal in ("0,5,", "0,3)", "ab 14", "fünf oder mehr", "60 Jahre", "120,00", "zwölf"):
        assert literal not in words, literal


def test_without_rule_figures_no_number_is_invented(tmp_path: Path) -> None:
    data = replace(APPROVAL, rules=None, voucher_amount=None, legal_sources=(), issuer="",
                   members=(member("Jürgen Weiß-Özdemir", date(1950, 2, 1), extras=("60plus",),
                                   basis="income"),))
    _, text = write(tmp_path, data)
    words = flat(text)
    assert "Jürgen Weiß-Özdemir erhält zusätzlich Gutscheine für Bildung und Kultur (60plus)." \
        in words
    assert "geteilt durch die Summe ihrer Gewichte, gerundet auf volle Cent" in words
    assert ("Dieser Bescheid beruht auf den Voraussetzungen der Stadt Karlsruhe für den "
            "Karlsruher Pass und den Karlsruher Kinderpass.") in words
    for literal in ("120,00", "60 Jahre", "1,0", "0,5", "zwölf"):
        assert literal not in words, literal


def test_legal_basis_caseworker_and_electronic_form(tmp_path: Path) -> None:
    target, text = write(tmp_path, APPROVAL)
    words = flat(text)
    assert ("Rechtsgrundlage Dieser Bescheid beruht auf den Voraussetzungen der Stadt Karlsruhe "
            "für den Karlsruher Pass und den Karlsruher Kinderpass (Gemeinderat Karlsruhe "
            "19.11.2019, TOP 8.1).") in words
    assert "Regelwerk ka-2021-01-01 (Angabe für die Akte)" in words and "Regelsatz" not in words
    # Read as laid out: plain pdftotext joins "Sozial-" at a line end with "und".
    assert ("Der Widerspruch ist schriftlich, in elektronischer Form nach § 3a Abs. 2 des "
            "Landesverwaltungsverfahrensgesetzes oder zur Niederschrift bei der Stadt Karlsruhe, "
            "Sozial- und Jugendbehörde, Kaiserallee 4, 76133 Karlsruhe, einzulegen.") \
        in flat(pdf_text(target, layout=True))
    assert "Im Auftrag Erika Beispiel Sozial- und Jugendbehörde" in words
    # Without a caseworker the name's line is left out, not printed empty or as a placeholder.
    _, text = write(tmp_path, replace(APPROVAL, caseworker=""), "nobody.pdf")
    assert "Im Auftrag Sozial- und Jugendbehörde" in flat(text) and "{" not in text


def test_reasons_are_printed_as_sentences(tmp_path: Path) -> None:
    data = replace(REJECTION, members=(
        member("Erika Mustermann", date(1981, 4, 2), False,
               reasons=("mit 17 Jahren unter dem Mindestalter",)),
        member("Max Mustermann", date(1983, 5, 3), False,
               reasons=("Das Nettoäquivalenzeinkommen beträgt 1.342,86 €.",)),
    ))
    _, text = write(tmp_path, data)
    words = flat(text)
    assert "Erika Mustermann: Mit 17 Jahren unter dem Mindestalter." in words
    assert "Max Mustermann: Das Nettoäquivalenzeinkommen beträgt 1.342,86 €. " in words


def test_running_pass_and_coming_of_age_notes(tmp_path: Path) -> None:
    data = replace(APPROVAL, members=(
        member("Jürgen Weiß-Özdemir", date(1963, 2, 1), valid_from=date(2025, 4, 1),
               valid_until=date(2027, 3, 31), pass_number="KA-100001-72",
               pass_action=PASS_RUNNING, is_recipient=True),
        member("Lena Weiß-Özdemir", date(2008, 2, 1), pass_type="karlsruher_pass",
               valid_from=date(2026, 4, 1), valid_until=date(2027, 3, 31),
               pass_number="KA-100002-69", pass_action=PASS_CONTINUED,
               previous_number="KA-100002-69", previous_pass_type="kinderpass"),
        member("Ayla Weiß-Özdemir", date(2008, 3, 1), pass_type="karlsruher_pass",
               valid_from=date(2026, 4, 1), valid_until=date(2027, 3, 31),
               pass_number="KA-100004-63", pass_action=PASS_NEW,
               previous_number="KA-100003-66", previous_pass_type="kinderpass"),
        member("Mia Weiß-Özdemir", date(2015, 3, 1), valid_from=date(2025, 4, 1),
               valid_until=date(2026, 6, 30), pass_number="KA-123456-32",
               pass_action=PASS_RUNNING, running_pass_type="kinderpass"),
    ))
    _, text = write(tmp_path, data)
    words = flat(text)
    assert ("Ihr Karlsruher Pass KA-100001-72 gilt bereits bis 31.03.2027; ein neuer Pass wird "
            "nicht ausgestellt.") in words
    assert "01.04.2025 bis 31.03.2027 KA-100001-72" in words  # the running pass's own dates
    assert ("Der Karlsruher Kinderpass KA-100002-69 von Lena Weiß-Özdemir wird als Karlsruher "
            "Pass weitergeführt und gilt bis 31.03.2027. Die Passnummer bleibt; Sie erhalten "
            "eine neue Karte.") in words
    assert ("Der Karlsruher Kinderpass KA-100003-66 von Ayla Weiß-Özdemir wird ab 01.04.2026 "
            "durch den Karlsruher Pass KA-100004-63 ersetzt") in words
    assert ("Der Karlsruher Kinderpass KA-123456-32 von Mia Weiß-Özdemir gilt bereits bis "
            "30.06.2026") in words
    assert "kein neuer Pass" in words and "verlängert" in words


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


def test_the_office_file_is_found_without_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every print of every seat uses the office's texts: a shared file named by
    KPASS_LETTER_SETTINGS, else letter_settings.toml beside the database-url file."""
    monkeypatch.delenv("KPASS_LETTER_SETTINGS", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert load_letter_settings().office.name_lines == ("Stadt Karlsruhe",
                                                        "Sozial- und Jugendbehörde")
    own = tmp_path / "config" / "kpass" / "letter_settings.toml"
    own.parent.mkdir(parents=True)
    own.write_text('[office]\nname_lines = ["Stadt Karlsruhe", "Sozialamt Probe"]\n',
                   encoding="utf-8")
    assert load_letter_settings().office.name_lines[1] == "Sozialamt Probe"
    shared = tmp_path / "share" / "briefe.toml"
    shared.parent.mkdir()
    shared.write_text('[office]\nname_lines = ["Stadt Karlsruhe", "Geteilt"]\n',
                      encoding="utf-8")
    monkeypatch.setenv("KPASS_LETTER_SETTINGS", str(shared))
    assert load_letter_settings().office.name_lines[1] == "Geteilt"
    monkeypatch.setenv("KPASS_LETTER_SETTINGS", str(tmp_path / "vertippt.toml"))
    with pytest.raises(DocumentError, match=r"vertippt\.toml"):  # a typo is told
        load_letter_settings()


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


def test_reminder_for_a_kinderpass_whose_holder_comes_of_age(tmp_path: Path) -> None:
    kinderpass = REMINDERS[1]
    cases = {
        "before": replace(kinderpass, of_age_on=date(2027, 1, 5)),
        "in_month": replace(kinderpass, of_age_on=date(2027, 3, 12)),
        "holder": replace(kinderpass, of_age_on=date(2027, 2, 1), addressed_to_holder=True,
                          salutation="Guten Tag Lena Müller,"),
    }
    target = tmp_path / "volljaehrig.pdf"
    render_renewal_reminders(list(cases.values()), target)
    before, in_month, holder = (flat(pdf_text(target, page=page)) for page in (1, 2, 3))
    assert ("Lena Müller ist inzwischen volljährig. Der nächste Pass ist deshalb ein Karlsruher "
            "Pass statt eines Karlsruher Kinderpasses. Die Passnummer bleibt; Sie erhalten eine "
            "neue Karte.") in before
    assert ("Lena Müller wird am 12.03.2027 volljährig. Bei einer Verlängerung ab diesem Tag ist "
            "der nächste Pass ein Karlsruher Pass") in in_month
    assert "Sie sind inzwischen volljährig." in holder and "Ihr Karlsruher Kinderpass" in holder
    # Without a coming of age, the reminder says nothing of it.
    render_renewal_reminders([kinderpass], tmp_path / "kind.pdf")
    assert "Passnummer bleibt" not in pdf_text(tmp_path / "kind.pdf")


def test_no_reminders_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError):
        render_renewal_reminders([], tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()
