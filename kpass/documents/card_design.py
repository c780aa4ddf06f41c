"""The design of the pass card (ID-1, 85.60 × 53.98 mm), front and back, drawn at any offset.

Front: a colour band with the title (dark blue: Karlsruher Pass, dark rust: Kinderpass; white
text on both has a contrast above 6:1), the photo or a field to glue one, name, birth date,
pass number, "gültig bis MM/JJJJ" and the signed QR code with a quiet zone of four modules.
Back: the conditions of use, where to report a loss and a line for the holder's signature.
Everything that does not depend on the card is computed once in :class:`CardPainter`.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit

from kpass.documents.data import CardData
from kpass.documents.fonts import BOLD, REGULAR, register_fonts, text_width
from kpass.documents.labels import pass_title
from kpass.documents.letter_settings import LetterSettings
from kpass.documents.photos import PhotoForms
from kpass.documents.qr import draw_qr, qr_matrix
from kpass.vocabulary import format_date, format_month

CARD_WIDTH = 85.60 * mm
CARD_HEIGHT = 53.98 * mm

BAND_HEIGHT = 11 * mm
MARGIN = 4 * mm
PHOTO_WIDTH = 21 * mm
PHOTO_HEIGHT = 27 * mm
PHOTO_TOP = CARD_HEIGHT - BAND_HEIGHT - 3.5 * mm
TEXT_LEFT = MARGIN + PHOTO_WIDTH + 4 * mm
QR_SIZE = 22 * mm
QR_RIGHT_MARGIN = 3.5 * mm
QR_BOTTOM = 3.5 * mm
QR_LEFT = CARD_WIDTH - QR_RIGHT_MARGIN - QR_SIZE

BAND_COLOURS: dict[str, Color] = {
    "karlsruher_pass": HexColor("#1A4D8F"),
    "kinderpass": HexColor("#A8401A"),
}
TEXT_COLOUR = HexColor("#141414")
LABEL_COLOUR = HexColor("#4A4A4A")  # 8.9:1 on white: small labels stay readable
FRAME_COLOUR = HexColor("#6E6E6E")

NAME_SIZE = 10.5
GIVEN_SIZE = 9.0
MIN_NAME_SIZE = 6.0


def _fit(text: str, font: str, size: float, width: float) -> tuple[str, float]:
    """Shrink to fit ``width`` down to a minimum size, then shorten with an ellipsis."""
    actual = text_width(text, font, size)
    if actual > width:
        size = max(MIN_NAME_SIZE, size * width / actual)
    while len(text) > 1 and text_width(text, font, size) > width:
        text = text[:-2].rstrip() + "…"
    return text, size


class CardPainter:
    """Draws cards onto one canvas; photos and fonts are shared across all its cards."""

    def __init__(self, canvas: Any, settings: LetterSettings) -> None:
        register_fonts()
        self.canvas = canvas
        self.settings = settings
        self.photos = PhotoForms(canvas, PHOTO_WIDTH, PHOTO_HEIGHT)
        self.issuer = settings.card.issuer
        self._back_lines = [settings.fill(line) for line in settings.card.back_lines]

    def front(self, card: CardData, x: float, y: float) -> None:
        """The front of ``card`` with its lower left corner at (x, y)."""
        canvas = self.canvas
        matrix = qr_matrix(card.qr_payload)
        canvas.saveState()
        canvas.translate(x, y)
        self._band(card.pass_type, card.issuer or self.issuer)
        self._photo(card.photo)
        self._holder(card)
        canvas.setFillColor(TEXT_COLOUR)
        draw_qr(canvas, matrix, QR_LEFT, QR_BOTTOM, QR_SIZE)
        canvas.restoreState()

    def _band(self, pass_type: str, issuer: str) -> None:
        canvas = self.canvas
        canvas.setFillColor(BAND_COLOURS.get(pass_type, BAND_COLOURS["karlsruher_pass"]))
        canvas.rect(0, CARD_HEIGHT - BAND_HEIGHT, CARD_WIDTH, BAND_HEIGHT, stroke=0, fill=1)
        canvas.setFillColor(white)
        canvas.setFont(BOLD, 12)
        canvas.drawString(MARGIN, CARD_HEIGHT - 7.2 * mm, pass_title(pass_type))
        if issuer:
            canvas.setFont(REGULAR, 6.5)
            canvas.drawRightString(CARD_WIDTH - MARGIN, CARD_HEIGHT - 6.6 * mm, issuer)

    def _photo(self, photo: bytes | None) -> None:
        canvas = self.canvas
        bottom = PHOTO_TOP - PHOTO_HEIGHT
        canvas.setStrokeColor(FRAME_COLOUR)
        canvas.setLineWidth(0.4)
        if photo is not None:
            self.photos.draw(photo, MARGIN, bottom)
            canvas.rect(MARGIN, bottom, PHOTO_WIDTH, PHOTO_HEIGHT, stroke=1, fill=0)
            return
        canvas.setDash(2, 1.5)
        canvas.rect(MARGIN, bottom, PHOTO_WIDTH, PHOTO_HEIGHT, stroke=1, fill=0)
        canvas.setDash()
        centre = MARGIN + PHOTO_WIDTH / 2
        canvas.setFillColor(LABEL_COLOUR)
        canvas.setFont(BOLD, 7)
        canvas.drawCentredString(centre, bottom + PHOTO_HEIGHT / 2 + 0.5 * mm, "Lichtbild")
        canvas.setFont(REGULAR, 5.5)
        canvas.drawCentredString(centre, bottom + PHOTO_HEIGHT / 2 - 2.5 * mm, "hier aufkleben")

    def _holder(self, card: CardData) -> None:
        canvas = self.canvas
        name_width = CARD_WIDTH - MARGIN - TEXT_LEFT
        family, family_size = _fit(card.family_name, BOLD, NAME_SIZE, name_width)
        given, given_size = _fit(card.given_names, REGULAR, GIVEN_SIZE, name_width)
        top = CARD_HEIGHT - BAND_HEIGHT
        canvas.setFillColor(TEXT_COLOUR)
        canvas.setFont(BOLD, family_size)
        canvas.drawString(TEXT_LEFT, top - 6.5 * mm, family)
        canvas.setFont(REGULAR, given_size)
        canvas.drawString(TEXT_LEFT, top - 10.6 * mm, given)
        self._field("Geburtsdatum", format_date(card.birth_date), REGULAR, top - 16 * mm)
        self._field("Pass-Nr.", card.number, BOLD, top - 23.5 * mm)
        canvas.setFillColor(TEXT_COLOUR)
        canvas.setFont(BOLD, 10)
        canvas.drawString(MARGIN, 6.2 * mm, f"gültig bis {format_month(card.valid_until)}")

    def _field(self, label: str, value: str, font: str, label_baseline: float) -> None:
        canvas = self.canvas
        canvas.setFillColor(LABEL_COLOUR)
        canvas.setFont(REGULAR, 6)
        canvas.drawString(TEXT_LEFT, label_baseline, label)
        canvas.setFillColor(TEXT_COLOUR)
        canvas.setFont(font, 9)
        canvas.drawString(TEXT_LEFT, label_baseline - 3.6 * mm, value)

    def back(self, card: CardData, x: float, y: float) -> None:
        """The back of ``card`` (conditions, loss report, signature line) at (x, y)."""
        canvas = self.canvas
        canvas.saveState()
        canvas.translate(x, y)
        canvas.setFillColor(BAND_COLOURS.get(card.pass_type, BAND_COLOURS["karlsruher_pass"]))
        canvas.rect(0, CARD_HEIGHT - 3 * mm, CARD_WIDTH, 3 * mm, stroke=0, fill=1)
        canvas.setFillColor(TEXT_COLOUR)
        canvas.setFont(BOLD, 8)
        baseline = CARD_HEIGHT - 7.5 * mm
        canvas.drawString(MARGIN, baseline, self.settings.card.back_title)
        baseline -= 4.2 * mm
        width = CARD_WIDTH - 2 * MARGIN - 3 * mm
        canvas.setFont(REGULAR, 6.8)
        for line in self._back_lines:
            for index, part in enumerate(simpleSplit(line, REGULAR, 6.8, width)):
                if index == 0:
                    canvas.drawString(MARGIN, baseline, "•")
                canvas.drawString(MARGIN + 3 * mm, baseline, part)
                baseline -= 3.1 * mm
            baseline -= 0.8 * mm
        canvas.setStrokeColor(FRAME_COLOUR)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 10 * mm, CARD_WIDTH - MARGIN - 28 * mm, 10 * mm)
        canvas.setFillColor(LABEL_COLOUR)
        canvas.setFont(REGULAR, 5.5)
        canvas.drawString(MARGIN, 7.4 * mm, self.settings.card.signature_label)
        canvas.setFillColor(TEXT_COLOUR)
        canvas.setFont(BOLD, 7)
        canvas.drawRightString(CARD_WIDTH - MARGIN, 7.4 * mm, f"Nr. {card.number}")
        canvas.restoreState()
