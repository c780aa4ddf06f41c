"""A person's photo: checked to be a real JPEG or PNG of a sensible size, stored as it is."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from kpass.models import Person, PersonPhoto
from kpass.models.base import utcnow
from kpass.models.engine import Database
from kpass.services.access.guard import requires
from kpass.services.access.permissions import Permission
from kpass.services.household.validation import InvalidField, Place
from kpass.services.uow import UnitOfWork

PHOTO_MAX_BYTES = 2 * 1024 * 1024


PHOTO_MAX_SIDE = 6000  # pixels; a small file can still claim a huge canvas


_PHOTO_TYPES = ((b"\xff\xd8\xff", "image/jpeg", "JPEG"), (b"\x89PNG\r\n\x1a\n", "image/png", "PNG"))


_PHOTO = Place("photo", "Lichtbild", "Photo")


@dataclass(frozen=True)
class PhotoSaved:
    person_id: int
    media_type: str
    width: int
    height: int


def _photo_size(image: bytes) -> tuple[str, int, int]:
    """Media type and pixel size of a JPEG or PNG; refuses anything else."""
    if not isinstance(image, bytes) or not image:
        raise _PHOTO.fail("image", "is empty", "ist leer")
    if len(image) > PHOTO_MAX_BYTES:
        raise _PHOTO.fail(
            "image",
            f"is too large ({len(image) // 1024} kB, at most 2 MB)",
            f"ist zu groß ({len(image) // 1024} kB, höchstens 2 MB)",
        )
    kind = next(((t, f) for magic, t, f in _PHOTO_TYPES if image.startswith(magic)), None)
    if kind is None:
        raise _PHOTO.fail("image", "is neither JPEG nor PNG", "ist weder JPEG noch PNG")
    media_type, pil_format = kind
    try:
        with Image.open(io.BytesIO(image), formats=[pil_format]) as picture:
            width, height = picture.size
            picture.verify()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise _PHOTO.fail(
            "image", f"cannot be read ({exc})", "ist beschädigt und kann nicht gelesen werden"
        ) from exc
    if max(width, height) > PHOTO_MAX_SIDE or min(width, height) < 1:
        raise _PHOTO.fail(
            "image",
            f"has an implausible size ({width} × {height} pixels)",
            f"hat eine unplausible Größe ({width} × {height} Pixel)",
        )
    return media_type, width, height


@requires(Permission.EDIT_REGISTER)
def set_photo(database: Database, person_id: int, image_bytes: bytes) -> PhotoSaved:
    """Store (or replace) a person's photo, a JPEG or PNG of at most 2 MB as it is:
    cropping is done in the editor, preparing for print by :mod:`kpass.documents`."""
    _photo_size(image_bytes)  # refused before the database is touched
    with UnitOfWork(database) as uow:
        saved = set_photo_step(uow, person_id, image_bytes)
        uow.commit()
    return saved


def set_photo_step(uow: UnitOfWork, person_id: int, image_bytes: bytes) -> PhotoSaved:
    """:func:`set_photo` inside a unit of work."""
    media_type, width, height = _photo_size(image_bytes)
    if uow.session.get(Person, person_id) is None:
        raise InvalidField(
            "person_id",
            f"There is no person {person_id}.",
            f"Es gibt keine Person Nr. {person_id}.",
        )
    photo = uow.session.get(PersonPhoto, person_id)
    replaced = photo is not None
    if photo is None:
        photo = PersonPhoto(person_id=person_id)
        uow.session.add(photo)
    photo.image = image_bytes
    photo.media_type = media_type
    photo.width, photo.height = width, height
    photo.updated_at = utcnow()
    uow.session.flush()
    uow.audit(
        "set_photo",
        "person",
        person_id,
        media_type=media_type,
        width=width,
        height=height,
        size=len(image_bytes),
        replaced=replaced,
    )
    return PhotoSaved(person_id, media_type, width, height)
