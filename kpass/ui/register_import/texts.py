"""The wizard's words: the import's fields and results, and the report in the interface's
language (the service explains every row in German and English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kpass.errors import KpassError
from kpass.services.register_import import IMPORTED, READY, SKIPPED, TO_CHECK
from kpass.ui.translation import QT_TRANSLATE_NOOP, user_message

CONTEXT = "RegisterImport"

#: field → label (the service's FIELDS, in its order; a test keeps both in step)
FIELD_LABELS: dict[str, str] = {
    "household": QT_TRANSLATE_NOOP("RegisterImport", "Haushalt (Schlüssel)"),
    "family_name": QT_TRANSLATE_NOOP("RegisterImport", "Familienname"),
    "given_names": QT_TRANSLATE_NOOP("RegisterImport", "Vornamen"),
    "birth_date": QT_TRANSLATE_NOOP("RegisterImport", "Geburtsdatum"),
    "role": QT_TRANSLATE_NOOP("RegisterImport", "Rolle"),
    "sex": QT_TRANSLATE_NOOP("RegisterImport", "Geschlecht"),
    "street": QT_TRANSLATE_NOOP("RegisterImport", "Straße"),
    "house_number": QT_TRANSLATE_NOOP("RegisterImport", "Hausnummer"),
    "postcode": QT_TRANSLATE_NOOP("RegisterImport", "Postleitzahl"),
    "municipality": QT_TRANSLATE_NOOP("RegisterImport", "Ort"),
    "stadtteil": QT_TRANSLATE_NOOP("RegisterImport", "Stadtteil"),
    "income_kind": QT_TRANSLATE_NOOP("RegisterImport", "Einkommensart"),
    "income_amount": QT_TRANSLATE_NOOP("RegisterImport", "Einkommensbetrag"),
    "income_period": QT_TRANSLATE_NOOP("RegisterImport", "Einkommenszeitraum"),
    "benefit_kind": QT_TRANSLATE_NOOP("RegisterImport", "Leistungsart"),
    "benefit_from": QT_TRANSLATE_NOOP("RegisterImport", "Leistung von"),
    "benefit_until": QT_TRANSLATE_NOOP("RegisterImport", "Leistung bis"),
    "pass_number": QT_TRANSLATE_NOOP("RegisterImport", "Passnummer"),
    "pass_from": QT_TRANSLATE_NOOP("RegisterImport", "Pass gültig ab"),
    "pass_until": QT_TRANSLATE_NOOP("RegisterImport", "Pass gültig bis"),
    "pass_type": QT_TRANSLATE_NOOP("RegisterImport", "Passart"),
}

#: status → what the report says of a household (a dry run: what a real run would do)
STATUS_LABELS: dict[str, str] = {
    IMPORTED: QT_TRANSLATE_NOOP("RegisterImport", "übernommen"),
    READY: QT_TRANSLATE_NOOP("RegisterImport", "in Ordnung, nicht gespeichert"),
    SKIPPED: QT_TRANSLATE_NOOP("RegisterImport", "übersprungen"),
    TO_CHECK: QT_TRANSLATE_NOOP("RegisterImport", "zu prüfen"),
}
DRY_RUN_READY = QT_TRANSLATE_NOOP("RegisterImport", "in Ordnung")
KIND_LABELS: dict[str, str] = {
    "reason": QT_TRANSLATE_NOOP("RegisterImport", "Grund"),
    "note": QT_TRANSLATE_NOOP("RegisterImport", "Hinweis"),
    "": "",
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_label(name: str) -> str:
    return tr(FIELD_LABELS[name])


def status_label(status: str, *, dry_run: bool) -> str:
    if dry_run and status == READY:
        return tr(DRY_RUN_READY)
    return tr(STATUS_LABELS[status])


def in_language(german: str, english: str) -> str:
    """Of a text the service gives in both languages, the one the interface speaks."""
    return user_message(KpassError(english, german))


def report_language() -> str:
    """The language of a saved report: the interface's."""
    return "de" if in_language("de", "en") == "de" else "en"
