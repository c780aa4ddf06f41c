"""Passport-size photos: crop an image file to 35 × 45 and encode it for ``set_photo``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QImage

RATIO_W, RATIO_H = 35, 45
MAX_HEIGHT = 900  # enough for a card printed at 300 dpi (45 mm = 531 px)


class PhotoError(ValueError):
    """The file is no image Qt can read."""


def crop_to_passport(image: QImage) -> QImage:
    """The largest centred 35:45 part of ``image``, scaled down to at most ``MAX_HEIGHT``."""
    width, height = image.width(), image.height()
    if width * RATIO_H > height * RATIO_W:  # too wide: cut the sides
        new_w = height * RATIO_W // RATIO_H
        rect = QRect((width - new_w) // 2, 0, new_w, height)
    else:  # too tall: cut top and bottom, keeping more of the top (the head)
        new_h = width * RATIO_H // RATIO_W
        rect = QRect(0, (height - new_h) // 3, width, new_h)
    cropped = image.copy(rect)
    if cropped.height() > MAX_HEIGHT:
        cropped = cropped.scaledToHeight(MAX_HEIGHT, Qt.TransformationMode.SmoothTransformation)
    return cropped


def jpeg_bytes(image: QImage, quality: int = 90) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_RGB888).save(buffer, "JPEG", quality)  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def load_passport_photo(path: Path) -> bytes:
    """The photo in ``path`` cropped to passport proportions, as JPEG bytes."""
    image = QImage(str(path))
    if image.isNull():
        raise PhotoError(str(path))
    return jpeg_bytes(crop_to_passport(image))
