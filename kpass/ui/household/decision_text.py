"""A decision in German words: one line per person and one sentence for the household."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from kpass.services.applications import (
    Decision,
    HouseholdFigures,
    MemberDecision,
    RuleInput,
    completed_years,
    render_reason,
)
from kpass.services.approvals import ApprovalView
from kpass.ui.approvals.texts import approval_reason
from kpass.ui.common.labels import (
    basis_text,
    income_counted,
    income_kind_label,
    pass_type_text,
    period_label,
)
from kpass.ui.common.style import MessageKind
from kpass.vocabulary import format_date, format_euro, format_month, format_weights

_CONTEXT = "DecisionText"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


@dataclass(frozen=True)
class MemberLine:
    """What the decision panel shows for one person."""

    name: str
    eligible: bool
    result: str  # "berechtigt" / "nicht berechtigt"
    pass_type: str
    basis: str
    validity: str
    until: str
    reasons: tuple[str, ...]
    extras: str


def member_line(name: str, member: MemberDecision) -> MemberLine:
    extras = ""
    if "60plus" in member.extras:
        extras = _tr("60plus: Bildungs- und Kulturgutscheine")
    if not member.eligible:
        return MemberLine(name, False, _tr("nicht berechtigt"), "", "", "", "",
                          tuple(render_reason(r) for r in member.reasons), extras)
    return MemberLine(
        name,
        True,
        _tr("berechtigt"),
        pass_type_text(member.pass_type or ""),
        basis_text(member.basis or ""),
        _tr("%1 bis %2").replace("%1", format_date(member.valid_from))
        .replace("%2", format_date(member.valid_until)),
        format_month(member.valid_until),
        tuple(render_reason(r) for r in member.reasons),
        extras,
    )


def household_sentence(figures: HouseholdFigures) -> str:
    """The income test in one sentence: income ÷ weights = equivalised income vs. threshold,
    then what is said to the applicant: the highest household net income that is still
    eligible (eligibility-rules.md 4.5), never the limit itself."""
    net, weights, eq = figures.net_income, figures.weights, figures.equivalised_income
    threshold, margin = figures.threshold, figures.margin
    if net is None or threshold is None:
        return _tr("Keine Einkommensprüfung: Wohnsitz oder Regelwerk fehlen.")
    if weights is None or eq is None or margin is None:
        return (
            _tr("Haushaltsnettoeinkommen %1; niemand im Haushalt ist 14 Jahre oder älter, "
                "daher ist keine Einkommensprüfung möglich (Grenze %2).")
            .replace("%1", format_euro(net)).replace("%2", format_euro(threshold))
        )
    head = (
        _tr("Haushaltsnettoeinkommen %1 ÷ Summe der Gewichte %2 = Nettoäquivalenzeinkommen %3")
        .replace("%1", format_euro(net)).replace("%2", format_weights(weights))
        .replace("%3", format_euro(eq))
    )
    if margin > 0:
        tail = _tr("; das sind %1 unter der Grenze von %2: Einkommensprüfung bestanden.")
        tail = tail.replace("%1", format_euro(margin))
    elif margin == 0:
        tail = _tr("; das liegt genau auf der Grenze von %2: Einkommensprüfung nicht "
                   "bestanden (nur darunter ist berechtigt).")
    else:
        tail = _tr("; das sind %1 über der Grenze von %2: Einkommensprüfung nicht bestanden.")
        tail = tail.replace("%1", format_euro(-margin))
    sentence = head + tail.replace("%2", format_euro(threshold))
    up_to = eligible_up_to(figures)
    return f"{sentence} {up_to}" if up_to else sentence


def eligible_up_to(figures: HouseholdFigures) -> str:
    """What the applicant is told: "berechtigt bis zu einem Haushaltsnettoeinkommen von …".

    Without the highest eligible income (not computed, or no income passes at all) the limit
    is named for what it is: the household income must stay below it.
    """
    highest, limit, margin = (figures.highest_eligible_income, figures.max_household_income,
                              figures.margin)
    if highest is not None:
        text = _tr("Der Haushalt ist berechtigt bis zu einem Haushaltsnettoeinkommen von %1.") \
            if margin is not None and margin > 0 else \
            _tr("Berechtigt wäre der Haushalt nur bis zu einem Haushaltsnettoeinkommen von %1.")
        return text.replace("%1", format_euro(highest))
    if limit is not None:
        return _tr("Einkommensgrenze (darunter berechtigt): %1.").replace(
            "%1", format_euro(limit))
    return ""


def not_counted_incomes(rule_input: RuleInput, names: dict[str, str]) -> list[str]:
    """The incomes the rules see but do not count (Pflegegeld, Blindengeld, benefits entered
    as income), one text each: "Pflegegeld (Pflegeversicherung) 347,00 € monatlich (Name)"."""
    day = rule_input.application_date
    return [
        f"{income_kind_label(income.kind)} {format_euro(income.amount)} "
        f"{period_label(income.period)} ({names.get(member.id, member.id)})"
        for member in rule_input.members
        for income in member.incomes
        if not income_counted(income.kind, day)
    ]


def adults_without_income(rule_input: RuleInput, names: dict[str, str]) -> list[str]:
    """The adults for whom nothing is entered, in a household without any benefit notice:
    the rules count them with 0 €, which is right only if they really have no income (a
    forgotten income would pass unnoticed at the counter)."""
    if rule_input.benefits:
        return []
    day = rule_input.application_date
    return [names.get(member.id, member.id) for member in rule_input.members
            if not member.incomes and completed_years(member.birth_date, day) >= 18]


def decision_lines(decision: Decision, names: dict[str, str]) -> list[MemberLine]:
    """One line per person, named by ``names`` (member key → name)."""
    return [member_line(names.get(m.id, m.id), m) for m in decision.members]


def summary(decision: Decision) -> str:
    eligible = sum(1 for m in decision.members if m.eligible)
    total = len(decision.members)
    if eligible == 0:
        return _tr("Niemand im Haushalt ist berechtigt.")
    if eligible == total:
        return _tr("Alle %1 Personen sind berechtigt.").replace("%1", str(total)) if total > 1 \
            else _tr("Die Person ist berechtigt.")
    return _tr("%1 von %2 Personen sind berechtigt.").replace("%1", str(eligible)).replace(
        "%2", str(total))


def approval_status(view: ApprovalView | None) -> tuple[str, MessageKind]:
    """The four-eyes state of the latest decision, in words and as a message kind ("" when it
    never had to wait): what the caseworker may do now, not only a colour."""
    if view is None:
        return "", "info"
    number, day = str(view.decision_id), format_date(view.decided_on)
    if view.state == "pending":
        return (_tr("Wartet auf Freigabe durch die Leitung: Entscheidung Nr. %1 vom %2 (%3). "
                    "Bescheid, Pässe und Karten erst nach der Freigabe.")
                .replace("%1", number).replace("%2", day).replace("%3", approval_reason(view)),
                "warning")
    who = view.resolved_by or ""
    when = format_date(view.resolved_at.astimezone().date()) if view.resolved_at else ""
    if view.state == "returned":
        return (_tr("Entscheidung Nr. %1 von der Leitung zurückgegeben (%2, %3): „%4“. Bitte "
                    "prüfen, berichtigen und neu entscheiden.").replace("%1", number)
                .replace("%2", who).replace("%3", when)
                .replace("%4", view.return_reason or ""), "warning")
    if view.state == "confirmed":
        return (_tr("Entscheidung Nr. %1 von der Leitung freigegeben (%2, %3).")
                .replace("%1", number).replace("%2", who).replace("%3", when), "info")
    return (_tr("Entscheidung Nr. %1 wurde durch die Entscheidung Nr. %2 ersetzt; sie geht "
                "nicht hinaus.").replace("%1", number)
            .replace("%2", str(view.superseded_by or "")), "info")
