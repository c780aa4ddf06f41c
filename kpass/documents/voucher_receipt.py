"""The Empfangsbestätigung of the yearly 60plus vouchers (Bildungs- und Kulturgutscheine):
an A4 sheet on the letters' DIN 5008 frame, signed at the counter by whoever takes the
vouchers and kept by the office as proof of the hand-out.

It shows who received them (name, birth date, pass number), the calendar year, the amount,
the day they were handed out and by whom, a statement of receipt and lines for place, date
and signature of the recipient — and, where somebody collects them for the person, that
person's name. The window address is the recipient's, so the sheet files like a letter.
The letterhead and contact are those of the settings given (the issuer's office of the
household, chosen by the service), else the letter settings' office.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from kpass.documents.fonts import BOLD, REGULAR
from kpass.documents.letter_frame import (
    BODY_WIDTH,
    GREY,
    TEXT,
    LetterHead,
    LetterStyles,
    build_letters,
    letter_styles,
    para_text,
)
from kpass.documents.letter_settings import LetterSettings, load_letter_settings
from kpass.documents.output import Output, write_document
from kpass.vocabulary import format_date, format_euro

TITLE = "Empfangsbestätigung 60plus-Gutscheine"


@dataclass(frozen=True)
class VoucherReceiptData:
    """What the receipt shows of one hand-out."""

    recipient_lines: tuple[str, ...]  # the window address: name, street, town
    person_name: str  # "Jürgen Weiß-Özdemir"
    birth_date: date
    pass_number: str
    year: int
    amount: Decimal
    handed_out_on: date
    caseworker: str  # who handed them out
    file_reference: str  # "KP-12-G34"
    printed_on: date


def receipt_subject(data: VoucherReceiptData) -> str:
    """``"Empfangsbestätigung 60plus-Gutscheine 2026"``."""
    return f"{TITLE} {data.year}"


def _facts_table(data: VoucherReceiptData, styles: LetterStyles) -> Table:
    def label(text: str) -> Paragraph:
        return Paragraph(para_text(text), styles.cell)

    def value(text: str, bold: bool = False) -> Paragraph:
        shown = para_text(text)
        return Paragraph(f"<b>{shown}</b>" if bold else shown, styles.cell)

    rows = [
        [label("Name"), value(data.person_name, bold=True)],
        [label("Geburtsdatum"), value(format_date(data.birth_date))],
        [label("Passnummer"), value(data.pass_number)],
        [label("Kalenderjahr"), value(str(data.year))],
        [label("Betrag"), value(format_euro(data.amount), bold=True)],
        [label("Ausgegeben am"), value(format_date(data.handed_out_on))],
        [label("Ausgegeben von"), value(data.caseworker or "–")],
    ]
    table = Table(rows, colWidths=[45 * mm, BODY_WIDTH - 45 * mm])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else cells set an unembedded Helvetica
        ("TEXTCOLOR", (0, 0), (0, -1), GREY),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GREY),
        ("LINEABOVE", (0, 0), (-1, 0), 0.4, GREY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _lines_to_sign(labels: tuple[str, ...], styles: LetterStyles) -> Table:
    """Empty lines side by side, each with its caption below."""
    gap = 10 * mm
    width = (BODY_WIDTH - gap * (len(labels) - 1)) / len(labels)
    cells: list[str | Paragraph] = []
    widths: list[float] = []
    for index, text in enumerate(labels):
        if index:
            cells.append("")
            widths.append(gap)
        cells.append(Paragraph(para_text(text), styles.small))
        widths.append(width)
    table = Table([cells], colWidths=widths)
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    for column in range(0, len(cells), 2):
        commands.append(("LINEABOVE", (column, 0), (column, 0), 0.6, TEXT))
    table.setStyle(TableStyle(commands))
    return table


def receipt_story(data: VoucherReceiptData) -> list[Flowable]:
    """The body of the receipt."""
    styles = letter_styles()
    # "120,00 €" stays on one line
    amount = para_text(format_euro(data.amount)).replace(" ", "&nbsp;")
    return [
        Paragraph(f"{para_text(receipt_subject(data))}<br/>"
                  f"<font name='{REGULAR}'>Bildungs- und Kulturgutscheine für Inhaberinnen "
                  "und Inhaber des Karlsruher Passes ab 60 Jahren</font>", styles.subject),
        _facts_table(data, styles),
        Spacer(1, 8 * mm),
        Paragraph(
            f"Ich bestätige, dass ich die 60plus-Gutscheine für das Kalenderjahr {data.year} "
            f"im Wert von <font name='{BOLD}'>{amount}</font> am "
            f"{format_date(data.handed_out_on)} erhalten habe.", styles.body),
        Paragraph("Die Gutscheine werden einmal je Kalenderjahr ausgegeben.", styles.body),
        KeepTogether([
            Spacer(1, 18 * mm),
            _lines_to_sign(("Ort, Datum", "Unterschrift der Empfängerin / des Empfängers"),
                           styles),
            Spacer(1, 14 * mm),
            _lines_to_sign(("Nur wenn eine andere Person die Gutscheine abholt: ihr Name in "
                            "Druckbuchstaben", "Unterschrift der abholenden Person"), styles),
        ]),
    ]


def render_voucher_receipt(
    data: VoucherReceiptData, out: Output, settings: LetterSettings | None = None
) -> None:
    """Write the receipt as an A4 PDF on the letters' DIN 5008 frame, headed by the office
    of ``settings`` (the household's issuer's; default the letter settings' office)."""
    chosen = settings or load_letter_settings(None)
    subject = receipt_subject(data)
    head = LetterHead(
        recipient_lines=data.recipient_lines,
        info_rows=(
            ("Aktenzeichen", data.file_reference),
            ("Passnummer", data.pass_number),
            ("Datum", format_date(data.printed_on)),
        ),
        later_header=(
            f"{chosen.office.name_lines[0] if chosen.office.name_lines else ''} · {subject} · "
            f"Aktenzeichen {data.file_reference}"
        ),
    )

    def produce(stream: BinaryIO) -> None:
        build_letters(stream, [head], chosen, subject, lambda _index: receipt_story(data))

    write_document(out, produce)
