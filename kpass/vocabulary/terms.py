"""Every code of the domain with its German label: one place, one wording.

Each code has a long label (sentences, letters, lists, the open picker) and a short one
(column headers, check boxes, statistics); most are the same. The rules, the documents,
the statistics and the screens all take their words from here, and the English catalog
translates these texts (``kpass.ui.common.labels`` registers them with Qt).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kpass.vocabulary.formats import german_number


@dataclass(frozen=True)
class Term:
    long: str
    short: str = ""

    @property
    def brief(self) -> str:
        """The short label (the long one where there is no shorter)."""
        return self.short or self.long


Terms = Mapping[str, Term]


def long_labels(terms: Terms) -> dict[str, str]:
    return {code: term.long for code, term in terms.items()}


def short_labels(terms: Terms) -> dict[str, str]:
    return {code: term.brief for code, term in terms.items()}


def _plain(**labels: str) -> dict[str, Term]:
    return {code: Term(text) for code, text in labels.items()}


#: The qualifying benefits (spec section 2), in the order the rules list them.
BENEFITS: dict[str, Term] = {
    "sgb2": Term("Bürgergeld (SGB II)"),
    "sgb12_hlu": Term("Hilfe zum Lebensunterhalt (SGB XII)"),
    "sgb12_grundsicherung": Term("Grundsicherung im Alter und bei Erwerbsminderung (SGB XII)",
                                 "Grundsicherung (SGB XII)"),
    "asylblg": Term("Leistungen nach dem Asylbewerberleistungsgesetz",
                    "Asylbewerberleistungen (AsylbLG)"),
    "wohngeld": Term("Wohngeld"),
    "kinderzuschlag": Term("Kinderzuschlag"),
    "sgb8_stationaer": Term("Hilfe nach SGB VIII (stationär / betreute Wohnform)",
                            "Stationäre Hilfe (SGB VIII)"),
}

#: The basis of an eligible decision: a benefit or another route. ``large_family`` depends
#: on the rule parameters; sentences and letters word it with :func:`large_family_label`.
BASES: dict[str, Term] = {
    **BENEFITS,
    "disability": Term("Schwerbehinderung / Eingliederungshilfe", "Behinderung"),
    "foster_child": Term("Pflegekind"),
    "large_family": Term("Familie mit fünf oder mehr Kindern", "Kinderreiche Familie"),
    "income": Term("Einkommen unter der Einkommensgrenze", "Einkommen"),
}

PASS_TYPES: dict[str, Term] = _plain(karlsruher_pass="Karlsruher Pass",
                                      kinderpass="Karlsruher Kinderpass")

#: Kinds of income (spec section 4); the last three are accepted and not counted.
INCOME_KINDS: dict[str, Term] = _plain(
    wages="Lohn/Gehalt (netto)",
    minijob="Minijob",
    self_employed="Selbständige Tätigkeit",
    pension="Rente/Pension",
    alg1="Arbeitslosengeld I",
    krankengeld="Kranken-/Mutterschaftsgeld",
    kindergeld="Kindergeld",
    unterhalt="Unterhalt/Unterhaltsvorschuss",
    elterngeld="Elterngeld",
    bafoeg="BAföG/Berufsausbildungsbeihilfe",
    ausbildung="Ausbildungsvergütung",
    other="Sonstiges Einkommen",
    pflegegeld="Pflegegeld (Pflegeversicherung)",
    pflegegeld_sgb8="Pflegegeld für ein Pflegekind (§ 39 SGB VIII)",
    blindengeld="Blindengeld / Landesblindenhilfe",
)

ROLES: dict[str, Term] = _plain(applicant="Antragsteller/in", partner="Partner/in",
                                child="Kind", other="sonstige Person")

PERIODS: dict[str, Term] = _plain(month="monatlich", year="jährlich")

HOUSEHOLD_TYPES: dict[str, Term] = _plain(
    single="Alleinlebend",
    single_parent="Alleinerziehend",
    couple="Paar ohne Kinder",
    couple_children="Paar mit Kindern",
    other="Sonstige",
)

#: Proofs the caseworker saw (kpass.services.applications.deciding.PROOFS).
PROOFS: dict[str, Term] = {
    "personalausweis": Term("Personalausweis oder Pass", "Personalausweis/Pass"),
    "leistungsbescheid": Term("Leistungsbescheid"),
    "lohnabrechnungen": Term("Lohn- und Gehaltsabrechnungen", "Lohnabrechnungen (3 Monate)"),
    "rentenbescheid": Term("Renten- oder Pensionsbescheid", "Rentenbescheid"),
    "mietvertrag": Term("Mietvertrag"),
    "lichtbild": Term("Lichtbild"),
}

END_REASONS: dict[str, Term] = _plain(moved_out="Wegzug", died="Tod")

#: How a letter addresses a person; none: no salutation.
SALUTATIONS: dict[str, Term] = _plain(frau="Frau", herr="Herr")

PASS_STATUSES: dict[str, Term] = _plain(active="gültig", revoked="gesperrt",
                                        replaced="ersetzt")

APPLICATION_KINDS: dict[str, Term] = _plain(new="Erstantrag", renewal="Verlängerung")


def label(terms: Terms, code: str, *, short: bool = False) -> str:
    """The German label of ``code``; an unknown code is shown as it is."""
    term = terms.get(code)
    if term is None:
        return code
    return term.brief if short else term.long


def pass_title(pass_type: str) -> str:
    """``"kinderpass"`` → ``"Karlsruher Kinderpass"``."""
    return label(PASS_TYPES, pass_type)


def large_family_label(min_minors: int, adult_age: int) -> str:
    """The basis ``large_family`` from the parameters ``large_family_min_minors`` and
    ``adult_age``: ``(5, 18)`` → ``"Haushalte mit fünf oder mehr Kindern unter 18"``."""
    return f"Haushalte mit {german_number(min_minors)} oder mehr Kindern unter {adult_age}"


def basis_label(
    basis: str, *, large_family_min_minors: int | None = None, adult_age: int | None = None
) -> str:
    """``"sgb2"`` → ``"Bürgergeld (SGB II)"``; ``large_family`` worded from the parameters
    when they are given."""
    if basis == "large_family" and large_family_min_minors is not None and adult_age is not None:
        return large_family_label(large_family_min_minors, adult_age)
    return label(BASES, basis)
