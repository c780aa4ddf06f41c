"""The application icon (resources/icons, rendered from kpass.svg by scripts/render-icons)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from kpass.resource_files import resource_path

SIZES = (16, 24, 32, 48, 64, 128, 256)


def application_icon() -> QIcon:
    icon = QIcon()
    for size in SIZES:
        path = resource_path("icons", f"kpass-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon
