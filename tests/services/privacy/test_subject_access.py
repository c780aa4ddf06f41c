"""The information to a data subject (Art. 15 DSGVO): everything stored about the person and
nothing about the others of their household, one audit event per export — on SQLite and
PostgreSQL."""

from __future__ import annotations

import base64
import json
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from kpass.errors import InvalidInput, KpassError, PermissionDenied
from kpass.models import AuditEvent, HouseholdAddress, HouseholdMember, Person
from kpass.models.engine import Database
from kpass.services.access import log_out
from kpass.services.audit import verify_trail
from kpass.services.privacy import JSON_FORMAT, UnknownPerson, export_person
from kpass.services.uow import UnitOfWork
from tests.logins import log_in_admin
from tests.register_builder import add_household, add_income, household_of
from tests.services.privacy.scenario import OTHERS_WORDS, Family, make_family


def _events(database: Database) -> list[tuple[str, str, int | None, dict[str, Any]]]:
    """(action, entity, entity_id, details) of every event, oldest first."""
    with UnitOfWork(database, write=False) as uow:
        return [tuple(row) for row in uow.session.execute(  # type: ignore[misc]
            select(AuditEvent.action, AuditEvent.entity, AuditEvent.entity_id,
                   AuditEvent.details).order_by(AuditEvent.seq))]


def _exports(database: Database) -> int:
    return sum(1 for event in _events(database) if event[0] == "export_person")


def _export_json(database: Database, person_id: int, folder: Path) -> tuple[dict[str, Any], str]:
    out = folder / f"auskunft-{person_id}.json"
    export_person(database, person_id, out)
    text = out.read_text(encoding="utf-8")
    return json.loads(text), text


@pytest.fixture
def family(database: Database, tmp_path: Path) -> Family:
    return make_family(database, tmp_path)


def test_the_export_holds_every_item_of_the_person(
    database: Database, family: Family, tmp_path: Path
) -> None:
    data, _text = _export_json(database, family.juergen, tmp_path)
    assert data["format"] == JSON_FORMAT
    assert data["created_at"].endswith("+00:00")
    assert set(data["about"]) >= {"purpose", "recipients", "retention"}
    assert "Löschkonzept" in data["about"]["retention"]

    person = data["person"]
    assert (person["family_name"], person["given_names"], person["birth_date"]) == (
        "Weiß", "Jürgen", "1980-05-03")
    assert (person["sex"], person["salutation"], person["disability"]) == ("m", "herr", False)
    assert base64.b64decode(data["photo"]["data_base64"]) == family.photo
    assert data["photo"]["size_bytes"] == len(family.photo)

    [household] = data["households"]
    assert (household["household_id"], household["role"]) == (family.household, "applicant")
    assert [(a["street"], a["house_number"], a["stadtteil"]) for a in household["addresses"]] \
        == [("Straße am Schloßgarten", "12a", "Innenstadt-Ost")]
    # the others by role and period only
    assert household["other_members"] == [
        {"role": "partner", "valid_from": "2020-01-01", "valid_until": None},
        {"role": "child", "valid_from": "2020-01-01", "valid_until": None},
    ]

    # the corrected wages, decimals as strings; the correction is in the trail
    assert [(i["kind"], i["amount"], i["evidence"]) for i in data["incomes"]] == [
        ("wages", "2130.00", "Lohnzettel")]
    assert [(n["kind"], n["reference"], n["covers"]) for n in data["benefit_notices"]] == [
        ("wohngeld", "WG-4711", "person")]

    [application] = data["applications"]
    assert application["made_by_data_subject"] is True
    assert application["proofs"] == ["personalausweis", "leistungsbescheid"]
    [decision] = application["decisions"]
    assert decision["decision_id"] == family.decision
    assert decision["eligible"] is True and decision["basis"] == "wohngeld"
    assert any("Wohngeld" in reason for reason in decision["reasons"])
    # a benefit notice decided: the household's income total (others' too) is left out
    assert decision["household_income_test"] is None

    [card] = data["passes"]
    assert card["number"] == family.juergen_pass
    assert card["validities"][0]["decision_id"] == family.decision
    prints = {p["kind"]: p for p in data["prints"]}
    assert set(prints) == {"card", "sheet", "letter"}
    assert prints["sheet"]["passes"] == [family.juergen_pass]  # not the others' cards
    assert prints["letter"]["decision_id"] == family.decision
    assert [n["reason"] for n in data["identity_notes"]] == [
        "Ausweise verglichen: zwei Personen"]

    actions = [e["action"] for e in data["audit_events"]]
    for action in ("create_household", "set_photo", "correct_income",
                   "save_household_changes", "apply", "decide", "issue_pass", "issue",
                   "record_distinction"):
        assert action in actions
    correction = next(e for e in data["audit_events"] if e["action"] == "correct_income")
    assert correction["details"]["reason"] == "Zahlendreher im Lohnzettel"
    assert correction["details"]["before"]["amount"] == "2310.00"
    issue = next(e for e in data["audit_events"] if e["action"] == "issue")
    assert issue["details"]["passes"] == [family.juergen_pass]


def test_nothing_of_the_other_members_is_in_it(
    database: Database, family: Family, tmp_path: Path
) -> None:
    data, text = _export_json(database, family.juergen, tmp_path)
    for word in OTHERS_WORDS:
        assert word not in text, word
    for number in family.others_passes:
        assert number not in text
    # the partner's minijob was saved together with his correction: that change is left out
    save = next(e for e in data["audit_events"] if e["action"] == "save_household_changes")
    assert [c["change"] for c in save["details"]["changes"]] == ["correct_income"]
    # no employee is named (CJEU C-579/21): neither the test admin's name nor a user field
    assert "testerin" not in text
    assert all(set(e) == {"at", "action", "entity", "entity_id", "details"}
               for e in data["audit_events"])
    # and the partner's own export holds her minijob and Kinderzuschlag, not his wages
    hers, her_text = _export_json(database, family.guelsen, tmp_path)
    assert [(i["kind"], i["amount"]) for i in hers["incomes"]] == [("minijob", "520.00")]
    assert [n["kind"] for n in hers["benefit_notices"]] == ["kinderzuschlag"]
    assert "2130.00" not in her_text and "Lohnzettel" not in her_text
    assert "Jürgen" not in her_text
    assert hers["applications"][0]["made_by_data_subject"] is False


def test_one_audit_event_per_export_and_the_trail_stays_intact(
    database: Database, family: Family, tmp_path: Path
) -> None:
    before = _events(database)
    result = export_person(database, family.juergen, tmp_path / "auskunft.pdf")
    after = _events(database)
    assert len(after) == len(before) + 1
    action, entity, entity_id, details = after[-1]
    assert (action, entity, entity_id) == ("export_person", "person", family.juergen)
    # what was exported, not its content
    assert details["format"] == "pdf"
    assert details["incomes"] == 1 and details["passes"] == 1
    assert details == {"format": "pdf", **result.counts}
    assert "Weiß" not in json.dumps(details, ensure_ascii=False)
    assert verify_trail(database).intact

    assert result.path.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    # the next export lists this one among the person's trail entries
    data, _ = _export_json(database, family.juergen, tmp_path)
    exports = [e for e in data["audit_events"] if e["action"] == "export_person"]
    assert [e["details"]["format"] for e in exports] == ["pdf"]
    assert verify_trail(database).intact


def test_refused_without_a_login(database: Database, family: Family, tmp_path: Path) -> None:
    log_out(database)
    try:
        with pytest.raises(PermissionDenied, match="Nobody is logged in"):
            export_person(database, family.juergen, tmp_path / "x.pdf")
    finally:
        log_in_admin(database)
    assert not (tmp_path / "x.pdf").exists()
    assert _exports(database) == 0


def test_an_unknown_person_or_format_writes_nothing(database: Database, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UnknownPerson) as refused:
        export_person(database, 4711, out / "x.json")
    assert refused.value.exit_code == 1
    assert "4711" in refused.value.message_de
    with pytest.raises(InvalidInput, match=r"\.pdf or \.json"):
        export_person(database, 1, out / "x.txt")
    assert list(out.iterdir()) == []
    assert _exports(database) == 0


def test_addresses_and_members_only_while_the_person_lived_there(
    database: Database, tmp_path: Path
) -> None:
    """After Anna moved out, the household's new address and a new member are the others'."""
    anna, bert = add_household(database, [("Alt", "Anna", date(1960, 1, 1), "applicant"),
                                          ("Alt", "Bert", date(1961, 2, 2), "partner")])
    household = household_of(database, anna)
    add_income(database, bert, "pension", "1100.00")
    with UnitOfWork(database) as uow:
        session = uow.session
        session.execute(HouseholdMember.__table__.update()
                        .where(HouseholdMember.person_id == anna)
                        .values(valid_until=date(2023, 12, 31)))
        session.execute(HouseholdAddress.__table__.update()
                        .where(HouseholdAddress.household_id == household)
                        .values(valid_until=date(2024, 3, 31)))
        session.add(HouseholdAddress(household_id=household, street="Neue Straße",
                                     house_number="5", postcode="76135",
                                     municipality="Karlsruhe", valid_from=date(2024, 4, 1)))
        carla = Person(family_name="Neu", given_names="Carla", birth_date=date(1965, 3, 3))
        session.add(carla)
        session.flush()
        session.add(HouseholdMember(household_id=household, person_id=carla.id,
                                    role="partner", valid_from=date(2024, 5, 1)))
        uow.commit()
    data, text = _export_json(database, anna, tmp_path)
    [membership] = data["households"]
    assert membership["valid_until"] == "2023-12-31"
    assert [a["street"] for a in membership["addresses"]] == ["Kaiserstraße"]
    assert membership["other_members"] == [
        {"role": "partner", "valid_from": "2020-01-01", "valid_until": "2023-12-31"}]
    for word in ("Neue Straße", "Carla", "Bert", "1100.00"):
        assert word not in text
    assert data["incomes"] == [] and data["passes"] == []


@pytest.mark.parametrize("kind", ["pdf", "json"])
def test_every_person_of_a_demo_register_can_be_told(
    demo_register: Any, tmp_path: Path, kind: str
) -> None:
    """Real histories (renewals, replacements, revocations, moves): the export works for the
    person with the most passes, and each export is one more event."""
    database: Database = demo_register(300, 4, date(2026, 11, 1))
    with UnitOfWork(database, write=False) as uow:
        from kpass.models import Pass

        person_id = uow.session.execute(
            select(Pass.person_id).group_by(Pass.person_id)
            .order_by(func.count().desc(), Pass.person_id).limit(1)).scalar_one()
    count = len(_events(database))
    try:
        result = export_person(database, person_id, tmp_path / f"auskunft.{kind}")
    except KpassError as exc:  # pragma: no cover - shows the message, not a traceback
        pytest.fail(exc.bilingual())
    assert result.counts["passes"] >= 2 and result.counts["decisions"] >= 1
    assert len(_events(database)) == count + 1
    assert verify_trail(database).intact
