"""The German words of the Art. 15 report: labels of codes that only this report prints, and
the audit trail's entries in a readable line.

The labels of benefits, incomes, roles and pass types come from :mod:`kpass.vocabulary`;
what is here has no place there yet (the trail's actions are labelled for the screens in
``kpass.ui.audit.texts``, which the documents may not import).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from kpass.vocabulary import (
    APPLICATION_KINDS,
    BENEFITS,
    END_REASONS,
    INCOME_KINDS,
    PERIODS,
    ROLES,
    format_date,
    format_euro,
    label,
    pass_title,
)

SEXES = {"f": "weiblich", "m": "männlich", "d": "divers"}
SALUTATIONS = {"frau": "Frau", "herr": "Herr"}
APPLICATION_STATUSES = {"open": "offen", "decided": "entschieden", "withdrawn": "zurückgenommen"}
PASS_STATUSES = {"active": "gültig", "revoked": "gesperrt", "replaced": "ersetzt"}
VALIDITY_KINDS = {"new": "neu ausgestellt", "renewal": "verlängert", "replacement": "Ersatzpass"}
#: The states of an objection (Widerspruch).
OBJECTION_STATES = {
    "received": "eingegangen",
    "in_review": "in Prüfung",
    "remedied": "abgeholfen",
    "rejected": "zurückgewiesen",
    "withdrawn": "zurückgenommen",
}
#: The person's features a decision took into account (its input's "flags").
FLAGS = {"disability": "Schwerbehinderung / Eingliederungshilfe", "foster_child": "Pflegekind"}
PRINT_KINDS = {
    "card": "Karte",
    "sheet": "Kartenbogen",
    "letter": "Bescheid",
    "renewals": "Erinnerungsschreiben",
    "application_form": "Antragsformular",
}

#: What an entry of the audit trail records, as a person reads it.
EVENT_LABELS = {
    "create_household": "Haushalt angelegt",
    "save_household_changes": "Angaben zum Haushalt geändert",
    "update_person": "Angaben zur Person geändert",
    "set_photo": "Lichtbild gespeichert",
    "add_member": "in den Haushalt aufgenommen",
    "change_role": "Rolle im Haushalt geändert",
    "end_membership": "aus dem Haushalt ausgetragen",
    "move_household": "Umzug des Haushalts",
    "move_person_in": "in den Haushalt zugezogen",
    "move_person_out": "aus dem Haushalt ausgezogen",
    "record_distinction": "als verschiedene Personen vermerkt",
    "add_income": "Einkommen erfasst",
    "correct_income": "Einkommen berichtigt",
    "end_income": "Einkommen beendet",
    "remove_income": "Einkommen entfernt",
    "add_notice": "Leistungsbescheid erfasst",
    "correct_notice": "Leistungsbescheid berichtigt",
    "remove_notice": "Leistungsbescheid entfernt",
    "apply": "Antrag erfasst",
    "decide": "Entscheidung",
    "issue": "Pässe ausgestellt",
    "issue_pass": "Pass ausgestellt",
    "extend_pass": "Pass verlängert",
    "issue_replacement": "Ersatzpass ausgestellt",
    "replace": "Pass ersetzt",
    "revoke": "Pass gesperrt",
    "baseline": "Stand des Passes festgehalten",
    "export_person": "Auskunft nach Art. 15 DSGVO erteilt",
    "lodge_objection": "Widerspruch erfasst",
    "start_review_objection": "Widerspruch in Prüfung genommen",
    "withdraw_objection": "Widerspruch zurückgenommen",
    "follow_up_objection": "Widerspruch auf Wiedervorlage gelegt",
    "reject_objection": "Widerspruch zurückgewiesen",
    "remedy_objection": "Widerspruch abgeholfen",
    "hand_out_vouchers": "Gutscheine (60plus) ausgegeben",
    "print_voucher_receipt": "Empfangsbestätigung der Gutscheine (60plus) gedruckt",
}

_DETAIL_KEYS = {
    "change": "Änderung",
    "kind": "Art",
    "amount": "Betrag",
    "period": "Zeitraum",
    "valid_from": "gültig ab",
    "valid_until": "gültig bis",
    "since": "ab",
    "until": "bis",
    "previous_until": "bisher bis",
    "on": "am",
    "reason": "Grund",
    "role": "Rolle",
    "number": "Pass-Nr.",
    "old": "bisherige Pass-Nr.",
    "new": "neue Pass-Nr.",
    "replaces": "ersetzt Pass-Nr.",
    "passes": "Pässe",
    "type_changed": "Passart gewechselt",
    "from": "von",
    "to": "zu",
    "fields": "geänderte Angaben",
    "before": "vorher",
    "after": "nachher",
    "state": "Stand",
    "status": "Status",
    "type": "Passart",
    "revoked_on": "gesperrt/ersetzt ab",
    "periods": "Zeiträume",
    "reference": "Aktenzeichen",
    "evidence": "Nachweis",
    "application_date": "Antragsdatum",
    "application_id": "Antrag Nr.",
    "income_id": "Einkommen Nr.",
    "notice_id": "Bescheid Nr.",
    "decision_id": "Entscheidung Nr.",
    "household_id": "Haushalt Nr.",
    "eligible": "berechtigte Personen",
    "members": "Personen",
    "rule_set": "Regelwerk",
    "stadtteil": "Stadtteil",
    "format": "Format",
    "changes": "Änderungen",
    "future": "im Voraus",
    "replaced": "ersetzt ein früheres",
    "media_type": "Dateiart",
    "width": "Breite (Pixel)",
    "height": "Höhe (Pixel)",
    "size": "Größe (Bytes)",
    "received_on": "eingegangen am",
    "bekanntgabe_on": "Bekanntgabe",
    "deadline": "Frist bis",
    "in_time": "fristgerecht",
    "outcome_on": "erledigt am",
    "outcome_reason": "Begründung",
    "follow_up_on": "Wiedervorlage",
    "note_length": "Vermerk (Zeichen)",
    "year": "Jahr",
    "handed_out_on": "ausgegeben am",
    "pages": "Seiten",
}
# Ids of the person themself say nothing to them; the counts of an export are its details.
# The internal numbers of a pass row and a voucher hand-out neither (the JSON keeps them).
_SKIPPED_KEYS = frozenset({"person_id", "pass_id", "voucher_issue_id"})
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def yes_no(value: bool) -> str:
    return "ja" if value else "nein"


def event_label(action: str) -> str:
    return EVENT_LABELS.get(action, action)


def income_label(kind: str) -> str:
    return label(INCOME_KINDS, kind)


def notice_label(kind: str) -> str:
    return label(BENEFITS, kind)


def role_label(role: str) -> str:
    return label(ROLES, role)


def period_label(period: str) -> str:
    return label(PERIODS, period)


def _value(key: str, value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, str):
        if _ISO_DATE.fullmatch(value):
            return format_date(date.fromisoformat(value))
        if key == "amount":
            try:
                return format_euro(Decimal(value))
            except InvalidOperation:
                return value
        if key == "change":
            return event_label(value)
        if key == "kind":
            for terms in (INCOME_KINDS, BENEFITS, APPLICATION_KINDS):
                if value in terms:
                    return label(terms, value)
            return value
        if key == "role":
            return role_label(value)
        if key == "period":
            return period_label(value)
        if key == "status":
            return PASS_STATUSES.get(value, value)
        if key in ("before", "after") and value in OBJECTION_STATES:  # an objection's step
            return OBJECTION_STATES[value]
        if key in ("from", "to", "type"):
            return pass_title(value)
        if key == "reason" and value in END_REASONS:
            return label(END_REASONS, value)
        return value
    if isinstance(value, Mapping):
        return "(" + details_text(value) + ")"
    if isinstance(value, list | tuple):
        if key == "periods":
            return ", ".join(
                "–".join(_value("", part) for part in item) if isinstance(item, list | tuple)
                else _value("", item) for item in value)
        return ", ".join(_value(key, item) for item in value) or "–"
    return str(value)


def details_text(details: Mapping[str, Any]) -> str:
    """``{"kind": "wages", "amount": "520.00"}`` →
    ``"Art: Lohn/Gehalt (netto); Betrag: 520,00 €"``."""
    parts = []
    for key, value in details.items():
        if key in _SKIPPED_KEYS:
            continue
        parts.append(f"{_DETAIL_KEYS.get(key, key)}: {_value(key, value)}")
    return "; ".join(parts)


#: What Art. 15 (1) and (4) DSGVO ask to be told besides the data, as (heading, text) under
#: the English key the JSON uses. The retention rules themselves are the office's
#: Löschkonzept (kept elsewhere); the report names it in one sentence.
NOTES: dict[str, tuple[str, str]] = {
    "purpose": (
        "Zweck der Verarbeitung",
        "Gewährung des Karlsruher Passes und des Karlsruher Kinderpasses: die Prüfung, ob Sie "
        "und Ihr Haushalt berechtigt sind, die Ausstellung, Verlängerung, der Ersatz und die "
        "Sperrung der Pässe und die Nachweise darüber.",
    ),
    "recipients": (
        "Empfänger",
        "Außerhalb der Sozial- und Jugendbehörde erhält niemand Ihre Daten aus diesem "
        "Verfahren. Wenn Sie Ihren Pass bei einer Partnereinrichtung (zum Beispiel Bäder, KVV, "
        "Museen) vorzeigen, sieht diese die Angaben auf der Karte und im QR-Code: Passnummer, "
        "Art und Gültigkeit des Passes, Ihre Initialen und Ihr Geburtsjahr. Darüber hinaus "
        "erhalten die Partnereinrichtungen nur die Liste der gesperrten Passnummern.",
    ),
    "retention": (
        "Speicherdauer",
        "Ihre Daten werden nach dem Löschkonzept der Sozial- und Jugendbehörde gelöscht.",
    ),
    "origin": (
        "Herkunft der Daten",
        "Ihre Angaben und die Nachweise, die Sie oder eine Person Ihres Haushalts bei der "
        "Antragstellung vorgelegt haben. Die Berechtigung wird nach den Voraussetzungen des "
        "Gemeinderats aus diesen Angaben berechnet; die Gründe jeder Entscheidung stehen "
        "unten.",
    ),
    "rights": (
        "Ihre Rechte",
        "Sie können verlangen, dass falsche Daten berichtigt (Art. 16 DSGVO) und nicht mehr "
        "erforderliche Daten gelöscht werden (Art. 17) und dass die Verarbeitung eingeschränkt "
        "wird (Art. 18), und der Verarbeitung widersprechen (Art. 21). Sie können sich beim "
        "Landesbeauftragten für den Datenschutz und die Informationsfreiheit "
        "Baden-Württemberg beschweren (Art. 77).",
    ),
    "not_included": (
        "Was diese Auskunft nicht enthält",
        "Angaben über andere Personen Ihres Haushalts (Namen, Geburtsdaten, Einkommen, Pässe, "
        "Entscheidungen über sie) sind deren Daten; sie sind hier nur mit ihrer Rolle und der "
        "Zeit im Haushalt genannt (Art. 15 Abs. 4 DSGVO). Die Beschäftigten, die Daten erfasst "
        "oder gedruckt haben, werden nicht namentlich genannt. Das Einkommen des Haushalts "
        "steht bei einer Entscheidung nur als Summe und nur dann, wenn die Einkommensprüfung "
        "über Sie entschieden hat, weil es zu ihrer Begründung gehört.",
    ),
}
