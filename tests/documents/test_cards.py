"""ID-1 pass cards: size, text, fonts, photos and a QR code that a partner can verify."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from kpass.documents import DocumentError, render_cards
from kpass.signing import VerificationStatus, verify_payload

from .conftest import MakeCard, make_photo
from .pdf_tools import decode_qr, page_sizes, pdf_fonts, pdf_info, pdf_text, render

ID1_WIDTH = 85.60 / 25.4 * 72  # 242.646 pt
ID1_HEIGHT = 53.98 / 25.4 * 72  # 153.014 pt


@pytest.fixture
def two_cards_pdf(tmp_path: Path, make_card: MakeCard, photo: bytes) -> Path:
    cards = [
        make_card(photo=photo),
        make_card(number="KA-000001-51", pass_type="kinderpass", family_name="Müller",
                  given_names="Lena Sophie", birth_date=date(2015, 7, 1),
                  valid_from=date(2026, 4, 1)),
    ]
    target = tmp_path / "cards.pdf"
    render_cards(cards, target)
    return target


def test_one_page_per_card_in_exact_id1_size(two_cards_pdf: Path) -> None:
    sizes = page_sizes(two_cards_pdf)
    assert len(sizes) == 2
    for width, height in sizes:
        assert width == pytest.approx(242.65, abs=0.05)
        assert height == pytest.approx(153.01, abs=0.05)
        assert (width, height) == pytest.approx((ID1_WIDTH, ID1_HEIGHT), abs=0.01)


def test_text_on_the_card_with_umlauts(two_cards_pdf: Path) -> None:
    first = pdf_text(two_cards_pdf, page=1)
    for expected in ("Karlsruher Pass", "Weiß-Özdemir", "Jürgen", "12.03.1975",
                     "KA-123456-32", "gültig bis 03/2027"):
        assert expected in first
    second = pdf_text(two_cards_pdf, page=2)
    for expected in ("Karlsruher Kinderpass", "Müller", "Lena Sophie", "01.07.2015",
                     "KA-000001-51", "Lichtbild"):
        assert expected in second
    assert "Lichtbild" not in first  # the photo is there, no field to glue one


def test_only_embedded_fonts(two_cards_pdf: Path) -> None:
    fonts = pdf_fonts(two_cards_pdf)
    assert fonts, "no fonts listed"
    for row in fonts:
        assert row[-5] == "yes", f"font not embedded: {row}"
        assert "DejaVuSans" in row[0]
    assert b"Helvetica" not in two_cards_pdf.read_bytes()


def test_qr_code_decodes_and_verifies_per_card(tmp_path: Path, two_cards_pdf: Path,
                                               test_key: tuple[bytes, bytes, str]) -> None:
    _, public_raw, key_id = test_key
    keys = {key_id: public_raw}
    pages = render(two_cards_pdf, tmp_path)
    decoded = [decode_qr(page) for page in pages]
    assert all(len(texts) == 1 for texts in decoded), decoded
    first, second = decoded[0][0], decoded[1][0]
    assert "KA-123456-32" in first and "KA-000001-51" in second
    assert verify_payload(first, keys, date(2026, 6, 1)).status is VerificationStatus.GENUINE_VALID
    assert (verify_payload(second, keys, date(2026, 3, 20)).status
            is VerificationStatus.GENUINE_NOT_YET_VALID)
    assert (verify_payload(first, keys, date(2027, 4, 1)).status
            is VerificationStatus.GENUINE_EXPIRED)
    assert (verify_payload(first, keys, date(2026, 6, 1), {"KA-123456-32"}).status
            is VerificationStatus.GENUINE_REVOKED)
    altered = first.replace("*270331*", "*280331*")
    assert (verify_payload(altered, keys, date(2026, 6, 1)).status
            is VerificationStatus.FORGED_OR_ALTERED)


def test_the_two_variants_look_different(tmp_path: Path, two_cards_pdf: Path) -> None:
    pages = render(two_cards_pdf, tmp_path, dpi=50)
    bands = []
    for page in pages:
        with Image.open(page) as image:
            bands.append(image.convert("RGB").getpixel((image.width // 2, 5)))
    adult, child = bands
    assert adult[2] > adult[0] + 60  # blue band
    assert child[0] > child[2] + 60  # rust band
    for red, green, blue in bands:  # dark enough for white text (contrast above 4.5:1)
        assert 0.2126 * red + 0.7152 * green + 0.0722 * blue < 110


def test_back_side_follows_each_front(tmp_path: Path, make_card: MakeCard) -> None:
    target = tmp_path / "duplex.pdf"
    render_cards([make_card(), make_card(number="KA-000002-48")], target, back_side=True)
    assert pdf_info(target)["Pages"] == "4"
    back = pdf_text(target, page=2)
    assert "nicht übertragbar" in back
    assert "amtlichen Lichtbildausweis" in back
    assert "Kaiserallee 4, 76133 Karlsruhe" in back
    assert "KA-123456-32" in back
    assert "KA-000002-48" in pdf_text(target, page=4)


def test_same_photo_is_embedded_once(tmp_path: Path, make_card: MakeCard, photo: bytes) -> None:
    target = tmp_path / "same-photo.pdf"
    render_cards([make_card(photo=photo) for _ in range(5)], target)
    images = re.findall(rb"/Subtype\s*/Image", target.read_bytes())
    assert len(images) == 1


def test_large_png_photo_with_transparency_is_scaled(tmp_path: Path,
                                                     make_card: MakeCard) -> None:
    big = make_photo(size=(3000, 2000), image_format="PNG", mode="RGBA")  # landscape, 6 MP
    target = tmp_path / "png.pdf"
    render_cards([make_card(photo=big)], target)
    assert target.stat().st_size < 200_000  # scaled to ~300 dpi, not embedded at 6 MP
    page = render(target, tmp_path, dpi=100)[0]
    with Image.open(page) as image:
        assert image.convert("RGB").getpixel((50, 120)) != (255, 255, 255)  # photo drawn


def test_unreadable_photo_is_a_clear_error(tmp_path: Path, make_card: MakeCard) -> None:
    target = tmp_path / "bad.pdf"
    with pytest.raises(DocumentError) as caught:
        render_cards([make_card(photo=b"not an image")], target)
    assert "Lichtbild" in caught.value.message_de
    assert not target.exists()


def test_long_names_are_fitted_not_cut(tmp_path: Path, make_card: MakeCard) -> None:
    target = tmp_path / "long.pdf"
    render_cards([make_card(family_name="Hohenzollern-Sigmaringen-Weißenfels",
                            given_names="Maximilian Alexander Friedrich")], target)
    text = pdf_text(target)
    assert "Hohenzollern-Sigmaringen-Weißenfels" in text
    assert "Maximilian Alexander Friedrich" in text


def test_non_ascii_qr_payload_is_refused(tmp_path: Path, make_card: MakeCard) -> None:
    with pytest.raises(DocumentError, match="ASCII"):
        render_cards([make_card(qr_payload="KP1*Ä")], tmp_path / "x.pdf")


def test_cards_to_a_binary_stream(make_card: MakeCard) -> None:
    stream = io.BytesIO()
    render_cards([make_card()], stream)
    assert stream.getvalue().startswith(b"%PDF-")
