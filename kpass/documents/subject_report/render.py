"""The information to the data subject (Art. 15 DSGVO) as a readable German A4 PDF.

A DIN 5008 letter to the person (the letter frame of the decision letters: window address,
information block, "Seite x von n", a short header on later pages) with the purposes,
recipients and retention of the processing first, then one section per kind of data
(Stammdaten, Haushalte und Anschriften, Einkommen, Bescheide über Leistungen, Anträge und
Entscheidungen mit Begründung, Widersprüche, Pässe, Gutscheine (60plus), Ausdrucke,
Protokolleinträge). Lists are tables whose
header row repeats on every page they flow onto.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from typing import BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kpass.documents.decision_letter import sentence, signature_block
from kpass.documents.fonts import REGULAR
from kpass.documents.labels import BASIS_LABELS, PROOF_LABELS
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
from kpass.documents.subject_report.data import (
    DecisionInput,
    SubjectAccessReport,
    SubjectApplication,
    SubjectDecision,
    SubjectMembership,
    SubjectObjection,
)
from kpass.documents.subject_report.texts import (
    APPLICATION_STATUSES,
    FLAGS,
    NOTES,
    OBJECTION_STATES,
    PASS_STATUSES,
    PRINT_KINDS,
    SALUTATIONS,
    SEXES,
    VALIDITY_KINDS,
    details_text,
    event_label,
    income_label,
    notice_label,
    period_label,
    role_label,
    yes_no,
)
from kpass.vocabulary import (
    APPLICATION_KINDS,
    format_count,
    format_date,
    format_euro,
    label,
    pass_title,
)

TITLE = "Auskunft nach Art. 15 DSGVO"
SECTIONS = (
    "Stammdaten",
    "Haushalte und Anschriften",
    "Einkommen",
    "Bescheide über Leistungen",
    "Anträge und Entscheidungen mit Begründung",
    "Widersprüche",
    "Pässe",
    "Gutscheine (60plus)",
    "Ausdrucke",
    "Protokolleinträge",
)
NONE_STORED = "Keine gespeichert."
_TABLE_HEAD = HexColor("#E6ECF4")
_TABLE_LINE = HexColor("#9AA5B4")
_PHOTO_WIDTH = 25 * mm  # the passport photo's 35:45 at a readable size

def _timestamp(moment: datetime, *, short: bool = False) -> str:
    """``"19.05.2026, 10:32 Uhr"`` in the computer's local time (``short``: without "Uhr",
    for a table's narrow column)."""
    local = moment.astimezone()
    text = f"{format_date(local.date())}, {local:%H:%M}"
    return text if short else text + " Uhr"


def _period(valid_from: date | None, valid_until: date | None, *,
            open_end: str = "offen") -> str:
    """``"01.01.2026 – 31.12.2026"``; no end: ``"01.01.2026 – offen"``."""
    start = format_date(valid_from) if valid_from is not None else "–"
    end = format_date(valid_until) if valid_until is not None else open_end
    return f"{start} – {end}"


def _table(rows: Sequence[Sequence[str]], widths: Sequence[float], styles: LetterStyles,
           *, header: bool = True) -> Table:
    """A table of plain texts (escaped here; a line break stays one), the first row a header
    repeated on every page the table flows onto."""

    def cell(text: str, bold: bool) -> Paragraph:
        markup = para_text(text).replace("\n", "<br/>")
        return Paragraph(f"<b>{markup}</b>" if bold else markup, styles.cell)

    cells = [[cell(text, header and index == 0) for text in row]
             for index, row in enumerate(rows)]
    scale = BODY_WIDTH / sum(widths)
    table = Table(cells, colWidths=[w * scale for w in widths], repeatRows=1 if header else 0,
                  hAlign="LEFT")
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else cells set an unembedded Helvetica
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, _TABLE_LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), _TABLE_HEAD),
                     ("LINEABOVE", (0, 0), (-1, 0), 0.4, _TABLE_LINE)]
    table.setStyle(TableStyle(commands))
    return table


def _heading(number: int, styles: LetterStyles) -> Paragraph:
    return Paragraph(f"{number}. {para_text(SECTIONS[number - 1])}", styles.heading)


def _section(number: int, body: list[Flowable], styles: LetterStyles) -> list[Flowable]:
    """A section's heading kept with its first part; "Keine gespeichert." when empty."""
    if not body:
        body = [Paragraph(NONE_STORED, styles.body)]
    return [KeepTogether([_heading(number, styles), body[0]]), *body[1:], Spacer(1, 2 * mm)]


# -- sections --------------------------------------------------------------------------------
def _master_data(report: SubjectAccessReport, styles: LetterStyles) -> list[Flowable]:
    person = report.person
    rows = [
        ("Familienname", person.family_name),
        ("Vorname(n)", person.given_names),
        ("Geburtsdatum", format_date(person.birth_date)),
        ("Geschlecht", SEXES.get(person.sex or "", "nicht erfasst")),
        ("Anrede in Briefen", SALUTATIONS.get(person.salutation or "", "keine")),
        ("Schwerbehinderung / Eingliederungshilfe", yes_no(person.disability)),
        ("Pflegekind", yes_no(person.foster_child)),
        ("Verstorben am", format_date(person.died_on) or "–"),
        ("Erfasst am", _timestamp(person.created_at)),
        ("Personennummer im Register", str(person.person_id)),
    ]
    photo = report.photo
    if photo is None:
        rows.append(("Lichtbild", "keines gespeichert"))
    else:
        rows.append(("Lichtbild", f"gespeichert am {_timestamp(photo.updated_at)}, "
                                  f"{photo.width} × {photo.height} Pixel, "
                                  f"{format_count(len(photo.image))} Bytes ({photo.media_type})"))
    story: list[Flowable] = [_table(rows, (70, 95), styles, header=False)]
    if photo is not None:
        picture = _photo(photo.image, photo.width, photo.height)
        if picture is not None:
            story += [Spacer(1, 2 * mm), picture, Spacer(1, 3 * mm)]
    if report.distinctions:
        story.append(Paragraph(
            "Vermerkt ist außerdem, dass Sie nicht dieselbe Person sind wie eine andere "
            "registrierte Person mit gleichem oder ähnlichem Namen und Geburtsdatum "
            "(diese Person wird hier nicht genannt):", styles.body))
        story.append(_table(
            [("Vermerkt am", "Begründung"),
             *((_timestamp(d.recorded_at, short=True), d.reason) for d in report.distinctions)],
            (45, 120), styles))
    return story


def _photo(image: bytes, width: int, height: int) -> Flowable | None:
    """The stored photo at passport size; an image ReportLab cannot read is left out (the
    table above says that one is stored)."""
    try:
        reader = ImageReader(io.BytesIO(image))
        reader.getSize()
    except Exception:  # ReportLab raises a variety of errors for an unreadable image
        return None
    aspect = height / width if width else 45 / 35
    picture = Image(io.BytesIO(image), width=_PHOTO_WIDTH, height=_PHOTO_WIDTH * aspect)
    picture.hAlign = "LEFT"
    return picture


def _membership(membership: SubjectMembership, styles: LetterStyles) -> list[Flowable]:
    head = Paragraph(
        f"<b>Haushalt Nr. {membership.household_id}</b>: "
        f"{para_text(role_label(membership.role))}, "
        f"{para_text(_period(membership.valid_from, membership.valid_until))}", styles.body)
    parts: list[Flowable] = [head]
    if membership.addresses:
        parts.append(_table(
            [("Anschrift", "Stadtteil", "von – bis"),
             *((f"{a.street} {a.house_number}, {a.postcode} {a.municipality}",
                a.stadtteil or a.stadtteil_code or "–",
                _period(a.valid_from, a.valid_until)) for a in membership.addresses)],
            (80, 40, 45), styles))
    if membership.co_members:
        others = "; ".join(f"{role_label(c.role)} ({_period(c.valid_from, c.valid_until)})"
                           for c in membership.co_members)
        parts.append(Paragraph(
            f"Weitere Personen im Haushalt in dieser Zeit (nur Rolle und Zeitraum): "
            f"{para_text(others)}", styles.small))
    else:
        parts.append(Paragraph("Keine weiteren Personen im Haushalt in dieser Zeit.",
                               styles.small))
    return parts


def _households(report: SubjectAccessReport, styles: LetterStyles) -> list[Flowable]:
    story: list[Flowable] = []
    for membership in report.memberships:
        story += _membership(membership, styles)
        story.append(Spacer(1, 2 * mm))
    return story


def _incomes(report: SubjectAccessReport, styles: LetterStyles) -> list[Flowable]:
    if not report.incomes:
        return []
    return [_table(
        [("Art", "Betrag", "Zeitraum", "gültig", "Nachweis"),
         *((income_label(i.kind), format_euro(i.amount), period_label(i.period),
            _period(i.valid_from, i.valid_until), i.evidence or "–") for i in report.incomes)],
        (48, 24, 20, 38, 35), styles)]


def _notices(report: SubjectAccessReport, styles: LetterStyles) -> list[Flowable]:
    if not report.notices:
        return []
    return [_table(
        [("Leistung", "Aktenzeichen", "gültig", "gilt für", "erfasst am"),
         *((notice_label(n.kind), n.reference or "–",
            _period(n.valid_from, n.valid_until, open_end="bis auf Weiteres"),
            "Sie" if n.covers == "person" else f"den Haushalt Nr. {n.household_id}",
            _timestamp(n.recorded_at, short=True)) for n in report.notices)],
        (50, 28, 38, 24, 25), styles)]


def _figures_text(decision: SubjectDecision) -> str:
    figures = decision.household
    parts = []
    if figures.net_income is not None:
        parts.append(f"Nettoeinkommen des Haushalts im Monat {format_euro(figures.net_income)}")
    if figures.equivalised_income is not None:
        parts.append(f"Nettoäquivalenzeinkommen {format_euro(figures.equivalised_income)}")
    if figures.threshold is not None:
        parts.append(f"Einkommensgrenze {format_euro(figures.threshold)}")
    if figures.highest_eligible_income is not None:
        parts.append("berechtigt bis zu einem Haushaltsnettoeinkommen von "
                     f"{format_euro(figures.highest_eligible_income)}")
    return "; ".join(parts)


def input_text(own: DecisionInput) -> str:
    """The person's data as a decision took it, in one line: ``"Bei der Entscheidung
    zugrunde gelegt: Geburtsdatum 03.05.1980; Pflegekind; Einkommen: Rente/Pension
    1.342,86 € monatlich."``"""
    parts = []
    if own.birth_date is not None:
        parts.append(f"Geburtsdatum {format_date(own.birth_date)}")
    parts += [FLAGS.get(flag, flag) for flag in own.flags]
    incomes = ", ".join(f"{income_label(i.kind)} {format_euro(i.amount)} "
                        f"{period_label(i.period)}" for i in own.incomes)
    parts.append(f"Einkommen: {incomes}" if incomes else "kein Einkommen")
    return "Bei der Entscheidung zugrunde gelegt: " + "; ".join(parts) + "."


def _decision(decision: SubjectDecision, styles: LetterStyles) -> list[Flowable]:
    if decision.eligible:
        outcome = "<b>bewilligt</b>"
        if decision.pass_type:
            outcome += f": {para_text(pass_title(decision.pass_type))}"
        if decision.valid_from and decision.valid_until:
            outcome += f", gültig {para_text(_period(decision.valid_from, decision.valid_until))}"
        if decision.basis:
            outcome += f"; Grundlage: {para_text(label_basis(decision.basis))}"
        if "60plus" in decision.extras:
            outcome += "; zusätzlich Gutscheine für Bildung und Kultur (60plus)"
    else:
        outcome = "<b>abgelehnt</b>"
    parts: list[Flowable] = [Paragraph(
        f"Entscheidung Nr. {decision.decision_id} vom {format_date(decision.decided_on)}: "
        f"{outcome}.", styles.bullet, bulletText="•")]
    if decision.reasons:
        reasons = " ".join(para_text(sentence(r)) for r in decision.reasons)
        parts.append(Paragraph(f"Begründung: {reasons}", styles.bullet))
    if decision.own_input is not None:
        parts.append(Paragraph(para_text(input_text(decision.own_input)), styles.bullet))
    figures = _figures_text(decision)
    if figures:
        parts.append(Paragraph(para_text(figures) + ".", styles.bullet))
    parts.append(Paragraph(para_text(f"Regelwerk {decision.rule_set}"), styles.small))
    return parts


def label_basis(basis: str) -> str:
    return BASIS_LABELS.get(basis, basis)


def _application(application: SubjectApplication, styles: LetterStyles) -> list[Flowable]:
    who = ("von Ihnen gestellt" if application.is_applicant
           else "von einer anderen Person Ihres Haushalts gestellt")
    proofs = ", ".join(PROOF_LABELS.get(p, p) for p in application.proofs) or "keine"
    head = (f"<b>Antrag Nr. {application.application_id} vom "
            f"{format_date(application.application_date)}</b> "
            f"({para_text(label(APPLICATION_KINDS, application.kind))}, Haushalt Nr. "
            f"{application.household_id}, {who}, "
            f"{para_text(APPLICATION_STATUSES.get(application.status, application.status))}); "
            f"vorgelegte Nachweise: {para_text(proofs)}")
    parts: list[Flowable] = [Paragraph(head, styles.body)]
    for decision in application.decisions:
        parts += _decision(decision, styles)
    if not application.decisions:
        parts.append(Paragraph("Noch keine Entscheidung.", styles.bullet, bulletText="•"))
    return parts


def _applications(report: SubjectAccessReport, styles: LetterStyles) -> list[Flowable]:
    story: list[Flowable] = []
    for application in report.applications:
        story += _application(application, styles)
        story.append(Spacer(1, 2 * mm))
    return story


def _objection(objection: SubjectObjection, styles: LetterStyles) -> list[Flowable]:
    if objection.lodged_by_subject:
        who = "von Ihnen eingelegt"
        if objection.representative:
            who += f", vertreten durch {objection.representative}"
    else:
        who = "für Ihren Haushalt eingelegt"
    head = (f"<b>Widerspruch Nr. {objection.objection_id} vom "
            f"{format_date(objection.received_on)}</b> gegen die Entscheidung Nr. "
            f"{objection.decision_id} (Haushalt Nr. {objection.household_id}, "
            f"{para_text(who)})")
    rows = [
        ("Eingegangen am", format_date(objection.received_on)),
        ("Bekanntgabe der Entscheidung", format_date(objection.bekanntgabe_on)),
        ("Widerspruchsfrist bis", format_date(objection.deadline)),
        ("Fristgerecht", yes_no(objection.in_time)),
        ("Stand", OBJECTION_STATES.get(objection.state, objection.state)),
    ]
    if objection.reason:
        rows.append(("Ihre Begründung", objection.reason))
    if objection.outcome_on is not None:
        rows.append(("Erledigt am", format_date(objection.outcome_on)))
    if objection.outcome_reason:
        rows.append(("Begründung der Erledigung", objection.outcome_reason))
    if objection.remedial_decision_id is not None:
        rows.append(("Neue Entscheidung", f"Nr. {objection.remedial_decision_id}"))
    if objection.follow_up_on is not None:
        rows.append(("Wiedervorlage", format_date(objection.follow_up_on)))
    if objection.follow_up_note:
        rows.append(("Vermerk zur Wiedervorlage", objection.follow_up_note))
    return [Paragraph(head, styles.body), _table(rows, (60, 105), styles, header=False)]


def _objections(report: SubjectAccessReport, styles: LetterStyles) -> list[Flowable]:
    story: list[Flowable] = []
    for objection in report.objections:
        story += _objection(objection, styles)
        story.append(Spacer(1, 2 * mm))
    return story


def _vouchers(report: SubjectAccessReport, styles: LetterStyles) -> list[Flowable]:
    if not report.vouchers:
        return []
    return [_table(
        [("Jahr", "Betrag", "ausgegeben am", "Pass-Nr."),
         *((str(v.year), format_euro(v.amount), format_date(v.handed_out_on), v.pass_number)
           for v in report.vouchers)],
        (20, 30, 40, 75), styles)]


def _passes(report: SubjectAccessReport, styles: LetterStyles) -> list[Flowable]:
    if not report.passes:
        return []
    rows = [("Pass-Nr.", "Art", "Status", "Gültigkeit")]
    for card in report.passes:
        status = PASS_STATUSES.get(card.status, card.status)
        if card.revoked_on is not None:
            status += f" ab {format_date(card.revoked_on)}"
        if card.revocation_reason:
            status += f" (Grund: {card.revocation_reason})"
        if card.replaces:
            status += f"; ersetzt Pass {card.replaces}"
        periods = "\n".join(
            f"{_period(v.valid_from, v.valid_until)} ({VALIDITY_KINDS.get(v.kind, v.kind)})"
            for v in card.validities)
        rows.append((card.number, pass_title(card.pass_type), status, periods))
    return [_table(rows, (30, 35, 45, 55), styles)]


def _prints(report: SubjectAccessReport, styles: LetterStyles) -> list[Flowable]:
    if not report.prints:
        return []
    rows = [("Gedruckt am", "Dokument", "Seiten", "betrifft")]
    for record in report.prints:
        subject = []
        if record.passes:
            subject.append("Pass " + ", ".join(record.passes))
        if record.decision_id is not None:
            subject.append(f"Entscheidung Nr. {record.decision_id}")
        if record.application_id is not None:
            subject.append(f"Antrag Nr. {record.application_id}")
        rows.append((_timestamp(record.printed_at, short=True),
                     PRINT_KINDS.get(record.kind, record.kind), str(record.pages),
                     "; ".join(subject) or "–"))
    return [_table(rows, (32, 35, 15, 83), styles)]


def _events(report: SubjectAccessReport, styles: LetterStyles) -> list[Flowable]:
    if not report.events:
        return []
    rows = [("Zeitpunkt", "Vorgang", "Einzelheiten")]
    for event in report.events:
        rows.append((_timestamp(event.at, short=True), event_label(event.action),
                     details_text(event.details) or "–"))
    return [
        Paragraph("Jede Änderung und jede Auskunft wird mit Zeitpunkt im Protokoll "
                  f"festgehalten (die Drucke stehen unter {SECTIONS.index('Ausdrucke') + 1}.). "
                  "Diese Einträge betreffen Sie:",
                  styles.body),
        _table(rows, (32, 43, 90), styles),
    ]


# -- the document ----------------------------------------------------------------------------
def report_story(report: SubjectAccessReport, settings: LetterSettings) -> list[Flowable]:
    """The flowables of the report's body (below the address field)."""
    styles = letter_styles()
    stand = _timestamp(report.created_at)
    story: list[Flowable] = [
        Paragraph(f"{TITLE}<br/>Stand: {stand}", styles.subject),
    ]
    if report.salutation:
        story.append(Paragraph(para_text(report.salutation), styles.body))
    story.append(Paragraph(
        "Sie erhalten hier Auskunft über alle Daten, die die Sozial- und Jugendbehörde im "
        "Verfahren Karlsruher Pass und Karlsruher Kinderpass über "
        f"{para_text(report.person.name)} gespeichert hat, mit Stand vom {stand}. Eine "
        "maschinenlesbare Fassung (JSON) erhalten Sie auf Wunsch.", styles.body))
    story.append(Paragraph("Zwecke, Empfänger und Speicherdauer", styles.heading))
    for title, text in NOTES.values():
        story.append(Paragraph(f"<b>{para_text(title)}:</b> {para_text(text)}", styles.bullet,
                               bulletText="•"))
    builders = (_master_data, _households, _incomes, _notices, _applications, _objections,
                _passes, _vouchers, _prints, _events)
    for number, build in enumerate(builders, start=1):
        story += _section(number, build(report, styles), styles)
    story.append(signature_block(settings, styles, report.caseworker))
    return story


def render_subject_report(
    report: SubjectAccessReport, out: Output, settings: LetterSettings | None = None
) -> None:
    """Write the report as an A4 PDF (DIN 5008 form B, window envelope; 0600 as a file)."""
    chosen = settings or load_letter_settings(None)
    stand = format_date(report.created_at.astimezone().date())
    head = LetterHead(
        recipient_lines=report.recipient_lines or (report.person.name,),
        info_rows=(("Person-Nr.", str(report.person.person_id)), ("Datum", stand)),
        later_header=f"{TITLE} · {report.person.name} · Stand {stand}",
    )

    def produce(stream: BinaryIO) -> None:
        build_letters(stream, [head], chosen, TITLE, lambda _index: report_story(report, chosen))

    write_document(out, produce)
