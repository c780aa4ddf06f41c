"""Photos on cards: each distinct photo is prepared once per document and reused as a form.

Preparing means: turned upright (EXIF), cropped to the photo field's proportions around the
centre, scaled down to about 300 dpi at the printed size and stored as JPEG. A photo that
already fits is embedded unchanged. The prepared image becomes a PDF form XObject, so a photo
printed on several cards (a reprint, a sheet with the same test photo) is stored once.
"""

from __future__ import annotations

import hashlib
import io
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError
from reportlab.lib.utils import ImageReader

from kpass.documents.errors import DocumentError

PRINT_DPI = 300
# A photo up to this factor above the printed resolution is embedded as it is.
_KEEP_FACTOR = 1.6
_ASPECT_TOLERANCE = 0.02
_JPEG_QUALITY = 90


def _pixels(points: float) -> int:
    return max(1, round(points / 72 * PRINT_DPI))


def prepare_photo(data: bytes, width: float, height: float) -> bytes:
    """JPEG bytes of the photo cropped and scaled for a ``width`` × ``height`` pt field."""
    try:
        image: Image.Image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise DocumentError(
            f"a photo cannot be read as JPEG or PNG ({exc})",
            "Ein Lichtbild kann nicht als JPEG oder PNG gelesen werden",
        ) from exc
    needs_turn = image.getexif().get(0x0112, 1) != 1  # EXIF orientation
    target_w, target_h = _pixels(width), _pixels(height)
    aspect = width / height
    fits = (
        image.format == "JPEG"
        and image.mode in ("RGB", "L")
        and not needs_turn
        and abs(image.width / image.height - aspect) <= _ASPECT_TOLERANCE * aspect
        and image.width <= target_w * _KEEP_FACTOR
    )
    if fits:
        return data
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    elif image.mode != "RGB":
        image = image.convert("RGB")
    image = ImageOps.fit(image, (target_w, target_h), Image.Resampling.LANCZOS)
    output = io.BytesIO()
    image.save(output, "JPEG", quality=_JPEG_QUALITY, optimize=True)
    return output.getvalue()


class PhotoForms:
    """The photos of one PDF document, each defined once as a form of a fixed size."""

    def __init__(self, canvas: Any, width: float, height: float) -> None:
        self._canvas = canvas
        self._width = width
        self._height = height
        self._names: dict[bytes, str] = {}

    def draw(self, photo: bytes, x: float, y: float) -> None:
        """Draw ``photo`` filling the field whose lower left corner is at (x, y)."""
        key = hashlib.blake2b(photo, digest_size=16).digest()
        name = self._names.get(key)
        if name is None:
            name = f"kpassPhoto{len(self._names)}"
            self._define(name, prepare_photo(photo, self._width, self._height))
            self._names[key] = name
        canvas = self._canvas
        canvas.saveState()
        canvas.translate(x, y)
        canvas.doForm(name)
        canvas.restoreState()

    def _define(self, name: str, jpeg: bytes) -> None:
        canvas = self._canvas
        canvas.beginForm(name, 0, 0, self._width, self._height)
        canvas.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, self._width, self._height)
        canvas.endForm()
