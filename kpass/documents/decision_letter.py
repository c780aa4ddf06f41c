"""The decision letter (Bescheid) for a household: approval, rejection or both.

Order of the letter: subject, salutation, (addressed to a legal representative), the decision
in one sentence, a table with every member, the 60plus vouchers where they apply, the reasons
with the income figures, notes on the pass, the Rechtsbehelfsbelehrung and the signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from kpass.documents.data import DecisionLetterData, LetterMember
from kpass.documents.fonts import REGULAR
from kpass.documents.formatting import format_date, format_euro, format_weights
from kpass.documents.labels import basis_label, pass_title
from kpass.documents.letter_frame import (
    BODY_WIDTH,
    LetterHead,
    LetterStyles,
    build_letters,
    letter_styles,
    para_text,
)
from kpass.documents.letter_settings import LetterSettings, load_letter_settings
from kpass.documents.output import Output, write_document

VOUCHER_EXTRA = "60plus"
_TABLE_HEAD = HexColor("#E6ECF4")
_TABLE_LINE = HexColor("#9AA5B4")


def sentence(text: str) -> str:
    """``text`` ending in a full stop (the rules' reason texts come without one)."""
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def signature_block(settings: LetterSettings, styles: LetterStyles) -> Flowable:
    """Closing and signature lines, kept on one page; empty lines leave room to sign."""
    parts: list[Flowable] = [Spacer(1, 3 * mm), Paragraph(para_text(settings.signature.closing),
                                                          styles.body)]
    for line in settings.signature.lines:
        parts.append(Paragraph(para_text(line), styles.body) if line else Spacer(1, 5 * mm))
    return KeepTogether(parts)


def _unbroken(name: str) -> str:
    # A short name is not split across lines ("… von Karl" / "Müller").
    text = para_text(name)
    return text.replace(" ", "&nbsp;") if len(name) <= 30 else text


def _outcome_sentence(data: DecisionLetterData) -> str:
    eligible = [member.eligible for member in data.members]
    whose = "Der" if data.representative_of else "Ihr"
    application = f"{whose} Antrag vom {format_date(data.application_date)}"
    if all(eligible):
        return f"{application} wird bewilligt."
    if not any(eligible):
        return f"{application} wird abgelehnt."
    return (
        f"{application} wird für einen Teil der Personen im Haushalt bewilligt und im Übrigen "
        "abgelehnt."
    )


def _member_table(members: Sequence[LetterMember], styles: LetterStyles) -> Table:
    def cell(text: str) -> Paragraph:
        return Paragraph(text, styles.cell)

    rows = [[cell(f"<b>{label}</b>") for label in ("Person", "Entscheidung", "Grundlage",
                                                    "Gültigkeit")]]
    for member in members:
        person = f"<b>{para_text(member.name)}</b><br/>geb. {format_date(member.birth_date)}"
        if member.eligible:
            title = pass_title(member.pass_type) if member.pass_type else "Pass"
            decision = f"<b>bewilligt</b><br/>{para_text(title)}"
            basis = para_text(basis_label(member.basis)) if member.basis else "–"
        else:
            decision, basis = "<b>abgelehnt</b>", "–"
        if member.eligible and member.valid_from and member.valid_until:
            validity = f"{format_date(member.valid_from)}<br/>bis {format_date(member.valid_until)}"
        else:
            validity = "–"
        rows.append([cell(person), cell(decision), cell(basis), cell(validity)])
    widths = [w * mm for w in (50, 39, 48, 28)]
    scale = BODY_WIDTH / sum(widths)
    table = Table(rows, colWidths=[w * scale for w in widths], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else cells set an unembedded Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), _TABLE_HEAD),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, _TABLE_LINE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.4, _TABLE_LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def _reasons(members: Sequence[LetterMember], styles: LetterStyles) -> list[Flowable]:
    # Household reasons (income, residence) are the same for several members: say them once.
    groups: dict[tuple[str, ...], list[str]] = {}
    for member in members:
        if member.reasons:
            groups.setdefault(member.reasons, []).append(member.name)
    result: list[Flowable] = []
    for reasons, names in groups.items():
        if len(names) == len(members) > 1:
            who = "Für alle Personen im Haushalt"
        else:
            who = para_text(", ".join(names[:-1]) + " und " + names[-1] if len(names) > 1
                            else names[0])
        text = " ".join(para_text(sentence(reason)) for reason in reasons)
        result.append(Paragraph(f"<b>{who}:</b> {text}", styles.body))
    return result


def _margin_text(margin: Decimal) -> str:
    if margin > 0:
        return f"{format_euro(margin)} unter der Grenze"
    if margin == 0:
        return "genau auf der Grenze (nicht darunter)"
    return f"{format_euro(-margin)} über der Grenze"


def _figures(data: DecisionLetterData, styles: LetterStyles) -> list[Flowable]:
    rows: list[tuple[str, str]] = []
    if data.net_income is not None:
        rows.append(("Nettoeinkommen des Haushalts im Monat", format_euro(data.net_income)))
    if data.weights is not None:
        rows.append(("Summe der Gewichte der Haushaltsmitglieder", format_weights(data.weights)))
    if data.equivalised_income is not None:
        rows.append(("Nettoäquivalenzeinkommen (Einkommen ÷ Gewichte)",
                     format_euro(data.equivalised_income)))
    if data.threshold is not None:
        rows.append(("Einkommensgrenze im Monat", format_euro(data.threshold)))
    if data.margin is not None:
        rows.append(("Abstand zur Einkommensgrenze", _margin_text(data.margin)))
    if data.max_household_income is not None:
        rows.append(("Höchstes Nettoeinkommen für Ihren Haushalt",
                     format_euro(data.max_household_income)))
    if not rows:
        return []
    table = Table(
        [[Paragraph(para_text(label), styles.cell),
          Paragraph(para_text(value), styles.cell_right)] for label, value in rows],
        colWidths=[BODY_WIDTH - 50 * mm, 50 * mm],
        hAlign="LEFT",
    )
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else cells set an unembedded Helvetica
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, _TABLE_LINE),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    explanation = (
        "Beim Einkommen zählt das Nettoäquivalenzeinkommen: das Nettoeinkommen aller Personen "
        "im Haushalt, geteilt durch die Summe ihrer Gewichte (die erste erwachsene Person 1,0, "
        "jede weitere Person ab 14 Jahren 0,5, jedes Kind unter 14 Jahren 0,3). Es muss unter "
        "der Einkommensgrenze liegen."
    )
    return [
        KeepTogether([Paragraph("Berechnung des Einkommens", styles.heading), table]),
        Spacer(1, 2 * mm),
        Paragraph(f"{explanation} {para_text(sentence('Maßgebliche Regeln: ' + data.rule_set))}",
                  styles.small),
    ]


def _shows_income(data: DecisionLetterData) -> bool:
    # Figures explain an income decision; beside a benefit notice alone they would confuse.
    return any(not m.eligible or m.basis == "income" for m in data.members)


def decision_story(data: DecisionLetterData, settings: LetterSettings) -> list[Flowable]:
    """The flowables of the letter body (everything below the address field)."""
    styles = letter_styles()
    story: list[Flowable] = [
        Paragraph(f"{para_text(settings.decision.subject)}<br/>Antrag vom "
                  f"{format_date(data.application_date)}", styles.subject),
        Paragraph(para_text(data.salutation), styles.body),
    ]
    if data.representative_of:
        story.append(Paragraph(
            "Sie erhalten diesen Bescheid als gesetzliche Betreuerin/gesetzlicher Betreuer von "
            f"{_unbroken(data.representative_of)}.", styles.body))
    story.append(Paragraph(f"{_outcome_sentence(data)} Im Einzelnen:", styles.body))
    story.append(_member_table(data.members, styles))
    story.append(Spacer(1, 4 * mm))
    for member in data.members:
        if member.eligible and VOUCHER_EXTRA in member.extras:
            note = settings.fill(settings.decision.voucher_note, name=member.name,
                                 amount=format_euro(data.voucher_amount))
            story.append(Paragraph(para_text(note), styles.body))
    story.append(Paragraph("Begründung", styles.heading))
    story += _reasons(data.members, styles)
    if _shows_income(data):
        story += _figures(data, styles)
    if any(member.eligible for member in data.members) and settings.decision.approval_notes:
        story.append(Paragraph("Hinweise zum Pass", styles.heading))
        for note in settings.decision.approval_notes:
            story.append(Paragraph(para_text(settings.fill(note)), styles.bullet, bulletText="•"))
        story.append(Spacer(1, 2 * mm))
    story.append(KeepTogether([
        Paragraph(para_text(settings.decision.legal_remedy_title), styles.heading),
        Paragraph(para_text(settings.fill(settings.decision.legal_remedy)), styles.body),
    ]))
    story.append(signature_block(settings, styles))
    return story


def render_decision_letter(
    data: DecisionLetterData, out: Output, settings: LetterSettings | None = None
) -> None:
    """Write the decision letter as an A4 PDF (DIN 5008 form B, window envelope)."""
    chosen = settings or load_letter_settings(None)
    head = LetterHead(
        recipient_lines=data.recipient_lines,
        info_rows=(
            ("Aktenzeichen", data.file_reference),
            ("Antrag vom", format_date(data.application_date)),
            ("Datum", format_date(data.letter_date)),
        ),
        later_header=(
            f"{chosen.office.name_lines[0] if chosen.office.name_lines else ''} · Bescheid vom "
            f"{format_date(data.letter_date)} · Aktenzeichen {data.file_reference}"
        ),
    )

    def produce(stream: BinaryIO) -> None:
        build_letters(stream, [head], chosen, "Bescheid Karlsruher Pass",
                      lambda _index: decision_story(data, chosen))

    write_document(out, produce)
