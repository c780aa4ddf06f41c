"""Checks of what a person asks for: the month range and the dimensions of a breakdown."""

from __future__ import annotations

import re

from kpass.reporting.definitions import DIMENSION_KEYS, get_dimension
from kpass.reporting.errors import ReportInputError

#: Ten years: longer ranges make files nobody can read and tie up the database.
MAX_MONTHS = 120
#: Exports take up to two dimensions besides the month (``statistics.md``).
MAX_EXPORT_DIMENSIONS = 2

_MONTH = re.compile(r"(\d{4})-(\d{2})")
_SEPARATORS = re.compile(r"[\s,;+×]+")


def check_month(text: str) -> tuple[int, int]:
    """(year, month) of ``"YYYY-MM"``; :class:`ReportInputError` for anything else."""
    match = _MONTH.fullmatch(text.strip())
    if (
        match is None
        or not 1 <= int(match.group(2)) <= 12
        or not 1900 <= int(match.group(1)) <= 2999
    ):
        raise ReportInputError(
            f"{text!r} is not a month; write it as YYYY-MM, e.g. 2026-06.",
            f"„{text}“ ist kein Monat; bitte als JJJJ-MM angeben, z. B. 2026-06.",
        )
    return int(match.group(1)), int(match.group(2))


def parse_month_range(from_text: str, to_text: str, max_months: int = MAX_MONTHS) -> list[str]:
    """Every month from ``from_text`` to ``to_text`` (both ``"YYYY-MM"``, inclusive), in order.

    Raises :class:`ReportInputError` for a malformed month, an end before the start or more
    than ``max_months`` months.
    """
    first_year, first_month = check_month(from_text)
    last_year, last_month = check_month(to_text)
    first = first_year * 12 + first_month - 1
    last = last_year * 12 + last_month - 1
    if last < first:
        raise ReportInputError(
            f"The period ends ({to_text.strip()}) before it starts ({from_text.strip()}).",
            f"Der Zeitraum endet ({to_text.strip()}) vor seinem Beginn ({from_text.strip()}).",
        )
    count = last - first + 1
    if count > max_months:
        raise ReportInputError(
            f"The period has {count} months; at most {max_months} are allowed. Export it in parts.",
            f"Der Zeitraum umfasst {count} Monate; höchstens {max_months} sind möglich. "
            "Bitte in Teilen exportieren.",
        )
    return [f"{index // 12:04d}-{index % 12 + 1:02d}" for index in range(first, last + 1)]


def _valid_list() -> tuple[str, str]:
    english = ", ".join(DIMENSION_KEYS)
    german = ", ".join(f"{key} ({get_dimension(key).title})" for key in DIMENSION_KEYS)
    return english, german


def parse_dimensions(text: str, max_dimensions: int = MAX_EXPORT_DIMENSIONS) -> tuple[str, ...]:
    """Dimension keys from e.g. ``"stadtteil,age_group"`` (also ``+``, ``×`` or spaces between).

    Keys are matched case-insensitively; the German titles (``"Stadtteil"``) work too. An
    empty text means no breakdown: the month totals only. Raises :class:`ReportInputError`
    for an unknown or repeated dimension and for more than ``max_dimensions``, listing the
    valid ones.
    """
    by_name = {key: key for key in DIMENSION_KEYS}
    by_name.update({get_dimension(key).title.casefold(): key for key in DIMENSION_KEYS})
    english, german = _valid_list()
    keys: list[str] = []
    for word in _SEPARATORS.split(text.strip()):
        if not word:
            continue
        key = by_name.get(word.casefold())
        if key is None:
            raise ReportInputError(
                f"Unknown dimension {word!r}; valid are: {english}.",
                f"Unbekanntes Merkmal „{word}“; möglich sind: {german}.",
            )
        if key in keys:
            raise ReportInputError(
                f"The dimension {key} is named twice.",
                f"Das Merkmal {get_dimension(key).title} ist doppelt angegeben.",
            )
        keys.append(key)
    if len(keys) > max_dimensions:
        raise ReportInputError(
            f"An export takes at most {max_dimensions} dimensions, not {len(keys)}; "
            f"choose from: {english}.",
            f"Ein Export nimmt höchstens {max_dimensions} Merkmale, nicht {len(keys)}; "
            f"möglich sind: {german}.",
        )
    return tuple(keys)
