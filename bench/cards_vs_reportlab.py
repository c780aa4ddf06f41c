"""Speed of printing a batch of pass cards: kpass against a plain ReportLab script.

``value``: seconds for N cards with kpass — every QR payload signed with Ed25519
(``kpass.signing.sign_payload``) and all cards rendered into one PDF (``render_cards``,
written atomically to a file). ``baseline``: seconds for a plain ReportLab script in this file
that draws the same layout from the same (already signed) payloads, with the QR code drawn as
one vector path of its dark modules from segno's matrix, fonts registered once. N = 1000
(quick: 200). Every other card has a photo, taken from four distinct portraits, as when a
few photos are reprinted; the rest get the field to glue one on. Each side runs twice,
interleaved; the faster run counts.

    python bench/cards_vs_reportlab.py [--quick]    # prints one JSON line
"""

from __future__ import annotations

import io
import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script from a checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import segno
from PIL import Image, ImageDraw
from reportlab.lib.colors import HexColor, white
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from kpass.documents import CardData, render_cards
from kpass.documents.fonts import register_fonts
from kpass.resource_files import resource_path
from kpass.rules.pass_number import format_pass_number
from kpass.signing import PassFields, generate_key, sign_payload

FAMILY_NAMES = ("Müller", "Schmidt", "Weiß-Özdemir", "Nguyen", "Yılmaz", "Becker", "Krämer")
GIVEN_NAMES = ("Anna", "Jürgen", "Leonie", "Mehmet", "Sophie", "Lukas", "Zoë")


def _portrait(colour: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", (600, 780), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((180, 130, 420, 450), fill=(120, 90, 70))
    draw.rectangle((100, 480, 500, 780), fill=(40, 60, 110))
    output = io.BytesIO()
    image.save(output, "JPEG", quality=88)
    return output.getvalue()


def make_cards(count: int) -> list[PassFields | CardData]:
    """``count`` unsigned cards (payload empty) and their fields, deterministic."""
    photos = [_portrait(c) for c in ((205, 185, 165), (190, 200, 210), (215, 200, 170),
                                     (180, 170, 160))]
    cards: list[Any] = []
    for index in range(count):
        born = date(1950, 1, 1) + timedelta(days=index * 37 % 25_000)
        kind = "kinderpass" if born.year > 2008 else "karlsruher_pass"
        cards.append(CardData(
            number=format_pass_number(index + 1), pass_type=kind,
            family_name=FAMILY_NAMES[index % len(FAMILY_NAMES)],
            given_names=GIVEN_NAMES[index % len(GIVEN_NAMES)], birth_date=born,
            valid_from=date(2026, 3, 15), valid_until=date(2027, 3, 31),
            photo=photos[index % 4] if index % 2 == 0 else None, qr_payload="",
        ))
    return cards


def run_kpass(cards: list[CardData], private_pem: bytes, key_id: str, target: Path) -> None:
    """What the service does for a batch: sign every payload, then render the cards."""
    signed = []
    for card in cards:
        fields = PassFields.for_holder(
            number=card.number, pass_type=card.pass_type, given_names=card.given_names,
            family_name=card.family_name, birth_date=card.birth_date,
            valid_from=card.valid_from, valid_until=card.valid_until,
        )
        signed.append(CardData(**{**card.__dict__,
                                  "qr_payload": sign_payload(fields, private_pem, key_id)}))
    render_cards(signed, target)


# --- the plain ReportLab script ------------------------------------------------------------

W, H = 85.60 * mm, 53.98 * mm
BLUE, RUST, INK, GREY = (HexColor("#1A4D8F"), HexColor("#A8401A"), HexColor("#141414"),
                         HexColor("#4A4A4A"))


def _plain_fonts() -> None:
    for name, file_name in (("PlainSans", "DejaVuSans.ttf"),
                            ("PlainSans-Bold", "DejaVuSans-Bold.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))


def run_plain(cards: list[CardData], target: Path) -> None:
    """The same card layout written the straightforward way."""
    _plain_fonts()
    c = Canvas(str(target), pagesize=(W, H), initialFontName="PlainSans")
    readers: dict[bytes, ImageReader] = {}
    for card in cards:
        kinder = card.pass_type == "kinderpass"
        c.setFillColor(RUST if kinder else BLUE)
        c.rect(0, H - 11 * mm, W, 11 * mm, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("PlainSans-Bold", 12)
        c.drawString(4 * mm, H - 7.2 * mm, "Karlsruher Kinderpass" if kinder else
                     "Karlsruher Pass")
        c.setFont("PlainSans", 6.5)
        c.drawRightString(W - 4 * mm, H - 6.6 * mm, "Stadt Karlsruhe")
        photo_bottom = H - 14.5 * mm - 27 * mm
        c.setStrokeColor(GREY)
        if card.photo:
            if card.photo not in readers:  # even a plain script would not decode it each time
                readers[card.photo] = ImageReader(io.BytesIO(card.photo))
            c.drawImage(readers[card.photo], 4 * mm, photo_bottom, 21 * mm, 27 * mm)
            c.rect(4 * mm, photo_bottom, 21 * mm, 27 * mm)
        else:
            c.setDash(2, 1.5)
            c.rect(4 * mm, photo_bottom, 21 * mm, 27 * mm)
            c.setDash()
            c.setFillColor(GREY)
            c.setFont("PlainSans-Bold", 7)
            c.drawCentredString(14.5 * mm, photo_bottom + 14 * mm, "Lichtbild")
            c.setFont("PlainSans", 5.5)
            c.drawCentredString(14.5 * mm, photo_bottom + 11 * mm, "hier aufkleben")
        top = H - 11 * mm
        c.setFillColor(INK)
        c.setFont("PlainSans-Bold", 10.5)
        c.drawString(29 * mm, top - 6.5 * mm, card.family_name)
        c.setFont("PlainSans", 9)
        c.drawString(29 * mm, top - 10.6 * mm, card.given_names)
        for label, value, font, y in (
            ("Geburtsdatum", card.birth_date.strftime("%d.%m.%Y"), "PlainSans", top - 16 * mm),
            ("Pass-Nr.", card.number, "PlainSans-Bold", top - 23.5 * mm),
        ):
            c.setFillColor(GREY)
            c.setFont("PlainSans", 6)
            c.drawString(29 * mm, y, label)
            c.setFillColor(INK)
            c.setFont(font, 9)
            c.drawString(29 * mm, y - 3.6 * mm, value)
        c.setFont("PlainSans-Bold", 10)
        c.drawString(4 * mm, 6.2 * mm, "gültig bis " + card.valid_until.strftime("%m/%Y"))
        matrix = segno.make_qr(card.qr_payload, error="m").matrix
        module = 22 * mm / len(matrix)
        left, qr_top = W - 25.5 * mm, 25.5 * mm
        path = c.beginPath()
        for row, modules in enumerate(matrix):
            for column, dark in enumerate(modules):
                if dark:
                    path.rect(left + column * module, qr_top - (row + 1) * module, module,
                              module)
        c.drawPath(path, stroke=0, fill=1)
        c.showPage()
    c.save()


# --- measuring ---------------------------------------------------------------------------


def _seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def measure(quick: bool) -> list[dict[str, object]]:
    """One result: kpass seconds for N cards against the plain script's seconds."""
    count = 200 if quick else 1000
    cards: list[CardData] = make_cards(count)  # type: ignore[assignment]
    private_pem, _, key_id = generate_key()
    register_fonts()
    _plain_fonts()
    prepared = []  # the baseline draws payloads that are already signed
    for card in cards:
        fields = PassFields.for_holder(
            number=card.number, pass_type=card.pass_type, given_names=card.given_names,
            family_name=card.family_name, birth_date=card.birth_date,
            valid_from=card.valid_from, valid_until=card.valid_until,
        )
        prepared.append(CardData(**{**card.__dict__,
                                    "qr_payload": sign_payload(fields, private_pem, key_id)}))
    kpass_times, plain_times = [], []
    with tempfile.TemporaryDirectory() as folder:
        plain_target, kpass_target = Path(folder) / "plain.pdf", Path(folder) / "kpass.pdf"
        for _ in range(2):
            plain_times.append(_seconds(lambda: run_plain(prepared, plain_target)))
            kpass_times.append(_seconds(
                lambda: run_kpass(cards, private_pem, key_id, kpass_target)))
    value, baseline = min(kpass_times), min(plain_times)
    return [{
        "name": "cards_vs_reportlab",
        "value": round(value, 4),
        "unit": "s",
        "baseline": round(baseline, 4),
        "ratio": round(value / baseline, 3),
    }, _from_register(count)]


def _from_register(count: int) -> dict[str, object]:
    """``kpass print``'s path: fetch the passes from a SQLite register, sign, render, record.

    The baseline draws the same cards (already fetched and signed) with the plain script.
    """
    from bench.common import logged_in
    from kpass.models.engine import open_database
    from kpass.models.migrate import upgrade
    from kpass.services.admin.demo_data import create_demo_data
    from kpass.services.admin.signing_keys import active_key
    from kpass.services.passes.queries import list_passes
    from kpass.services.printing import print_cards
    from kpass.services.printing.cards import card_data
    from kpass.services.uow import UnitOfWork

    today = date.today()
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(f"sqlite:///{Path(folder) / 'register.sqlite'}")
        upgrade(database, backup=False)
        create_demo_data(database, max(200, count * 3 // 4), 7, today)
        logged_in(database)  # signing needs a login that holds the key slot
        numbers = [row.number for row in list_passes(database, active_on=today, limit=count)]
        with UnitOfWork(database) as uow:
            from kpass.services.passes.actions import find_pass

            prepared = card_data(uow, [find_pass(uow, n) for n in numbers], active_key(uow),
                                 today)
            uow.commit()
        target = Path(folder) / "cards.pdf"
        kpass_times, plain_times = [], []
        for _ in range(2):
            plain_times.append(_seconds(lambda: run_plain(prepared, target)))
            kpass_times.append(_seconds(
                lambda: print_cards(database, numbers, target, today=today)))
        database.dispose()
    value, baseline = min(kpass_times), min(plain_times)
    return {
        "name": "cards_from_register_vs_reportlab",
        "value": round(value, 4),
        "unit": "s",
        "baseline": round(baseline, 4),
        "ratio": round(value / baseline, 3),
        "cards": len(numbers),
    }


if __name__ == "__main__":
    for entry in measure("--quick" in sys.argv[1:]):
        print(json.dumps(entry, ensure_ascii=False))
