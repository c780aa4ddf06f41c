"""Loading the translation of the user interface (German is the source language).

kpass's own catalogs live in ``resources/translations/kpass_<lang>.qm``; Qt's own texts
(standard buttons, the context menu of a text field, file dialogs) come from the
``qtbase_<lang>.qm`` that ships with Qt. How the catalogs are made: docs/translations.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from kpass.errors import KpassError
from kpass.languages import SOURCE_LANGUAGE
from kpass.resource_files import resource_path

# The language of the installed catalog: services explain errors in English and German,
# and the UI shows the one it speaks (read from worker threads too; a str is swapped whole).
_language = SOURCE_LANGUAGE


def catalog_file(language: str) -> Path:
    """The compiled catalog of kpass's texts for ``language``."""
    return resource_path("translations", f"kpass_{language}.qm")


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install kpass's catalog for ``language`` (none for German, the source) and Qt's own
    texts in that language if Qt ships them. Returns the installed translators (owned by
    ``app``); raises FileNotFoundError if kpass's catalog is missing or unreadable."""
    installed: list[QTranslator] = []
    qt_texts = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_texts.load(f"qtbase_{language}", qt_dir) and QCoreApplication.installTranslator(
        qt_texts
    ):
        installed.append(qt_texts)
    if language != SOURCE_LANGUAGE:
        own = QTranslator(app)
        path = catalog_file(language)
        if not own.load(str(path)):
            raise FileNotFoundError(f"translation catalog not readable: {path}")
        QCoreApplication.installTranslator(own)
        installed.append(own)
    global _language
    _language = language
    return installed


def remove_translators(translators: list[QTranslator]) -> None:
    """Undo :func:`install_translators` (tests switch languages within one process)."""
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    global _language
    _language = SOURCE_LANGUAGE


def current_language() -> str:
    """The language of the installed catalog."""
    return _language


def user_message(error: KpassError) -> str:
    """The message of ``error`` in the language the interface speaks."""
    return error.message_de if _language == SOURCE_LANGUAGE else error.message_en


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` (kept in a tuple or dict and translated later through a variable) as a
    source text of ``context``; returns it unchanged. Qt's name, but typed (PySide's returns
    ``object``)."""
    return text


Table = Mapping[str, str] | Sequence[str]
#: Every table marked so far (context, table): tests compare them with the catalogs.
MARKED_TABLES: list[tuple[str, Table]] = []


def translatable_tables(context: str, *tables: Table) -> tuple[Table, ...]:
    """Mark the values of label tables (dicts or tuples defined elsewhere, often in a layer
    without Qt) as source texts of ``context``. Returns ``tables`` unchanged; the catalog
    extractor (kpass.devtools.translation_sources) reads the marked tables from their definitions,
    and tests/test_translations.py checks that every text of them is in the catalogs."""
    MARKED_TABLES.extend((context, table) for table in tables)
    return tables
