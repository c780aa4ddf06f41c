"""The embedded font family (DejaVu Sans, shipped in resources/fonts/), registered once.

Every PDF uses only these fonts, so it looks the same on every machine and umlauts, ß and €
are right. ReportLab embeds the subset of glyphs actually used.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kpass.documents.errors import DocumentError
from kpass.resource_files import resource_path

REGULAR = "KpassSans"
BOLD = "KpassSans-Bold"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


@cache
def register_fonts() -> None:
    """Register regular and bold with ReportLab (idempotent; cheap after the first call)."""
    for name, file_name in _FILES.items():
        path = resource_path("fonts", file_name)
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception as exc:  # ReportLab raises TTFError or plain IOError
            raise DocumentError(
                f"font file {path} cannot be read: {exc}",
                f"Die Schriftdatei {path} kann nicht gelesen werden: {exc}",
            ) from exc
    # Lets <b> in paragraphs pick the bold face; there is no italic face, so it maps to these.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)


def text_width(text: str, font: str, size: float) -> float:
    """Width of ``text`` in points (fonts must be registered)."""
    return float(pdfmetrics.stringWidth(text, font, size))
