"""The household editor's services: create, read, change, duplicates — on SQLite and PostgreSQL."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import func, select

from kpass.errors import ConcurrentChange
from kpass.models import (
    AuditEvent,
    BenefitNotice,
    BenefitNoticePerson,
    Household,
    HouseholdAddress,
    HouseholdMember,
    Income,
    Person,
    PersonPhoto,
    PersonSearchToken,
)
from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.household import (
    HouseholdCreated,
    add_income,
    add_member,
    add_notice,
    change_role,
    create_household,
    end_income,
    end_membership,
    household_details,
    move_household,
    remove_notice,
    set_photo,
    update_person,
)
from kpass.services.household.duplicates import (
    edit_distance,
    find_possible_duplicates,
    nearby_birth_dates,
)
from kpass.services.household.facts import load_facts, members_on, stadtteil_on
from kpass.services.household.validation import (
    AddressInput,
    IncomeInput,
    InvalidField,
    MemberInput,
    NoticeInput,
    PersonInput,
)
from kpass.services.search.persons import search_persons
from kpass.services.uow import UnitOfWork
from tests.register_builder import household_of

TODAY = date(2026, 3, 15)
SINCE = date(2020, 1, 1)
HOME = AddressInput("Straße am Schloßgarten", "12a", "76131", "Karlsruhe", "01")
JUERGEN = PersonInput("Weiß", "Jürgen", date(1980, 5, 3), "m")
GUELSEN = PersonInput("Müller-Öztürk", "Gülşen", date(1982, 11, 30), "f")
MAX = PersonInput("Weiß", "Max Ömer", date(2015, 2, 14), "m", disability=True)
# Neighbours of the family: a second household that is not the same people again.
ELIF = PersonInput("Kaya", "Elif", date(1970, 1, 1), "f")
NEIGHBOURS = [
    MemberInput.new(ELIF, "applicant"),
    MemberInput.new(PersonInput("Kaya", "Deniz", date(1968, 7, 9), "m"), "partner"),
    MemberInput.new(PersonInput("Kaya", "Can", date(2012, 4, 2), "m"), "child"),
]

TABLES = (Person, PersonSearchToken, PersonPhoto, Household, HouseholdAddress, HouseholdMember,
          Income, BenefitNotice, BenefitNoticePerson, AuditEvent)


def counts(database: Database) -> dict[str, int]:
    with UnitOfWork(database, write=False) as uow:
        return {
            model.__tablename__: int(uow.session.scalar(select(func.count()).select_from(model)))
            for model in TABLES
        }


def family(database: Database, **overrides: Any) -> HouseholdCreated:
    """Jürgen (applicant), Gülşen (partner), Max (child); wages, Kindergeld, Wohngeld."""
    arguments: dict[str, Any] = {
        "address": HOME,
        "members": [
            MemberInput.new(JUERGEN, "applicant"),
            MemberInput.new(GUELSEN, "partner"),
            MemberInput.new(MAX, "child"),
        ],
        "incomes": [
            IncomeInput(0, "wages", Decimal("2310.00"), "month", date(2025, 1, 1), "Lohnzettel"),
            IncomeInput(2, "kindergeld", Decimal("255"), "month", date(2025, 1, 1)),
        ],
        "notices": [
            NoticeInput("wohngeld", date(2026, 1, 1), date(2026, 6, 30), "WG-4711", (0, 2)),
        ],
        "since": SINCE,
        "today": TODAY,
    }
    arguments.update(overrides)
    return create_household(database, **arguments)


@contextmanager
def refused(german: str) -> Iterator[None]:
    """The block is refused with a message for the counter that contains ``german``."""
    with pytest.raises(InvalidField) as error:
        yield
    assert german in error.value.message_de, error.value.message_de


def version(database: Database, household_id: int) -> int:
    return household_details(database, household_id, TODAY).version


# ---------------------------------------------------------------------------------------------
# Create and read back


def test_create_and_read_back(database: Database) -> None:
    created = family(database)
    details = household_details(database, created.household_id, TODAY)
    assert details.version == created.version == 1
    assert details.address is not None
    assert (details.address.street, details.address.house_number, details.address.postcode) == (
        "Straße am Schloßgarten", "12a", "76131")
    assert details.address.stadtteil_name == "Innenstadt-Ost"
    rows = [(m.family_name, m.given_names, m.role, m.age, m.present) for m in details.members]
    assert rows == [
        ("Weiß", "Jürgen", "applicant", 45, True),
        ("Müller-Öztürk", "Gülşen", "partner", 43, True),
        ("Weiß", "Max Ömer", "child", 11, True),
    ]
    assert details.applicant_id == created.person_ids[0]
    max_ = details.members[2]
    assert max_.disability and not max_.foster_child and max_.sex == "m"
    assert max_.valid_from == date(2020, 1, 1) and max_.valid_until is None
    assert [(i.person_id, i.kind, i.amount, i.evidence) for i in details.incomes] == [
        (created.person_ids[0], "wages", Decimal("2310.00"), "Lohnzettel"),
        (created.person_ids[2], "kindergeld", Decimal("255.00"), ""),
    ]
    [notice] = details.notices
    assert (notice.kind, notice.reference) == ("wohngeld", "WG-4711")
    assert notice.person_ids == (created.person_ids[0], created.person_ids[2])
    # Umlauts and ß are findable both ways, because the search keys were derived.
    hits = search_persons(database, "mueller oeztuerk guelsen", on=TODAY).hits
    assert [h.person_id for h in hits] == [created.person_ids[1]]
    assert [h.person_id for h in search_persons(database, "weiss max", on=TODAY).hits] == [
        created.person_ids[2]]
    with UnitOfWork(database, write=False) as uow:
        events = uow.session.execute(
            select(AuditEvent.action, AuditEvent.entity, AuditEvent.entity_id)
            .where(AuditEvent.entity != "app_user")).tuples().all()
    assert events == [("create_household", "household", created.household_id)]


def test_a_created_household_can_be_decided(database: Database) -> None:
    created = family(database)
    application = apply(database, created.household_id, TODAY, today=TODAY)
    decided = decide(database, application.application_id)
    by_id = {m.id: m for m in decided.decision.members}
    assert by_id[f"p{created.person_ids[0]}"].basis == "wohngeld"
    assert by_id[f"p{created.person_ids[2]}"].basis == "wohngeld"
    # The partner is not covered by the notice: the income test decides for her.
    partner = by_id[f"p{created.person_ids[1]}"]
    assert [r.code for r in partner.reasons] == ["income_above"]


def test_members_born_after_since_belong_from_birth(database: Database) -> None:
    baby = PersonInput("Weiß", "Lina", date(2023, 8, 1))
    created = family(database, members=[MemberInput.new(JUERGEN, "applicant"),
                                        MemberInput.new(baby, "child")],
                     incomes=[], notices=[])
    details = household_details(database, created.household_id, date(2023, 7, 31))
    assert [(m.valid_from, m.present, m.age) for m in details.members] == [
        (SINCE, True, 43), (date(2023, 8, 1), False, None)]


def test_a_registered_person_can_join_a_new_household(database: Database) -> None:
    first = family(database, incomes=[], notices=[])
    v = version(database, first.household_id)
    end_membership(database, first.household_id, v, first.person_ids[1], date(2025, 12, 31),
                   "moved_out", today=TODAY)
    second = create_household(
        database, AddressInput("Durlacher Allee", "3", "76131", "Karlsruhe", "04"),
        [MemberInput.existing(first.person_ids[1], "applicant")], since=date(2026, 1, 1),
        today=TODAY)
    assert second.person_ids == (first.person_ids[1],)
    details = household_details(database, second.household_id, TODAY)
    assert [m.person_id for m in details.present_members] == [first.person_ids[1]]


# ---------------------------------------------------------------------------------------------
# Validation: every refusal names the field, says it in German, and writes nothing


def _member(person: PersonInput, role: str = "applicant") -> list[MemberInput]:
    return [MemberInput.new(person, role)]


def _with_person(**changes: Any) -> dict[str, Any]:
    fields = {"family_name": "Weiß", "given_names": "Jürgen", "birth_date": date(1980, 5, 3),
              "sex": None, "disability": False, "foster_child": False, **changes}
    return {"members": _member(PersonInput(**fields))}


def _income(**changes: Any) -> dict[str, Any]:
    fields = {"person_ref": 0, "kind": "wages", "amount": Decimal("1000"), "period": "month",
              "valid_from": date(2025, 1, 1), "evidence": "", **changes}
    return {"incomes": [IncomeInput(**fields)]}


def _notice(**changes: Any) -> dict[str, Any]:
    fields = {"kind": "sgb2", "valid_from": date(2026, 1, 1), "valid_until": date(2026, 6, 30),
              "reference": "", "person_refs": (), **changes}
    return {"notices": [NoticeInput(**fields)]}


def _address(**changes: Any) -> dict[str, Any]:
    fields = {"street": "Kaiserstraße", "house_number": "1", "postcode": "76133",
              "municipality": "Karlsruhe", "stadtteil_code": "01", **changes}
    return {"address": AddressInput(**fields)}


def _registered(database: Database) -> int:
    """A person who already lives in another household."""
    return family(database, incomes=[], notices=[]).person_ids[0]


Case = Callable[[Database], dict[str, Any]]
INVALID: dict[str, tuple[Case, str, str]] = {
    "empty family name": (lambda db: _with_person(family_name="  "),
                          "members[0].family_name", "Person 1: Familienname darf nicht leer sein"),
    "empty given names": (lambda db: _with_person(given_names=""),
                          "members[0].given_names", "Vornamen darf nicht leer sein"),
    "name without letters": (lambda db: _with_person(family_name="--"),
                             "members[0].family_name", "muss einen Buchstaben enthalten"),
    "family name too long": (lambda db: _with_person(family_name="A" * 121),
                             "members[0].family_name", "ist zu lang (121 Zeichen, höchstens 120)"),
    "given names too long": (lambda db: _with_person(given_names="B" * 161),
                             "members[0].given_names", "höchstens 160"),
    "birth in the future": (lambda db: _with_person(birth_date=date(2026, 3, 16)),
                            "members[0].birth_date", "Geburtsdatum liegt in der Zukunft"),
    "birth before 1900": (lambda db: _with_person(birth_date=date(1899, 12, 31)),
                          "members[0].birth_date", "liegt vor dem 01.01.1900"),
    "unknown sex": (lambda db: _with_person(sex="x"), "members[0].sex", "Geschlecht muss"),
    "unknown salutation": (lambda db: _with_person(salutation="dr"),
                           "members[0].salutation", "Person 1: Anrede muss „Frau“, „Herr“"),
    "negative amount": (lambda db: _income(amount=Decimal("-0.01")),
                        "incomes[0].amount", "Einkommen 1: Betrag darf nicht negativ sein"),
    "three decimals": (lambda db: _income(amount=Decimal("10.005")),
                       "incomes[0].amount", "mehr als zwei Nachkommastellen"),
    "float amount": (lambda db: _income(amount=10.5), "incomes[0].amount", "kein Eurobetrag"),
    "unknown income kind": (lambda db: _income(kind="lotto"),
                            "incomes[0].kind", "„lotto“ ist unbekannt"),
    "unknown period": (lambda db: _income(period="week"), "incomes[0].period", "Zeitraum muss"),
    "income of nobody": (lambda db: _income(person_ref=3),
                         "incomes[0].person_ref", "verweist auf keine Person"),
    "notice kind not qualifying": (lambda db: _notice(kind="bafoeg"),
                                   "notices[0].kind", "keine berechtigende Leistung"),
    "notice period reversed": (
        lambda db: _notice(valid_from=date(2026, 7, 1), valid_until=date(2026, 6, 30)),
        "notices[0].valid_until", "Bescheid 1: Gültig bis (30.06.2026) liegt vor „Gültig ab“"),
    "open-ended notice without a start": (
        lambda db: _notice(valid_from=None, valid_until=None),
        "notices[0].valid_from", "Bescheid 1: Gültig ab ist kein Datum"),
    "notice of nobody": (lambda db: _notice(person_refs=(0, 5)),
                         "notices[0].person_refs", "verweist auf keine Person"),
    "postcode too short": (lambda db: _address(postcode="7613"),
                           "address.postcode", "Anschrift: Postleitzahl muss aus fünf Ziffern"),
    "postcode with letter": (lambda db: _address(postcode="7613A"),
                             "address.postcode", "fünf Ziffern"),
    "unknown Stadtteil": (lambda db: _address(stadtteil_code="28"),
                          "address.stadtteil_code", "„28“ ist kein Stadtteil von Karlsruhe"),
    "Stadtteil missing": (lambda db: _address(stadtteil_code=None),
                          "address.stadtteil_code", "Stadtteil fehlt"),
    "Stadtteil outside": (lambda db: _address(municipality="Ettlingen", postcode="76275"),
                          "address.stadtteil_code", "muss außerhalb Karlsruhes leer bleiben"),
    "empty street": (lambda db: _address(street=" "), "address.street", "Straße darf nicht leer"),
    "unknown role": (lambda db: {"members": _member(JUERGEN, "boss")},
                     "members[0].role", "Rolle „boss“ ist unbekannt"),
    "no applicant": (lambda db: {"members": _member(JUERGEN, "partner")},
                     "members", "Genau eine Person muss Antragsteller/in sein (angegeben: 0)"),
    "two applicants": (
        lambda db: {"members": _member(JUERGEN) + _member(GUELSEN)},
        "members", "(angegeben: 2)"),
    "nobody": (lambda db: {"members": []}, "members", "mindestens eine Person"),
    "same new person twice": (
        lambda db: {"members": _member(JUERGEN) + _member(
            PersonInput("WEISS", " Jürgen ", JUERGEN.birth_date), "partner")},
        "members[1].person_id", "Person 2: Person ist dieselbe wie Person 1"),
    "same registered person twice": (
        lambda db: {"members": [MemberInput.existing(7, "applicant"),
                                MemberInput.existing(7, "child")]},
        "members[1].person_id", "dieselbe wie Person 1"),
    "neither new nor registered": (
        lambda db: {"members": [MemberInput(None, None, "applicant")]},
        "members[0].person_id", "entweder eine neue oder eine erfasste Person"),
    # Refused inside the transaction, after rows were already added: rolled back whole.
    "registered person unknown": (
        lambda db: {"members": [*_member(JUERGEN), MemberInput.existing(999, "child")]},
        "members[1].person_id", "Nr. 999 gibt es nicht"),
    "registered person lives elsewhere": (
        lambda db: {"members": [*_member(GUELSEN),
                                MemberInput.existing(_registered(db), "partner")]},
        "members[1].person_id", "gehört am 01.01.2020 zum Haushalt"),
    "child applicant beside an adult": (
        lambda db: {"members": _member(MAX) + _member(JUERGEN, "partner")},
        "members[0].role", "muss volljährig sein"),
}


@pytest.mark.parametrize("case", INVALID, ids=list(INVALID))
def test_invalid_input_is_refused_and_nothing_written(database: Database, case: str) -> None:
    build, field, german = INVALID[case]
    overrides = build(database)
    before = counts(database)
    arguments: dict[str, Any] = {
        "address": HOME, "members": _member(JUERGEN), "incomes": [], "notices": [],
        "since": SINCE, "today": TODAY, **overrides,
    }
    with pytest.raises(InvalidField) as error:
        create_household(database, **arguments)
    assert german in error.value.message_de
    assert error.value.field == field
    assert error.value.message_en and error.value.message_en != error.value.message_de
    assert counts(database) == before


def test_a_household_of_children_only_is_allowed(database: Database) -> None:
    """E.g. a youth in SGB VIII care: the rules know households without adults."""
    created = family(database, members=_member(MAX), incomes=[], notices=[])
    assert household_details(database, created.household_id, TODAY).applicant_id is not None


def test_input_is_tidied(database: Database) -> None:
    created = family(
        database, address=AddressInput(" Kaiserstraße ", "1", " 76133", "KARLSRUHE", "01"),
        members=_member(PersonInput("  von  Weiß ", "Jürgen\tPaul", date(1980, 5, 3), "")),
        incomes=[], notices=[])
    details = household_details(database, created.household_id, TODAY)
    assert details.address is not None
    assert (details.address.street, details.address.postcode, details.address.municipality) == (
        "Kaiserstraße", "76133", "Karlsruhe")
    [member] = details.members
    assert (member.family_name, member.given_names, member.sex) == (
        "von Weiß", "Jürgen Paul", None)


# ---------------------------------------------------------------------------------------------
# Optimistic locking


def test_second_editor_on_a_stale_screen_is_refused(database: Database) -> None:
    created = family(database)
    first = household_details(database, created.household_id, TODAY)
    second = household_details(database, created.household_id, TODAY)
    saved = add_income(database, created.household_id, first.version,
                       IncomeInput(created.person_ids[1], "minijob", Decimal("520"), "month",
                                   date(2026, 1, 1)))
    assert saved.version == first.version + 1
    before = counts(database)
    with pytest.raises(ConcurrentChange) as error:
        add_notice(database, created.household_id, second.version,
                   NoticeInput("sgb2", date(2026, 1, 1), date(2026, 12, 31)))
    assert "inzwischen geändert" in error.value.message_de
    assert counts(database) == before
    # After reloading, the second editor saves.
    again = household_details(database, created.household_id, TODAY)
    assert again.version == saved.version
    add_notice(database, created.household_id, again.version,
               NoticeInput("sgb2", date(2026, 1, 1), date(2026, 12, 31)))
    assert version(database, created.household_id) == saved.version + 1


def test_every_change_checks_and_bumps_the_version(database: Database) -> None:
    created = family(database)
    household, [juergen, guelsen, max_] = created.household_id, created.person_ids
    changes: list[Callable[[int], Any]] = [
        lambda v: add_member(database, household, v, MemberInput.new(
            PersonInput("Weiß", "Lina", date(2026, 2, 1)), "child"), date(2026, 2, 1),
            today=TODAY),
        lambda v: change_role(database, household, v, guelsen, "other", date(2026, 3, 1)),
        lambda v: end_membership(database, household, v, max_, date(2026, 3, 1), "moved_out",
                                 today=TODAY),
        lambda v: move_household(database, household, v, _address()["address"], date(2026, 3, 1)),
        lambda v: add_income(database, household, v, IncomeInput(
            juergen, "other", Decimal("10"), "year", date(2026, 1, 1))),
        lambda v: end_income(database, household, v, 1, date(2026, 2, 28)),
        lambda v: add_notice(database, household, v, NoticeInput(
            "sgb2", date(2026, 1, 1), date(2026, 1, 31))),
        lambda v: remove_notice(database, household, v, 1),
    ]
    for change in changes:
        current = version(database, household)
        with pytest.raises(ConcurrentChange):
            change(current - 1)
        assert change(current).version == current + 1
        assert version(database, household) == current + 1


def test_person_data_has_its_own_version(database: Database) -> None:
    created = family(database)
    [juergen] = [m for m in household_details(database, created.household_id, TODAY).members
                 if m.person_id == created.person_ids[0]]
    renamed = PersonInput("Weiß-Schäfer", "Jürgen", date(1980, 5, 3), "m")
    saved = update_person(database, juergen.person_id, juergen.person_version, renamed,
                          today=TODAY)
    assert saved.version == juergen.person_version + 1
    with pytest.raises(ConcurrentChange):
        update_person(database, juergen.person_id, juergen.person_version,
                      PersonInput("Weiss", "Jürgen", date(1980, 5, 3)), today=TODAY)
    hits = search_persons(database, "schaefer", on=TODAY).hits
    assert [(h.person_id, h.family_name) for h in hits] == [(juergen.person_id, "Weiß-Schäfer")]
    with pytest.raises(InvalidField) as error:
        update_person(database, juergen.person_id, saved.version,
                      PersonInput("Weiß", "Jürgen", date(2027, 1, 1)), today=TODAY)
    assert error.value.field == "person.birth_date"
    assert "Person: Geburtsdatum liegt in der Zukunft" in error.value.message_de


def test_a_corrected_later_birth_date_moves_the_membership_start(database: Database) -> None:
    lina_input = PersonInput("Weiß", "Lina", date(2023, 8, 1))
    created = family(database, members=[*_member(JUERGEN), MemberInput.new(lina_input, "child")],
                     incomes=[], notices=[])
    household, lina = created.household_id, created.person_ids[1]
    before = version(database, household)
    update_person(database, lina, 1, PersonInput("Weiß", "Lina", date(2023, 8, 11)), today=TODAY)
    details = household_details(database, household, TODAY)
    assert details.members[1].valid_from == date(2023, 8, 11)
    assert details.version == before + 1  # open editors of the household must reload


# ---------------------------------------------------------------------------------------------
# History: moves, leaving, death, roles


def test_a_move_keeps_the_old_address(database: Database) -> None:
    created = family(database)
    household = created.household_id
    new_home = AddressInput("Rheinstraße", "7", "76185", "Karlsruhe", "10")
    move_household(database, household, 1, new_home, date(2025, 7, 1))
    details = household_details(database, household, TODAY)
    assert [(a.street, a.valid_from, a.valid_until) for a in details.addresses] == [
        ("Straße am Schloßgarten", SINCE, date(2025, 6, 30)),
        ("Rheinstraße", date(2025, 7, 1), None),
    ]
    assert details.address is not None and details.address.street == "Rheinstraße"
    earlier = household_details(database, household, date(2025, 6, 30))
    assert earlier.address is not None and earlier.address.stadtteil_code == "01"
    with UnitOfWork(database, write=False) as uow:
        facts = load_facts(uow.session, household)
    assert stadtteil_on(facts, date(2025, 6, 30)) == "01"
    assert stadtteil_on(facts, date(2025, 7, 1)) == "10"


@pytest.mark.parametrize("day", [date(2025, 7, 1), date(2025, 6, 1)], ids=["same day", "before"])
def test_a_move_not_after_the_current_address_is_refused(database: Database, day: date) -> None:
    created = family(database)
    move_household(database, created.household_id, 1,
                   AddressInput("Rheinstraße", "7", "76185", "Karlsruhe", "10"), date(2025, 7, 1))
    before = counts(database)
    with pytest.raises(InvalidField) as error:
        move_household(database, created.household_id, 2,
                       AddressInput("Ostring", "1", "76131", "Karlsruhe", "04"), day)
    assert "nach dem Beginn der bisherigen Anschrift liegen (01.07.2025)" in error.value.message_de
    assert counts(database) == before
    assert version(database, created.household_id) == 2


def test_moving_to_the_same_address_is_refused(database: Database) -> None:
    created = family(database)
    with refused("bisherige Anschrift"):
        move_household(database, created.household_id, 1, HOME, date(2025, 7, 1))


def _present(database: Database, household: int, day: date) -> list[int]:
    with UnitOfWork(database, write=False) as uow:
        facts = load_facts(uow.session, household)
    return sorted(m.person_id for m in members_on(facts, day))


def test_moving_out_keeps_the_membership(database: Database) -> None:
    created = family(database)
    household, [juergen, guelsen, max_] = created.household_id, created.person_ids
    end_membership(database, household, 1, guelsen, date(2025, 9, 30), "moved_out", today=TODAY)
    assert _present(database, household, date(2025, 9, 30)) == [juergen, guelsen, max_]
    assert _present(database, household, date(2025, 10, 1)) == [juergen, max_]
    details = household_details(database, household, TODAY)
    assert len(details.members) == 3  # history kept
    gone = next(m for m in details.members if m.person_id == guelsen)
    assert (gone.valid_until, gone.present, gone.died_on) == (date(2025, 9, 30), False, None)
    # She may now join another household from the next day on.
    create_household(database, _address()["address"],
                     [MemberInput.existing(guelsen, "applicant")], since=date(2025, 10, 1),
                     today=TODAY)


def test_a_death_is_dated_and_history_kept(database: Database) -> None:
    created = family(database)
    household, [juergen, guelsen, max_] = created.household_id, created.person_ids
    with refused("Zukunft"):
        end_membership(database, household, 1, juergen, date(2026, 3, 16), "died", today=TODAY)
    end_membership(database, household, 1, juergen, date(2026, 2, 10), "died", today=TODAY)
    assert _present(database, household, date(2026, 2, 9)) == [juergen, guelsen, max_]
    assert _present(database, household, date(2026, 2, 10)) == [guelsen, max_]
    details = household_details(database, household, TODAY)
    dead = next(m for m in details.members if m.person_id == juergen)
    assert dead.died_on == date(2026, 2, 10) and not dead.present
    assert details.applicant_id is None
    with refused("muss volljährig sein"):  # the child cannot apply beside his mother
        change_role(database, household, 2, max_, "applicant", date(2026, 2, 11))
    # The partner applies from now on; the applicant's role stays on record.
    change_role(database, household, 2, guelsen, "applicant", date(2026, 2, 11))
    details = household_details(database, household, TODAY)
    assert details.applicant_id == guelsen
    assert [(m.role, m.valid_from, m.valid_until) for m in details.members
            if m.person_id == guelsen] == [
        ("partner", SINCE, date(2026, 2, 10)), ("applicant", date(2026, 2, 11), None)]
    # A dead person cannot join a household again.
    with refused("verstorben"):
        add_member(database, household, 3, MemberInput.existing(juergen, "other"),
                   date(2026, 3, 1), today=TODAY)


def test_ending_a_membership_that_does_not_exist(database: Database) -> None:
    created = family(database)
    with refused("nicht zum Haushalt"):
        end_membership(database, created.household_id, 1, created.person_ids[2],
                       date(2019, 12, 31), "moved_out", today=TODAY)
    with refused("Wegzug oder Tod"):
        end_membership(database, created.household_id, 1, created.person_ids[2],
                       date(2025, 1, 1), "married", today=TODAY)  # type: ignore[arg-type]


def test_adding_members(database: Database) -> None:
    created = family(database)
    household, [juergen, guelsen, _] = created.household_id, created.person_ids
    baby = add_member(database, household, 1,
                      MemberInput.new(PersonInput("Weiß", "Lina", date(2026, 2, 1)), "child"),
                      SINCE, today=TODAY)
    details = household_details(database, household, TODAY)
    lina = next(m for m in details.members if m.person_id == baby.record_id)
    assert lina.valid_from == date(2026, 2, 1) and lina.age == 0
    with refused("bereits zum Haushalt"):
        add_member(database, household, 2, MemberInput.existing(guelsen, "other"),
                   date(2026, 3, 1), today=TODAY)
    with refused("schon vergeben"):
        add_member(database, household, 2, MemberInput.new(
            PersonInput("Kaya", "Elif", date(1970, 1, 1)), "applicant"), date(2026, 3, 1),
            today=TODAY)
    with refused("schon vergeben"):
        change_role(database, household, 2, guelsen, "applicant", date(2026, 3, 1))
    with refused("bereits"):
        change_role(database, household, 2, juergen, "applicant", date(2026, 3, 1))
    assert version(database, household) == 2


# ---------------------------------------------------------------------------------------------
# Incomes and notices


def test_incomes_end_and_notices_go(database: Database) -> None:
    created = family(database)
    household, [juergen, _, max_] = created.household_id, created.person_ids
    details = household_details(database, household, TODAY)
    wages = details.incomes[0]
    with refused("liegt vor „Gültig ab“"):
        end_income(database, household, 1, wages.income_id, date(2024, 12, 31))
    end_income(database, household, 1, wages.income_id, date(2026, 2, 28))
    with pytest.raises(InvalidField) as error:
        add_notice(database, household, 2, NoticeInput(
            "sgb2", date(2026, 1, 1), date(2026, 6, 30), "", (juergen, 4242)))
    assert error.value.field == "notice.person_refs"
    assert "Nr. 4242 gehört nicht zum Haushalt" in error.value.message_de
    with refused("Betrag darf nicht negativ sein"):
        add_income(database, household, 2,
                   IncomeInput(juergen, "alg1", Decimal("-1"), "month", date(2026, 3, 1)))
    add_income(database, household, 2,
               IncomeInput(juergen, "alg1", Decimal("1234.56"), "month", date(2026, 3, 1)))
    sgb2 = add_notice(database, household, 3, NoticeInput(
        "sgb2", date(2026, 3, 1), date(2026, 8, 31), "JC-1", (juergen, max_)))
    details = household_details(database, household, TODAY)
    assert [(i.kind, i.valid_until) for i in details.incomes if i.person_id == juergen] == [
        ("wages", date(2026, 2, 28)), ("alg1", None)]
    assert [n.kind for n in details.notices] == ["wohngeld", "sgb2"]
    remove_notice(database, household, 4, sgb2.record_id or 0)
    with refused("keinen Bescheid"):
        remove_notice(database, household, 5, sgb2.record_id or 0)
    details = household_details(database, household, TODAY)
    assert [n.kind for n in details.notices] == ["wohngeld"]
    assert counts(database)["benefit_notice_person"] == 2  # only the Wohngeld notice's
    with UnitOfWork(database, write=False) as uow:
        removed = uow.session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "remove_notice")).one()
    assert removed["reference"] == "JC-1"
    assert removed["persons"] == sorted([juergen, max_])


def test_a_notice_used_by_a_decision_can_still_be_removed(database: Database) -> None:
    created = family(database)
    application = apply(database, created.household_id, TODAY, today=TODAY)
    decided = decide(database, application.application_id)
    remove_notice(database, created.household_id, 1, 1)
    again = decide(database, application.application_id)
    assert decided.output != again.output  # without Wohngeld the decision differs
    with UnitOfWork(database, write=False) as uow:
        from kpass.models import Decision

        stored = uow.session.get(Decision, decided.decision_id)
        assert stored is not None and stored.input_snapshot["benefits"][0]["kind"] == "wohngeld"


# ---------------------------------------------------------------------------------------------
# Photos


def _image(kind: str, size: tuple[int, int] = (35, 45)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, (200, 180, 160)).save(output, kind)
    return output.getvalue()


def test_photos_are_jpeg_or_png(database: Database) -> None:
    created = family(database)
    person = created.person_ids[0]
    saved = set_photo(database, person, _image("JPEG"))
    assert (saved.media_type, saved.width, saved.height) == ("image/jpeg", 35, 45)
    saved = set_photo(database, person, _image("PNG", (70, 90)))  # replaces
    assert (saved.media_type, saved.width, saved.height) == ("image/png", 70, 90)
    assert counts(database)["person_photo"] == 1
    assert household_details(database, created.household_id, TODAY).members[0].has_photo
    before = counts(database)
    for bad, message in [
        (_image("GIF"), "Lichtbild: Datei ist weder JPEG noch PNG"),
        (b"", "ist leer"),
        (b"\xff\xd8\xff" + b"\x00" * 100, "beschädigt"),
        (b"\xff\xd8\xff" + b"\x00" * (2 * 1024 * 1024), "zu groß"),
    ]:
        with pytest.raises(InvalidField) as error:
            set_photo(database, person, bad)
        assert message in error.value.message_de
    with refused("keine Person"):
        set_photo(database, 4242, _image("PNG"))
    assert counts(database) == before


# ---------------------------------------------------------------------------------------------
# A failure in the middle rolls back everything


def test_a_failed_multi_step_change_leaves_nothing_behind(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = family(database)
    before = counts(database)

    def broken_audit(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(UnitOfWork, "audit", broken_audit)
    with pytest.raises(RuntimeError):
        # household, persons, members, incomes, notice already flushed
        family(database, members=NEIGHBOURS)
    with pytest.raises(RuntimeError):
        move_household(database, created.household_id, 1, _address()["address"],
                       date(2025, 7, 1))
    with pytest.raises(RuntimeError):
        end_membership(database, created.household_id, 1, created.person_ids[0],
                       date(2026, 2, 1), "died", today=TODAY)
    monkeypatch.undo()
    assert counts(database) == before
    details = household_details(database, created.household_id, TODAY)
    assert details.version == 1
    assert [(a.valid_until) for a in details.addresses] == [None]
    assert all(m.valid_until is None and m.died_on is None for m in details.members)


# ---------------------------------------------------------------------------------------------
# Duplicate check


@pytest.fixture
def register(database: Database) -> dict[str, int]:
    persons = [
        PersonInput("Müller", "Anna Maria", date(1980, 5, 3)),
        PersonInput("Meier", "Hans", date(1975, 2, 10)),
        PersonInput("Schmidt", "Eva", date(1990, 4, 7)),
        PersonInput("Nguyen", "Van An", date(1985, 9, 12)),
        # Unrelated: same day and family name but another person; similar name, other day.
        PersonInput("Müller", "Peter", date(1980, 5, 3)),
        PersonInput("Müller", "Anna", date(1961, 5, 3)),
        PersonInput("Schulz", "Anna", date(1980, 6, 3)),
    ]
    ids: dict[str, int] = {}
    for n, person in enumerate(persons):
        created = create_household(
            database, AddressInput("Kaiserstraße", str(n + 1), "76133", "Karlsruhe", "01"),
            _member(person), since=SINCE, today=TODAY)
        ids[f"{person.family_name} {person.given_names} {person.birth_date.year}"] = (
            created.person_ids[0])
    return ids


def _found(database: Database, family_name: str, given: str, born: date) -> list[tuple[str, str]]:
    return [(f"{c.family_name} {c.given_names}", c.reason)
            for c in find_possible_duplicates(database, family_name, given, born, on=TODAY)]


def test_duplicates_exact_despite_spelling(database: Database, register: dict[str, int]) -> None:
    assert _found(database, "Mueller", "anna maria", date(1980, 5, 3)) == [
        ("Müller Anna Maria", "exact")]
    [candidate] = find_possible_duplicates(database, "MÜLLER", "Anna  Maria", date(1980, 5, 3),
                                           on=TODAY)
    assert candidate.person_id == register["Müller Anna Maria 1980"]
    assert (candidate.street, candidate.house_number, candidate.postcode) == (
        "Kaiserstraße", "1", "76133")
    assert candidate.household_id == household_of(database, candidate.person_id)
    assert "stimmen überein" in candidate.explanation


def test_duplicates_similar(database: Database, register: dict[str, int]) -> None:
    assert _found(database, "Meyer", "Hans", date(1975, 2, 10)) == [("Meier Hans", "similar")]
    assert _found(database, "Schmidt", "Eva", date(1990, 7, 4)) == [("Schmidt Eva", "similar")]
    assert _found(database, "Schmidt", "Eva", date(1990, 4, 8)) == [("Schmidt Eva", "similar")]
    assert _found(database, "Müller", "Maria Anna", date(1980, 5, 3)) == [
        ("Müller Anna Maria", "similar")]
    assert _found(database, "Van An", "Nguyen", date(1985, 9, 12)) == [
        ("Nguyen Van An", "similar")]
    # Married since: same first given name and birth date, another family name.
    assert _found(database, "Yılmaz", "Anna", date(1980, 5, 3)) == [
        ("Müller Anna Maria", "similar")]
    [swapped] = find_possible_duplicates(database, "Schmidt", "Eva", date(1990, 7, 4), on=TODAY)
    assert "Tag und Monat" in swapped.explanation


def test_duplicates_leave_out_unrelated_persons(
    database: Database, register: dict[str, int]
) -> None:
    assert _found(database, "Schneider", "Karl", date(1980, 5, 3)) == []
    assert _found(database, "Meier", "Hans", date(1975, 3, 20)) == []
    assert _found(database, "Meyer", "Fritz", date(1975, 2, 10)) == []
    found = _found(database, "Müller", "Anna Maria", date(1980, 5, 3))
    assert found == [("Müller Anna Maria", "exact")]  # not Peter, not Anna born 1961
    assert find_possible_duplicates(
        database, "Müller", "Anna Maria", date(1980, 5, 3),
        exclude_person_ids={register["Müller Anna Maria 1980"]}) == []


def test_duplicate_helpers() -> None:
    assert edit_distance("meier", "meyer", 2) == 1
    assert edit_distance("schmidt", "schmitd", 2) == 1  # neighbours swapped
    assert edit_distance("schmidt", "yilmaz", 2) == 3  # capped
    nearby = nearby_birth_dates(date(1990, 4, 7))
    assert date(1990, 7, 4) in nearby and date(1990, 4, 17) in nearby
    assert date(1980, 4, 7) in nearby and date(1990, 4, 7) not in nearby
    assert all(day.year >= 1900 for day in nearby)
    same = nearby_birth_dates(date(1990, 4, 4))
    assert not any("vertauscht" in why for why in same.values())
    assert not any("vertauscht" in why for why in nearby_birth_dates(date(1990, 4, 13)).values())


# ---------------------------------------------------------------------------------------------
# Second edition of the rules: open-ended notices, incomes not counted, salutation


def _audit(database: Database, action: str) -> list[dict[str, Any]]:
    with UnitOfWork(database, write=False) as uow:
        return list(uow.session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == action)
            .order_by(AuditEvent.id)))


def test_an_open_ended_notice_is_stored_read_and_decided(database: Database) -> None:
    """A notice granted "bis auf Weiteres" has no end date and counts in every later month."""
    created = family(database, incomes=[], notices=[
        NoticeInput("asylblg", date(2024, 5, 1), None, "AsylbLG-77"),
    ])
    household = created.household_id
    [notice] = household_details(database, household, TODAY).notices
    assert (notice.kind, notice.valid_from, notice.valid_until) == (
        "asylblg", date(2024, 5, 1), None)
    with UnitOfWork(database, write=False) as uow:
        facts = load_facts(uow.session, household)
    assert facts.notices[0].valid_until is None
    # years later it still covers the whole household
    later = date(2031, 7, 15)
    application = apply(database, household, later, today=later)
    decided = decide(database, application.application_id)
    assert {m.basis for m in decided.decision.members} == {"asylblg"}
    assert decided.output["members"][0]["eligible"] is True
    # but not before it starts
    early = apply(database, household, date(2024, 4, 15), today=TODAY)
    assert not any(m.basis == "asylblg"
                   for m in decide(database, early.application_id).decision.members)

    # added to a stored household and removed again, the audit trail says "no end date"
    juergen = created.person_ids[0]
    added = add_notice(database, household, created.version, NoticeInput(
        "sgb12_grundsicherung", date(2026, 2, 1), None, "GS-1", (juergen,)))
    assert [(n.kind, n.valid_until) for n in household_details(
        database, household, TODAY).notices] == [
        ("asylblg", None), ("sgb12_grundsicherung", None)]
    remove_notice(database, household, created.version + 1, added.record_id or 0)
    [add_event] = _audit(database, "add_notice")
    [remove_event] = _audit(database, "remove_notice")
    assert add_event["valid_until"] is None and add_event["valid_from"] == "2026-02-01"
    assert remove_event["valid_until"] is None and remove_event["reference"] == "GS-1"


def test_a_notice_ending_before_it_starts_is_refused_when_added(database: Database) -> None:
    created = family(database)
    before = counts(database)
    with pytest.raises(InvalidField) as error:
        add_notice(database, created.household_id, created.version, NoticeInput(
            "sgb2", date(2026, 3, 1), date(2026, 2, 28)))
    assert error.value.field == "notice.valid_until"
    assert "Gültig bis (28.02.2026) liegt vor „Gültig ab“ (01.03.2026)" in (
        error.value.message_de)
    assert counts(database) == before
    assert version(database, created.household_id) == created.version


@pytest.mark.parametrize("kind", ["pflegegeld", "pflegegeld_sgb8", "blindengeld"])
def test_incomes_that_are_not_counted_are_accepted(database: Database, kind: str) -> None:
    """Pflegegeld and Blindengeld are recorded and shown, but add nothing to the income."""
    created = family(database, notices=[])
    household, juergen = created.household_id, created.person_ids[0]
    application = apply(database, household, TODAY, today=TODAY)
    without = decide(database, application.application_id).decision.household
    add_income(database, household, created.version,
               IncomeInput(juergen, kind, Decimal("901.00"), "month", date(2025, 1, 1)))
    assert (kind, Decimal("901.00")) in [
        (i.kind, i.amount) for i in household_details(database, household, TODAY).incomes]
    again = apply(database, household, TODAY, today=TODAY)
    with_it = decide(database, again.application_id).decision.household
    assert with_it.net_income == without.net_income == Decimal("2565.00")
    # and when a household is created with one (for another person: Gülşen is registered)
    other = family(database, members=_member(ELIF), notices=[], incomes=[
        IncomeInput(0, kind, Decimal("350"), "month", date(2025, 1, 1))])
    [income] = household_details(database, other.household_id, TODAY).incomes
    assert (income.kind, income.amount) == (kind, Decimal("350.00"))


def test_a_salutation_is_saved_and_corrected(database: Database) -> None:
    created = family(database, members=[
        MemberInput.new(PersonInput("Weiß", "Jürgen", date(1980, 5, 3), "m",
                                    salutation="Herr"), "applicant"),
        MemberInput.new(GUELSEN, "partner"),
    ], incomes=[], notices=[])
    household, [juergen, guelsen] = created.household_id, created.person_ids

    def salutations() -> list[str | None]:
        return [m.salutation for m in household_details(database, household, TODAY).members]

    assert salutations() == ["herr", None]  # tidied to the stored code; none: no salutation
    saved = update_person(database, guelsen, 1, PersonInput(
        "Müller-Öztürk", "Gülşen", date(1982, 11, 30), "f", salutation="frau"), today=TODAY)
    assert salutations() == ["herr", "frau"]
    assert _audit(database, "update_person")[-1]["fields"] == ["salutation"]
    update_person(database, guelsen, saved.version, PersonInput(
        "Müller-Öztürk", "Gülşen", date(1982, 11, 30), "f", salutation=""), today=TODAY)
    assert salutations() == ["herr", None]  # an empty choice removes it
    with refused("Anrede muss „Frau“, „Herr“ oder leer sein"):
        update_person(database, juergen, 1, PersonInput(
            "Weiß", "Jürgen", date(1980, 5, 3), "m", salutation="Dr."), today=TODAY)
    assert salutations() == ["herr", None]
    # a person added to a stored household
    lina = add_member(database, household, created.version, MemberInput.new(
        PersonInput("Weiß", "Lina", date(2026, 2, 1), salutation="frau"), "child"),
        date(2026, 2, 1), today=TODAY)
    with UnitOfWork(database, write=False) as uow:
        stored = uow.session.get(Person, lina.record_id)
        assert stored is not None and stored.salutation == "frau"
