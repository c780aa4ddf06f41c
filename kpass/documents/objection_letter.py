"""The letters that end an objection: Widerspruchsbescheid (rejected) and Abhilfebescheid
(remedied), on the decision letter's DIN 5008 frame.

Widerspruchsbescheid: subject with the objection and the objected Bescheid, the outcome in
one sentence, the reasons (a late objection: that it is inadmissible, with the Bekanntgabe,
the deadline and the day it came in), the Rechtsbehelfsbelehrung (an action at the
Verwaltungsgericht, from ``[objection]`` of the letter settings) and the signature.

Abhilfebescheid: the objection is remedied, the application decided again; a table with
each member's new outcome, the pass notes of the decision letter, the reasons and — only
when somebody is still refused — the decision letter's Rechtsbehelfsbelehrung.
"""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from kpass.documents.data import OBJECTION_REJECTED, OBJECTION_REMEDIED, ObjectionLetterData
from kpass.documents.decision_letter import (
    legal_remedy_block,
    pass_note,
    person_table,
    sentence,
    signature_block,
)
from kpass.documents.errors import DocumentError
from kpass.documents.labels import pass_title
from kpass.documents.letter_frame import (
    LetterHead,
    LetterStyles,
    build_letters,
    letter_styles,
    para_text,
)
from kpass.documents.letter_settings import LetterSettings, load_letter_settings
from kpass.documents.output import Output, write_document
from kpass.vocabulary import format_date


def _subject(data: ObjectionLetterData, settings: LetterSettings) -> str:
    return settings.objection.rejection_subject if data.outcome == OBJECTION_REJECTED \
        else settings.objection.remedy_subject


def _objection_phrase(data: ObjectionLetterData) -> str:
    """``"Widerspruch vom 01.04.2026 gegen den Bescheid vom 16.03.2026"``."""
    return (f"Widerspruch vom {format_date(data.received_on)} gegen den Bescheid vom "
            f"{format_date(data.decision_date)}")


def _paragraphs(text: str, styles: LetterStyles) -> list[Flowable]:
    """Free text as typed (one paragraph per blank-line-separated block)."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return [Paragraph(para_text(sentence(block)).replace("\n", "<br/>"), styles.body)
            for block in blocks if block]


def _opening(data: ObjectionLetterData, settings: LetterSettings,
             styles: LetterStyles) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(f"{para_text(_subject(data, settings))}<br/>"
                  f"{para_text(_objection_phrase(data))} "
                  f"(Aktenzeichen {para_text(data.decision_reference)})", styles.subject),
        Paragraph(para_text(data.salutation), styles.body),
    ]
    if data.representative_of:
        story.append(Paragraph(
            "Sie erhalten diesen Bescheid als Vertreterin/Vertreter von "
            f"{para_text(data.representative_of)}.", styles.body))
    return story


def _late_text(data: ObjectionLetterData) -> str:
    return (
        "Der Widerspruch ist verspätet eingegangen und daher unzulässig. Der Bescheid vom "
        f"{format_date(data.decision_date)} gilt am {format_date(data.bekanntgabe_on)} als "
        "bekannt gegeben (§ 41 Abs. 2 LVwVfG). Die Frist für den Widerspruch von einem Monat "
        f"(§ 70 Abs. 1 VwGO) endete am {format_date(data.deadline)}; Ihr Widerspruch ist am "
        f"{format_date(data.received_on)} eingegangen."
    )


def rejection_story(data: ObjectionLetterData, settings: LetterSettings) -> list[Flowable]:
    """The body of the Widerspruchsbescheid."""
    styles = letter_styles()
    story = _opening(data, settings, styles)
    story.append(Paragraph(f"Ihr {para_text(_objection_phrase(data))} wird zurückgewiesen.",
                           styles.body))
    story.append(Paragraph("Begründung", styles.heading))
    if data.in_time:
        story.append(Paragraph(
            "Der Widerspruch ist fristgerecht eingegangen und zulässig, aber nicht begründet. "
            f"Der Bescheid vom {format_date(data.decision_date)} bleibt bestehen.", styles.body))
    else:
        story.append(Paragraph(para_text(_late_text(data)), styles.body))
    story += _paragraphs(data.reasons, styles)
    story.append(KeepTogether([
        Paragraph(para_text(settings.objection.legal_remedy_title), styles.heading),
        Paragraph(para_text(settings.fill(settings.objection.legal_remedy,
                                          court=settings.objection.court)), styles.body),
    ]))
    story.append(signature_block(settings, styles, data.caseworker))
    return story


def _outcome_table(data: ObjectionLetterData, styles: LetterStyles) -> Table:
    def cell(text: str) -> Paragraph:
        return Paragraph(text, styles.cell)

    rows = [[cell(f"<b>{label}</b>") for label in ("Person", "Ergebnis", "Pass und Gültigkeit")]]
    for member in data.members:
        person = f"<b>{para_text(member.name)}</b><br/>geb. {format_date(member.birth_date)}"
        if member.eligible:
            title = pass_title(member.pass_type) if member.pass_type else "Pass"
            result = f"<b>bewilligt</b><br/>{para_text(title)}"
            validity = ""
            if member.pass_number:
                validity = f"{para_text(member.pass_number)}<br/>"
            if member.valid_from and member.valid_until:
                validity += (f"{format_date(member.valid_from)} bis "
                             f"{format_date(member.valid_until)}")
            validity = validity or "–"
        else:
            result, validity = "<b>abgelehnt</b>", "–"
        rows.append([cell(person), cell(result), cell(validity)])
    return person_table(rows, (62, 48, 55))


def remedy_story(data: ObjectionLetterData, settings: LetterSettings) -> list[Flowable]:
    """The body of the Abhilfebescheid."""
    styles = letter_styles()
    story = _opening(data, settings, styles)
    decided = f"Über den Antrag vom {format_date(data.application_date)} wird neu entschieden"
    if data.remedial_reference:
        decided += f" (Aktenzeichen {para_text(data.remedial_reference)})"
    story.append(Paragraph(
        f"Ihrem {para_text(_objection_phrase(data))} wird abgeholfen. {decided}. Im Einzelnen:",
        styles.body))
    story.append(_outcome_table(data, styles))
    story.append(Spacer(1, 4 * mm))
    for member in data.members:
        note = pass_note(member)
        if note:
            story.append(Paragraph(note, styles.body))
    refused = [member for member in data.members if not member.eligible]
    reasons = _paragraphs(data.reasons, styles)
    if reasons or refused:
        story.append(Paragraph("Begründung", styles.heading))
        story += reasons
        for member in refused:
            if member.reasons:
                text = " ".join(para_text(sentence(reason)) for reason in member.reasons)
                story.append(Paragraph(f"<b>{para_text(member.name)}:</b> {text}",
                                       styles.body))
    if refused:  # the remedy itself is no burden; a refusal that remains is
        story.append(legal_remedy_block(settings, styles))
    story.append(signature_block(settings, styles, data.caseworker))
    return story


def render_objection_letter(
    data: ObjectionLetterData, out: Output, settings: LetterSettings | None = None
) -> None:
    """Write the Widerspruchsbescheid or Abhilfebescheid as an A4 PDF (DIN 5008 form B)."""
    if data.outcome not in (OBJECTION_REJECTED, OBJECTION_REMEDIED):
        raise DocumentError(f"no letter for an objection {data.outcome!r}",
                            f"kein Bescheid für einen Widerspruch im Stand {data.outcome!r}")
    chosen = settings or load_letter_settings(None)
    subject = _subject(data, chosen)
    head = LetterHead(
        recipient_lines=data.recipient_lines,
        info_rows=(
            ("Aktenzeichen", data.file_reference),
            ("Widerspruch", format_date(data.received_on)),
            ("Datum", format_date(data.letter_date)),
        ),
        later_header=(
            f"{chosen.office.name_lines[0] if chosen.office.name_lines else ''} · {subject} vom "
            f"{format_date(data.letter_date)} · Aktenzeichen {data.file_reference}"
        ),
    )
    story = rejection_story if data.outcome == OBJECTION_REJECTED else remedy_story

    def produce(stream: BinaryIO) -> None:
        build_letters(stream, [head], chosen, subject, lambda _index: story(data, chosen))

    write_document(out, produce)
