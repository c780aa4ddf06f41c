"""Folding names for search: "Müller", "Mueller" and "MÜLLER" all become "mueller"."""

from __future__ import annotations

import re
import unicodedata

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_OTHER = str.maketrans({"ł": "l", "ø": "o", "ı": "i", "đ": "d", "æ": "ae"})
_WORD = re.compile(r"[0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, German umlauts spelled out, other accents dropped (é → e, ł → l)."""
    lowered = text.casefold().translate(_GERMAN)
    decomposed = unicodedata.normalize("NFKD", lowered)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Letters NFKD leaves whole (Polish ł, Danish ø, Turkish dotless ı).
    return stripped.translate(_OTHER)


def name_key(text: str) -> str:
    """The folded name with single spaces, for equality and sorting."""
    return " ".join(_WORD.findall(fold(text)))


def name_tokens(*names: str) -> set[str]:
    """The words a person can be found by (double names split at the hyphen)."""
    tokens: set[str] = set()
    for name in names:
        tokens.update(_WORD.findall(fold(name)))
    return tokens


def street_key(street: str) -> str:
    """The folded street without spaces or punctuation: "Karl-Friedrich-Straße" becomes
    "karlfriedrichstrasse", so "karl-friedrich-str." and "Karl Friedrich Str" find it."""
    return "".join(_WORD.findall(fold(street)))


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix``.

    ``token >= prefix AND token < bound`` is a prefix match that any B-tree index
    serves on SQLite and PostgreSQL alike (LIKE needs special operator classes).
    """
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)
