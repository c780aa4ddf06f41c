"""The English catalog is complete and consistent: every UI string of the source is in it,
translated, with the same placeholders and one mnemonic, and the compiled .qm says the same."""

from __future__ import annotations

import importlib
import pkgutil
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from kpass.devtools.translation_catalog import (
    REPOSITORY,
    VANISHED,
    Catalog,
    Entry,
    differences,
    extract,
    merge,
    read_catalog,
    write_catalog,
)
from kpass.devtools.translation_sources import ExtractionError, Key, SourceReader

CATALOG = REPOSITORY / "resources" / "translations" / "kpass_en.ts"
COMPILED = CATALOG.with_suffix(".qm")
UPDATE_HINT = "run scripts/update-translations, then translate the new entries"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return read_catalog(CATALOG)


def test_catalog_has_every_string_of_the_source(catalog: Catalog) -> None:
    problems = differences(catalog, extract())
    assert not problems, f"{CATALOG.name} is not current ({UPDATE_HINT}):\n" + "\n".join(problems)


def test_every_text_is_translated(catalog: Catalog) -> None:
    unfinished = [
        f"{e.locations[0] if e.locations else '?'}: {e.key.context}: {e.key.source!r}"
        for e in catalog.current().values()
        if e.state or not e.translation.strip()
    ]
    assert not unfinished, f"untranslated in {CATALOG.name}:\n" + "\n".join(unfinished)


def placeholders(text: str) -> Counter[str]:
    return Counter(re.findall(r"%\d+", text))


def mnemonics(text: str) -> int:
    return text.replace("&&", "").count("&")


def test_translations_keep_placeholders_and_mnemonics(catalog: Catalog) -> None:
    wrong = []
    for entry in catalog.current().values():
        source, translation = entry.key.source, entry.translation
        if not translation:
            continue  # reported by test_every_text_is_translated
        if placeholders(source) != placeholders(translation):
            wrong.append(f"{entry.key.context}: {source!r} → {translation!r}: placeholders")
        if mnemonics(source) != mnemonics(translation):
            wrong.append(f"{entry.key.context}: {source!r} → {translation!r}: mnemonic (&)")
    assert not wrong, "\n".join(wrong)


def test_compiled_catalog_matches_the_source_catalog(catalog: Catalog) -> None:
    translator = QTranslator()
    assert translator.load(str(COMPILED)), COMPILED
    stale = [
        f"{key.context}: {key.source!r}"
        for key, entry in catalog.current().items()
        if translator.translate(key.context, key.source, key.comment or None)
        != entry.translation
    ]
    assert not stale, f"{COMPILED.name} is older than {CATALOG.name} ({UPDATE_HINT}):\n" + \
        "\n".join(stale)


def test_compiled_catalog_is_what_lrelease_makes(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    tool = str(lrelease) if lrelease.is_file() else shutil.which("pyside6-lrelease")
    if tool is None:
        pytest.skip("pyside6-lrelease not installed")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([tool, "-silent", str(CATALOG), "-qm", str(fresh)], check=True, timeout=60)
    assert fresh.read_bytes() == COMPILED.read_bytes(), UPDATE_HINT


def test_marked_label_tables_are_in_the_catalog(catalog: Catalog) -> None:
    """The tables marked with translatable_tables() at run time are the ones the extractor
    read from the source (a table it could not follow would be missing here)."""
    import kpass.ui
    from kpass.ui.translation import MARKED_TABLES

    for info in pkgutil.walk_packages(kpass.ui.__path__, "kpass.ui."):
        importlib.import_module(info.name)
    assert {context for context, _ in MARKED_TABLES} >= {"Labels", "Reporting", "Months"}
    current = catalog.current()
    missing = [
        (context, text)
        for context, table in MARKED_TABLES
        for text in (table.values() if isinstance(table, dict) else table)
        if Key(context, text) not in current
    ]
    assert not missing, missing


def test_outside_label_is_the_reporting_constant() -> None:
    from kpass.reporting.definitions import STADTTEIL_OUTSIDE
    from kpass.ui.dashboard import texts

    assert texts._OUTSIDE == STADTTEIL_OUTSIDE


# -- the extractor on small examples ---------------------------------------------------------
def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


HELPER = '''
from PySide6.QtCore import QCoreApplication

_CONTEXT = "Labels"

def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)
'''


def test_extractor_follows_helpers_markers_and_tables(tmp_path: Path) -> None:
    write(tmp_path, "kpass/data.py", 'ROLES = {"a": "Antragsteller/in"}\n')
    write(tmp_path, "kpass/ui/common/labels.py", HELPER + "from kpass.data import ROLES\n"
          "ALIAS = ROLES\ntranslatable_tables(_CONTEXT, ALIAS)\n")
    write(tmp_path, "kpass/ui/page.py", '''
from PySide6.QtCore import QCoreApplication
from kpass.ui.common.labels import tr as label

def _tr(text: str) -> str:
    return QCoreApplication.translate("Page", text)

class Page:
    COLUMNS = (QT_TRANSLATE_NOOP("Page", "Spalte"),)

    def texts(self, name: str) -> list[str]:
        return [_tr("&Speichern"), self.tr("Titel %1"), label("Kind"), _tr(name),
                QCoreApplication.translate("Other", "Weiter"), _tr("Zwei "
                                                                   "Zeilen")]
''')
    found = SourceReader(tmp_path).extract()
    assert {(k.context, k.source) for k in found.locations} == {
        ("Labels", "Antragsteller/in"),
        ("Page", "Spalte"),
        ("Page", "&Speichern"),
        ("Page", "Titel %1"),
        ("Labels", "Kind"),
        ("Other", "Weiter"),
        ("Page", "Zwei Zeilen"),
    }
    assert [str(loc) for loc in found.locations[Key("Labels", "Antragsteller/in")]] == [
        "kpass/data.py:1"
    ]
    assert [str(loc) for loc in found.locations[Key("Page", "&Speichern")]] == [
        "kpass/ui/page.py:12"
    ]


@pytest.mark.parametrize(
    ("code", "complaint"),
    [
        ('_tr(f"Hallo {name}")', "f-string"),
        ('_tr("Hallo " + name)', "a + of strings"),
        ('QT_TRANSLATE_NOOP("Pgae", "Spalte")', "'Pgae' is marked but never translated"),
        ("QT_TRANSLATE_NOOP(\"Page\", name)", "needs a string literal"),
        ("QCoreApplication.translate(context, \"x\")", "the context must be"),
    ],
)
def test_extractor_rejects_what_the_catalog_cannot_follow(
    tmp_path: Path, code: str, complaint: str
) -> None:
    write(tmp_path, "kpass/ui/page.py", f'''
from PySide6.QtCore import QCoreApplication

def _tr(text: str) -> str:
    return QCoreApplication.translate("Page", text)

def texts(name: str, context: str) -> None:
    _tr("Seite")
    {code}
''')
    with pytest.raises(ExtractionError) as raised:
        SourceReader(tmp_path).extract()
    assert complaint in str(raised.value)
    assert "kpass/ui/page.py:9" in str(raised.value)


def test_extractor_rejects_self_tr_in_a_subclassed_class(tmp_path: Path) -> None:
    write(tmp_path, "kpass/ui/charts.py", '''
class ChartBase:
    def title(self) -> str:
        return self.tr("Diagramm")

class BarChart(ChartBase):
    pass
''')
    with pytest.raises(ExtractionError, match="ChartBase, which is subclassed"):
        SourceReader(tmp_path).extract()


def test_update_keeps_translations_and_keeps_vanished_ones_aside(tmp_path: Path) -> None:
    write(tmp_path, "kpass/ui/page.py", '''
from PySide6.QtCore import QCoreApplication

def _tr(text: str) -> str:
    return QCoreApplication.translate("Page", text)

_tr("Alt")
_tr("Bleibt")
''')
    old = Catalog("en")
    for source, text in (("Alt", "Old"), ("Bleibt", "Stays"), ("Weg", "Gone")):
        old.entries[Key("Page", source)] = Entry(Key("Page", source), text, "")
    write(tmp_path, "kpass/ui/page.py", '''
from PySide6.QtCore import QCoreApplication

def _tr(text: str) -> str:
    return QCoreApplication.translate("Page", text)

_tr("Bleibt")
_tr("Neu & <anders>")
''')
    path = tmp_path / "kpass_en.ts"
    write_catalog(merge(old, SourceReader(tmp_path).extract()), path)
    again = read_catalog(path)
    states = {k.source: (e.translation, e.state) for k, e in again.entries.items()}
    assert states == {
        "Bleibt": ("Stays", ""),
        "Neu & <anders>": ("", "unfinished"),
        "Alt": ("Old", VANISHED),
        "Weg": ("Gone", VANISHED),
    }
    assert set(again.current()) == {Key("Page", "Bleibt"), Key("Page", "Neu & <anders>")}
