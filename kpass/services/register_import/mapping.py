"""The mapping file (TOML): which column of the office's list holds which fact.

The keys are German, as the office writes them (see the shipped sample
``resources/import/mapping-beispiel.toml``)::

    [datei]
    trennzeichen = ";"       # CSV only; empty or absent: found from the header line
    blatt = ""               # XLSX only: the sheet; empty: the first one

    [spalten]                # key = header of the column in the file
    haushalt = "Haushalts-Nr"
    familienname = "Name"
    …

    [vorgaben]
    ort = "Karlsruhe"        # when the file has no column for the town

    [werte.rolle]            # the file's own words for a code (optional)
    "HV" = "applicant"

A wrong mapping (an unknown key, a required column missing, a column the file does not
have) is :class:`~kpass.errors.InvalidInput` before anything is checked or written.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from kpass.errors import InvalidInput
from kpass.resource_files import resource_path

MAX_MAPPING_BYTES = 64 * 1024

#: TOML key → (field, German label, required)
COLUMNS: dict[str, tuple[str, str, bool]] = {
    "haushalt": ("household", "Haushalt (Schlüssel)", True),
    "familienname": ("family_name", "Familienname", True),
    "vornamen": ("given_names", "Vornamen", True),
    "geburtsdatum": ("birth_date", "Geburtsdatum", True),
    "rolle": ("role", "Rolle", True),
    "geschlecht": ("sex", "Geschlecht", False),
    "strasse": ("street", "Straße", True),
    "hausnummer": ("house_number", "Hausnummer", True),
    "postleitzahl": ("postcode", "Postleitzahl", True),
    "ort": ("municipality", "Ort", False),
    "stadtteil": ("stadtteil", "Stadtteil", False),
    "einkommen_art": ("income_kind", "Einkommensart", False),
    "einkommen_betrag": ("income_amount", "Einkommensbetrag", False),
    "einkommen_zeitraum": ("income_period", "Einkommenszeitraum", False),
    "leistung_art": ("benefit_kind", "Leistungsart", False),
    "leistung_von": ("benefit_from", "Leistung von", False),
    "leistung_bis": ("benefit_until", "Leistung bis", False),
    "pass_nummer": ("pass_number", "Passnummer", False),
    "pass_gueltig_ab": ("pass_from", "Pass gültig ab", False),
    "pass_gueltig_bis": ("pass_until", "Pass gültig bis", False),
    "pass_art": ("pass_type", "Passart", False),
}
FIELD_LABELS_DE = {name: label for name, label, _ in COLUMNS.values()}
#: [werte.X]: the kinds of value the file may name in its own words
VALUE_KINDS = {
    "rolle": "role",
    "geschlecht": "sex",
    "einkommen_art": "income_kind",
    "einkommen_zeitraum": "income_period",
    "leistung_art": "benefit_kind",
    "pass_art": "pass_type",
}
SAMPLE_MAPPING = ("import", "mapping-beispiel.toml")


@dataclass(frozen=True)
class Mapping:
    columns: dict[str, str]  # field → column header in the file
    separator: str | None = None
    sheet: str | None = None
    municipality: str = "Karlsruhe"
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # field → word → code
    name: str = ""


def _bad(name: str, en: str, de: str) -> InvalidInput:
    return InvalidInput(f"Mapping file {name}: {en}.", f"Zuordnungsdatei {name}: {de}.")


def sample_mapping_path() -> Path:
    return resource_path(*SAMPLE_MAPPING)


def load_mapping(path: Path | None = None) -> Mapping:
    """The mapping of ``path`` (default: the shipped sample)."""
    path = path if path is not None else sample_mapping_path()
    name = path.name
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_MAPPING_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise _bad(name, f"cannot be read ({reason})",
                   f"kann nicht gelesen werden ({reason})") from None
    if len(data) > MAX_MAPPING_BYTES:
        raise _bad(name, "larger than 64 KB", "größer als 64 KB")
    try:
        document = tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise _bad(name, f"not a TOML file ({exc})", f"keine TOML-Datei ({exc})") from None
    return parse_mapping(document, name)


def _text(name: str, where: str, value: object) -> str:
    if not isinstance(value, str) or len(value) > 200:
        raise _bad(name, f"{where} must be a text", f"{where} muss ein Text sein")
    return " ".join(value.split())


def parse_mapping(document: dict[str, object], name: str = "") -> Mapping:
    unknown = sorted(set(document) - {"datei", "spalten", "vorgaben", "werte"})
    if unknown:
        raise _bad(name, f"unknown section(s) {', '.join(unknown)}",
                   f"unbekannte(r) Abschnitt(e) {', '.join(unknown)}")
    sections: dict[str, dict[str, object]] = {}
    for section in ("datei", "spalten", "vorgaben", "werte"):
        value = document.get(section, {})
        if not isinstance(value, dict):
            raise _bad(name, f"[{section}] must be a table", f"[{section}] muss eine Tabelle sein")
        sections[section] = value
    columns: dict[str, str] = {}
    for key, value in sections["spalten"].items():
        if key not in COLUMNS:
            known = ", ".join(COLUMNS)
            raise _bad(name, f"[spalten] {key} is unknown (known: {known})",
                       f"[spalten] {key} ist unbekannt (bekannt: {known})")
        header = _text(name, f"[spalten] {key}", value)
        if header:
            columns[COLUMNS[key][0]] = header
    missing = [key for key, (fld, _, required) in COLUMNS.items()
               if required and fld not in columns]
    if missing:
        raise _bad(name, f"[spalten] needs {', '.join(missing)}",
                   f"[spalten] braucht {', '.join(missing)}")
    file_options = sections["datei"]
    for key in file_options:
        if key not in ("trennzeichen", "blatt"):
            raise _bad(name, f"[datei] {key} is unknown", f"[datei] {key} ist unbekannt")
    separator = file_options.get("trennzeichen")
    if separator is not None:
        separator = _text(name, "[datei] trennzeichen", separator) if separator != "\t" else "\t"
        if separator not in ("", ";", ",", "\t", "|"):
            raise _bad(name, "[datei] trennzeichen must be ; , | or a tab",
                       "[datei] trennzeichen muss ; , | oder ein Tabulator sein")
    sheet = file_options.get("blatt")
    if sheet is not None:
        sheet = _text(name, "[datei] blatt", sheet)
    defaults = sections["vorgaben"]
    for key in defaults:
        if key != "ort":
            raise _bad(name, f"[vorgaben] {key} is unknown", f"[vorgaben] {key} ist unbekannt")
    municipality = _text(name, "[vorgaben] ort", defaults.get("ort", "Karlsruhe"))
    values: dict[str, dict[str, str]] = {}
    for key, table in sections["werte"].items():
        if key not in VALUE_KINDS or not isinstance(table, dict):
            raise _bad(name, f"[werte.{key}] is unknown (known: {', '.join(VALUE_KINDS)})",
                       f"[werte.{key}] ist unbekannt (bekannt: {', '.join(VALUE_KINDS)})")
        values[VALUE_KINDS[key]] = {
            " ".join(str(word).split()).casefold(): _text(name, f"[werte.{key}]", code)
            for word, code in table.items()
        }
    return Mapping(columns, separator or None, sheet or None, municipality or "Karlsruhe",
                   values, name)


def check_columns(mapping: Mapping, headers: tuple[str, ...], file_name: str) -> dict[str, str]:
    """Field → the header as the file spells it; refuses a column the file lacks."""
    by_fold = {header.casefold(): header for header in headers}
    found: dict[str, str] = {}
    missing: list[str] = []
    for fld, header in mapping.columns.items():
        actual = by_fold.get(header.casefold())
        if actual is None:
            missing.append(f"„{header}“ ({FIELD_LABELS_DE[fld]})")
        else:
            found[fld] = actual
    if missing:
        shown = ", ".join(missing)
        have = ", ".join(headers[:30])
        raise InvalidInput(
            f"{file_name}: the mapping names column(s) the file does not have: {shown} "
            f"(the file has: {have}).",
            f"{file_name}: die Zuordnung nennt Spalte(n), die die Datei nicht hat: {shown} "
            f"(die Datei hat: {have}).",
        )
    return found


@dataclass(frozen=True)
class Field:
    """A fact the import knows: its TOML key, the field name, its German label, whether the
    file must have it."""

    key: str
    name: str
    label_de: str
    required: bool


#: Every field of the import in the order of the mapping file.
FIELDS: tuple[Field, ...] = tuple(Field(key, name, label, required)
                                  for key, (name, label, required) in COLUMNS.items())


def _loose(text: str) -> str:
    """A header folded for guessing: case, spaces, hyphens, dots and underscores ignored."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def guess_columns(mapping: Mapping, headers: tuple[str, ...]) -> dict[str, str]:
    """Field → the file's header for every field that can be told: the mapping's column when
    the file has it, else a header named like the field (its key, its German label or its
    field name, ignoring case, spaces and punctuation). A header is guessed for one field
    only; what the mapping names explicitly comes first."""
    by_fold = {header.casefold(): header for header in headers}
    by_loose = {_loose(header): header for header in headers}
    found: dict[str, str] = {}
    for fld in FIELDS:
        named = mapping.columns.get(fld.name)
        if named is not None and named.casefold() in by_fold:
            found[fld.name] = by_fold[named.casefold()]
    taken = set(found.values())
    for fld in FIELDS:
        if fld.name in found:
            continue
        for candidate in (fld.key, fld.label_de, fld.name):
            header = by_loose.get(_loose(candidate))
            if header is not None and header not in taken:
                found[fld.name] = header
                taken.add(header)
                break
    return found


def mapping_with(mapping: Mapping, columns: dict[str, str], *,
                 separator: str | None = None) -> Mapping:
    """``mapping`` with the columns chosen in the wizard (field → header; an empty header:
    not in the file) and, if given, another CSV separator. Refuses a required field left
    without a column, as a mapping file would be."""
    unknown = sorted(set(columns) - {f.name for f in FIELDS})
    if unknown:
        raise ValueError(f"unknown fields {unknown}")  # a programming error, not input
    chosen = {name: " ".join(header.split()) for name, header in columns.items()
              if header.strip()}
    missing = [f for f in FIELDS if f.required and f.name not in chosen]
    if missing:
        raise InvalidInput(
            "Every required field needs a column; missing: "
            + ", ".join(f.key for f in missing) + ".",
            "Jedes Pflichtfeld braucht eine Spalte; es fehlt: "
            + ", ".join(f.label_de for f in missing) + ".")
    return replace(mapping, columns=chosen,
                   separator=mapping.separator if separator is None else (separator or None))
