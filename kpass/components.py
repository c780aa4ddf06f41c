"""What kpass is built from, with versions and licences, for the "Über kpass" dialog.

Kept free of Qt: ``kpass --licences`` could print the same. The licence texts are read from
the installed packages' own metadata (a bundle carries them: packaging/kpass.spec copies the
metadata), so kpass never holds a copy of somebody else's licence text.
"""

from __future__ import annotations

import importlib.metadata as metadata
import platform
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from kpass import __version__
from kpass.resource_files import resource_path

KPASS_LICENCE = "EUPL-1.2"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    #: the licence text, or where it is found when the package carries none
    text: str

    @property
    def text_carried(self) -> bool:
        """Whether a licence text was found (not only its name)."""
        return not self.text.startswith(_NO_TEXT_START)


#: (shown name, distribution on PyPI, licence as SPDX expression), the run-time dependencies
#: of pyproject.toml and what they pull in; the psycopg pair only where PostgreSQL is used.
LIBRARIES: tuple[tuple[str, str, str], ...] = (
    ("Qt for Python (PySide6)", "PySide6-Essentials", "LGPL-3.0-only"),
    ("Shiboken", "shiboken6", "LGPL-3.0-only"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("Alembic", "alembic", "MIT"),
    ("Mako", "Mako", "MIT"),
    ("MarkupSafe", "MarkupSafe", "BSD-3-Clause"),
    ("platformdirs", "platformdirs", "MIT"),
    ("python-dateutil", "python-dateutil", "Apache-2.0 AND BSD-3-Clause"),
    ("six", "six", "MIT"),
    ("ReportLab", "reportlab", "BSD-3-Clause"),
    ("segno", "segno", "BSD-3-Clause"),
    ("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause"),
    ("cffi", "cffi", "MIT-0"),
    ("pycparser", "pycparser", "BSD-3-Clause"),
    ("openpyxl", "openpyxl", "MIT"),
    ("et_xmlfile", "et_xmlfile", "MIT"),
    ("Pillow", "pillow", "MIT-CMU"),
    ("argon2-cffi", "argon2-cffi", "MIT"),
    ("argon2-cffi-bindings", "argon2-cffi-bindings", "MIT"),
    ("greenlet", "greenlet", "MIT AND PSF-2.0"),
    ("typing_extensions", "typing_extensions", "PSF-2.0"),
    ("charset-normalizer", "charset-normalizer", "MIT"),
    ("tzdata", "tzdata", "Apache-2.0"),
    ("psycopg", "psycopg", "LGPL-3.0-only"),
    ("psycopg (binary)", "psycopg-binary", "LGPL-3.0-only"),
)

_LICENCE_NAMES = ("LICEN", "COPYING")
#: The licence texts of packages that carry none themselves (Qt for Python: the LGPL, which
#: also needs the GPL beside it; Python's own). A bundle has them in its folder "licences"
#: (packaging/kpass.spec copies them from the build machine); a checkout on Debian reads
#: them where the system keeps them.
LICENCE_FILES: dict[str, tuple[str, ...]] = {"LGPL-3.0-only": ("LGPL-3", "GPL-3")}
SYSTEM_LICENCES = Path("/usr/share/common-licenses")
PYTHON_LICENCE = "LICENSE.txt"  # Python's, copied under its own name
_NO_TEXT = "The package carries no licence text; the licence is {licence} (see spdx.org/licenses)."
_NO_TEXT_START = _NO_TEXT.split(";")[0]


def _licence_text(distribution: metadata.Distribution, licence: str) -> str:
    texts = []
    for file in distribution.files or ():
        if file.name.upper().startswith(_LICENCE_NAMES) and "dist-info" in str(file):
            try:
                texts.append(Path(str(file.locate())).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
    return "\n\n".join(texts) if texts else _NO_TEXT.format(licence=licence)


def licences_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    return Path(frozen_root) / "licences" if frozen_root else SYSTEM_LICENCES


def python_licence_file() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "licences" / PYTHON_LICENCE
    return Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"


def _read_texts(paths: list[Path]) -> str:
    texts = []
    for path in paths:
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    return "\n\n".join(texts)


def components() -> list[Component]:
    """kpass, Python, the fonts and every installed library, in this order; a library that
    is not installed (psycopg on a SQLite seat) is left out."""
    fonts = resource_path("fonts", "LICENSE-DejaVu.txt")
    found = [
        Component("kpass", __version__, KPASS_LICENCE,
                  "European Union Public Licence 1.2 (EUPL-1.2), see "
                  "joinup.ec.europa.eu/collection/eupl"),
        Component("Python", platform.python_version(), "PSF-2.0",
                  _read_texts([python_licence_file()])
                  or "Python Software Foundation License 2.0, see docs.python.org/3/license.html"),
        Component("DejaVu-Schriften", "2.37", "Bitstream-Vera AND LicenseRef-DejaVu-public-domain",
                  fonts.read_text(encoding="utf-8") if fonts.is_file() else ""),
    ]
    for name, distribution_name, licence in LIBRARIES:
        try:
            distribution = metadata.distribution(distribution_name)
        except metadata.PackageNotFoundError:
            continue
        text = _licence_text(distribution, licence)
        if text.startswith(_NO_TEXT_START):
            files = [licences_dir() / f for f in LICENCE_FILES.get(licence, ())]
            text = _read_texts(files) or text
        found.append(Component(name, distribution.version, licence, text))
    return found
