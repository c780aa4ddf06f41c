"""Bildung und Teilhabe (BuT): who to tell about it, not a rule of the pass.

Households that receive Wohngeld or Kinderzuschlag are entitled to the Bildungs- und
Teilhabeleistungen for their children and young people under 25 (§ 6b BKGG). The pass
decision does not depend on it; the decision panel and the letter point to it.
"""

from __future__ import annotations

from kpass.rules.age import completed_years
from kpass.rules.model import RuleInput

#: Benefits whose households are entitled to BuT (§ 6b Abs. 1 BKGG).
BUT_BENEFITS = ("wohngeld", "kinderzuschlag")
#: BuT covers children, pupils and young people below this age (§ 6b Abs. 2 BKGG i. V. m.
#: § 28 SGB II).
BUT_BELOW_AGE = 25


def education_benefits(rule_input: RuleInput) -> tuple[str, ...]:
    """The kinds of BuT-opening benefits the household receives on the application day, in
    the order of :data:`BUT_BENEFITS`; empty when it has none or nobody under 25."""
    day = rule_input.application_date
    if not any(m.birth_date <= day and completed_years(m.birth_date, day) < BUT_BELOW_AGE
               for m in rule_input.members):
        return ()
    held = {
        benefit.kind for benefit in rule_input.benefits
        if benefit.valid_from <= day and (benefit.valid_until is None or day <= benefit.valid_until)
    }
    return tuple(kind for kind in BUT_BENEFITS if kind in held)
