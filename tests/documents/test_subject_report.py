"""The Art. 15 report as a person reads it: German headings, the values in German formats,
page numbers, long lists flowing over pages with their header row, written 0600."""

from __future__ import annotations

import io
import stat
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from PIL import Image

from kpass.documents.subject_report import (
    SECTIONS,
    CoMember,
    DecisionIncome,
    DecisionInput,
    HouseholdFigures,
    SubjectAccessReport,
    SubjectAddress,
    SubjectApplication,
    SubjectDecision,
    SubjectEvent,
    SubjectIncome,
    SubjectMembership,
    SubjectNotice,
    SubjectObjection,
    SubjectPass,
    SubjectPerson,
    SubjectPhoto,
    SubjectPrint,
    SubjectValidity,
    SubjectVoucher,
    render_subject_report,
)
from tests.documents.pdf_tools import page_sizes, pdf_info, pdf_text, render

AT = datetime(2026, 5, 19, 8, 30, tzinfo=UTC)


def _photo() -> bytes:
    stream = io.BytesIO()
    Image.new("RGB", (35, 45), (90, 120, 180)).save(stream, "JPEG")
    return stream.getvalue()


def report(events: int = 3) -> SubjectAccessReport:
    person = SubjectPerson(17, "Müller", "Erika", date(1958, 7, 1), "f", "frau", True, False,
                           None, AT - timedelta(days=800))
    return SubjectAccessReport(
        created_at=AT,
        person=person,
        photo=SubjectPhoto("image/jpeg", 35, 45, _photo(), AT - timedelta(days=400)),
        memberships=(SubjectMembership(
            4, "applicant", date(2020, 1, 1), None,
            (SubjectAddress("Rheinstraße", "24", "76185", "Karlsruhe", "12", "Mühlburg",
                            date(2020, 1, 1), date(2024, 6, 30)),
             SubjectAddress("Kaiserallee", "3", "76133", "Karlsruhe", "03", "Weststadt",
                            date(2024, 7, 1), None)),
            (CoMember("child", date(2020, 1, 1), date(2023, 8, 31)),)),),
        incomes=(SubjectIncome(8, "pension", Decimal("1342.86"), "month", date(2023, 7, 1),
                               None, "Rentenbescheid 2023"),),
        notices=(SubjectNotice(3, 4, "sgb12_grundsicherung", date(2025, 1, 1), None, "GS-77",
                               "person", AT - timedelta(days=300)),),
        applications=(SubjectApplication(
            5, 4, date(2026, 3, 2), "renewal", "decided", True, ("personalausweis",),
            (SubjectDecision(
                9, date(2026, 3, 2), "ka-2021-01-01", False, None, None, None, None,
                ("Das Nettoäquivalenzeinkommen von 1.342,86 € liegt über der Grenze.",), (),
                HouseholdFigures(Decimal("1342.86"), Decimal("1.0"), Decimal("1342.86"),
                                 Decimal("1300.00"), Decimal("1299.99")),
                DecisionInput(date(1958, 7, 1), ("disability",),
                              (DecisionIncome("pension", Decimal("1342.86"), "month"),
                               DecisionIncome("other", Decimal("120.00"), "year")))),)),),
        objections=(
            SubjectObjection(21, 9, 4, date(2026, 3, 20), date(2026, 3, 5), date(2026, 4, 7),
                             True, "rejected", date(2026, 4, 28),
                             "Die Einkommensgrenze ist überschritten.", None, None, True,
                             "Rechtsanwältin Petra Kanzlei", "Die Rente ist niedriger."),
            SubjectObjection(22, 9, 4, date(2026, 4, 20), date(2026, 3, 5), date(2026, 4, 7),
                             False, "in_review", None, None, date(2026, 6, 1), None, False,
                             None, None)),
        passes=(SubjectPass("KA-100123-94", "karlsruher_pass", "revoked", date(2026, 3, 31),
                            "Wegzug", None, AT - timedelta(days=700),
                            (SubjectValidity("new", date(2024, 3, 1), date(2025, 3, 31), 2),
                             SubjectValidity("renewal", date(2025, 4, 1), date(2026, 4, 30),
                                             6))),),
        vouchers=(SubjectVoucher(2025, Decimal("40.00"), date(2025, 2, 3), "KA-100123-94"),),
        prints=(SubjectPrint(AT - timedelta(days=5), "letter", 2, (), 9, None),),
        distinctions=(),
        events=tuple(
            SubjectEvent(AT - timedelta(minutes=events - i), "correct_income", "income", 8,
                         {"reason": f"Berichtigung Nummer {i}", "before": {"amount": "1300.00"},
                          "valid_from": "2023-07-01"})
            for i in range(events)),
        recipient_lines=("Frau Erika Müller", "Kaiserallee 3", "76133 Karlsruhe"),
        salutation="Sehr geehrte Frau Müller,",
        caseworker="Karl Meier",
    )


def test_the_report_reads_in_german(tmp_path: Path) -> None:
    pdf = tmp_path / "auskunft.pdf"
    render_subject_report(report(), pdf)
    assert stat.S_IMODE(pdf.stat().st_mode) == 0o600
    assert all(abs(w - 595.3) < 1 and abs(h - 841.9) < 1 for w, h in page_sizes(pdf))
    text = " ".join(pdf_text(pdf).split())
    assert "Auskunft nach Art. 15 DSGVO" in text
    assert "Stand: 19.05.2026" in text
    for number, heading in enumerate(SECTIONS, start=1):
        assert f"{number}. {heading}" in text
    for value in (
        "Frau Erika Müller",  # the window address
        "Sehr geehrte Frau Müller,",
        "01.07.1958", "weiblich",
        "Rheinstraße 24, 76185 Karlsruhe", "Mühlburg", "Kaiserallee 3",
        "Kind (01.01.2020 – 31.08.2023)",  # another member by role and period only
        "Rente/Pension", "1.342,86 €", "monatlich", "Rentenbescheid 2023",
        "Grundsicherung im Alter und bei Erwerbsminderung (SGB XII)", "GS-77",
        "bis auf Weiteres",
        "Antrag Nr. 5 vom 02.03.2026", "Verlängerung", "abgelehnt",
        "Begründung: Das Nettoäquivalenzeinkommen von 1.342,86 € liegt über der Grenze.",
        "Einkommensgrenze 1.300,00 €",
        # the person's data as the decision took it
        "Bei der Entscheidung zugrunde gelegt: Geburtsdatum 01.07.1958; Schwerbehinderung / "
        "Eingliederungshilfe; Einkommen: Rente/Pension 1.342,86 € monatlich, Sonstiges "
        "Einkommen 120,00 € jährlich.",
        "KA-100123-94", "gesperrt ab 31.03.2026 (Grund: Wegzug)",
        "01.04.2025 – 30.04.2026 (verlängert)",
        "Bescheid", "Entscheidung Nr. 9",
        "Einkommen berichtigt", "Grund: Berichtigung Nummer 0", "vorher: (Betrag: 1.300,00 €)",
        "gültig ab: 01.07.2023",
        "Löschkonzept der Sozial- und Jugendbehörde",  # retention
        "Partnereinrichtung",  # recipients
        "Gewährung des Karlsruher Passes",  # purpose
        "Karl Meier",
        # objections: her own with its representative and reasons, the household's without
        "Widerspruch Nr. 21 vom 20.03.2026", "von Ihnen eingelegt, vertreten durch "
        "Rechtsanwältin Petra Kanzlei", "Ihre Begründung", "Die Rente ist niedriger.",
        "Bekanntgabe der Entscheidung", "05.03.2026", "Widerspruchsfrist bis", "07.04.2026",
        "zurückgewiesen", "28.04.2026", "Die Einkommensgrenze ist überschritten.",
        "Widerspruch Nr. 22 vom 20.04.2026", "für Ihren Haushalt eingelegt", "in Prüfung",
        "Fristgerecht nein", "Wiedervorlage 01.06.2026",
        # vouchers
        "2025 40,00 € 03.02.2025 KA-100123-94",
        "die Drucke stehen unter 9.",
    ):
        assert value in text, value
    assert "Seite 1 von" in text


def test_long_lists_flow_over_pages_with_their_header(tmp_path: Path) -> None:
    pdf = tmp_path / "lang.pdf"
    render_subject_report(report(events=150), pdf)
    pages = int(pdf_info(pdf)["Pages"])
    assert pages >= 5
    text = pdf_text(pdf)
    assert f"Seite {pages} von {pages}" in text
    assert "Berichtigung Nummer 149" in text
    # the trail's header row is on every page its table runs over
    last = pdf_text(pdf, page=pages - 1)
    assert "Zeitpunkt" in last and "Einzelheiten" in last
    assert "Auskunft nach Art. 15 DSGVO · Erika Müller" in last  # the later pages' header


def test_empty_sections_say_so_and_the_photo_is_shown(tmp_path: Path) -> None:
    bare = replace(report(), incomes=(), notices=(), applications=(), objections=(), passes=(),
                   vouchers=(), prints=(), events=())
    pdf = tmp_path / "leer.pdf"
    render_subject_report(bare, pdf)
    text = pdf_text(pdf)
    assert text.count("Keine gespeichert.") == 8
    # the photo is drawn: its blue patch is on a page
    assert any(_has_blue(png) for png in render(pdf, tmp_path, 40))


def _has_blue(png: Path) -> bool:
    with Image.open(png) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    return any(r < 120 and 100 < g < 140 and b > 160 for _count, (r, g, b) in colours)
