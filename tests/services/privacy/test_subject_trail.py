"""The audit trail's entries in an Art. 15 report, made through the real services: a move of
the household after the person left is not theirs (domestic violence: where the others live
now must not leak), the history of their own incomes stays complete after a removal, a
distinction recorded from the other side is found without naming the other, and each
decision shows the person's own data as it took them — on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from kpass.models.engine import Database
from kpass.services.household import household_details
from kpass.services.household.changes import (
    AddIncome,
    CorrectIncome,
    EndIncome,
    MoveHousehold,
    RemoveIncome,
    end_membership,
    move_household,
    save_household_changes,
)
from kpass.services.household.creation import create_household
from kpass.services.household.members import move_person_to_household
from kpass.services.household.validation import (
    AddressInput,
    IncomeInput,
    MemberInput,
    PersonInput,
)
from kpass.services.privacy import export_person
from kpass.vocabulary import format_date
from tests.documents.pdf_tools import pdf_text
from tests.services.privacy.scenario import Family, make_family

#: The trail's times are the real clock's: the dates around it decide who belonged when.
TODAY = date.today()
SINCE = date(2020, 1, 1)
HOME = AddressInput("Rheinstraße", "5", "76185", "Karlsruhe", "08")
BERT = PersonInput("Brandt", "Bert", date(1975, 4, 4), "m")
ANNA = PersonInput("Brandt", "Anna", date(1978, 8, 8), "f")
CLARA = PersonInput("Claßen", "Clara", date(1950, 1, 2), "f")


def _exports(database: Database, person_id: int, folder: Path) -> tuple[dict[str, Any], str,
                                                                         str]:
    """The person's export as JSON (parsed and text) and the PDF's text (spaces folded)."""
    export_person(database, person_id, folder / f"auskunft-{person_id}.json")
    export_person(database, person_id, folder / f"auskunft-{person_id}.pdf")
    text = (folder / f"auskunft-{person_id}.json").read_text(encoding="utf-8")
    return json.loads(text), text, " ".join(pdf_text(folder / f"auskunft-{person_id}.pdf")
                                            .split())


def _version(database: Database, household: int) -> int:
    return household_details(database, household, TODAY).version


def _couple(database: Database) -> tuple[int, int, int]:
    """Bert (applicant) and Anna (partner) at home since 2020: (household, bert, anna)."""
    created = create_household(database, HOME, [MemberInput.new(BERT, "applicant"),
                                                MemberInput.new(ANNA, "partner")],
                               since=SINCE, today=TODAY)
    bert, anna = created.person_ids
    return created.household_id, bert, anna


def _moves(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The moves of a household in an export's trail: their own entries and a save's changes."""
    found = [e["details"] for e in data["audit_events"] if e["action"] == "move_household"]
    for event in data["audit_events"]:
        if event["action"] == "save_household_changes":
            found += [c for c in event["details"]["changes"] if c["change"] == "move_household"]
    return found


def _days(*days: date) -> tuple[str, ...]:
    return tuple(text for day in days for text in (day.isoformat(), format_date(day)))


def test_a_move_of_the_household_after_the_person_left_is_not_in_their_export(
    database: Database, tmp_path: Path
) -> None:
    """Anna moved out to Clara's; afterwards Bert's household moved twice (one move alone,
    one in a save with other changes): neither the streets, the Stadtteile nor the dates."""
    household, bert, anna = _couple(database)
    refuge = create_household(database, AddressInput("Ostring", "3", "76131", "Karlsruhe",
                                                     "07"),
                              [MemberInput.new(CLARA, "applicant")], since=SINCE, today=TODAY)
    moved_in = TODAY - timedelta(days=30)
    move_person_to_household(database, anna, refuge.household_id,
                             _version(database, refuge.household_id), "other", moved_in,
                             today=TODAY)
    first, second = TODAY - timedelta(days=10), TODAY + timedelta(days=5)
    move_household(database, household, _version(database, household),
                   AddressInput("Geheimweg", "7", "76149", "Karlsruhe", "27"), first)
    save_household_changes(database, household, _version(database, household), [
        MoveHousehold(AddressInput("Hinterhof", "9", "76139", "Karlsruhe", "16"), second),
        AddIncome(-1, IncomeInput(bert, "pension", Decimal("1234.56"), "month", first)),
    ], today=TODAY)

    data, text, pdf = _exports(database, anna, tmp_path)
    assert _moves(data) == []
    for word in ("Geheimweg", "Hinterhof", "Nordstadt", "Waldstadt", "76149", "76139",
                 "1234.56", "1.234,56", *_days(first, second)):
        assert word not in text, word
        assert word not in pdf, word
    assert '"stadtteil": "27"' not in text and '"stadtteil": "16"' not in text
    assert "Stadtteil: 27" not in pdf and "Stadtteil: 16" not in pdf
    # her own move is there, with the household she went to (hers)
    actions = [e["action"] for e in data["audit_events"]]
    assert "move_person_out" in actions and "move_person_in" in actions
    assert [(h["household_id"], [a["street"] for a in h["addresses"]])
            for h in data["households"]] == [(household, ["Rheinstraße"]),
                                             (refuge.household_id, ["Ostring"])]
    assert format_date(moved_in) in pdf

    # the moves are in the trail: Bert's export has both, each alone and in its save
    his, _his_text, his_pdf = _exports(database, bert, tmp_path)
    assert sorted(m["stadtteil"] for m in _moves(his)) == ["16", "16", "27", "27"]
    assert "Geheimweg" in his_pdf and "Hinterhof" in his_pdf


def test_a_move_counts_only_while_the_person_lives_there_on_both_days(
    database: Database, tmp_path: Path
) -> None:
    """Anna's leaving is recorded ahead (she moves out in ten days). A move recorded today
    that takes effect while she still lives there is hers; one recorded today for a day after
    she left is where the others will live."""
    household, _bert, anna = _couple(database)
    leaves = TODAY + timedelta(days=10)
    end_membership(database, household, _version(database, household), anna, leaves,
                   "moved_out", today=TODAY)
    hers, theirs = TODAY - timedelta(days=20), TODAY + timedelta(days=40)
    move_household(database, household, _version(database, household),
                   AddressInput("Lindenallee", "2", "76135", "Karlsruhe", "05"), hers)
    save_household_changes(database, household, _version(database, household), [
        MoveHousehold(AddressInput("Fernweg", "11", "76229", "Karlsruhe", "19"), theirs)],
        today=TODAY)

    data, text, pdf = _exports(database, anna, tmp_path)
    assert [(m["stadtteil"], m["since"]) for m in _moves(data)] == [
        ("05", hers.isoformat()), ("05", hers.isoformat())]
    [membership] = data["households"]
    assert [a["street"] for a in membership["addresses"]] == ["Rheinstraße", "Lindenallee"]
    for word in ("Fernweg", "Durlach", "76229", *_days(theirs)):
        assert word not in text, word
        assert word not in pdf, word
    assert "Lindenallee" in pdf and format_date(hers) in pdf


def _events(data: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [e for e in data["audit_events"] if e["action"] == action]


def _changes(data: dict[str, Any], change: str) -> list[dict[str, Any]]:
    return [c for e in _events(data, "save_household_changes")
            for c in e["details"]["changes"] if c["change"] == change]


def test_the_history_of_an_income_removed_since_stays_complete(
    database: Database, tmp_path: Path
) -> None:
    """Anna's side job was added, ended and then removed as entered by mistake: its end is
    still hers (the entry names no person). An income corrected over to Bert is told without
    his values, and its later end is his."""
    household, bert, anna = _couple(database)
    job = IncomeInput(anna, "wages", Decimal("450.00"), "month", date(2025, 1, 1), "Vertrag")
    added = save_household_changes(database, household, _version(database, household),
                                   [AddIncome(-1, job)], today=TODAY)
    [side_job] = added.records
    assert side_job is not None
    save_household_changes(database, household, _version(database, household),
                           [EndIncome(side_job, date(2025, 6, 30))], today=TODAY)
    save_household_changes(database, household, _version(database, household),
                           [RemoveIncome(side_job, "doppelt erfasst")], today=TODAY)
    # an income entered for Anna that was Bert's: corrected to him, then ended by him
    wrong = save_household_changes(database, household, _version(database, household), [
        AddIncome(-1, IncomeInput(anna, "pension", Decimal("300.00"), "month",
                                  date(2025, 1, 1)))], today=TODAY)
    [moved] = wrong.records
    assert moved is not None
    save_household_changes(database, household, _version(database, household), [
        CorrectIncome(moved, IncomeInput(bert, "pension", Decimal("777.00"), "month",
                                         date(2025, 1, 1)), "falsche Person"),
        EndIncome(moved, date(2025, 12, 31))], today=TODAY)

    data, text, pdf = _exports(database, anna, tmp_path)
    assert data["incomes"] == []
    ended = _events(data, "end_income")
    assert [(e["entity_id"], e["details"]["until"]) for e in ended] == [
        (side_job, "2025-06-30")]
    assert [c["income_id"] for c in _changes(data, "end_income")] == [side_job]
    assert [e["entity_id"] for e in _events(data, "remove_income")] == [side_job]
    assert [e["entity_id"] for e in _events(data, "add_income")] == [side_job, moved]
    assert "30.06.2025" in pdf and "doppelt erfasst" in pdf
    # the correction over to Bert: what it was, why, not what it is now (his)
    [correction] = _events(data, "correct_income")
    assert correction["details"]["before"]["amount"] == "300.00"
    assert "after" not in correction["details"]
    [changed] = _changes(data, "correct_income")
    assert set(changed) == {"change", "income_id", "reason", "before"}
    for word in ("777.00", "777,00", "31.12.2025", "2025-12-31"):
        assert word not in text, word
        assert word not in pdf, word
    assert all(e["details"].get("person_id", anna) == anna for e in data["audit_events"])
    # Bert's export has the income's end and his values
    his, his_text, _his_pdf = _exports(database, bert, tmp_path)
    assert [e["entity_id"] for e in _events(his, "end_income")] == [moved]
    assert "777.00" in his_text


def test_a_distinction_recorded_from_the_other_side_is_found_without_the_other(
    database: Database, tmp_path: Path
) -> None:
    """Anne, registered later with Anna's name and birthday, was recorded as another person
    when her household was created: the entry is Anne's, Anna is only among its others."""
    household, bert, anna = _couple(database)
    look_alike = create_household(
        database, AddressInput("Waldweg", "1", "76227", "Karlsruhe", "19"),
        [MemberInput.new(PersonInput("Brandt", "Anne", date(1978, 8, 8), "f",
                                     distinct_from_reason="Ausweis geprüft: andere Person"),
                         "applicant")], since=SINCE, today=TODAY)
    [other] = look_alike.person_ids

    data, text, pdf = _exports(database, anna, tmp_path)
    [noted] = _events(data, "record_distinction")
    assert noted["entity"] == "person" and noted["entity_id"] == anna
    assert noted["details"] == {}
    assert "als verschiedene Personen vermerkt" in pdf
    # the reason is hers to read among the notes, the other person is not named
    assert [n["reason"] for n in data["identity_notes"]] == ["Ausweis geprüft: andere Person"]
    for word in ("Anne", "Waldweg", "Durlach", "76227"):
        assert word not in text, word
        assert word not in pdf, word
    assert {(e["entity"], e["entity_id"]) for e in data["audit_events"]} <= {
        ("person", anna), ("household", household)}
    assert not any(e["entity"] == "person" and e["entity_id"] == bert
                   for e in data["audit_events"])
    # Anne's export has it as her own entry
    theirs, _t, _p = _exports(database, other, tmp_path)
    [own] = _events(theirs, "record_distinction")
    assert own["entity_id"] == other and own["details"] == {
        "reason": "Ausweis geprüft: andere Person"}


def test_each_decision_shows_the_persons_own_input_as_it_was(
    database: Database, tmp_path: Path
) -> None:
    """Jürgen's wages were 2.130 € when he was decided about; corrected since, the decision
    still shows what it took — and nothing of his partner's or son's entries."""
    family: Family = make_family(database, tmp_path)
    details = household_details(database, family.household, TODAY)
    wages = next(i for i in details.incomes if i.kind == "wages")
    save_household_changes(database, family.household, details.version, [
        CorrectIncome(wages.income_id, IncomeInput(family.juergen, "wages", Decimal("1999.00"),
                                                   "month", wages.valid_from, "Lohnzettel"),
                      "neuer Lohnzettel")], today=TODAY)

    data, text, pdf = _exports(database, family.juergen, tmp_path)
    [decision] = data["applications"][0]["decisions"]
    assert decision["data_subject_input"] == {
        "birth_date": "1980-05-03", "flags": [],
        "incomes": [{"kind": "wages", "kind_label": "Lohn/Gehalt (netto)", "amount": "2130.00",
                     "period": "month"}]}
    assert [i["amount"] for i in data["incomes"]] == ["1999.00"]
    assert ("Bei der Entscheidung zugrunde gelegt: Geburtsdatum 03.05.1980; Einkommen: "
            "Lohn/Gehalt (netto) 2.130,00 € monatlich.") in pdf
    for word in ("2015-02-14", "14.02.2015", "1982-11-30", "30.11.1982", "520.00", "520,00",
                 "255.00", "255,00", '"disability"]', "Pflegekind;"):
        assert word not in text, word
        assert word not in pdf, word

    # Max's own entry: his disability and the Kindergeld, not his father's wages
    his, his_text, his_pdf = _exports(database, family.max, tmp_path)
    [his_decision] = his["applications"][0]["decisions"]
    assert his_decision["data_subject_input"]["flags"] == ["disability"]
    assert [(i["kind"], i["amount"]) for i in his_decision["data_subject_input"]["incomes"]] \
        == [("kindergeld", "255.00")]
    assert "Geburtsdatum 14.02.2015; Schwerbehinderung / Eingliederungshilfe; Einkommen: " \
        "Kindergeld 255,00 € monatlich." in his_pdf
    assert "2130.00" not in his_text and "1980-05-03" not in his_text


def test_a_household_notice_shows_only_the_days_the_person_lived_there(
    database: Database, tmp_path: Path
) -> None:
    """Wohngeld for the whole household, extended after Anna left: her export says the
    household had it while she lived there, not that it still has it."""
    from tests.register_builder import add_notice

    household, _bert, anna = _couple(database)
    extended = TODAY + timedelta(days=400)
    add_notice(database, household, "wohngeld", SINCE, extended)
    left = TODAY - timedelta(days=10)
    end_membership(database, household, _version(database, household), anna, left,
                   "moved_out", today=TODAY)
    data, text, pdf = _exports(database, anna, tmp_path)
    [notice] = data["benefit_notices"]
    assert notice["valid_from"] == SINCE.isoformat()
    assert notice["valid_until"] == left.isoformat()
    assert extended.isoformat() not in text and format_date(extended) not in pdf
