"""The rule set behind a letter: which one decided, the figures of it a letter explains, and
the legal sources its parameter file names.

Apart from :mod:`~kpass.services.printing.letter_data` because it reads only the parameter
files, never the register.
"""

from __future__ import annotations

import re

from kpass.documents import LetterRules
from kpass.rules import Parameters, RuleSet, configured_issuers, load_parameters

#: The parameters whose ``reference`` may name the legal basis, in the order they are read.
_DECIDING_PARAMETERS = (
    "threshold",
    "weight_first_adult",
    "weight_older_member",
    "weight_young_member",
    "older_member_age",
    "adult_age",
    "adult_min_age",
    "large_family_min_minors",
    "qualifying_benefits",
    "income_kinds",
    "senior_extra_age",
    "senior_extra_amount",
    "validity_months",
)
#: A part of a reference that names a legal source (not a web page or a press article).
_LEGAL_SOURCE = re.compile(r"\b(Gemeinderat|Richtlinie|Satzung|Beschluss)", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")


def rules_of(
    rule_set_id: str, parameters: Parameters | None = None
) -> tuple[Parameters, RuleSet] | None:
    """The parameters and the rule set called ``rule_set_id``; ``None`` if none is known.

    ``parameters`` is searched first (a caller's own parameter file); then every configured
    issuer whose prefix the id carries.
    """
    candidates: list[Parameters] = [] if parameters is None else [parameters]
    for issuer in configured_issuers():
        if rule_set_id.startswith(issuer.rule_set_prefix + "-"):
            candidates.append(load_parameters(issuer.municipality))
    for found in candidates:
        try:
            return found, found.rule_set_by_id(rule_set_id)
        except KeyError:
            continue
    return None


def letter_rules(parameters: Parameters, rule_set: RuleSet) -> LetterRules:
    """The figures of ``rule_set`` a letter explains."""
    in_force = parameters.parameters["threshold"].value_on(rule_set.in_force_from)
    return LetterRules(
        rule_set=rule_set.id,
        threshold_since=in_force[0] if in_force else None,
        weight_first_adult=rule_set.weight_first_adult,
        weight_older_member=rule_set.weight_older_member,
        weight_young_member=rule_set.weight_young_member,
        older_member_age=rule_set.older_member_age,
        adult_age=rule_set.adult_age,
        large_family_min_minors=rule_set.large_family_min_minors,
        senior_extra_age=rule_set.senior_extra_age,
        senior_extra_amount=rule_set.senior_extra_amount,
        validity_months=rule_set.validity_months,
    )


def legal_sources(parameters: Parameters) -> tuple[str, ...]:
    """The legal sources in the parameters' ``reference`` entries, each once.

    A reference lists its sources separated by ``;``; the legal ones name the Gemeinderat, a
    Richtlinie, a Satzung or a Beschluss (web pages and press articles are left out).
    Explanations in parentheses are dropped: ``"Gemeinderat Karlsruhe 19.11.2019, TOP 8.1
    (modifizierte OECD-Skala)"`` → ``"Gemeinderat Karlsruhe 19.11.2019, TOP 8.1"``.
    """
    found: dict[str, None] = {}
    references = [parameters.parameters[name].reference for name in _DECIDING_PARAMETERS
                  if name in parameters.parameters]
    for reference in (*references, parameters.issuer.reference):
        for part in reference.split(";"):
            text = _PARENTHESIS.sub("", part).strip().rstrip(",.")
            if text and _LEGAL_SOURCE.search(text):
                found.setdefault(text, None)
    return tuple(found)
