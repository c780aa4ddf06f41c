"""German sentences for the reasons of a decision, built only when asked for.

A :class:`~kpass.rules.model.Reason` holds a code and plain values; the sentence is made here
on demand (``reason.text()`` or :func:`render_reason`), because bulk evaluation never shows it.
Money is written the German way: ``1.342,86 €``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from kpass.rules.model import ParamValue, Reason

_CENT = Decimal("0.01")

#: German names of the benefit kinds (spec section 2) for sentences and letters.
BENEFIT_LABELS: dict[str, str] = {
    "sgb2": "Bürgergeld (SGB II)",
    "sgb12_hlu": "Hilfe zum Lebensunterhalt (SGB XII)",
    "sgb12_grundsicherung": "Grundsicherung im Alter und bei Erwerbsminderung (SGB XII)",
    "asylblg": "Leistungen nach dem Asylbewerberleistungsgesetz",
    "wohngeld": "Wohngeld",
    "kinderzuschlag": "Kinderzuschlag",
    "sgb8_stationaer": "stationäre Hilfe / betreute Wohnform nach SGB VIII",
}


def format_euro(amount: Decimal) -> str:
    """``Decimal("1342.86")`` → ``"1.342,86 €"`` (German grouping, two decimals)."""
    text = f"{amount.quantize(_CENT, ROUND_HALF_UP):,f}"  # "1,342.86": swap the separators
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".") + " €"


def format_date(day: date) -> str:
    """``date(2026, 3, 15)`` → ``"15.03.2026"``."""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def _money(value: ParamValue) -> Decimal:
    if not isinstance(value, Decimal):
        raise TypeError(f"expected an amount, got {value!r}")
    return value


def _residence(municipality: ParamValue, stadtteil: ParamValue, issuer: ParamValue) -> str:
    if str(municipality).strip().casefold() != str(issuer).strip().casefold():
        return (
            f"Der Hauptwohnsitz liegt in {municipality}, nicht in der ausgebenden Gemeinde "
            f"{issuer}; niemand im Haushalt ist berechtigt"
        )
    if stadtteil is None:
        return (
            f"Für den Hauptwohnsitz in {issuer} fehlt der Stadtteil; niemand im Haushalt ist "
            "berechtigt"
        )
    return (
        f"„{stadtteil}“ ist kein Stadtteil von {issuer}; der Hauptwohnsitz ist nicht "
        "nachgewiesen, niemand im Haushalt ist berechtigt"
    )


def _age(age: ParamValue, minimum: ParamValue, issuer: ParamValue) -> str:
    return (
        f"Mit {age} Jahren unter dem Mindestalter von {minimum} Jahren für den Karlsruher Pass "
        f"in {issuer}"
    )


def _no_rule_set(day: ParamValue, first: ParamValue) -> str:
    when = format_date(day) if isinstance(day, date) else str(day)
    if isinstance(first, date):
        return (
            f"Für den Antragstag {when} gibt es keinen Regelsatz (Regeln gelten ab "
            f"{format_date(first)})"
        )
    return f"Für den Antragstag {when} gibt es keinen Regelsatz"


def _benefit(kind: ParamValue) -> str:
    label = BENEFIT_LABELS.get(str(kind), str(kind))
    return f"Bescheid über {label} im Antragsmonat gültig: berechtigt ohne Einkommensprüfung"


def _large_family(minors: ParamValue, minimum: ParamValue, adult_age: ParamValue) -> str:
    return (
        f"Kinderreiche Familie: {minors} Haushaltsmitglieder unter {adult_age} Jahren "
        f"(ab {minimum}), Kinderpass ohne Einkommensprüfung"
    )


def _no_adult(older_age: ParamValue) -> str:
    return (
        f"Im Haushalt ist niemand {older_age} Jahre oder älter; eine Einkommensprüfung ist "
        "nicht möglich"
    )


def _income_below(equivalised: ParamValue, threshold: ParamValue, margin: ParamValue) -> str:
    return (
        f"Nettoäquivalenzeinkommen {format_euro(_money(equivalised))} liegt "
        f"{format_euro(_money(margin))} unter der Grenze von {format_euro(_money(threshold))}"
    )


def _income_above(equivalised: ParamValue, threshold: ParamValue, margin: ParamValue) -> str:
    over = -_money(margin)
    if over == 0:
        return (
            f"Nettoäquivalenzeinkommen {format_euro(_money(equivalised))} liegt genau auf der "
            f"Grenze von {format_euro(_money(threshold))}; berechtigt ist nur, wer darunter liegt"
        )
    return (
        f"Nettoäquivalenzeinkommen {format_euro(_money(equivalised))} liegt "
        f"{format_euro(over)} über der Grenze von {format_euro(_money(threshold))}"
    )


_RENDERERS: dict[str, Callable[..., str]] = {
    "residence": _residence,
    "age": _age,
    "no_rule_set": _no_rule_set,
    "benefit": _benefit,
    "disability": lambda: (
        "Schwerbehindertenausweis oder Eingliederungshilfe: Kinderpass ohne Einkommensprüfung"
    ),
    "foster_child": lambda: "Pflegekind: Kinderpass ohne Einkommensprüfung",
    "large_family": _large_family,
    "no_adult": _no_adult,
    "income_below": _income_below,
    "income_above": _income_above,
}


def render_reason(reason: Reason) -> str:
    """The German sentence for ``reason``."""
    return _RENDERERS[reason.code](*reason.params)
