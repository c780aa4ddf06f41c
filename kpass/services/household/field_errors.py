"""Refusals that name one field: the error, where the field sits and how the form labels it.

Kept apart from the checks (:mod:`kpass.services.household.validation`) because the use cases
that refuse against the stored data (members, incomes, photos, the duplicate wall) raise the
same errors for the same places without running any input check.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpass.errors import InvalidInput


class InvalidField(InvalidInput):
    """Input refused because of one field; ``field`` is its path in the input."""

    def __init__(self, field: str, message_en: str, message_de: str) -> None:
        super().__init__(message_en, message_de)
        self.field = field


@dataclass(frozen=True)
class Place:
    """A part of the input: its path prefix and how the form calls it in German and English."""

    path: str
    label_de: str
    label_en: str

    def fail(self, field: str, problem_en: str, problem_de: str) -> InvalidField:
        """The error for ``field`` of this part, with the problem stated in both languages."""
        label_de, label_en = FIELD_LABELS.get(field, (field, field))
        path = f"{self.path}.{field}" if self.path else field
        return InvalidField(
            path,
            f"{self.label_en}: {label_en} {problem_en}.",
            f"{self.label_de}: {label_de} {problem_de}.",
        )


FIELD_LABELS: dict[str, tuple[str, str]] = {
    "family_name": ("Familienname", "family name"),
    "given_names": ("Vornamen", "given names"),
    "birth_date": ("Geburtsdatum", "birth date"),
    "sex": ("Geschlecht", "sex"),
    "salutation": ("Anrede", "salutation"),
    "disability": ("Schwerbehinderung", "disability"),
    "foster_child": ("Pflegekind", "foster child"),
    "role": ("Rolle", "role"),
    "person_id": ("Person", "person"),
    "street": ("Straße", "street"),
    "house_number": ("Hausnummer", "house number"),
    "postcode": ("Postleitzahl", "postcode"),
    "municipality": ("Gemeinde", "municipality"),
    "stadtteil_code": ("Stadtteil", "Stadtteil"),
    "person_ref": ("Person", "person"),
    "person_refs": ("Erfasste Personen", "covered persons"),
    "kind": ("Art", "kind"),
    "amount": ("Betrag", "amount"),
    "period": ("Zeitraum", "period"),
    "valid_from": ("Gültig ab", "valid from"),
    "valid_until": ("Gültig bis", "valid until"),
    "evidence": ("Nachweis", "evidence"),
    "reference": ("Aktenzeichen", "reference"),
    "since": ("Datum", "date"),
    "until": ("Datum", "date"),
    "reason": ("Grund", "reason"),
    "distinct_from_reason": ("Begründung „andere Person“", "reason for a different person"),
    "image": ("Datei", "file"),
}

ADDRESS = Place("address", "Anschrift", "Address")
PERSON = Place("person", "Person", "Person")
INCOME = Place("income", "Einkommen", "Income")
NOTICE = Place("notice", "Bescheid", "Benefit notice")


def member_place(index: int) -> Place:
    return Place(f"members[{index}]", f"Person {index + 1}", f"Person {index + 1}")


def income_place(index: int) -> Place:
    return Place(f"incomes[{index}]", f"Einkommen {index + 1}", f"Income {index + 1}")


def notice_place(index: int) -> Place:
    return Place(f"notices[{index}]", f"Bescheid {index + 1}", f"Benefit notice {index + 1}")
