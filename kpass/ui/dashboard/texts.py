"""The words of the statistics on screen (measures, dimensions, months), through Qt's translator.

The reporting layer names them in German without Qt (the exports for Sozialplanung stay
German); the dashboard shows them in the language of the user interface.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kpass.services.statistics import (
    BASIS_LABELS,
    DIMENSION_TITLES,
    HOUSEHOLD_TYPE_LABELS,
    MEASURE_TITLES,
    PASS_TYPE_LABELS,
    STADTTEIL_OUTSIDE,
    get_dimension,
)
from kpass.ui.translation import QT_TRANSLATE_NOOP, translatable_tables

_CONTEXT = "Reporting"

MONTH_NAMES = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip
MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez",
)  # fmt: skip
translatable_tables("Months", MONTH_NAMES, MONTH_ABBREVIATIONS)

translatable_tables(
    _CONTEXT, MEASURE_TITLES, DIMENSION_TITLES, HOUSEHOLD_TYPE_LABELS, BASIS_LABELS,
    PASS_TYPE_LABELS,
)
#: The label of the Stadtteil dimension for homes outside Karlsruhe (STADTTEIL_OUTSIDE).
_OUTSIDE = QT_TRANSLATE_NOOP(_CONTEXT, "außerhalb")
#: Stadtteil and age-group labels other than "außerhalb" are names and numbers: not translated.
_UNTRANSLATED_DIMENSIONS = frozenset({"stadtteil", "age_group"})


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def measure_title(measure: str) -> str:
    """``"active"`` → ``"Aktive Pässe"`` (or its translation)."""
    return _tr(MEASURE_TITLES[measure])


def dimension_title(key: str) -> str:
    """``"household_type"`` → ``"Haushaltstyp"`` (or its translation)."""
    return _tr(get_dimension(key).title)


def dimension_label(key: str, value: str) -> str:
    """The label of ``value`` in the dimension ``key``, e.g. a household type."""
    label = get_dimension(key).label(value)
    if key in _UNTRANSLATED_DIMENSIONS and value != STADTTEIL_OUTSIDE:
        return label
    return _tr(label)


def month_label(month: str) -> str:
    """``"2026-06"`` → ``"Juni 2026"`` (or ``"June 2026"``)."""
    name = QCoreApplication.translate("Months", MONTH_NAMES[int(month[5:7]) - 1])
    return f"{name} {month[:4]}"


def month_label_short(month: str) -> str:
    """``"2026-06"`` → ``"Jun 2026"`` (axis labels)."""
    name = QCoreApplication.translate("Months", MONTH_ABBREVIATIONS[int(month[5:7]) - 1])
    return f"{name} {month[:4]}"
