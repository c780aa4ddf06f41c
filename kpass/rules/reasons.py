"""German sentences for the reasons of a decision, built only when asked for.

A :class:`~kpass.rules.model.Reason` holds a code and plain values; the sentence is made here
on demand (``reason.text()`` or :func:`render_reason`), because bulk evaluation never shows it.

Every reason is one complete German sentence a caseworker can read aloud, ending with a full
stop. Conventions:

- Money is written the German way: ``1.342,86 €``; dates as ``15.03.2026``.
- Whole numbers up to twelve are written as words, larger ones as digits (Duden convention):
  "fünf oder mehr Kinder unter 18 Jahren", "niemand 14 Jahre oder älter".
- Every figure of a rule comes from the reason's parameters (which come from the parameter
  file), never from this module.
- Where the income test decides, the sentence states the highest eligible household income
  ("berechtigt bis zu einem Haushaltsnettoeinkommen von 2.729,98 €"), never "up to the limit".
- Values typed by a person (municipality, Stadtteil) are shortened, so a sentence stays short.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from kpass.rules.errors import shorten
from kpass.rules.model import ParamValue, Reason
from kpass.vocabulary import BENEFITS, format_date, format_euro, german_number
from kpass.vocabulary import label as _label

_CENT = Decimal("0.01")
_SHOWN = 60  # characters of a typed value shown in a sentence










def benefit_label(kind: str) -> str:
    """A benefit's name as the sentences write it (the vocabulary's long label)."""
    return _label(BENEFITS, kind)


def _money(value: ParamValue) -> Decimal:
    if not isinstance(value, Decimal):
        raise TypeError(f"expected an amount, got {value!r}")
    return value


def _number(value: ParamValue, *, before_noun: bool = False) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return german_number(value, before_noun=before_noun)
    return str(value)


def _typed(value: ParamValue) -> str:
    return shorten(str(value), _SHOWN)


def _residence(municipality: ParamValue, stadtteil: ParamValue, issuer: ParamValue) -> str:
    nobody = "daher ist niemand im Haushalt berechtigt."
    if municipality != issuer:
        return (
            f"Der Hauptwohnsitz liegt nach den Angaben in „{_typed(municipality)}“ und damit "
            f"nicht in der ausgebenden Gemeinde {issuer}; {nobody}"
        )
    if stadtteil is None:
        return f"Für den Hauptwohnsitz in {issuer} fehlt der Stadtteil; {nobody}"
    return (
        f"„{_typed(stadtteil)}“ ist kein Stadtteil von {issuer}, der Hauptwohnsitz ist also "
        f"nicht nachgewiesen; {nobody}"
    )


def _age(age: ParamValue, minimum: ParamValue, issuer: ParamValue) -> str:
    return (
        f"Die Person ist {_number(age)} Jahre alt und damit jünger als das Mindestalter von "
        f"{_number(minimum)} Jahren für den Karlsruher Pass in {issuer}; sie ist daher nicht "
        "berechtigt."
    )


def _no_rule_set(day: ParamValue, first: ParamValue) -> str:
    when = format_date(day) if isinstance(day, date) else str(day)
    if isinstance(first, date):
        return (
            f"Für den Antragstag {when} gibt es kein Regelwerk, denn die Regeln gelten erst ab "
            f"dem {format_date(first)}; daher ist niemand im Haushalt berechtigt."
        )
    return f"Für den Antragstag {when} gibt es kein Regelwerk; daher ist niemand berechtigt."


def _benefit(kind: ParamValue) -> str:
    label = benefit_label(str(kind))
    return (
        f"Ein Bescheid über {label} gilt im Antragsmonat; damit besteht die Berechtigung ohne "
        "Einkommensprüfung."
    )


def _disability() -> str:
    return (
        "Das Kind hat einen Schwerbehindertenausweis oder erhält Eingliederungshilfe; damit "
        "besteht die Berechtigung für den Kinderpass ohne Einkommensprüfung."
    )


def _foster_child() -> str:
    return (
        "Das Kind ist ein Pflegekind; damit besteht die Berechtigung für den Kinderpass ohne "
        "Einkommensprüfung."
    )


def _large_family(minors: ParamValue, minimum: ParamValue, adult_age: ParamValue) -> str:
    return (
        f"Im Haushalt leben {_number(minimum, before_noun=True)} oder mehr Kinder unter "
        f"{_number(adult_age)} Jahren, nämlich {_number(minors)}; damit besteht die "
        "Berechtigung für den Kinderpass ohne Einkommensprüfung."
    )


def _no_adult(older_age: ParamValue) -> str:
    return (
        f"Im Haushalt ist niemand {_number(older_age)} Jahre oder älter; deshalb ist keine "
        "Einkommensprüfung möglich, und über das Einkommen besteht keine Berechtigung."
    )


def _up_to(highest: ParamValue) -> str:
    """The clause with the highest eligible income, empty if it is not known."""
    if not isinstance(highest, Decimal):
        return ""
    return f" bis zu einem Haushaltsnettoeinkommen von {format_euro(highest)}"


def _income_below(
    equivalised: ParamValue, threshold: ParamValue, margin: ParamValue,
    highest: ParamValue = None,
) -> str:
    return (
        f"Das Nettoäquivalenzeinkommen beträgt {format_euro(_money(equivalised))} und liegt "
        f"{format_euro(_money(margin))} unter der Grenze von {format_euro(_money(threshold))}; "
        f"der Haushalt ist berechtigt{_up_to(highest)}."
    )


def _income_above(
    equivalised: ParamValue, threshold: ParamValue, margin: ParamValue,
    highest: ParamValue = None,
) -> str:
    over = -_money(margin)
    up_to = _up_to(highest)
    if over == 0:
        position = f"genau auf der Grenze von {format_euro(_money(threshold))}"
    else:
        position = f"{format_euro(over)} über der Grenze von {format_euro(_money(threshold))}"
    consequence = (
        f"berechtigt wäre der Haushalt nur{up_to}" if up_to
        else "berechtigt ist nur, wer unter der Grenze liegt"
    )
    return (
        f"Das Nettoäquivalenzeinkommen beträgt {format_euro(_money(equivalised))} und liegt "
        f"{position}; {consequence}."
    )


_RENDERERS: dict[str, Callable[..., str]] = {
    "residence": _residence,
    "age": _age,
    "no_rule_set": _no_rule_set,
    "benefit": _benefit,
    "disability": _disability,
    "foster_child": _foster_child,
    "large_family": _large_family,
    "no_adult": _no_adult,
    "income_below": _income_below,
    "income_above": _income_above,
}


def render_reason(reason: Reason) -> str:
    """The German sentence for ``reason``."""
    return _RENDERERS[reason.code](*reason.params)
