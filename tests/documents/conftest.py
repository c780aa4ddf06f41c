"""Fixtures of the document tests: the published TEST key, cards and photos."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import pytest
from PIL import Image, ImageDraw

from kpass.documents import CardData
from kpass.signing import PassFields, key_id_of, load_private_key, sign_payload

# The test key of docs/qr-payload.md — TEST ONLY, never a production key.
TEST_SEED = bytes.fromhex("746d0e4dc60e4b0b019d16697611bbd7357bb4077eb649ccebb1801c05c27d85")
TEST_PUBLIC_HEX = "3c4bd6c5c00c31f646ceb15eaa855568947d2b3d70548b537cb3d8566e875060"
TEST_KEY_ID = "243UGT"

MakeCard = Callable[..., CardData]


@pytest.fixture(scope="session")
def test_key() -> tuple[bytes, bytes, str]:
    """(private seed, public raw bytes, key id) of the published test key."""
    private = load_private_key(TEST_SEED)
    assert key_id_of(private) == TEST_KEY_ID
    return TEST_SEED, bytes.fromhex(TEST_PUBLIC_HEX), TEST_KEY_ID


def make_photo(colour: tuple[int, int, int] = (200, 180, 160), size: tuple[int, int] = (700, 900),
               image_format: str = "JPEG", mode: str = "RGB") -> bytes:
    """A synthetic portrait (head and shoulders) as JPEG or PNG bytes."""
    image = Image.new(mode, size, colour + ((255,) if mode == "RGBA" else ()))
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse((w * 0.3, h * 0.17, w * 0.7, h * 0.58), fill=(120, 90, 70))
    draw.rectangle((w * 0.17, h * 0.62, w * 0.83, h), fill=(40, 60, 110))
    output = io.BytesIO()
    image.save(output, image_format)
    return output.getvalue()


@pytest.fixture(scope="session")
def photo() -> bytes:
    return make_photo()


@pytest.fixture
def make_card(test_key: tuple[bytes, bytes, str]) -> MakeCard:
    """``make_card(**overrides)``: a signed card of Jürgen Weiß-Özdemir unless overridden."""
    seed, _, key_id = test_key

    def build(**overrides: object) -> CardData:
        values: dict[str, object] = {
            "number": "KA-123456-32", "pass_type": "karlsruher_pass",
            "family_name": "Weiß-Özdemir", "given_names": "Jürgen",
            "birth_date": date(1975, 3, 12), "valid_from": date(2026, 3, 15),
            "valid_until": date(2027, 3, 31), "photo": None,
        }
        values.update(overrides)
        fields = PassFields.for_holder(
            number=str(values["number"]), pass_type=str(values["pass_type"]),
            given_names=str(values["given_names"]), family_name=str(values["family_name"]),
            birth_date=values["birth_date"],  # type: ignore[arg-type]
            valid_from=values["valid_from"],  # type: ignore[arg-type]
            valid_until=values["valid_until"],  # type: ignore[arg-type]
        )
        values.setdefault("qr_payload", sign_payload(fields, seed, key_id))
        return CardData(**values)  # type: ignore[arg-type]

    return build
