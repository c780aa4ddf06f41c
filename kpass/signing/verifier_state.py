"""What a checker remembers between checks: per pinned root, the highest key-set version and
revocation-list sequence it has accepted, so that an older file given to it again is refused.

Pure text in and out (the caller reads and writes the file); the format is in
docs/qr-payload.md, section 7.3.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from kpass.signing.errors import VerifierStateError
from kpass.signing.revocation import MAX_SEQUENCE

STATE_FORMAT = "kpass-verifier-state"
STATE_VERSION = 1
MAX_CHARS = 1_000_000
_ROOT = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class RootState:
    """The highest key-set version and revocation sequence accepted under one root."""

    keyset_version: int | None = None
    revocation_sequence: int | None = None


@dataclass(frozen=True)
class VerifierState:
    """``roots`` maps a root fingerprint (64 lower-case hex digits, no spaces) to its state."""

    roots: dict[str, RootState] = field(default_factory=dict)

    def of(self, fingerprint: str) -> RootState:
        return self.roots.get(state_key(fingerprint), RootState())

    def seen(
        self, fingerprint: str, *, keyset_version: int | None = None,
        revocation_sequence: int | None = None,
    ) -> VerifierState:
        """The state after accepting these (never lower than what was seen before)."""
        before = self.of(fingerprint)
        after = replace(
            before,
            keyset_version=_higher(before.keyset_version, keyset_version),
            revocation_sequence=_higher(before.revocation_sequence, revocation_sequence),
        )
        return VerifierState({**self.roots, state_key(fingerprint): after})


def _higher(before: int | None, now: int | None) -> int | None:
    if before is None:
        return now
    return before if now is None else max(before, now)


def state_key(fingerprint: str) -> str:
    """The key of a root in the state file: its fingerprint without spaces, in lower case."""
    return fingerprint.replace(" ", "").lower()


def _error(what_en: str, what_de: str) -> VerifierStateError:
    return VerifierStateError(
        f"state file: {what_en} (it is written by kpass verify only; to start afresh, delete "
        "it — the protection against older key sets and lists then starts again)",
        f"Zustandsdatei: {what_de} (sie wird nur von kpass verify geschrieben; um neu zu "
        "beginnen, die Datei löschen — der Schutz vor älteren Schlüsselsätzen und Listen "
        "beginnt dann von vorn)",
    )


def _count(value: Any) -> int | None:
    if value is None:
        return None
    if type(value) is not int or not 1 <= value <= MAX_SEQUENCE:
        raise _error("a version or sequence is not a whole number from 1 to "
                     f"{MAX_SEQUENCE}", "eine Version oder Folgenummer ist keine ganze Zahl "
                     f"von 1 bis {MAX_SEQUENCE}")
    return value


def parse_verifier_state(text: str) -> VerifierState:
    """The state of a file written by :func:`dump_verifier_state`; raises
    :class:`VerifierStateError` when it is not such a file."""
    if len(text) > MAX_CHARS:
        raise _error(f"longer than {MAX_CHARS} characters", f"länger als {MAX_CHARS} Zeichen")
    try:
        document: Any = json.loads(text)
    except (ValueError, RecursionError):
        raise _error("not valid JSON", "kein gültiges JSON") from None
    if not isinstance(document, dict) or set(document) != {"format", "version", "roots"} \
            or document["format"] != STATE_FORMAT or document["version"] != STATE_VERSION \
            or type(document["version"]) is not int:
        raise _error(f"not a {STATE_FORMAT} file of version {STATE_VERSION}",
                     f"keine Datei {STATE_FORMAT} der Version {STATE_VERSION}")
    roots = document["roots"]
    if not isinstance(roots, dict):
        raise _error('"roots" is not an object', "„roots“ ist kein Objekt")
    result: dict[str, RootState] = {}
    for key, value in roots.items():
        if not _ROOT.fullmatch(key):
            raise _error("a root is not 64 hex digits in lower case",
                         "eine Wurzel sind nicht 64 Hexziffern in Kleinbuchstaben")
        if not isinstance(value, dict) or set(value) != {"keyset_version",
                                                         "revocation_sequence"}:
            raise _error("a root's entry is not as kpass writes it",
                         "der Eintrag einer Wurzel ist nicht so, wie kpass ihn schreibt")
        result[key] = RootState(_count(value["keyset_version"]),
                                _count(value["revocation_sequence"]))
    return VerifierState(result)


def dump_verifier_state(state: VerifierState) -> str:
    """The state file's text (JSON)."""
    document = {
        "format": STATE_FORMAT,
        "version": STATE_VERSION,
        "roots": {
            key: {"keyset_version": root.keyset_version,
                  "revocation_sequence": root.revocation_sequence}
            for key, root in sorted(state.roots.items())
        },
    }
    return json.dumps(document, indent=2) + "\n"
