"""Which decisions wait for a supervisor: the rule itself, pure (no database)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kpass.rules import Decision as RuleDecision
from kpass.services.approvals.settings import ApprovalSettings
from kpass.vocabulary import format_euro


@dataclass(frozen=True)
class ApprovalNeed:
    """Why a decision waits: ``rejection`` (somebody was refused) or ``near_limit`` (the
    household income lies within the margin of the income limit). ``income_minus_limit``:
    household net income minus the limit when the rules gave both (negative: below)."""

    reason: str
    income_minus_limit: Decimal | None = None


def income_minus_limit(decision: RuleDecision) -> Decimal | None:
    figures = decision.household
    if figures.net_income is None or figures.max_household_income is None:
        return None
    return figures.net_income - figures.max_household_income


def approval_need(decision: RuleDecision, settings: ApprovalSettings) -> ApprovalNeed | None:
    """Whether ``decision`` must wait for a supervisor under ``settings``.

    Every refusal waits, whatever its reason. An approval waits when the income test decided
    it (somebody is eligible by income) and the income lies within the margin of the limit;
    when everybody qualifies by a benefit or a Kinderpass route, the income was not what
    decided, so its nearness to the limit is no reason to look twice."""
    if not settings.enabled:
        return None
    gap = income_minus_limit(decision)
    if not all(member.eligible for member in decision.members):
        return ApprovalNeed("rejection", gap)
    limit = decision.household.max_household_income
    by_income = any(member.basis == "income" for member in decision.members)
    if gap is not None and limit is not None and by_income \
            and abs(gap) <= settings.margin_for(limit):
        return ApprovalNeed("near_limit", gap)
    return None


def reason_text_de(reason: str, gap: Decimal | None) -> str:
    """"Ablehnung" or "nahe an der Einkommensgrenze (12,50 € unter)"."""
    if reason == "rejection":
        return "Ablehnung"
    if gap is None:
        return "nahe an der Einkommensgrenze"
    side = "über" if gap > 0 else "unter"
    return f"nahe an der Einkommensgrenze ({format_euro(abs(gap))} {side})"


def reason_text_en(reason: str, gap: Decimal | None) -> str:
    if reason == "rejection":
        return "rejection"
    if gap is None:
        return "close to the income limit"
    side = "above" if gap > 0 else "below"
    return f"close to the income limit ({abs(gap):.2f} EUR {side})"
