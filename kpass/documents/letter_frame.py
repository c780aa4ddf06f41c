"""The page frame of letters after DIN 5008, form B, for DL window envelopes.

Geometry on A4 (from the top edge): letterhead 0–45 mm; address field 45–90 mm at 20 mm from
the left (return-address line in the 17.7 mm note zone, then six address lines); information
block from 50 mm at 125 mm from the left; body text from 98.5 mm, 25 mm left and 20 mm right
margin; fold marks at 105 and 210 mm, hole mark at 148.5 mm. Following pages carry a short
header. Every page gets "Seite x von n", counted per letter, so one PDF can hold many letters
(renewal reminders): each letter starts on a first-page template of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)

from kpass.documents.fonts import BOLD, REGULAR, register_fonts, text_width
from kpass.documents.letter_settings import LetterSettings

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = 25 * mm
RIGHT = PAGE_WIDTH - 20 * mm
BODY_WIDTH = RIGHT - LEFT
ADDRESS_LEFT = 20 * mm
ADDRESS_TOP = 45 * mm
ADDRESS_TEXT_WIDTH = 80 * mm
NOTE_ZONE_HEIGHT = 17.7 * mm
INFO_LEFT = 125 * mm
INFO_TOP = 50 * mm
FIRST_BODY_TOP = 98.5 * mm
LATER_BODY_TOP = 27 * mm
BODY_BOTTOM = 30 * mm  # from the bottom edge: room for page number and footer

ACCENT = HexColor("#1A4D8F")
GREY = HexColor("#4A4A4A")
TEXT = HexColor("#141414")


@dataclass(frozen=True)
class LetterStyles:
    body: ParagraphStyle
    subject: ParagraphStyle
    heading: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    bullet: ParagraphStyle
    signature: ParagraphStyle


@cache
def letter_styles() -> LetterStyles:
    """Paragraph styles of the letters (embedded fonts only)."""
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=REGULAR, fontSize=10, leading=14, textColor=TEXT, alignment=TA_LEFT,
        spaceAfter=7, bulletFontName=REGULAR,
    )
    return LetterStyles(
        body=body,
        subject=ParagraphStyle("subject", parent=body, fontName=BOLD, fontSize=10.5,
                               leading=14.5, spaceAfter=16),
        heading=ParagraphStyle("heading", parent=body, fontName=BOLD, spaceBefore=8,
                               spaceAfter=4, keepWithNext=1),
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11.5),
        cell=ParagraphStyle("cell", parent=body, fontSize=9, leading=12, spaceAfter=0),
        cell_right=ParagraphStyle("cell_right", parent=body, fontSize=9, leading=12,
                                  spaceAfter=0, alignment=TA_RIGHT),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=5 * mm, bulletIndent=0,
                              spaceAfter=3),
        signature=ParagraphStyle("signature", parent=body, spaceAfter=1),
    )


def para_text(text: str) -> str:
    """Plain text made safe for a ReportLab paragraph (``&``, ``<`` and ``>`` escaped)."""
    return escape(text)


@dataclass(frozen=True)
class LetterHead:
    """What the frame needs of one letter: address, information block, header of page 2+."""

    recipient_lines: tuple[str, ...]
    info_rows: tuple[tuple[str, str], ...]  # (label, value)
    later_header: str


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds all pages back until the end, then writes "Seite x von n" per letter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.letter_index = 0
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        totals = Counter(page["letter_index"] for page in self._held_pages)
        numbers: Counter[int] = Counter()
        for page in self._held_pages:
            self.__dict__.update(page)
            numbers[self.letter_index] += 1
            self.setFillColor(TEXT)
            self.setFont(REGULAR, 8.5)
            self.drawRightString(
                RIGHT, 24 * mm,
                f"Seite {numbers[self.letter_index]} von {totals[self.letter_index]}",
            )
            super().showPage()
        super().save()


class LetterDocument(BaseDocTemplate):  # type: ignore[misc]
    """A PDF of one or more letters; letter ``i`` starts on a page of template "first"."""

    def __init__(self, stream: BinaryIO, heads: Sequence[LetterHead],
                 settings: LetterSettings, title: str) -> None:
        register_fonts()
        super().__init__(
            stream, pagesize=A4, leftMargin=LEFT, rightMargin=PAGE_WIDTH - RIGHT,
            topMargin=LATER_BODY_TOP, bottomMargin=BODY_BOTTOM, title=title,
            author=settings.office.name, creator="kpass", initialFontName=REGULAR,
            pageCompression=1,
        )
        self.heads = list(heads)
        self.settings = settings
        self._next_letter = 0
        self._current: LetterHead | None = None
        first_frame = Frame(LEFT, BODY_BOTTOM, BODY_WIDTH, PAGE_HEIGHT - FIRST_BODY_TOP
                            - BODY_BOTTOM, id="first", leftPadding=0, rightPadding=0,
                            topPadding=0, bottomPadding=0)
        later_frame = Frame(LEFT, BODY_BOTTOM, BODY_WIDTH, PAGE_HEIGHT - LATER_BODY_TOP
                            - BODY_BOTTOM, id="later", leftPadding=0, rightPadding=0,
                            topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("first", [first_frame], onPage=self._first_page,
                         autoNextPageTemplate="later"),
            PageTemplate("later", [later_frame], onPage=self._later_page),
        ])

    def render(self, story: list[Flowable]) -> None:
        """Lay out ``story`` (with a page break before every letter but the first)."""
        self.build(story, canvasmaker=_NumberedCanvas)

    # Page decoration ---------------------------------------------------------------------

    def _first_page(self, canvas: Any, _doc: Any) -> None:
        # Each "first" page opens the next letter, in order: that is how the address and the
        # page count know which letter a page belongs to.
        self._current = self.heads[self._next_letter]
        canvas.letter_index = self._next_letter
        self._next_letter += 1
        self._letterhead(canvas)
        self._address(canvas, self._current)
        self._info_block(canvas, self._current)
        self._marks(canvas)
        self._footer(canvas)

    def _later_page(self, canvas: Any, _doc: Any) -> None:
        canvas.letter_index = self._next_letter - 1
        header = self._current.later_header if self._current else ""
        canvas.setFillColor(GREY)
        canvas.setFont(REGULAR, 8)
        canvas.drawString(LEFT, PAGE_HEIGHT - 15 * mm, header)
        _rule(canvas, PAGE_HEIGHT - 17.5 * mm, GREY, 0.4)
        self._footer(canvas)

    def _letterhead(self, canvas: Any) -> None:
        office = self.settings.office
        top = PAGE_HEIGHT - 20 * mm
        canvas.setFillColor(TEXT)
        for index, line in enumerate(office.name_lines):
            size = 15 if index == 0 else 10.5
            canvas.setFont(BOLD if index == 0 else REGULAR, size)
            canvas.drawString(LEFT, top, line)
            top -= (size + 4) if index == 0 else size + 3
        _rule(canvas, PAGE_HEIGHT - 38 * mm, ACCENT, 1.2)

    def _address(self, canvas: Any, head: LetterHead) -> None:
        left = ADDRESS_LEFT + 5 * mm
        zone_bottom = PAGE_HEIGHT - ADDRESS_TOP - NOTE_ZONE_HEIGHT
        sender = self.settings.office.sender_line
        # The return line must stay inside the window (80 mm of text width).
        size = min(7.0, 7.0 * ADDRESS_TEXT_WIDTH / max(1.0, text_width(sender, REGULAR, 7)))
        canvas.setFillColor(GREY)
        canvas.setFont(REGULAR, size)
        canvas.drawString(left, zone_bottom + 2 * mm, sender)
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.3)
        canvas.line(left, zone_bottom + 1.2 * mm,
                    left + text_width(sender, REGULAR, size), zone_bottom + 1.2 * mm)
        canvas.setFillColor(TEXT)
        baseline = zone_bottom - 4.4 * mm
        for line in head.recipient_lines[:6]:  # the window shows six lines
            width = text_width(line, REGULAR, 10)
            canvas.setFont(REGULAR, max(7.5, min(10.0, 10 * ADDRESS_TEXT_WIDTH / max(1.0, width))))
            canvas.drawString(left, baseline, line)
            baseline -= 4.23 * mm

    def _info_block(self, canvas: Any, head: LetterHead) -> None:
        baseline = PAGE_HEIGHT - INFO_TOP - 3 * mm
        for label, value in head.info_rows:
            canvas.setFillColor(GREY)
            canvas.setFont(REGULAR, 8)
            canvas.drawString(INFO_LEFT, baseline, label)
            canvas.setFillColor(TEXT)
            canvas.setFont(REGULAR, 9)
            canvas.drawString(INFO_LEFT + 25 * mm, baseline, value)
            baseline -= 4.6 * mm
        baseline -= 2 * mm
        for line in self.settings.office.contact_lines:
            # A long line is printed smaller rather than run past the right margin.
            width = text_width(line, REGULAR, 8.5)
            canvas.setFont(REGULAR, max(6.5, min(8.5, 8.5 * (RIGHT - INFO_LEFT) / max(1.0, width))))
            canvas.drawString(INFO_LEFT, baseline, line)
            baseline -= 4.2 * mm

    def _marks(self, canvas: Any) -> None:
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.4)
        for from_top, length in ((105 * mm, 5 * mm), (148.5 * mm, 8 * mm), (210 * mm, 5 * mm)):
            y = PAGE_HEIGHT - from_top
            canvas.line(4 * mm, y, 4 * mm + length, y)

    def _footer(self, canvas: Any) -> None:
        office = self.settings.office
        lines = office.footer_lines or (f"{office.name} · {office.address}",)
        _rule(canvas, 21 * mm, GREY, 0.4)
        canvas.setFillColor(GREY)
        canvas.setFont(REGULAR, 7.5)
        baseline = 17 * mm
        for line in lines[:3]:
            canvas.drawString(LEFT, baseline, line)
            baseline -= 3.4 * mm


def _rule(canvas: Any, y: float, colour: Color, width: float) -> None:
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(width)
    canvas.line(LEFT, y, RIGHT, y)


def build_letters(stream: BinaryIO, heads: Sequence[LetterHead], settings: LetterSettings,
                  title: str, bodies: Callable[[int], list[Flowable]]) -> None:
    """Lay out letter ``i``'s flowables ``bodies(i)`` on pages of its own, all in one PDF."""
    document = LetterDocument(stream, heads, settings, title)
    story: list[Flowable] = []
    for index in range(len(heads)):
        if index:
            story += [NextPageTemplate("first"), PageBreak()]
        story += bodies(index)
    document.render(story)
