"""The application form the applicant signs at the counter, with the data-protection notice.

It shows what the caseworker recorded (household, incomes, benefit notices, proofs seen), so
the applicant confirms exactly what the decision rests on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from kpass.documents.letter_frame import LetterHead, LetterStyles, build_letters, letter_styles
from kpass.documents.letter_frame import para_text as t
from kpass.documents.letter_settings import LetterSettings, load_letter_settings
from kpass.documents.output import Output, write_document
from kpass.vocabulary import BASES, INCOME_KINDS, PROOFS, ROLES, format_date, format_euro, label


@dataclass(frozen=True)
class FormMember:
    name: str
    birth_date: date
    role: str


@dataclass(frozen=True)
class FormIncome:
    member_name: str
    kind: str
    amount: Decimal
    period: str  # month | year


@dataclass(frozen=True)
class FormNotice:
    kind: str
    valid_from: date
    valid_until: date | None  # None: granted "bis auf Weiteres"
    reference: str


@dataclass(frozen=True)
class ApplicationFormData:
    recipient_lines: tuple[str, ...]
    address_line: str
    application_date: date
    file_reference: str
    members: tuple[FormMember, ...]
    incomes: tuple[FormIncome, ...]
    notices: tuple[FormNotice, ...]
    proofs: tuple[str, ...]


PRIVACY_NOTICE = (
    "Datenschutzhinweis (Art. 13 DSGVO): Verantwortlich ist {office}. Ihre Angaben werden "
    "erhoben, um über Ihren Antrag auf den Karlsruher Pass und den Karlsruher Kinderpass zu "
    "entscheiden, die Pässe auszustellen und zu verlängern (Art. 6 Abs. 1 Buchst. e DSGVO in "
    "Verbindung mit den Richtlinien der Stadt). Ohne diese Angaben kann nicht entschieden "
    "werden. Die Daten werden nur für diesen Zweck verwendet, nicht an Partnereinrichtungen "
    "weitergegeben (diese prüfen nur den Pass) und gelöscht, wenn sie dafür nicht mehr "
    "gebraucht werden. Für die Planung der Stadt werden nur Zahlen ohne Namen ausgewertet. "
    "Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung "
    "und Widerspruch sowie auf Beschwerde beim Landesbeauftragten für den Datenschutz und die "
    "Informationsfreiheit Baden-Württemberg."
)
DECLARATION = (
    "Ich versichere, dass diese Angaben vollständig und richtig sind. Änderungen "
    "(Einkommen, Haushalt, Anschrift, Leistungsbescheide) teile ich unverzüglich mit. Mir ist "
    "bekannt, dass ein zu Unrecht ausgestellter Pass eingezogen werden kann."
)


def _table(
    rows: list[list[str]], widths: list[float], styles: LetterStyles, right: tuple[int, ...] = ()
) -> Table:
    cells = [
        [
            Paragraph(t(value), styles.cell_right if c in right and r else styles.cell)
            for c, value in enumerate(row)
        ]
        for r, row in enumerate(rows)
    ]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, "#1c4f8a"),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, "#b8c4d0"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def form_story(data: ApplicationFormData, settings: LetterSettings) -> list[Flowable]:
    styles = letter_styles()
    width = 165 * mm
    story: list[Flowable] = [
        Paragraph("Antrag auf den Karlsruher Pass / Karlsruher Kinderpass", styles.subject),
        Paragraph(f"Anschrift des Haushalts: {t(data.address_line)}", styles.body),
        Paragraph("Personen im Haushalt", styles.heading),
        _table(
            [["Name", "Geburtsdatum", "Stellung im Haushalt"]]
            + [
                [m.name, format_date(m.birth_date), label(ROLES, m.role)]
                for m in data.members
            ],
            [width * 0.5, width * 0.2, width * 0.3],
            styles,
        ),
        Paragraph("Einkommen (netto)", styles.heading),
    ]
    if data.incomes:
        story.append(
            _table(
                [["Person", "Art", "Betrag"]]
                + [
                    [
                        i.member_name,
                        label(INCOME_KINDS, i.kind)
                        + ("" if i.period == "month" else " (jährlich)"),
                        format_euro(i.amount) + (" / Monat" if i.period == "month" else " / Jahr"),
                    ]
                    for i in data.incomes
                ],
                [width * 0.35, width * 0.4, width * 0.25],
                styles,
                right=(2,),
            )
        )
    else:
        story.append(Paragraph("Keine Einkommen angegeben.", styles.body))
    story.append(Paragraph("Leistungsbescheide", styles.heading))
    if data.notices:
        story.append(
            _table(
                [["Leistung", "Zeitraum", "Aktenzeichen"]]
                + [
                    [
                        label(BASES, n.kind),
                        f"{format_date(n.valid_from)} – "
                        + ("bis auf Weiteres" if n.valid_until is None
                           else format_date(n.valid_until)),
                        n.reference,
                    ]
                    for n in data.notices
                ],
                [width * 0.45, width * 0.3, width * 0.25],
                styles,
            )
        )
    else:
        story.append(Paragraph("Keine Leistungsbescheide angegeben.", styles.body))
    story.append(Paragraph("Vorgelegte Nachweise", styles.heading))
    seen = [label(PROOFS, p) for p in data.proofs] or ["keine"]
    story.append(Paragraph(t(", ".join(seen)), styles.body))
    story.append(Spacer(1, 3 * mm))
    story.append(Paragraph(t(DECLARATION), styles.body))
    office = ", ".join(settings.office.name_lines) if settings.office.name_lines else "die Stadt"
    story.append(Paragraph(t(PRIVACY_NOTICE.format(office=office)), styles.small))
    story.append(
        KeepTogether(
            [
                Spacer(1, 14 * mm),
                _table(
                    [["Ort, Datum", "Unterschrift der antragstellenden Person"]],
                    [width * 0.4, width * 0.6],
                    styles,
                ),
            ]
        )
    )
    return story


def render_application_form(
    data: ApplicationFormData, out: Output, settings: LetterSettings | None = None
) -> None:
    """Write the application form as an A4 PDF to be signed."""
    chosen = settings or load_letter_settings(None)
    head = LetterHead(
        recipient_lines=data.recipient_lines,
        info_rows=(
            ("Aktenzeichen", data.file_reference),
            ("Antrag vom", format_date(data.application_date)),
        ),
        later_header=f"Antrag vom {format_date(data.application_date)} · "
        f"Aktenzeichen {data.file_reference}",
    )

    def produce(stream: BinaryIO) -> None:
        build_letters(
            stream,
            [head],
            chosen,
            "Antrag Karlsruher Pass",
            lambda _index: form_story(data, chosen),
        )

    write_document(out, produce)
