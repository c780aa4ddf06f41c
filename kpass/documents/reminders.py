"""Renewal reminders: one letter per holder whose pass expires in a month, all in one PDF.

A pass can be renewed from the first day of its expiry month; renewed within that month, the
new pass continues without a gap from the day after the old expiry (spec section 5). A
Kinderpass whose holder is of age by then is followed by a Karlsruher Pass with the same number
(spec section 5, second edition): the letter says so.

On a regional register one month's batch may hold the households of several issuers: each
letter is headed, addressed from and signed off with the office of its own
:class:`ReminderLetter` settings (its household's issuer's), the rest with the batch's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer

from kpass.documents.data import ReminderData
from kpass.documents.decision_letter import signature_block
from kpass.documents.errors import DocumentError
from kpass.documents.labels import pass_title
from kpass.documents.letter_frame import LetterDocument, LetterHead, letter_styles, para_text
from kpass.documents.letter_settings import LetterSettings, load_letter_settings
from kpass.documents.output import Output, write_document
from kpass.vocabulary import format_date

KINDERPASS = "kinderpass"


@dataclass(frozen=True)
class ReminderLetter(ReminderData):
    """A reminder with the office that sends it: ``settings`` are the letter settings of the
    household's issuer (``None``: the batch's settings)."""

    settings: LetterSettings | None = None


class _OfficePerLetter(LetterDocument):
    """The letter frame with each letter's own office: letterhead, return address, contact
    and footer of letter ``i`` (and of its later pages) come from ``offices[i]``."""

    def __init__(self, stream: BinaryIO, heads: Sequence[LetterHead],
                 batch: LetterSettings, offices: Sequence[LetterSettings], title: str) -> None:
        super().__init__(stream, heads, batch, title)
        self._offices = list(offices)

    def _first_page(self, canvas: Any, doc: Any) -> None:
        # The first page opens the next letter; its later pages keep these settings.
        self.settings = self._offices[self._next_letter]
        super()._first_page(canvas, doc)


def _settings_of(reminder: ReminderData, batch: LetterSettings) -> LetterSettings:
    own = reminder.settings if isinstance(reminder, ReminderLetter) else None
    return own or batch


def _genitive(title: str) -> str:
    # "Karlsruher Pass" → "Karlsruher Passes"; a title from elsewhere stays as it is.
    return title + "es" if title.lower().endswith("pass") else title


def _speaks_to_holder(reminder: ReminderData) -> bool:
    if reminder.addressed_to_holder is not None:
        return reminder.addressed_to_holder
    return reminder.pass_type != KINDERPASS


def _of_age_note(reminder: ReminderData) -> str | None:
    """For a Kinderpass whose holder is of age by its expiry: the next pass (markup)."""
    if reminder.pass_type != KINDERPASS or reminder.of_age_on is None:
        return None
    adult = pass_title("karlsruher_pass")
    renew_from = reminder.valid_until.replace(day=1)
    holder = para_text(reminder.holder_name)
    to_holder = _speaks_to_holder(reminder)
    if reminder.of_age_on <= reminder.letter_date:
        when = f"{'Sie sind' if to_holder else holder + ' ist'} inzwischen volljährig."
    else:
        when = (f"{'Sie werden' if to_holder else holder + ' wird'} am "
                f"{format_date(reminder.of_age_on)} volljährig.")
    if reminder.of_age_on <= renew_from:
        when += " Der nächste Pass ist deshalb"
    else:
        when += " Bei einer Verlängerung ab diesem Tag ist der nächste Pass"
    return (f"{when} ein {adult} statt eines {_genitive(pass_title(KINDERPASS))}. Die "
            "Passnummer bleibt; Sie erhalten eine neue Karte.")


def reminder_story(reminder: ReminderData, settings: LetterSettings) -> list[Flowable]:
    """The body of one reminder letter."""
    styles = letter_styles()
    title = pass_title(reminder.pass_type)
    until = format_date(reminder.valid_until)
    renew_from = format_date(reminder.valid_until.replace(day=1))
    continues = format_date(reminder.valid_until + timedelta(days=1))
    number = para_text(reminder.number)
    if _speaks_to_holder(reminder):
        subject = f"Verlängerung Ihres {_genitive(title)}"
        opening = (
            f"Ihr {title} Nr. {number} ist gültig bis {until}. Sie können ihn ab {renew_from} "
            f"verlängern. Wenn Sie ihn bis zum {until} verlängern, gilt der neue Pass ohne "
            f"Unterbrechung ab dem {continues}."
        )
    else:
        holder = para_text(reminder.holder_name)
        subject = f"Verlängerung des {_genitive(title)} von {holder}"
        opening = (
            f"Der {title} von {holder}, Nr. {number}, ist gültig bis {until}. Sie können ihn "
            f"ab {renew_from} verlängern. Wenn Sie ihn bis zum {until} verlängern, gilt der "
            f"neue Pass ohne Unterbrechung ab dem {continues}."
        )
    story: list[Flowable] = [
        Paragraph(subject, styles.subject),
        Paragraph(para_text(reminder.salutation), styles.body),
        Paragraph(opening, styles.body),
    ]
    of_age = _of_age_note(reminder)
    if of_age:
        story.append(Paragraph(of_age, styles.body))
    story.append(Paragraph(para_text(settings.reminder.documents_intro), styles.body))
    for item in settings.reminder.documents:
        story.append(Paragraph(para_text(settings.fill(item)), styles.bullet, bulletText="•"))
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph(para_text(settings.fill(settings.reminder.visit_note)), styles.body))
    story.append(signature_block(settings, styles, reminder.caseworker))
    return story


def render_renewal_reminders(
    reminders: Sequence[ReminderData], out: Output, settings: LetterSettings | None = None
) -> None:
    """One PDF with a letter per reminder, each on its own pages with its own page count and
    its own office (a :class:`ReminderLetter`'s settings, else ``settings``, else the letter
    settings)."""
    if not reminders:
        raise DocumentError(
            "there are no reminders to write", "Es gibt keine Erinnerungsschreiben zu erstellen"
        )
    chosen = settings or load_letter_settings(None)
    offices = [_settings_of(reminder, chosen) for reminder in reminders]
    heads = [
        LetterHead(
            recipient_lines=reminder.recipient_lines,
            info_rows=(("Pass-Nr.", reminder.number),
                       ("Datum", format_date(reminder.letter_date))),
            later_header=f"Erinnerung vom {format_date(reminder.letter_date)} · "
                         f"Pass-Nr. {reminder.number}",
        )
        for reminder in reminders
    ]

    def produce(stream: BinaryIO) -> None:
        document = _OfficePerLetter(stream, heads, chosen, offices, "Erinnerung Karlsruher Pass")
        story: list[Flowable] = []
        for index, reminder in enumerate(reminders):
            if index:
                story += [NextPageTemplate("first"), PageBreak()]
            story += reminder_story(reminder, offices[index])
        document.render(story)

    write_document(out, produce)
