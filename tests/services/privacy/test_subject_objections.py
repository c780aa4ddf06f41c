"""Objections and 60plus vouchers in an Art. 15 report, made through the real services: the
person's own objection with its representative and reasons, their household's objection
received while they belonged to it without who lodged it, none received before they joined,
their voucher hand-outs; the objections' trail entries only within that scope — on SQLite
and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.audit import verify_trail
from kpass.services.household import household_details
from kpass.services.household.members import move_person_to_household
from kpass.services.objections import (
    lodge_objection,
    reject_objection,
    set_follow_up,
    start_review,
)
from kpass.services.passes.actions import issue_passes
from kpass.services.privacy import export_person
from kpass.services.vouchers import hand_out_vouchers
from tests.documents.pdf_tools import pdf_text
from tests.register_builder import add_household, add_income, household_of

FUTURE = date(2030, 1, 1)
DAY = date(2026, 3, 16)  # the application's day; Bekanntgabe 20.03. (4 days), deadline 20.04.
JOINED = date(2026, 6, 1)  # Bruno joins Anna's household


def _exports(database: Database, person_id: int, folder: Path) -> tuple[dict[str, Any], str,
                                                                         str]:
    """The person's export as JSON (parsed and text) and the PDF's text (spaces folded)."""
    export_person(database, person_id, folder / f"auskunft-{person_id}.json")
    export_person(database, person_id, folder / f"auskunft-{person_id}.pdf")
    text = (folder / f"auskunft-{person_id}.json").read_text(encoding="utf-8")
    return json.loads(text), text, " ".join(pdf_text(folder / f"auskunft-{person_id}.pdf")
                                            .split())


def _setting(database: Database) -> tuple[int, int, int, int, int, str]:
    """Anna (67, pension 1000: Karlsruher Pass with 60plus) objects through her lawyer, gets
    her vouchers; Bruno joins her household later and objects through his carer.
    (anna, bruno, household, first objection, second objection, Anna's pass number)"""
    [anna] = add_household(database, [("Quast", "Annegret", date(1959, 2, 2), "applicant")])
    add_income(database, anna, "pension", "1000.00")
    household = household_of(database, anna)
    application = apply(database, household, DAY, today=FUTURE)
    decision = decide(database, application.application_id)
    [card] = issue_passes(database, decision.decision_id)
    assert card.number is not None
    first = lodge_objection(database, decision.decision_id, date(2026, 4, 10),
                            lodged_by_person_id=anna,
                            representative="Rechtsanwältin Petra Kanzlei",
                            reason="Mein Pass gilt zu kurz", today=FUTURE)
    start_review(database, first.id)
    reject_objection(database, first.id, "Die Gültigkeit folgt der Satzung",
                     on=date(2026, 5, 4), today=FUTURE)
    hand_out_vouchers(database, anna, on=date(2026, 4, 1))

    [bruno] = add_household(database, [("Bergfried", "Bruno", date(1961, 3, 3), "applicant")],
                            street="Waldstraße", number="9")
    move_person_to_household(database, bruno, household,
                             household_details(database, household, FUTURE).version,
                             "other", JOINED, today=FUTURE)
    second = lodge_objection(database, decision.decision_id, date(2026, 7, 1),
                             lodged_by_person_id=bruno,
                             representative="Betreuer Bernd Geheimrat",
                             reason="Brunos eigene Begründung", today=FUTURE)
    return anna, bruno, household, first.id, second.id, card.number


def test_objections_and_vouchers_are_in_the_export_within_the_persons_scope(
    database: Database, tmp_path: Path
) -> None:
    anna, bruno, household, first, second, number = _setting(database)

    data, text, pdf = _exports(database, anna, tmp_path)
    assert data["format"] == "kpass-subject-access/1"
    own, households = data["objections"]
    assert own == {
        "objection_id": first, "decision_id": own["decision_id"], "household_id": household,
        "received_on": "2026-04-10", "bekanntgabe_on": "2026-03-20",
        "deadline": "2026-04-20", "in_time": True, "state": "rejected",
        "state_label": "zurückgewiesen", "outcome_on": "2026-05-04",
        "outcome_reason": "Die Gültigkeit folgt der Satzung", "follow_up_on": None,
        "follow_up_note": None,
        "remedial_decision_id": None, "lodged_by_data_subject": True,
        "representative": "Rechtsanwältin Petra Kanzlei", "reason": "Mein Pass gilt zu kurz",
    }
    # Bruno's objection, received while Anna belonged: without who lodged it or why
    assert households["objection_id"] == second
    assert households["state"] == "received" and households["received_on"] == "2026-07-01"
    assert (households["lodged_by_data_subject"], households["representative"],
            households["reason"]) == (False, None, None)
    assert data["vouchers"] == [{"year": 2026, "amount": data["vouchers"][0]["amount"],
                                 "handed_out_on": "2026-04-01", "pass_number": number}]
    assert data["vouchers"][0]["amount"].count(".") == 1  # a decimal string
    for word in ("Bruno", "Bergfried", "Bernd Geheimrat", "Brunos eigene Begründung",
                 "Waldstraße"):
        assert word not in text, word
        assert word not in pdf, word

    for heading in ("6. Widersprüche", "8. Gutscheine (60plus)"):
        assert heading in pdf, heading
    for value in (f"Widerspruch Nr. {first} vom 10.04.2026", "von Ihnen eingelegt",
                  "Rechtsanwältin Petra Kanzlei", "Mein Pass gilt zu kurz", "20.03.2026",
                  "20.04.2026", "zurückgewiesen", "04.05.2026",
                  "Die Gültigkeit folgt der Satzung",
                  f"Widerspruch Nr. {second} vom 01.07.2026", "für Ihren Haushalt eingelegt",
                  "eingegangen", "01.04.2026", number,
                  "Widerspruch erfasst", "Widerspruch in Prüfung genommen",
                  "Widerspruch zurückgewiesen", "Gutscheine (60plus) ausgegeben"):
        assert value in pdf, value

    # the trail: every entry of both objections, and the hand-out
    trail = [(e["action"], e["entity_id"]) for e in data["audit_events"]
             if e["entity"] == "objection"]
    assert trail == [("lodge_objection", first), ("start_review_objection", first),
                     ("reject_objection", first), ("lodge_objection", second)]
    assert "hand_out_vouchers" in [e["action"] for e in data["audit_events"]]

    # Bruno joined after Anna's objection came in: his own only, with his representative
    his, his_text, his_pdf = _exports(database, bruno, tmp_path)
    [mine] = his["objections"]
    assert (mine["objection_id"], mine["representative"], mine["reason"]) == (
        second, "Betreuer Bernd Geheimrat", "Brunos eigene Begründung")
    assert his["vouchers"] == []
    assert [e["entity_id"] for e in his["audit_events"] if e["entity"] == "objection"] == [
        second]
    for word in ("Rechtsanwältin", "Petra Kanzlei", "Mein Pass gilt zu kurz",
                 "Die Gültigkeit folgt der Satzung", "Annegret", "2026-04-10"):
        assert word not in his_text, word
        assert word not in his_pdf, word
    assert "Gutscheine (60plus) Keine gespeichert." in his_pdf

    assert verify_trail(database).intact


def test_the_export_records_the_counts_of_objections_and_vouchers(
    database: Database, tmp_path: Path
) -> None:
    anna, bruno, *_rest = _setting(database)
    assert export_person(database, anna, tmp_path / "a.json").counts["objections"] == 2
    assert export_person(database, anna, tmp_path / "a.pdf").counts["vouchers"] == 1
    counts = export_person(database, bruno, tmp_path / "b.json").counts
    assert (counts["objections"], counts["vouchers"]) == (1, 0)


def test_the_wiedervorlage_note_is_told_to_who_lodged_the_objection(
    database: Database, tmp_path: Path
) -> None:
    anna, bruno, _household, _first, second, _number = _setting(database)
    note = "Pflegegeldbescheid von Herrn Bergfried nachfordern"
    set_follow_up(database, second, date(2026, 8, 3), note=note)

    his, his_text, his_pdf = _exports(database, bruno, tmp_path)
    [mine] = his["objections"]
    assert (mine["follow_up_on"], mine["follow_up_note"]) == ("2026-08-03", note)
    assert "Vermerk zur Wiedervorlage" in his_pdf and note in his_pdf
    # the trail's entry says that a note was set, not what it says
    [entry] = [e for e in his["audit_events"] if e["action"] == "follow_up_objection"]
    assert entry["details"]["note_length"] == len(note)
    assert his_text.count(note) == 1

    # Anna's household received it while she belonged: the day, but not the note
    data, text, pdf = _exports(database, anna, tmp_path)
    [theirs] = [o for o in data["objections"] if o["objection_id"] == second]
    assert (theirs["follow_up_on"], theirs["follow_up_note"]) == ("2026-08-03", None)
    assert "follow_up_objection" in [e["action"] for e in data["audit_events"]]
    for word in ("Pflegegeldbescheid", "nachfordern"):
        assert word not in text, word
        assert word not in pdf, word
