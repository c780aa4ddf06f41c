"""The duplicate wall's two refusals and their messages: a likely duplicate saved, a pass
issued while a likely duplicate holds one.

Apart from :mod:`~kpass.services.household.identity`, which decides when to refuse: the
messages name each candidate and where they live now, in German and English, and that
wording is long enough to hide the decisions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kpass.errors import InvalidInput
from kpass.services.household.duplicates import DuplicateCandidate, MatchKind
from kpass.services.household.field_errors import InvalidField, Place
from kpass.vocabulary import format_date

_MORE_SHOWN = 1  # the message names the first candidate and counts the rest


def full_name(given: str, family: str) -> str:
    return f"{given} {family}"


def _home_de(candidate: DuplicateCandidate) -> str:
    if candidate.household_id is None:
        where = "derzeit in keinem Haushalt"
    elif candidate.street:
        where = f"Haushalt {candidate.household_id}, {candidate.street} {candidate.house_number}"
    else:
        where = f"Haushalt {candidate.household_id}"
    if candidate.died_on is not None:
        where += f", verstorben am {format_date(candidate.died_on)}"
    return where


def _home_en(candidate: DuplicateCandidate) -> str:
    if candidate.household_id is None:
        where = "in no household at present"
    elif candidate.street:
        where = f"household {candidate.household_id}, {candidate.street} {candidate.house_number}"
    else:
        where = f"household {candidate.household_id}"
    if candidate.died_on is not None:
        where += f", died {format_date(candidate.died_on)}"
    return where


def _why_en(reason: MatchKind) -> str:
    return "same name and birth date" if reason == "exact" else "similar name or birth date"


def _candidate_de(candidate: DuplicateCandidate) -> str:
    who = (f"{full_name(candidate.given_names, candidate.family_name)}, "
           f"geb. {format_date(candidate.birth_date)}")
    if candidate.reason == "exact":
        return f"{who}, ist bereits registriert ({_home_de(candidate)})"
    return (f"{who}, ist möglicherweise dieselbe Person und bereits registriert "
            f"({_home_de(candidate)}; {candidate.explanation})")


def _candidate_en(candidate: DuplicateCandidate) -> str:
    who = (f"{full_name(candidate.given_names, candidate.family_name)}, "
           f"born {format_date(candidate.birth_date)}")
    if candidate.reason == "exact":
        return f"{who}, is already registered ({_home_en(candidate)})"
    return (f"{who}, may be the same person and is already registered "
            f"({_home_en(candidate)}; {_why_en(candidate.reason)})")


class LikelyDuplicate(InvalidField):
    """Saving a person refused: they may be a registered person (or another person of the
    same new household), and no reason was given why they are not.

    ``candidates``: the registered persons, exact matches first, each with where they live
    now; ``same_as_members``: indices of earlier members of the same new household who may
    be this one. ``place``/``member_index`` name the offending member (``member_index`` is
    ``None`` outside a household's member list, e.g. when a person is corrected).
    ``field`` is that member's ``family_name``; saving again with
    ``PersonInput.distinct_from_reason`` set records the pairs as different persons —
    or the caseworker takes a candidate over instead
    (:func:`kpass.services.household.members.move_person_to_household`,
    ``MemberInput.existing``).
    """

    def __init__(
        self,
        place: Place,
        candidates: Sequence[DuplicateCandidate],
        *,
        member_index: int | None = None,
        same_as_members: Sequence[tuple[int, str]] = (),
    ) -> None:
        self.place = place
        self.member_index = member_index
        self.candidates = tuple(candidates)
        self.same_as_members = tuple(index for index, _why in same_as_members)
        parts_de: list[str] = []
        parts_en: list[str] = []
        if self.candidates:
            first, more = self.candidates[0], len(self.candidates) - _MORE_SHOWN
            parts_de.append(_candidate_de(first) + (
                f"; dazu {more} weitere mögliche Treffer" if more > 0 else ""))
            parts_en.append(_candidate_en(first) + (
                f"; and {more} more possible matches" if more > 0 else ""))
        for index, why in same_as_members:
            parts_de.append(f"ist möglicherweise dieselbe wie Person {index + 1} ({why})")
            parts_en.append(f"may be the same as person {index + 1} (similar name or birth "
                            "date)")
        path = f"{place.path}.family_name" if place.path else "family_name"
        super().__init__(
            path,
            f"{place.label_en}: {'; '.join(parts_en)}. Take the registered person over "
            "instead, or state why this is a different person.",
            f"{place.label_de}: {'; '.join(parts_de)}. Bitte die registrierte Person "
            "übernehmen oder begründen, warum es eine andere Person ist.",
        )


@dataclass(frozen=True)
class PassHeld:
    """A pass of a likely duplicate, with the days it is valid on (revocation counted)."""

    person_id: int
    number: str
    valid_from: date
    valid_until: date


class DuplicatePassHolder(InvalidInput):
    """Issuing refused: a likely duplicate of ``person_id`` (``candidate``, not recorded as a
    different person) holds pass ``other_pass_number``, valid from ``other_valid_from`` to
    ``other_valid_until``, which overlaps the period to be issued."""

    def __init__(
        self,
        person_id: int,
        person_name: str,
        birth_date: date,
        candidate: DuplicateCandidate,
        held: PassHeld,
    ) -> None:
        self.person_id = person_id
        self.candidate = candidate
        self.other_person_id = candidate.person_id
        self.other_pass_number = held.number
        self.other_valid_from = held.valid_from
        self.other_valid_until = held.valid_until
        other = full_name(candidate.given_names, candidate.family_name)
        period = f"{format_date(held.valid_from)}–{format_date(held.valid_until)}"
        super().__init__(
            f"No pass for {person_name} (no. {person_id}, born {format_date(birth_date)}): "
            f"{other} (no. {candidate.person_id}, born {format_date(candidate.birth_date)}, "
            f"{_home_en(candidate)}) is likely the same person ({_why_en(candidate.reason)}) "
            f"and holds pass {held.number}, valid {period}. If they are different persons, "
            "record that first.",
            f"Kein Pass für {person_name} (Nr. {person_id}, geb. {format_date(birth_date)}): "
            f"{other} (Nr. {candidate.person_id}, geb. {format_date(candidate.birth_date)}, "
            f"{_home_de(candidate)}) ist wahrscheinlich dieselbe Person "
            f"({candidate.explanation}) und hat den Pass {held.number}, gültig {period}. "
            "Sind es verschiedene Personen, bitte das zuerst vermerken.",
        )
