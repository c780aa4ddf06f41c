"""The Empfangsbestätigung of the 60plus vouchers as a person reads it: one A4 page with the
office letterhead, who got how much when, and the lines to sign (pdftotext, pdftoppm)."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

from PIL import Image

from kpass.documents.voucher_receipt import VoucherReceiptData, render_voucher_receipt
from tests.documents.pdf_tools import page_sizes, pdf_fonts, pdf_info, pdf_text, render

A4 = (595.3, 841.9)


def receipt(**changes: object) -> VoucherReceiptData:
    values: dict[str, object] = {
        "recipient_lines": ("Herrn Jürgen Weiß-Özdemir", "Rheinstraße 24", "76185 Karlsruhe"),
        "person_name": "Jürgen Weiß-Özdemir",
        "birth_date": date(1950, 5, 5),
        "pass_number": "KA-260316-47",
        "year": 2026,
        "amount": Decimal("1120.5"),
        "handed_out_on": date(2026, 3, 20),
        "caseworker": "Petra Schalter",
        "file_reference": "KP-12-G3",
        "printed_on": date(2026, 3, 21),
    }
    values.update(changes)
    return VoucherReceiptData(**values)  # type: ignore[arg-type]


def test_the_receipt_says_who_got_how_much_when(tmp_path: Path) -> None:
    pdf = tmp_path / "quittung.pdf"
    render_voucher_receipt(receipt(), pdf)
    [(width, height)] = page_sizes(pdf)
    assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1
    text = " ".join(pdf_text(pdf).split())
    for expected in (
        "Stadt Karlsruhe",  # the office letterhead of the letters
        "Empfangsbestätigung 60plus-Gutscheine 2026",
        "Name Jürgen Weiß-Özdemir", "Geburtsdatum 05.05.1950", "Passnummer KA-260316-47",
        "Kalenderjahr 2026", "Betrag 1.120,50 €", "Ausgegeben am 20.03.2026",
        "Ausgegeben von Petra Schalter",
        "Ich bestätige, dass ich die 60plus-Gutscheine für das Kalenderjahr 2026 im Wert von "
        "1.120,50 € am 20.03.2026 erhalten habe.",
        "Unterschrift der Empfängerin / des Empfängers", "Ort, Datum",
        "KP-12-G3", "21.03.2026", "Seite 1 von 1",
    ):
        assert expected in text, expected
    # the window address, one line each
    assert "Herrn Jürgen Weiß-Özdemir\nRheinstraße 24\n76185 Karlsruhe" in pdf_text(pdf)
    assert all(row[3] == "yes" for row in pdf_fonts(pdf))  # embedded fonts only


def test_it_renders_with_ink_where_the_signature_goes(tmp_path: Path) -> None:
    pdf = tmp_path / "quittung.pdf"
    render_voucher_receipt(receipt(caseworker=""), pdf)
    [png] = render(pdf, tmp_path, dpi=50)
    with Image.open(png) as image:
        gray = image.convert("L")
        width, height = gray.size
        assert abs(width - A4[0] * 50 / 72) <= 1 and abs(height - A4[1] * 50 / 72) <= 1
        # something is drawn in the top third (letterhead) and in the lower half (the lines)
        top = gray.crop((0, 0, width, height // 3)).getextrema()
        lower = gray.crop((0, height // 2, width, height - height // 8)).getextrema()
        assert top[0] < 100 and lower[0] < 100
    assert "Ausgegeben von –" in " ".join(pdf_text(pdf).split())


def test_a_long_name_stays_on_one_page_and_a_stream_works(tmp_path: Path) -> None:
    stream = io.BytesIO()
    long_name = "Maria-Magdalena Alexandra" + " von Hohenzollern-Sigmaringen" * 3
    render_voucher_receipt(receipt(person_name=long_name), stream)
    pdf = tmp_path / "aus-dem-strom.pdf"
    pdf.write_bytes(stream.getvalue())
    assert pdf_info(pdf)["Pages"] == "1"
    assert long_name in " ".join(pdf_text(pdf).split())
