"""German labels of pass types and decision bases, shared by documents and the UI."""

from __future__ import annotations

from kpass.documents.formatting import number_words

#: Title of each pass type as printed on cards and letters.
PASS_TYPE_TITLES: dict[str, str] = {
    "karlsruher_pass": "Karlsruher Pass",
    "kinderpass": "Karlsruher Kinderpass",
}

#: The basis of an eligible decision (benefit kinds and other routes) in German words.
#: ``large_family`` depends on the rule parameters: documents write it with
#: :func:`large_family_label` (this fixed text is the UI's translatable label).
BASIS_LABELS: dict[str, str] = {
    "sgb2": "Bürgergeld (SGB II)",
    "sgb12_hlu": "Hilfe zum Lebensunterhalt (SGB XII)",
    "sgb12_grundsicherung": "Grundsicherung im Alter und bei Erwerbsminderung (SGB XII)",
    "asylblg": "Leistungen nach dem Asylbewerberleistungsgesetz",
    "wohngeld": "Wohngeld",
    "kinderzuschlag": "Kinderzuschlag",
    "sgb8_stationaer": "Hilfe nach SGB VIII (stationär)",
    "disability": "Schwerbehinderung / Eingliederungshilfe",
    "foster_child": "Pflegekind",
    "large_family": "Familie mit fünf oder mehr Kindern",
    "income": "Einkommen unter der Einkommensgrenze",
}


def pass_title(pass_type: str) -> str:
    """``"kinderpass"`` → ``"Karlsruher Kinderpass"``; an unknown type is shown as it is."""
    return PASS_TYPE_TITLES.get(pass_type, pass_type)


def large_family_label(min_minors: int, adult_age: int) -> str:
    """The basis ``large_family`` from the parameters ``large_family_min_minors`` and
    ``adult_age``: ``(5, 18)`` → ``"Haushalte mit fünf oder mehr Kindern unter 18"``."""
    return f"Haushalte mit {number_words(min_minors)} oder mehr Kindern unter {adult_age}"


def basis_label(
    basis: str, *, large_family_min_minors: int | None = None, adult_age: int | None = None
) -> str:
    """``"sgb2"`` → ``"Bürgergeld (SGB II)"``; an unknown code is shown as it is.

    ``large_family`` is worded from the parameters when they are given.
    """
    if basis == "large_family" and large_family_min_minors is not None and adult_age is not None:
        return large_family_label(large_family_min_minors, adult_age)
    return BASIS_LABELS.get(basis, basis)


#: Kinds of income in German words (eligibility-rules.md, section 4); also the UI's.
INCOME_LABELS: dict[str, str] = {
    "wages": "Lohn/Gehalt (netto)",
    "minijob": "Minijob",
    "self_employed": "Selbständige Tätigkeit",
    "pension": "Rente/Pension",
    "alg1": "Arbeitslosengeld I",
    "krankengeld": "Kranken-/Mutterschaftsgeld",
    "kindergeld": "Kindergeld",
    "unterhalt": "Unterhalt/Unterhaltsvorschuss",
    "elterngeld": "Elterngeld",
    "bafoeg": "BAföG/Berufsausbildungsbeihilfe",
    "ausbildung": "Ausbildungsvergütung",
    "other": "Sonstiges Einkommen",
    # accepted, not counted (second edition of the rules)
    "pflegegeld": "Pflegegeld (Pflegeversicherung)",
    "pflegegeld_sgb8": "Pflegegeld für ein Pflegekind (§ 39 SGB VIII)",
    "blindengeld": "Blindengeld / Landesblindenhilfe",
}

#: Roles in the household (one list for documents, services' messages and the UI).
ROLE_LABELS: dict[str, str] = {
    "applicant": "Antragsteller/in",
    "partner": "Partner/in",
    "child": "Kind",
    "other": "sonstige Person",
}

#: Proofs the caseworker saw (kpass.services.applications.PROOFS).
PROOF_LABELS: dict[str, str] = {
    "personalausweis": "Personalausweis oder Pass",
    "leistungsbescheid": "Leistungsbescheid",
    "lohnabrechnungen": "Lohn- und Gehaltsabrechnungen",
    "rentenbescheid": "Renten- oder Pensionsbescheid",
    "mietvertrag": "Mietvertrag",
    "lichtbild": "Lichtbild",
}


def label(labels: dict[str, str], key: str) -> str:
    """The German label of ``key`` in ``labels``; an unknown key is shown as it is."""
    return labels.get(key, key)
