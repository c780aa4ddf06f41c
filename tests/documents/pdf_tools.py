"""Looking at PDFs like a person would: poppler's pdfinfo/pdftotext/pdftoppm and zbarimg."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

POINTS_PER_INCH = 72


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: install poppler-utils and zbar-tools (apt-get)")
    return path


def _run(*args: str) -> str:
    result = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, f"{args[0]} failed: {result.stderr}"
    return result.stdout


def pdf_info(pdf: Path) -> dict[str, str]:
    """``pdfinfo`` as a dict (``Pages``, ``Page size`` …)."""
    output = _run(_tool("pdfinfo"), str(pdf))
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in
                                              output.splitlines() if ":" in line)}


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Width and height in points of every page."""
    pages = int(pdf_info(pdf)["Pages"])
    output = _run(_tool("pdfinfo"), "-f", "1", "-l", str(pages), str(pdf))
    sizes = []
    for line in output.splitlines():
        if line.startswith("Page") and "size:" in line:
            numbers = line.split("size:")[1].split("pts")[0].split("x")
            sizes.append((float(numbers[0]), float(numbers[1])))
    return sizes


def pdf_text(pdf: Path, *, layout: bool = False, page: int | None = None) -> str:
    """The text ``pdftotext`` finds (one page if ``page`` is given)."""
    args = [_tool("pdftotext"), "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return _run(*args, str(pdf), "-")


def pdf_fonts(pdf: Path) -> list[list[str]]:
    """Rows of ``pdffonts``: name, type, encoding, emb, sub, uni, object, id."""
    lines = _run(_tool("pdffonts"), str(pdf)).splitlines()[2:]
    return [line.split() for line in lines if line.strip()]


def render(pdf: Path, folder: Path, dpi: int = 300, *, page: int | None = None,
           gray: bool = False) -> list[Path]:
    """PNG files of the pages, in page order."""
    prefix = folder / f"{pdf.stem}-{dpi}"
    args = [_tool("pdftoppm"), "-r", str(dpi), "-png"]
    if gray:
        args.append("-gray")
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    _run(*args, str(pdf), str(prefix))
    return sorted(folder.glob(f"{prefix.name}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def decode_qr(png: Path) -> list[str]:
    """The texts of the QR codes zbarimg finds in an image (one line each)."""
    result = subprocess.run(
        [_tool("zbarimg"), "--nodbus", "-q", "--raw", str(png)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    return [line for line in result.stdout.splitlines() if line]


def crop(png: Path, box_points: tuple[float, float, float, float], dpi: int,
         page_height_points: float, target: Path) -> Path:
    """Save the part of a page image inside ``box_points`` (x, y, width, height; PDF points,
    origin bottom left) to ``target``."""
    [cropped] = crops(png, [(box_points, target)], dpi, page_height_points)
    return cropped


def crops(png: Path, boxes: list[tuple[tuple[float, float, float, float], Path]], dpi: int,
          page_height_points: float) -> list[Path]:
    """:func:`crop` for several boxes of one page image, read once (a 300 dpi A4 page takes
    ~80 ms to decode: once per card it was most of the time of a sheet's test)."""
    scale = dpi / POINTS_PER_INCH
    with Image.open(png) as image:
        image.load()
        for (x, y, width, height), target in boxes:
            left, top = round(x * scale), round((page_height_points - y - height) * scale)
            image.crop(
                (left, top, left + round(width * scale), top + round(height * scale))
            ).save(target)
    return [target for _, target in boxes]
