"""German labels of the trail's actions and areas, and the texts of a verification."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from kpass.errors import KpassError
from kpass.services.audit import TrailReport
from kpass.ui.translation import translatable_tables, user_message

_CONTEXT = "AuditTexts"

#: What the events' actions mean; an action not listed is shown as stored.
ACTION_LABELS = {
    "login": "Anmeldung",
    "login_failed": "Anmeldung fehlgeschlagen",
    "add_user": "Benutzer angelegt",
    "disable_user": "Benutzer deaktiviert",
    "enable_user": "Benutzer freigeschaltet",
    "reset_password": "Passwort zurückgesetzt",
    "change_password": "Passwort geändert",
    "set_role": "Rolle geändert",
    "set_login_policy": "Anmelderegeln geändert",
    "create_household": "Haushalt angelegt",
    "save_household_changes": "Haushalt geändert",
    "update_person": "Person geändert",
    "set_photo": "Foto gespeichert",
    "add_member": "Person aufgenommen",
    "change_role": "Rolle im Haushalt geändert",
    "end_membership": "Mitgliedschaft beendet",
    "move_household": "Haushalt umgezogen",
    "move_person_in": "Person zugezogen",
    "move_person_out": "Person ausgezogen",
    "record_distinction": "Als verschiedene Personen vermerkt",
    "add_income": "Einkommen erfasst",
    "correct_income": "Einkommen berichtigt",
    "end_income": "Einkommen beendet",
    "remove_income": "Einkommen entfernt",
    "add_notice": "Leistungsbescheid erfasst",
    "correct_notice": "Leistungsbescheid berichtigt",
    "remove_notice": "Leistungsbescheid entfernt",
    "bulk_read": "Massenabruf gelesen",
    "export_person": "Auskunft nach Art. 15 DSGVO erteilt",
    "import_streets": "Straßenverzeichnis eingelesen",
    "import_register": "Bestehendes Register übernommen",
    "retention": "Löschung nach Löschkonzept",
    "backup": "Sicherung erstellt",
    "erase_person": "Löschung auf Antrag (Art. 17 DSGVO)",
    "set_retention": "Löschfrist geändert",
    "apply": "Antrag erfasst",
    "decide": "Entscheidung",
    "issue": "Pässe ausgestellt",
    "issue_pass": "Pass ausgestellt",
    "extend_pass": "Pass verlängert",
    "issue_replacement": "Ersatzpass ausgestellt",
    "replace": "Pass ersetzt",
    "revoke": "Pass gesperrt",
    "print": "Druck",
    "create_key": "Schlüssel erzeugt",
    "rotate_key": "Schlüssel gewechselt",
    "create_root_key": "Wurzelschlüssel erzeugt",
    "sign_keyset": "Schlüsselsatz signiert",
    "export_revoked": "Sperrliste exportiert",
    "export_partner_page": "Prüfseite für Partner erstellt",
    "read_audit": "Protokoll gelesen",
    "anchor": "Anker notiert",
    "demo_data": "Demodaten",
    "restore_backup": "Aus Sicherung wiederhergestellt",
    "set_backup_policy": "Sicherungsregeln geändert",
    "lodge_objection": "Widerspruch erfasst",
    "start_review_objection": "Widerspruch in Prüfung genommen",
    "withdraw_objection": "Widerspruch zurückgenommen",
    "follow_up_objection": "Widerspruch auf Wiedervorlage",
    "reject_objection": "Widerspruch zurückgewiesen",
    "remedy_objection": "Widerspruch abgeholfen",
    "hand_out_vouchers": "60plus-Gutscheine ausgegeben",
    "print_voucher_receipt": "Empfangsbestätigung 60plus-Gutscheine gedruckt",
    "request_approval": "Entscheidung wartet auf Freigabe",
    "confirm_approval": "Entscheidung freigegeben (Vier-Augen-Prinzip)",
    "return_approval": "Entscheidung zurückgegeben (Vier-Augen-Prinzip)",
    "supersede_approval": "Wartende Entscheidung durch neue ersetzt",
    "set_four_eyes": "Vier-Augen-Prinzip eingestellt",
    "refold_statistics": "Monatliche Statistikzahlen neu berechnet",
    # a pass written without a recorded state (demo data, import, the schema of 0011)
    "baseline": "Pass-Stand erfasst",
}

#: The areas (entities) events are about; an area not listed is shown as stored.
ENTITY_LABELS = {
    "pass": "Pass",
    "household": "Haushalt",
    "person": "Person",
    "application": "Antrag",
    "decision": "Entscheidung",
    "objection": "Widerspruch",
    "income": "Einkommen",
    "benefit_notice": "Leistungsbescheid",
    "app_user": "Benutzer",
    "signing_key": "Signaturschlüssel",
    "card": "Karte",
    "sheet": "Kartenbogen",
    "letter": "Bescheid",
    "renewals": "Erinnerungen",
    "application_form": "Antragsformular",
    "audit": "Protokoll",
    "register": "Register",
    "register_setting": "Einstellung",
    "street_directory": "Straßenverzeichnis",
    "objection_statistics": "Widerspruchsstatistik",
    "stat_month": "Monatliche Statistikzahlen",
    "statistics": "Statistik",
    "voucher_issue": "60plus-Gutscheine",
}

translatable_tables(_CONTEXT, ACTION_LABELS, ENTITY_LABELS)


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditTexts", text)


def action_text(action: str) -> str:
    return _tr(ACTION_LABELS[action]) if action in ACTION_LABELS else action


def entity_text(entity: str) -> str:
    return _tr(ENTITY_LABELS[entity]) if entity in ENTITY_LABELS else entity


def _value(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def details_text(details: dict[str, Any]) -> str:
    """One line: "key: value, …"; a pass's recorded state in short (its full form is in
    the tooltip)."""
    parts = []
    for key, value in sorted(details.items()):
        if key == "state" and isinstance(value, dict):
            periods = value.get("periods") or []
            last = f"{periods[-1][0]}–{periods[-1][1]}" if periods else "–"
            parts.append(f"state: {value.get('status')}, {last}")
        else:
            parts.append(f"{key}: {_value(value)}")
    # JSON wrote control characters as escapes; the rest of a line is printable text
    return ", ".join(parts)


def details_tooltip(details: dict[str, Any]) -> str:
    return json.dumps(details, ensure_ascii=False, indent=2, sort_keys=True)


def _either(message_en: str, message_de: str) -> str:
    """A message of the services in the interface's language."""
    return user_message(KpassError(message_en, message_de))


def report_text(report: TrailReport) -> str:
    """The outcome of "Kette prüfen" as the supervisor reads it."""
    lines = []
    if report.intact:
        lines.append(_tr("Ergebnis: unverändert."))
    else:
        lines.append(_tr("Ergebnis: VERÄNDERT – bitte der Leitung und dem Datenschutz "
                         "melden."))
    if report.chain_problem_count == 0:
        lines.append(_tr("Kette: %1 Ereignisse geprüft; jedes passt zu seinem Hash und ist "
                         "mit dem vorigen verkettet.").replace("%1", str(report.events)))
    else:
        found = (_tr("Kette: gebrochen bei Ereignis Nr. %1:")
                 if report.chain_problem_count == 1
                 else _tr("Kette: gebrochen ab Ereignis Nr. %1 (%2 Befunde):"))
        lines.append(found.replace("%1", str(report.first_break))
                     .replace("%2", str(report.chain_problem_count)))
        lines += ["• " + _either(p.message_en, p.message_de) for p in report.chain_problems]
    if report.anchor is not None:
        if report.anchor_proven:
            lines.append(_tr("Anker: bestätigt bei Ereignis Nr. %1; bis dahin ist nichts "
                             "verändert.").replace("%1", str(report.anchor_seq)))
        elif report.anchor_seq is not None:
            lines.append(_tr("Anker: bei Ereignis Nr. %1 gefunden, aber die Kette davor ist "
                             "gebrochen.").replace("%1", str(report.anchor_seq)))
        else:
            lines.append(_tr("Anker: nicht in der Kette (Protokoll neu geschrieben oder Hash "
                             "vertippt)."))
    lines.append(_tr("Pässe: %1 mit dem Protokoll verglichen, %2 nicht prüfbar (vor der "
                     "Aufzeichnung angelegt).")
                 .replace("%1", str(report.passes_checked))
                 .replace("%2", str(report.passes_not_checkable)))
    if report.pass_problem_count:
        lines.append(_tr("1 Pass weicht vom Protokoll ab:")
                     if report.pass_problem_count == 1
                     else _tr("%1 Pässe weichen vom Protokoll ab:")
                     .replace("%1", str(report.pass_problem_count)))
        lines += ["• " + _either(p.message_en, p.message_de) for p in report.pass_problems]
    return "\n".join(lines)


def anchor_text(seq: int, link: str, day_time: str) -> str:
    return (_tr("Anker notiert – bitte ins Papierprotokoll übertragen:") + "\n"
            + _tr("Nr. %1 · %2").replace("%1", str(seq)).replace("%2", day_time) + "\n"
            + link)

