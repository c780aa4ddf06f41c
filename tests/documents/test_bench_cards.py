"""The card benchmark's two sides draw the same cards (a smoke test, no timing)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from bench.cards_vs_reportlab import make_cards, run_kpass, run_plain
from kpass.signing import PassFields, generate_key, sign_payload

from .pdf_tools import decode_qr, page_sizes, pdf_text, render


def test_both_sides_produce_the_same_cards(tmp_path: Path) -> None:
    cards = make_cards(3)
    private_pem, _, key_id = generate_key()
    run_kpass(cards, private_pem, key_id, tmp_path / "kpass.pdf")
    signed = [
        replace(card, qr_payload=sign_payload(PassFields.for_holder(
            number=card.number, pass_type=card.pass_type, given_names=card.given_names,
            family_name=card.family_name, birth_date=card.birth_date,
            valid_from=card.valid_from, valid_until=card.valid_until), private_pem, key_id))
        for card in cards
    ]
    run_plain(signed, tmp_path / "plain.pdf")
    assert page_sizes(tmp_path / "kpass.pdf") == page_sizes(tmp_path / "plain.pdf")
    kpass_words = pdf_text(tmp_path / "kpass.pdf").split()
    plain_words = pdf_text(tmp_path / "plain.pdf").split()
    assert sorted(kpass_words) == sorted(plain_words)
    for name in ("kpass", "plain"):
        pages = render(tmp_path / f"{name}.pdf", tmp_path, dpi=300, page=1)
        assert decode_qr(pages[0]) == [signed[0].qr_payload]
