"""The Bildung-und-Teilhabe hint at the counter: the letter's text, for the decision panel."""

from __future__ import annotations

from kpass.rules import RuleInput, education_benefits
from kpass.vocabulary import BENEFITS, label


def education_hint(rule_input: RuleInput) -> str:
    """The note the letter will print for this household (from the letter settings), or ""
    when the household has neither Wohngeld nor Kinderzuschlag or nobody under 25. Pure:
    no register, no login — it explains what is on the screen."""
    # the letter's module brings ReportLab: loaded when a hint is first shown, not when
    # the applications are imported (the app's start)
    from kpass.documents.decision_letter import education_note
    from kpass.documents.letter_settings import screen_letter_settings

    kinds = education_benefits(rule_input)
    return education_note(tuple(label(BENEFITS, kind) for kind in kinds),
                          screen_letter_settings())
