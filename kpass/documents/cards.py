"""Pass cards as PDF: one ID-1 page per card, or A4 sheets of 10 cards with crop marks.

The A4 sheet places 2 × 5 cards edge to edge, centred on the page (about 19.4 mm side and
13.6 mm top and bottom margins), as on perforated card paper; on plain paper the crop marks
in the margins show where to cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, BinaryIO

from reportlab.lib.colors import black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kpass.documents.card_design import CARD_HEIGHT, CARD_WIDTH, CardPainter
from kpass.documents.data import CardData
from kpass.documents.errors import DocumentError
from kpass.documents.fonts import REGULAR, register_fonts
from kpass.documents.letter_settings import LetterSettings, load_letter_settings
from kpass.documents.output import Output, write_document

SHEET_COLUMNS = 2
SHEET_ROWS = 5
CARDS_PER_SHEET = SHEET_COLUMNS * SHEET_ROWS
SHEET_LEFT = (A4[0] - SHEET_COLUMNS * CARD_WIDTH) / 2
SHEET_BOTTOM = (A4[1] - SHEET_ROWS * CARD_HEIGHT) / 2
CROP_MARK_GAP = 2 * mm  # marks stay off the card so a slightly wrong cut shows no line
CROP_MARK_LENGTH = 6 * mm


def _canvas(stream: BinaryIO, size: tuple[float, float], title: str) -> Canvas:
    register_fonts()
    # initialFontName: otherwise ReportLab references an unembedded Helvetica.
    canvas = Canvas(stream, pagesize=size, initialFontName=REGULAR, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("kpass")
    canvas.setCreator("kpass")
    return canvas


def _require(cards: Sequence[CardData]) -> None:
    if not cards:
        raise DocumentError("there are no cards to print", "Es gibt keine Pässe zu drucken")


def render_cards(
    cards: Sequence[CardData],
    out: Output,
    *,
    back_side: bool = False,
    settings: LetterSettings | None = None,
) -> None:
    """One ID-1 page (85.60 × 53.98 mm) per card; with ``back_side`` each front is followed
    by its back (for duplex card printers). ``settings`` supply the back's texts."""
    _require(cards)
    chosen = settings or load_letter_settings(None)

    def produce(stream: BinaryIO) -> None:
        canvas = _canvas(stream, (CARD_WIDTH, CARD_HEIGHT), "Karlsruher Pass")
        painter = CardPainter(canvas, chosen)
        for card in cards:
            painter.front(card, 0, 0)
            canvas.showPage()
            if back_side:
                painter.back(card, 0, 0)
                canvas.showPage()
        canvas.save()

    write_document(out, produce)


def sheet_position(index: int, *, mirrored: bool = False) -> tuple[float, float]:
    """Lower left corner of card ``index`` (0–9, row by row from the top) on an A4 sheet.

    ``mirrored`` swaps the columns, so a back printed long-edge duplex lands on its front.
    """
    row, column = divmod(index, SHEET_COLUMNS)
    if mirrored:
        column = SHEET_COLUMNS - 1 - column
    x = SHEET_LEFT + column * CARD_WIDTH
    y = SHEET_BOTTOM + (SHEET_ROWS - 1 - row) * CARD_HEIGHT
    return x, y


def _crop_marks(canvas: Any) -> None:
    canvas.setStrokeColor(black)
    canvas.setLineWidth(0.3)
    left, bottom = SHEET_LEFT, SHEET_BOTTOM
    right = left + SHEET_COLUMNS * CARD_WIDTH
    top = bottom + SHEET_ROWS * CARD_HEIGHT
    near, far = CROP_MARK_GAP, CROP_MARK_GAP + CROP_MARK_LENGTH
    lines = []
    for column in range(SHEET_COLUMNS + 1):
        x = left + column * CARD_WIDTH
        lines.append((x, bottom - near, x, bottom - far))
        lines.append((x, top + near, x, top + far))
    for row in range(SHEET_ROWS + 1):
        y = bottom + row * CARD_HEIGHT
        lines.append((left - near, y, left - far, y))
        lines.append((right + near, y, right + far, y))
    canvas.lines(lines)


def render_card_sheet(
    cards: Sequence[CardData],
    out: Output,
    *,
    back_side: bool = False,
    settings: LetterSettings | None = None,
) -> None:
    """A4 pages with up to 10 cards each (2 × 5) and crop marks; one PDF for the batch.

    With ``back_side`` every sheet is followed by a sheet of backs, columns mirrored for
    long-edge duplex printing.
    """
    _require(cards)
    chosen = settings or load_letter_settings(None)

    def produce(stream: BinaryIO) -> None:
        canvas = _canvas(stream, A4, "Karlsruher Pass – Druckbogen")
        painter = CardPainter(canvas, chosen)
        for start in range(0, len(cards), CARDS_PER_SHEET):
            batch = cards[start : start + CARDS_PER_SHEET]
            for index, card in enumerate(batch):
                painter.front(card, *sheet_position(index))
            _crop_marks(canvas)
            canvas.showPage()
            if back_side:
                for index, card in enumerate(batch):
                    painter.back(card, *sheet_position(index, mirrored=True))
                _crop_marks(canvas)
                canvas.showPage()
        canvas.save()

    write_document(out, produce)
