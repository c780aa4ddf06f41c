"""A saved change of a household's data in German words, for the Verlauf.

The audit trail keeps ids, codes, dates and amounts, never names; the page knows the names
of the household's persons and passes them in (a person who left long ago is named by
number).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication

from kpass.ui.common.labels import (
    END_REASON_LABELS,
    basis_text,
    income_kind_label,
    period_label,
    role_label,
    tr,
)
from kpass.vocabulary import format_date, format_euro


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChangeText", text)


def _day(value: object) -> str:
    return format_date(date.fromisoformat(value)) if isinstance(value, str) else ""


def _income(values: dict[str, Any], person: str) -> str:
    amount = values.get("amount")
    money = format_euro(Decimal(amount)) if isinstance(amount, str) else ""
    return _tr("%1, %2, %3 %4 ab %5").replace("%1", person).replace(
        "%2", income_kind_label(str(values.get("kind", "")))).replace("%3", money).replace(
        "%4", period_label(str(values.get("period", "")))).replace(
        "%5", _day(values.get("valid_from")))


def _notice(values: dict[str, Any]) -> str:
    until = values.get("valid_until")
    end = _day(until) if until else _tr("bis auf Weiteres")
    return _tr("%1 vom %2 bis %3").replace("%1", basis_text(str(values.get("kind", "")))) \
        .replace("%2", _day(values.get("valid_from"))).replace("%3", end)


def change_text(change: dict[str, Any], names: dict[int, str]) -> str:
    """One change as a line of the Verlauf; ``names``: person id → name."""

    def name(key: str = "person_id") -> str:
        person = change.get(key)
        if not isinstance(person, int):
            before = change.get("before")
            person = before.get("person_id") if isinstance(before, dict) else None
        if not isinstance(person, int):
            return ""
        return names.get(person, _tr("Person Nr. %1").replace("%1", str(person)))

    kind = change.get("change")
    found = change.get("before")
    before: dict[str, Any] = found if isinstance(found, dict) else {}
    reason = change.get("reason")
    why = " " + _tr("– Grund: %1").replace("%1", str(reason)) if reason else ""
    role = role_label(str(change["role"])) if change.get("role") else ""
    if kind == "create_household":
        return _tr("Haushalt angelegt")
    if kind == "add_member":
        return _tr("Person aufgenommen: %1 (%2) ab %3").replace("%1", name()).replace(
            "%2", role).replace("%3", _day(change.get("since")))
    if kind == "move_person_in":
        return _tr("Zugezogen: %1 (%2) ab %3").replace("%1", name()).replace(
            "%2", role).replace("%3", _day(change.get("since")))
    if kind == "move_person_out":
        return _tr("%1 ist in den Haushalt Nr. %2 umgezogen (hier bis %3)").replace(
            "%1", name()).replace("%2", str(change.get("to_household", ""))).replace(
            "%3", _day(change.get("until")))
    if kind == "update_person":
        return _tr("Personendaten berichtigt: %1").replace("%1", name())
    if kind == "end_membership":
        label = END_REASON_LABELS.get(str(change.get("reason")))
        reason_label = tr(label) if label else ""
        return _tr("Ausgetragen: %1 (%2) zum %3").replace("%1", name()).replace(
            "%2", reason_label).replace("%3", _day(change.get("until")))
    if kind == "change_role":
        return _tr("Rolle von %1: %2 ab %3").replace("%1", name()).replace(
            "%2", role).replace("%3", _day(change.get("since")))
    if kind == "set_photo":
        return _tr("Lichtbild gespeichert: %1").replace("%1", name())
    if kind == "add_income":
        return _tr("Einkommen erfasst: %1").replace("%1", _income(change, name()))
    if kind == "end_income":
        return _tr("Einkommen beendet zum %1: %2").replace(
            "%1", _day(change.get("until"))).replace("%2", _income(before, name()))
    if kind == "correct_income":
        return _tr("Einkommen berichtigt: %1 (vorher: %2)").replace(
            "%1", _income(change, name())).replace("%2", _income(before, name())) + why
    if kind == "remove_income":
        return _tr("Einkommen entfernt (irrtümlich erfasst): %1").replace(
            "%1", _income(before, name())) + why
    if kind == "add_notice":
        return _tr("Bescheid erfasst: %1").replace("%1", _notice(change))
    if kind == "correct_notice":
        return _tr("Bescheid berichtigt: %1 (vorher: %2)").replace(
            "%1", _notice(change)).replace("%2", _notice(before)) + why
    if kind == "remove_notice":
        return _tr("Bescheid entfernt (irrtümlich erfasst): %1").replace(
            "%1", _notice(before)) + why
    if kind == "move_household":
        return _tr("Umzug ab %1 (Stadtteil %2)").replace(
            "%1", _day(change.get("since"))).replace("%2", str(change.get("stadtteil") or "–"))
    return str(kind)
