"""The decision letter (Bescheid) for a household: approval, rejection or both.

Order of the letter: subject, salutation, (addressed to a legal representative), the decision
in one sentence, a table with every member, what happens to each pass (a pass that already
runs on, a Kinderpass that becomes a Karlsruher Pass), the 60plus vouchers where they apply,
the reasons with the income figures and the highest eligible income, the legal basis, notes on
the pass, the Rechtsbehelfsbelehrung and the signature with the caseworker's name.

Every figure of a rule (weights, ages, amounts, months) comes from the letter data, that is
from the rule set that decided; none is written here.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, BinaryIO

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from kpass.documents.data import (
    PASS_CONTINUED,
    PASS_NEW,
    PASS_RUNNING,
    DecisionLetterData,
    LetterMember,
    LetterRules,
)
from kpass.documents.fonts import REGULAR
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
from kpass.vocabulary import format_date, format_euro, format_factor, format_months, format_weights

VOUCHER_EXTRA = "60plus"
KINDERPASS = "kinderpass"
_TABLE_HEAD = HexColor("#E6ECF4")
_TABLE_LINE = HexColor("#9AA5B4")


def sentence(text: str) -> str:
    """``text`` as a sentence: capital first letter, a full stop at the end if it has none."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def signature_block(settings: LetterSettings, styles: LetterStyles,
                    caseworker: str = "") -> Flowable:
    """Closing and signature lines, kept on one page; empty lines leave room to sign.

    ``{caseworker}`` in a line is the caseworker's name; a line left empty by it is dropped.
    """
    parts: list[Flowable] = [Spacer(1, 3 * mm), Paragraph(para_text(settings.signature.closing),
                                                          styles.body)]
    for line in settings.signature.lines:
        if not line:
            parts.append(Spacer(1, 5 * mm))
            continue
        text = settings.fill(line, caseworker=caseworker.strip())
        if text.strip():
            parts.append(Paragraph(para_text(text), styles.signature))
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


def _basis_text(basis: str, rules: LetterRules | None) -> str:
    if rules is None:
        return basis_label(basis)
    return basis_label(basis, large_family_min_minors=rules.large_family_min_minors,
                       adult_age=rules.adult_age)


def _validity_cell(member: LetterMember) -> str:
    if not (member.eligible and member.valid_from and member.valid_until):
        return "–"
    text = f"{format_date(member.valid_from)}<br/>bis {format_date(member.valid_until)}"
    if member.pass_number:
        text += f"<br/>{_unbroken(member.pass_number)}"
    return text


def _member_table(data: DecisionLetterData, styles: LetterStyles) -> Table:
    def cell(text: str) -> Paragraph:
        return Paragraph(text, styles.cell)

    rows = [[cell(f"<b>{label}</b>") for label in ("Person", "Entscheidung", "Grundlage",
                                                    "Gültigkeit")]]
    for member in data.members:
        person = f"<b>{para_text(member.name)}</b><br/>geb. {format_date(member.birth_date)}"
        if member.eligible:
            title = pass_title(member.pass_type) if member.pass_type else "Pass"
            decision = f"<b>bewilligt</b><br/>{para_text(title)}"
            if member.pass_action == PASS_RUNNING:
                decision += "<br/>kein neuer Pass"
            elif member.pass_action == PASS_CONTINUED:
                decision += "<br/>verlängert"
            basis = para_text(_basis_text(member.basis, data.rules)) if member.basis else "–"
        else:
            decision, basis = "<b>abgelehnt</b>", "–"
        rows.append([cell(person), cell(decision), cell(basis), cell(_validity_cell(member))])
    return person_table(rows, (50, 39, 48, 28))


def person_table(rows: list[list[Any]], widths_mm: tuple[float, ...]) -> Table:
    """A letter's table of persons: a shaded header row repeated on each page, thin rules,
    the column widths (mm) scaled to the text width."""
    widths = [w * mm for w in widths_mm]
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


def _whose(member: LetterMember, title: str, number: str) -> str:
    """``"Ihr Karlsruher Pass KA-…"`` or ``"Der Karlsruher Pass KA-… von Max Müller"``."""
    if member.is_recipient:
        return f"Ihr {title} {number}"
    return f"Der {title} {number} von {_unbroken(member.name)}"


def pass_note(member: LetterMember) -> str | None:
    """What happens to the member's pass, when the table alone would not say it (markup)."""
    if not member.eligible or not member.pass_number or not member.valid_until:
        return None
    number = _unbroken(member.pass_number)
    until = format_date(member.valid_until)
    if member.pass_action == PASS_RUNNING:
        title = pass_title(member.running_pass_type or member.pass_type or "")
        return (f"{_whose(member, title, number)} gilt bereits bis {until}; ein neuer Pass wird "
                "nicht ausgestellt.")
    type_changed = (member.previous_pass_type == KINDERPASS
                    and member.pass_type not in (None, KINDERPASS))
    if not type_changed:
        return None
    new_title = pass_title(member.pass_type or "")
    old_title = pass_title(KINDERPASS)
    if member.pass_action == PASS_CONTINUED or member.previous_number in (None,
                                                                           member.pass_number):
        return (f"{_whose(member, old_title, number)} wird als {new_title} weitergeführt und "
                f"gilt bis {until}. Die Passnummer bleibt; Sie erhalten eine neue Karte.")
    if member.pass_action == PASS_NEW and member.valid_from is not None:
        previous = _unbroken(member.previous_number or "")
        return (f"{_whose(member, old_title, previous)} wird ab {format_date(member.valid_from)} "
                f"durch den {new_title} {number} ersetzt, der bis {until} gilt; Sie erhalten "
                "eine neue Karte.")
    return None


def education_note(benefits: tuple[str, ...], settings: LetterSettings) -> str:
    """The Bildung-und-Teilhabe note for a household receiving ``benefits`` (labels)."""
    if not benefits or not settings.decision.education_note:
        return ""
    return settings.fill(settings.decision.education_note,
                         benefits=" und ".join(benefits))


def _voucher_note(member: LetterMember, data: DecisionLetterData,
                  settings: LetterSettings) -> str:
    amount = data.voucher_amount
    if amount is None and data.rules is not None:
        amount = data.rules.senior_extra_amount
    if amount is not None and data.rules is not None:
        return settings.fill(settings.decision.voucher_note, name=member.name,
                             amount=format_euro(amount), age=str(data.rules.senior_extra_age))
    if amount is not None:
        return (f"{member.name} erhält zusätzlich Gutscheine für Bildung und Kultur (60plus) im "
                f"Wert von {format_euro(amount)} je Kalenderjahr.")
    return f"{member.name} erhält zusätzlich Gutscheine für Bildung und Kultur (60plus)."


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


def _weights_explanation(rules: LetterRules | None) -> str:
    if rules is None:
        weights = ""
    else:
        age = rules.older_member_age
        weights = (
            f" (die erste erwachsene Person {format_factor(rules.weight_first_adult)}, jede "
            f"weitere Person ab {age} Jahren {format_factor(rules.weight_older_member)}, jede "
            f"Person unter {age} Jahren {format_factor(rules.weight_young_member)})"
        )
    return (
        "Beim Einkommen zählt das Nettoäquivalenzeinkommen: das Nettoeinkommen aller Personen "
        f"im Haushalt, geteilt durch die Summe ihrer Gewichte{weights}, gerundet auf volle Cent. "
        "Es muss unter der Einkommensgrenze liegen."
    )


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
        since = data.rules.threshold_since if data.rules else None
        label = "Einkommensgrenze im Monat"
        if since is not None:
            label += f" (gültig seit {format_date(since)})"
        rows.append((label, format_euro(data.threshold)))
    if data.margin is not None:
        rows.append(("Abstand zur Einkommensgrenze", _margin_text(data.margin)))
    if data.highest_eligible_income is not None:
        rows.append(("Berechtigt bis zu einem Haushaltsnettoeinkommen von",
                     format_euro(data.highest_eligible_income)))
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
    result: list[Flowable] = [
        KeepTogether([Paragraph("Berechnung des Einkommens", styles.heading), table]),
        Spacer(1, 2 * mm),
    ]
    result.append(Paragraph(para_text(_weights_explanation(data.rules)), styles.small))
    return result


def _shows_income(data: DecisionLetterData) -> bool:
    # Figures explain an income decision; beside a benefit notice alone they would confuse.
    return any(not m.eligible or m.basis == "income" for m in data.members)


def _legal_basis(data: DecisionLetterData, settings: LetterSettings,
                 styles: LetterStyles) -> list[Flowable]:
    issuer = data.issuer or (settings.office.name_lines[0] if settings.office.name_lines
                             else settings.office.name)
    text = (f"Dieser Bescheid beruht auf den Voraussetzungen der {issuer} für den Karlsruher "
            "Pass und den Karlsruher Kinderpass")
    if data.legal_sources:
        text += f" ({'; '.join(data.legal_sources)})"
    text += "."
    if (_shows_income(data) and data.threshold is not None and data.rules is not None
            and data.rules.threshold_since is not None):
        text += (f" Die Einkommensgrenze von {format_euro(data.threshold)} im Monat gilt seit "
                 f"dem {format_date(data.rules.threshold_since)}.")
    return [
        Paragraph("Rechtsgrundlage", styles.heading),
        Paragraph(para_text(text), styles.body),
        Paragraph(para_text(f"Regelwerk {data.rule_set} (Angabe für die Akte)"), styles.small),
    ]


def validity_note(rules: LetterRules) -> str:
    """How long a new and a renewed pass are valid, from ``validity_months``."""
    months = format_months(rules.validity_months)
    further = ("einen weiteren Monat" if rules.validity_months == 1
               else f"weitere {months}")
    return (
        f"Ein neuer Pass gilt ab dem Tag des Antrags bis zum Ende des Monats, der {months} nach "
        f"dem Antragsmonat liegt. Wird ein Pass in dem Monat verlängert, in dem er abläuft, gilt "
        f"der neue Pass ohne Unterbrechung {further}."
    )


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
    story.append(_member_table(data, styles))
    story.append(Spacer(1, 4 * mm))
    for member in data.members:
        note = pass_note(member)
        if note:
            story.append(Paragraph(note, styles.body))
    for member in data.members:
        if member.eligible and VOUCHER_EXTRA in member.extras:
            story.append(Paragraph(para_text(_voucher_note(member, data, settings)), styles.body))
    education = education_note(data.education_benefits, settings)
    if education:
        story.append(Paragraph(para_text(education), styles.body))
    story.append(Paragraph("Begründung", styles.heading))
    story += _reasons(data.members, styles)
    if _shows_income(data):
        story += _figures(data, styles)
    story += _legal_basis(data, settings, styles)
    if any(member.eligible for member in data.members):
        notes = [para_text(settings.fill(note)) for note in settings.decision.approval_notes]
        if data.rules is not None:
            notes.append(para_text(validity_note(data.rules)))
        if notes:
            story.append(Paragraph("Hinweise zum Pass", styles.heading))
            for note in notes:
                story.append(Paragraph(note, styles.bullet, bulletText="•"))
            story.append(Spacer(1, 2 * mm))
    story.append(legal_remedy_block(settings, styles))
    story.append(signature_block(settings, styles, data.caseworker))
    return story


def legal_remedy_block(settings: LetterSettings, styles: LetterStyles) -> Flowable:
    """The Rechtsbehelfsbelehrung against a decision, heading and text kept on one page."""
    return KeepTogether([
        Paragraph(para_text(settings.decision.legal_remedy_title), styles.heading),
        Paragraph(para_text(settings.fill(settings.decision.legal_remedy)), styles.body),
    ])


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
