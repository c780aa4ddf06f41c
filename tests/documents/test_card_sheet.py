"""A4 sheets of 2 × 5 cards with crop marks, one PDF per batch."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from kpass.documents import render_card_sheet
from kpass.documents.card_design import CARD_HEIGHT, CARD_WIDTH
from kpass.documents.cards import (
    CROP_MARK_GAP,
    CROP_MARK_LENGTH,
    SHEET_BOTTOM,
    SHEET_COLUMNS,
    SHEET_LEFT,
    SHEET_ROWS,
    sheet_position,
)
from kpass.rules.pass_number import format_pass_number
from kpass.signing import VerificationStatus, verify_payload

from .conftest import MakeCard
from .pdf_tools import crops, decode_qr, page_sizes, pdf_text, render

A4_WIDTH, A4_HEIGHT = 595.28, 841.89
DPI = 300


@pytest.fixture(scope="module")
def sheet_pdf(tmp_path_factory: pytest.TempPathFactory,
              test_key: tuple[bytes, bytes, str]) -> tuple[Path, list[str]]:
    from .conftest import make_photo

    seed, _, key_id = test_key
    from kpass.documents import CardData
    from kpass.signing import PassFields, sign_payload

    cards = []
    for serial in range(1, 24):
        number = format_pass_number(serial)
        kind = "kinderpass" if serial % 3 == 0 else "karlsruher_pass"
        fields = PassFields(number, kind, date(2026, 3, 15), date(2027, 3, 31), "AB", 1980)
        cards.append(CardData(number, kind, f"Bäcker-{serial}", "Anna", date(1980, 1, serial),
                              date(2026, 3, 15), date(2027, 3, 31),
                              make_photo() if serial % 2 else None,
                              sign_payload(fields, seed, key_id)))
    target = tmp_path_factory.mktemp("sheet") / "sheet.pdf"
    render_card_sheet(cards, target)
    return target, [card.number for card in cards]


def test_23_cards_give_3_a4_pages(sheet_pdf: tuple[Path, list[str]]) -> None:
    target, numbers = sheet_pdf
    sizes = page_sizes(target)
    assert len(sizes) == 3
    for size in sizes:
        assert size == pytest.approx((A4_WIDTH, A4_HEIGHT), abs=0.05)
    text = pdf_text(target)
    assert all(number in text for number in numbers)
    assert "KA-000021" in pdf_text(target, page=3) and "KA-000011" not in pdf_text(target, page=3)


def _dark(image: Image.Image, x_points: float, y_points: float) -> bool:
    scale = DPI / 72
    pixel = image.getpixel((round(x_points * scale), round((A4_HEIGHT - y_points) * scale)))
    assert isinstance(pixel, int)
    return pixel < 128


def _dark_near(image: Image.Image, x_points: float, y_points: float) -> bool:
    """Dark within one pixel of the point (a 0.3 pt line is about one pixel wide)."""
    step = 72 / DPI
    return any(_dark(image, x_points + dx * step, y_points + dy * step)
               for dx in (-1, 0, 1) for dy in (-1, 0, 1))


def test_crop_marks_where_the_cuts_are(tmp_path: Path,
                                       sheet_pdf: tuple[Path, list[str]]) -> None:
    target, _ = sheet_pdf
    page = render(target, tmp_path, DPI, page=1, gray=True)[0]
    middle = CROP_MARK_GAP + CROP_MARK_LENGTH / 2
    top = SHEET_BOTTOM + SHEET_ROWS * CARD_HEIGHT
    right = SHEET_LEFT + SHEET_COLUMNS * CARD_WIDTH
    with Image.open(page) as opened:
        image = opened.convert("L")
        for column in range(SHEET_COLUMNS + 1):
            x = SHEET_LEFT + column * CARD_WIDTH
            assert _dark_near(image, x, SHEET_BOTTOM - middle), f"bottom mark {column}"
            assert _dark_near(image, x, top + middle), f"top mark {column}"
            assert not _dark_near(image, x + 3 * 72 / 25.4, top + middle)  # a line, not a blot
        for row in range(SHEET_ROWS + 1):
            y = SHEET_BOTTOM + row * CARD_HEIGHT
            assert _dark_near(image, SHEET_LEFT - middle, y), f"left mark {row}"
            assert _dark_near(image, right + middle, y), f"right mark {row}"
        # Marks stop short of the cards: nothing in the gap at a corner.
        assert not _dark_near(image, SHEET_LEFT - CROP_MARK_GAP / 2, SHEET_BOTTOM - 1)


def test_every_card_on_a_sheet_decodes_when_cropped(tmp_path: Path,
                                                    sheet_pdf: tuple[Path, list[str]],
                                                    test_key: tuple[bytes, bytes, str]) -> None:
    target, numbers = sheet_pdf
    _, public_raw, key_id = test_key
    pages = render(target, tmp_path, DPI)
    card_pngs: list[Path] = []
    for page_number, page in enumerate(pages):
        slots = range(min(10, len(numbers) - 10 * page_number))
        card_pngs += crops(
            page,
            [((*sheet_position(slot), CARD_WIDTH, CARD_HEIGHT),
              tmp_path / f"card-{10 * page_number + slot}.png") for slot in slots],
            DPI,
            A4_HEIGHT,
        )
    assert len(card_pngs) == len(numbers)
    for number, card_png in zip(numbers, card_pngs, strict=True):
        decoded = decode_qr(card_png)
        assert len(decoded) == 1, f"card {number}: {decoded}"
        result = verify_payload(decoded[0], {key_id: public_raw}, date(2026, 6, 1))
        assert result.status is VerificationStatus.GENUINE_VALID
        assert result.fields is not None and result.fields.number == number


def test_backs_are_mirrored_for_duplex(tmp_path: Path, make_card: MakeCard) -> None:
    target = tmp_path / "duplex-sheet.pdf"
    render_card_sheet([make_card(), make_card(number="KA-000002-48")], target, back_side=True)
    assert len(page_sizes(target)) == 2
    back = pdf_text(target, page=2, layout=True)
    first_line = next(line for line in back.splitlines() if "Nr. KA-" in line)
    # Front: card 1 left, card 2 right. Back: card 2 left, card 1 right.
    assert first_line.index("KA-000002-48") < first_line.index("KA-123456-32")
