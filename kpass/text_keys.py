"""Folding names for search: "Müller", "Mueller" and "MÜLLER" all become "mueller"."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_OTHER = str.maketrans({"ł": "l", "ø": "o", "ı": "i", "đ": "d", "æ": "ae"})
_WORD = re.compile(r"[0-9a-z]+")


# Names repeat (a register holds a few thousand distinct words): the cache makes folding a
# million persons for bulk loads and search rows cheap.
@lru_cache(maxsize=65_536)
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
    """The folded street without spaces or punctuation, "Str." spelled out: "Karl-Friedrich-
    Straße", "karl-friedrich-str." and "Karl Friedrich Str" all become "karlfriedrichstrasse".
    """
    return re.sub(r"str\b", "strasse", name_key(street)).replace(" ", "")


# The order of folded keys under any collation: digits, then letters. A bound made by adding
# one to the last code point ("schulz" → "schul{") would fail where the collation puts
# punctuation before letters (PostgreSQL with a German locale), so the bound steps through
# this alphabet instead and carries past "z" ("schulz" → "schum").
_KEY_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
# Longer than any key column, made of the last letter: above every key of the alphabet.
_TOP = "z" * 200


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every key starting with ``prefix``.

    ``key >= prefix AND key < bound`` is a prefix match that any B-tree index serves on
    SQLite and PostgreSQL alike (LIKE needs special operator classes), for keys made of
    digits and the letters a–z in any collation that orders those alphabetically.
    """
    for i in range(len(prefix) - 1, -1, -1):
        position = _KEY_ALPHABET.find(prefix[i])
        if position == -1:
            return prefix[:i] + chr(ord(prefix[i]) + 1)
        if position + 1 < len(_KEY_ALPHABET):
            return prefix[:i] + _KEY_ALPHABET[position + 1]
    return _TOP  # "z", "zz": every key from the prefix on starts with it
