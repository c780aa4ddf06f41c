"""Qt translation catalogs (``resources/translations/kpass_<lang>.ts``): read, merge, write.

``python -m kpass.devtools.translation_catalog`` brings every catalog up to date with the source
(:mod:`kpass.devtools.translation_sources`): new texts are added as unfinished, translations are
kept, texts that left the source stay as "vanished" (with their translation, for reuse) and
are not compiled. ``--check`` only reports whether the catalogs are current.
``scripts/update-translations`` runs this and then ``pyside6-lrelease`` (the ``.qm`` files).
The XML is the one Qt Linguist reads and writes, so a translator can use Linguist.
"""

from __future__ import annotations

import argparse
import os
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kpass.devtools.translation_sources import (
    Extraction,
    ExtractionError,
    Key,
    Location,
    SourceReader,
)

REPOSITORY = Path(__file__).resolve().parents[2]
TRANSLATIONS = Path("resources") / "translations"
SOURCE_LANGUAGE = "de"

UNFINISHED = "unfinished"
VANISHED = "vanished"
OBSOLETE_TYPES = frozenset({VANISHED, "obsolete"})


@dataclass
class Entry:
    key: Key
    translation: str = ""
    state: str = UNFINISHED  # "" (finished), "unfinished" or "vanished"
    locations: list[Location] = field(default_factory=list)


@dataclass
class Catalog:
    language: str
    entries: dict[Key, Entry] = field(default_factory=dict)

    def current(self) -> dict[Key, Entry]:
        """The entries of texts that are in the source (not vanished)."""
        return {k: e for k, e in self.entries.items() if e.state not in OBSOLETE_TYPES}


def read_catalog(path: Path) -> Catalog:
    root = ET.parse(path).getroot()
    catalog = Catalog(root.get("language", ""))
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = Key(name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            state = UNFINISHED
            text = ""
            if translation is not None:
                state = translation.get("type", "")
                text = translation.text or ""
            locations = [
                Location(_from_catalog(path, loc.get("filename", "")), int(loc.get("line", "0")))
                for loc in message.iter("location")
            ]
            catalog.entries[key] = Entry(key, text, state, locations)
    return catalog


def merge(old: Catalog, found: Extraction) -> Catalog:
    """The catalog for the texts ``found``, keeping the translations ``old`` has."""
    merged = Catalog(old.language)
    for key, locations in found.locations.items():
        previous = old.entries.get(key)
        entry = Entry(key, locations=sorted(set(locations)))
        if previous is not None and previous.translation:
            entry.translation = previous.translation
            entry.state = UNFINISHED if previous.state == UNFINISHED else ""
        merged.entries[key] = entry
    for key, previous in old.entries.items():
        if key not in merged.entries and previous.translation:
            merged.entries[key] = Entry(key, previous.translation, VANISHED)
    return merged


def write_catalog(catalog: Catalog, path: Path) -> None:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{catalog.language}" sourcelanguage="{SOURCE_LANGUAGE}">',
    ]
    by_context: dict[str, list[Entry]] = {}
    for entry in catalog.entries.values():
        by_context.setdefault(entry.key.context, []).append(entry)
    for context in sorted(by_context):
        lines += ["<context>", f"    <name>{_xml(context)}</name>"]
        for entry in sorted(by_context[context], key=_entry_order):
            lines.append("    <message>")
            for location in entry.locations:
                lines.append(f'        <location filename="{_to_catalog(path, location.path)}" '
                             f'line="{location.line}"/>')
            lines.append(f"        <source>{_xml(entry.key.source)}</source>")
            if entry.key.comment:
                lines.append(f"        <comment>{_xml(entry.key.comment)}</comment>")
            state = f' type="{entry.state}"' if entry.state else ""
            lines.append(f"        <translation{state}>{_xml(entry.translation)}</translation>")
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _entry_order(entry: Entry) -> tuple[int, Location, Key]:
    first = entry.locations[0] if entry.locations else Location("", 0)
    return (1 if entry.state in OBSOLETE_TYPES else 0, first, entry.key)


def _xml(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def _to_catalog(catalog: Path, source: str) -> str:
    """A source path as the catalog writes it: relative to the catalog's folder (as lupdate)."""
    return Path(os.path.relpath(REPOSITORY / source, catalog.resolve().parent)).as_posix()


def _from_catalog(catalog: Path, filename: str) -> str:
    absolute = Path(os.path.normpath(catalog.resolve().parent / filename))
    try:
        return absolute.relative_to(REPOSITORY).as_posix()
    except ValueError:
        return filename


def catalog_paths(root: Path = REPOSITORY) -> list[Path]:
    return sorted((root / TRANSLATIONS).glob("kpass_*.ts"))


def extract(root: Path = REPOSITORY) -> Extraction:
    return SourceReader(root).extract()


def differences(catalog: Catalog, found: Extraction) -> list[str]:
    """Why ``catalog`` is not current for the texts ``found`` (empty if it is)."""
    current = catalog.current()
    lines = [
        f"{min(found.locations[k])}: {k.context}: {k.source!r} is not in the catalog"
        for k in sorted(set(found.locations) - set(current))
    ]
    lines += [f"{k.context}: {k.source!r} is in the catalog but no longer in the source"
              for k in sorted(set(current) - set(found.locations))]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kpass.devtools.translation_catalog",
        description="Update the Qt translation catalogs from the source (keeps translations).",
    )
    parser.add_argument("--check", action="store_true",
                        help="only report whether the catalogs are current (exit 1 if not)")
    parser.add_argument("catalogs", nargs="*", type=Path,
                        help=f"catalogs to update (default: {TRANSLATIONS}/kpass_*.ts)")
    args = parser.parse_args(argv)
    try:
        found = extract()
    except ExtractionError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
    status = 0
    for path in args.catalogs or catalog_paths():
        old = read_catalog(path) if path.is_file() else Catalog(path.stem.split("_", 1)[1])
        if args.check:
            problems = differences(old, found)
            for line in problems:
                print(f"{path.name}: {line}", file=sys.stderr)
            status = status or (1 if problems else 0)
            continue
        updated = merge(old, found)
        write_catalog(updated, path)
        current = updated.current()
        todo = [e for e in current.values() if e.state == UNFINISHED]
        vanished = len(updated.entries) - len(current)
        print(f"{path.name}: {len(current)} texts, {len(todo)} to translate, "
              f"{vanished} vanished")
        for entry in sorted(todo, key=_entry_order):
            print(f"  {entry.locations[0]}: {entry.key.context}: {entry.key.source!r}")
    return status


if __name__ == "__main__":
    sys.exit(main())
