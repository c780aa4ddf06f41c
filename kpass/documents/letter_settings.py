"""Office block, signature and legal texts of the letters, from a TOML settings file.

The defaults ship in ``resources/documents/letter_settings.toml``. An administrator's file
holds only what differs (same sections and keys); it is laid over the defaults, so a changed
address or legal text needs no new release. Unknown keys, wrong types and unknown
placeholders are refused with a message naming the file and the key.
"""

from __future__ import annotations

import dataclasses
import string
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kpass.documents.errors import DocumentError
from kpass.resource_files import resource_path
from kpass.settings import letter_settings_file

DEFAULTS_FILE = ("documents", "letter_settings.toml")


@dataclass(frozen=True)
class OfficeSettings:
    """The issuing office: letterhead, return address, contact and footer lines."""

    name_lines: tuple[str, ...]
    address_lines: tuple[str, ...]
    contact_lines: tuple[str, ...]
    footer_lines: tuple[str, ...]
    return_address: str

    @property
    def name(self) -> str:
        """The office's name in one line: ``"Stadt Karlsruhe, Sozial- und Jugendbehörde"``."""
        return ", ".join(self.name_lines)

    @property
    def address(self) -> str:
        """The address in one line: ``"Kaiserallee 4, 76133 Karlsruhe"``."""
        return ", ".join(self.address_lines)

    @property
    def sender_line(self) -> str:
        """The small return-address line above the window address."""
        return self.return_address or " · ".join((*self.name_lines, *self.address_lines))


@dataclass(frozen=True)
class SignatureSettings:
    """Closing formula and the lines under it."""

    closing: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class DecisionSettings:
    """Subject, notes and legal texts of the decision letter."""

    subject: str
    approval_notes: tuple[str, ...]
    voucher_note: str
    # Bildung und Teilhabe for households with Wohngeld or Kinderzuschlag; "" for none.
    education_note: str
    legal_remedy_title: str
    legal_remedy: str


@dataclass(frozen=True)
class ReminderSettings:
    """What the renewal reminder asks the holder to bring."""

    documents_intro: str
    documents: tuple[str, ...]
    visit_note: str


@dataclass(frozen=True)
class CardSettings:
    """The issuer in the card's colour band and the texts of the back."""

    issuer: str
    back_title: str
    back_lines: tuple[str, ...]
    signature_label: str


@dataclass(frozen=True)
class ObjectionSettings:
    """Subjects and the Rechtsbehelfsbelehrung of the letters ending an objection."""

    rejection_subject: str  # Widerspruchsbescheid
    remedy_subject: str  # Abhilfebescheid
    court: str  # the administrative court an action goes to, with its address
    legal_remedy_title: str
    legal_remedy: str  # against the Widerspruchsbescheid (an action, "Klage")


@dataclass(frozen=True)
class LetterSettings:
    """All settings. Texts keep their placeholders; :meth:`fill` replaces them."""

    office: OfficeSettings
    signature: SignatureSettings
    decision: DecisionSettings
    reminder: ReminderSettings
    card: CardSettings
    objection: ObjectionSettings

    def fill(self, template: str, **values: str) -> str:
        """A text with its placeholders replaced (``{office}``, ``{address}`` and ``values``)."""
        return template.format(office=self.office.name, address=self.office.address, **values)


_SECTIONS: dict[str, type[Any]] = {
    "office": OfficeSettings,
    "signature": SignatureSettings,
    "decision": DecisionSettings,
    "reminder": ReminderSettings,
    "card": CardSettings,
    "objection": ObjectionSettings,
}
# The texts that are filled in (LetterSettings.fill) and the placeholders each may use;
# every other text is printed as it stands, braces included.
_COMMON = frozenset({"office", "address"})
_TEMPLATES: dict[tuple[str, str], frozenset[str]] = {
    ("decision", "approval_notes"): _COMMON,
    ("decision", "voucher_note"): _COMMON | {"name", "amount", "age"},
    ("decision", "education_note"): _COMMON | {"benefits"},
    ("decision", "legal_remedy"): _COMMON,
    ("reminder", "documents"): _COMMON,
    ("reminder", "visit_note"): _COMMON,
    ("card", "back_lines"): _COMMON,
    ("signature", "lines"): _COMMON | {"caseworker"},
    ("objection", "legal_remedy"): _COMMON | {"court"},
}


def _error(source: Path, what_en: str, what_de: str) -> DocumentError:
    return DocumentError(
        f"letter settings {source}: {what_en}", f"Briefeinstellungen {source}: {what_de}"
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except OSError as exc:
        raise _error(path, f"cannot be read ({exc.strerror})", "kann nicht gelesen werden") from exc
    except tomllib.TOMLDecodeError as exc:
        raise _error(path, f"is not valid TOML: {exc}", f"ist kein gültiges TOML: {exc}") from exc


def _check_placeholders(source: Path, key: str, text: str, allowed: frozenset[str]) -> None:
    for _, field, _, _ in string.Formatter().parse(text):
        if field is not None and field not in allowed:
            raise _error(
                source,
                f"{key} uses the unknown placeholder {{{field}}}",
                f"{key} enthält den unbekannten Platzhalter {{{field}}}",
            )


def _check_templates(source: Path, name: str, texts: list[str], allowed: frozenset[str]) -> None:
    for text in texts:
        try:
            _check_placeholders(source, name, text, allowed)
        except ValueError as exc:  # a lone "{" or "}"
            raise _error(source, f"{name}: {exc} (write {{{{ for a brace)",
                         f"{name}: ungültige geschweifte Klammer ({exc})") from exc


def _merge(values: dict[str, dict[str, Any]], source: Path, data: dict[str, Any]) -> None:
    for section, entries in data.items():
        if section not in _SECTIONS or not isinstance(entries, dict):
            raise _error(
                source, f"unknown section [{section}]", f"unbekannter Abschnitt [{section}]"
            )
        known = {field.name: field for field in dataclasses.fields(_SECTIONS[section])}
        for key, value in entries.items():
            name = f"[{section}] {key}"
            if key not in known:
                raise _error(source, f"unknown key {name}", f"unbekannter Eintrag {name}")
            wants_list = str(known[key].type).startswith("tuple")
            if wants_list:
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise _error(source, f"{name} must be a list of texts",
                                 f"{name} muss eine Liste von Texten sein")
                texts = list(value)
            elif isinstance(value, str):
                texts = [value]
            else:
                raise _error(source, f"{name} must be a text", f"{name} muss ein Text sein")
            allowed = _TEMPLATES.get((section, key))
            if allowed is not None:
                _check_templates(source, name, texts, allowed)
            values.setdefault(section, {})[key] = tuple(value) if wants_list else value


def load_letter_settings(path: Path | None = None) -> LetterSettings:
    """The defaults, with the administrator's file laid over them: ``path`` if given, else
    the office's file (``KPASS_LETTER_SETTINGS``, or letter_settings.toml in the config
    folder: :func:`kpass.settings.letter_settings_file`), if there is one."""
    if path is None:
        path = letter_settings_file()
    if path is None:
        return _default_settings()
    path = Path(path)
    try:
        seen = path.stat()
    except OSError:
        return _build([resource_path(*DEFAULTS_FILE), path])  # refused, naming the file
    # read again only when the file changed (it may lie on a share; the preview asks often)
    return _office_settings(path, seen.st_mtime_ns, seen.st_size)


@cache
def _office_settings(path: Path, _mtime_ns: int, _size: int) -> LetterSettings:
    return _build([resource_path(*DEFAULTS_FILE), path])


def screen_letter_settings() -> LetterSettings:
    """For what the screen shows beside a decision (a hint): the office's settings, or the
    shipped ones while the office's file is broken — the print names that problem, the
    counter keeps working."""
    try:
        return load_letter_settings()
    except DocumentError:
        return _default_settings()


@cache
def _default_settings() -> LetterSettings:
    return _build([resource_path(*DEFAULTS_FILE)])


def _build(sources: list[Path]) -> LetterSettings:
    values: dict[str, dict[str, Any]] = {}
    for source in sources:
        _merge(values, source, _read(source))
    sections: dict[str, Any] = {}
    for section, cls in _SECTIONS.items():
        given = values.get(section, {})
        missing = [f.name for f in dataclasses.fields(cls) if f.name not in given]
        if missing:  # only if the shipped defaults themselves are incomplete
            raise _error(sources[0], f"[{section}] lacks {', '.join(missing)}",
                         f"[{section}] fehlt {', '.join(missing)}")
        sections[section] = cls(**given)
    return LetterSettings(**sections)
