"""Letters that tell the truth: built from real register situations, read back from the PDF.

Each test builds a household with the services (apply, decide and issue, renew), gathers the
letter with :mod:`kpass.services.printing.letter_data` and reads the rendered PDF with pdftotext.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from kpass.documents import (
    DecisionLetterData,
    render_decision_letter,
    render_renewal_reminders,
)
from kpass.documents.data import PASS_CONTINUED, PASS_NEW, PASS_RUNNING
from kpass.models import AppUser, Decision, HouseholdMember, Person
from kpass.models.engine import Database
from kpass.rules import is_valid_pass_number
from kpass.services.applications.deciding import apply
from kpass.services.passes.actions import IssuedPass, decide_and_issue, renew_pass, revoke_pass
from kpass.services.passes.queries import list_passes
from kpass.services.printing.letter_data import (
    decision_letter_data,
    legal_sources,
    of_age_on,
    reminder_data,
    salutation,
)
from kpass.services.uow import UnitOfWork
from tests.register_builder import add_household, add_income, household_of
from tests.rule_file_copy import clear_rule_caches, use_changed_rules

from .pdf_tools import pdf_text

FUTURE = date(2030, 1, 1)
FIRST_DAY = date(2026, 3, 16)
REPO = Path(__file__).resolve().parents[2]


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces made single spaces."""
    return re.sub(r"\s+", " ", text)


@dataclass
class Household:
    """A household in the register: its id and its persons' ids by given name."""

    id: int
    persons: dict[str, int]


def make_household(
    database: Database, persons: list[tuple[str, str, date, str]],
    salutations: dict[str, str] | None = None,
) -> Household:
    ids = add_household(database, persons)
    by_name = {given: person_id for (_, given, _, _), person_id in zip(persons, ids, strict=True)}
    if salutations:
        with UnitOfWork(database) as uow:
            for given, value in salutations.items():
                person = uow.session.get(Person, by_name[given])
                assert person is not None
                person.salutation = value
            uow.commit()
    return Household(household_of(database, ids[0]), by_name)


def decide(database: Database, household: Household, day: date) -> tuple[int, list[IssuedPass]]:
    application = apply(database, household.id, day, today=FUTURE)
    decided, issued = decide_and_issue(database, application.application_id)
    return decided.decision_id, issued


def letter(
    database: Database, decision_id: int, tmp_path: Path, name: str = "bescheid.pdf",
    **options: object,
) -> tuple[DecisionLetterData, str, str]:
    """The letter data, the flat text and the layout text of the rendered Bescheid."""
    with UnitOfWork(database, write=False) as uow:
        data = decision_letter_data(uow, decision_id, letter_date=FUTURE, **options)  # type: ignore[arg-type]
    target = tmp_path / name
    render_decision_letter(data, target)
    return data, flat(pdf_text(target)), pdf_text(target, layout=True)


def number_of(issued: list[IssuedPass], person_id: int) -> str:
    [number] = [i.number for i in issued if i.person_id == person_id]
    assert number is not None
    return number


# -- the highest eligible income ------------------------------------------------------------


@pytest.fixture
def rejected(database: Database) -> tuple[Household, int]:
    """The spec's example (section 4): 2,820.00 € for weights 2.1 — above the threshold."""
    household = make_household(database, [
        ("Mustermann", "Erika", date(1981, 4, 2), "applicant"),
        ("Mustermann", "Max", date(1983, 5, 3), "partner"),
        ("Mustermann", "Tim", date(2014, 1, 20), "child"),
        ("Mustermann", "Mia", date(2017, 1, 20), "child"),
    ], {"Erika": "frau"})
    add_income(database, household.persons["Erika"], "wages", "2310.00")
    add_income(database, household.persons["Tim"], "kindergeld", "255.00")
    add_income(database, household.persons["Mia"], "kindergeld", "255.00")
    decision_id, issued = decide(database, household, date(2026, 3, 15))
    assert issued == []
    return household, decision_id


def test_the_letter_states_the_highest_eligible_income_not_the_limit(
    database: Database, rejected: tuple[Household, int], tmp_path: Path
) -> None:
    _, decision_id = rejected
    data, words, layout = letter(database, decision_id, tmp_path)
    assert data.highest_eligible_income == Decimal("2729.98")
    assert "Ihr Antrag vom 15.03.2026 wird abgelehnt" in words
    # A row of the table of figures (read as laid out, label and amount on one line).
    assert "Berechtigt bis zu einem Haushaltsnettoeinkommen von 2.729,98 €" in flat(layout)
    assert "berechtigt wäre der Haushalt nur bis zu einem Haushaltsnettoeinkommen von 2.729,98 €" \
        in words  # the reason, from the rules
    # A household at 2,729.99 € would be refused: the limit is never offered as the answer.
    assert "2.730,00" not in words and "Höchstes" not in words
    for figure in ("2.820,00 €", "2,1", "1.342,86 €", "1.300,00 €", "42,86 € über der Grenze"):
        assert figure in words, figure


def test_a_decision_stored_before_the_second_edition_gets_the_figure_worked_out(
    database: Database, rejected: tuple[Household, int], tmp_path: Path
) -> None:
    _, decision_id = rejected
    with UnitOfWork(database) as uow:
        stored = uow.session.get(Decision, decision_id)
        assert stored is not None
        output = dict(stored.output)
        output["household"] = {k: v for k, v in output["household"].items()
                               if k != "highest_eligible_income"}
        # The reason texts of then: fragments, and the rule set was a "Regelsatz".
        output["members"] = [
            {**m, "reasons": [{"code": "income_above", "text": "Nettoäquivalenzeinkommen "
                               "1.342,86 € liegt 42,86 € über der Grenze von 1.300,00 €"}]}
            for m in output["members"]
        ]
        stored.output = output
        uow.commit()
    data, words, layout = letter(database, decision_id, tmp_path)
    assert data.highest_eligible_income == Decimal("2729.98")
    assert "Berechtigt bis zu einem Haushaltsnettoeinkommen von 2.729,98 €" in flat(layout)
    # The old fragment is printed as a sentence.
    assert "Nettoäquivalenzeinkommen 1.342,86 € liegt 42,86 € über der Grenze von 1.300,00 €." \
        in words


# -- passes that already run ---------------------------------------------------------------


@pytest.fixture
def newborn(database: Database) -> tuple[Household, list[IssuedPass], int, list[IssuedPass]]:
    """Parents and a child hold passes since March; a baby born in July is added in August."""
    household = make_household(database, [
        ("Müller", "Anna", date(1990, 4, 2), "applicant"),
        ("Müller", "Max", date(1988, 6, 3), "partner"),
        ("Müller", "Tim", date(2019, 1, 20), "child"),
    ], {"Anna": "frau"})
    add_income(database, household.persons["Anna"], "wages", "1800.00")
    _, first = decide(database, household, FIRST_DAY)
    assert {i.valid_until for i in first} == {date(2027, 3, 31)}
    with UnitOfWork(database) as uow:
        baby = Person(family_name="Müller", given_names="Lea", birth_date=date(2026, 7, 10))
        uow.session.add(baby)
        uow.session.flush()
        uow.session.add(HouseholdMember(household_id=household.id, person_id=baby.id,
                                        role="child", valid_from=baby.birth_date))
        uow.commit()
        household.persons["Lea"] = baby.id
    decision_id, second = decide(database, household, date(2026, 8, 5))
    return household, first, decision_id, second


def test_newborn_added_mid_year_parents_keep_their_running_passes(
    database: Database, newborn: tuple[Household, list[IssuedPass], int, list[IssuedPass]],
    tmp_path: Path,
) -> None:
    household, first, decision_id, second = newborn
    anna, max_, tim, lea = (household.persons[n] for n in ("Anna", "Max", "Tim", "Lea"))
    # What the register holds: the parents' and Tim's passes run on, only Lea gets a new one.
    assert {i.person_id: i.action for i in second} == {
        anna: "none", max_: "none", tim: "none", lea: "new_pass"}
    data, words, _ = letter(database, decision_id, tmp_path)
    by_name = {m.name: m for m in data.members}
    for name in ("Anna Müller", "Max Müller", "Tim Müller"):
        member = by_name[name]
        assert member.pass_action == PASS_RUNNING
        assert (member.valid_from, member.valid_until) == (FIRST_DAY, date(2027, 3, 31))
    assert by_name["Lea Müller"].pass_action == PASS_NEW
    assert "Ihr Antrag vom 05.08.2026 wird bewilligt" in words
    assert (f"Ihr Karlsruher Pass {number_of(first, anna)} gilt bereits bis 31.03.2027; ein "
            "neuer Pass wird nicht ausgestellt.") in words
    assert (f"Der Karlsruher Pass {number_of(first, max_)} von Max Müller gilt bereits bis "
            "31.03.2027; ein neuer Pass wird nicht ausgestellt.") in words
    assert (f"Der Karlsruher Kinderpass {number_of(first, tim)} von Tim Müller gilt bereits bis "
            "31.03.2027") in words
    # The parents' lines show their passes' real dates, not those of a new pass.
    assert words.count("16.03.2026 bis 31.03.2027") == 3
    assert words.count("05.08.2026 bis 31.08.2027") == 1  # Lea's new pass only
    assert f"05.08.2026 bis 31.08.2027 {number_of(second, lea)}" in words


def test_a_pass_revoked_from_a_later_day_is_stated_with_its_last_day(
    database: Database, tmp_path: Path
) -> None:
    household = make_household(database, [("Weiß", "Jürgen", date(1975, 5, 5), "applicant")])
    add_income(database, household.persons["Jürgen"], "pension", "1000.00")
    _, issued = decide(database, household, FIRST_DAY)
    number = number_of(issued, household.persons["Jürgen"])
    revoke_pass(database, number, date(2027, 3, 15), "Wegzug zum 15.03.2027", today=FUTURE)
    decision_id, again = decide(database, household, date(2027, 3, 2))
    assert [i.action for i in again] == ["none"]
    data, words, _ = letter(database, decision_id, tmp_path)
    assert (data.members[0].valid_from, data.members[0].valid_until) == (
        FIRST_DAY, date(2027, 3, 14))
    assert (f"Ihr Karlsruher Pass {number} gilt bereits bis 14.03.2027; ein neuer Pass wird "
            "nicht ausgestellt.") in words


# -- legal basis, caseworker, salutation, legal remedy -------------------------------------


def test_legal_basis_caseworker_and_legal_remedy(
    database: Database, newborn: tuple[Household, list[IssuedPass], int, list[IssuedPass]],
    tmp_path: Path,
) -> None:
    _, _, decision_id, _ = newborn
    with UnitOfWork(database) as uow:
        user = uow.session.scalar(select(AppUser).where(AppUser.username == "testerin"))
        assert user is not None  # made by the services that decided
        user.display_name = "Erika Beispiel"
        uow.commit()
    data, words, layout = letter(database, decision_id, tmp_path)
    assert data.caseworker == "Erika Beispiel"
    assert "Sehr geehrte Frau Müller," in words
    # The legal basis names the Gemeinderat's decision and the issuer; the rule-set id is
    # only small print for the file.
    assert ("Dieser Bescheid beruht auf den Voraussetzungen der Stadt Karlsruhe für den "
            "Karlsruher Pass und den Karlsruher Kinderpass (Gemeinderat Karlsruhe 19.11.2019, "
            "TOP 8.1).") in words
    assert "Die Einkommensgrenze von 1.300,00 € im Monat gilt seit dem 01.01.2021." in words
    assert "Regelwerk ka-2021-01-01 (Angabe für die Akte)" in words
    assert words.count("ka-2021-01-01") == 1 and "Regelsatz" not in words
    assert ("schriftlich, in elektronischer Form nach § 3a Abs. 2 des "
            "Landesverwaltungsverfahrensgesetzes oder zur Niederschrift") in words
    # The caseworker's name under "Im Auftrag", with room to sign between them.
    lines = [line.strip() for line in layout.splitlines()]
    below = lines.index("Im Auftrag")
    name = lines.index("Erika Beispiel")
    assert below < name <= below + 5 and all(not line for line in lines[below + 1:name])
    # The contact lines of the settings: the switchboard, the rest visibly to be filled in.
    assert "Telefon 0721 133-0 (Zentrale)" in words and "E-Mail: [bitte eintragen]" in words


def test_caseworker_without_display_name_is_named_by_user_name(
    database: Database, rejected: tuple[Household, int], tmp_path: Path
) -> None:
    _, decision_id = rejected
    with UnitOfWork(database) as uow:
        user = uow.session.scalar(select(AppUser).where(AppUser.username == "testerin"))
        assert user is not None
        user.display_name = " "
        uow.commit()
    data, words, _ = letter(database, decision_id, tmp_path)
    assert data.caseworker == "testerin" and "Im Auftrag testerin" in words
    data, words, _ = letter(database, decision_id, tmp_path, "given.pdf",
                            caseworker="Jana Schreiber")
    assert "Im Auftrag Jana Schreiber" in words


def test_salutations() -> None:
    def person(value: str | None, sex: str | None = None) -> Person:
        return Person(family_name="Müller", given_names="Max", birth_date=date(1980, 1, 1),
                      sex=sex, salutation=value)

    assert salutation(person("frau")) == "Sehr geehrte Frau Müller,"
    assert salutation(person("herr")) == "Sehr geehrter Herr Müller,"
    # The sex is no salutation: without a recorded one, a neutral greeting.
    assert salutation(person(None, "m")) == "Guten Tag Max Müller,"


def test_letter_to_a_representative_and_without_salutation(
    database: Database, rejected: tuple[Household, int], tmp_path: Path
) -> None:
    household, decision_id = rejected
    _, words, _ = letter(database, decision_id, tmp_path,
                         representative="Beate Betreuerin\nHauptstraße 5\n76137 Karlsruhe")
    assert "Sehr geehrte Damen und Herren," in words
    assert "als gesetzliche Betreuerin/gesetzlicher Betreuer von Erika Mustermann" in words
    assert "Beate Betreuerin Hauptstraße 5 76137 Karlsruhe" in words
    with UnitOfWork(database) as uow:
        person = uow.session.get(Person, household.persons["Erika"])
        assert person is not None
        person.salutation = None
        uow.commit()
    _, words, _ = letter(database, decision_id, tmp_path, "neutral.pdf")
    assert "Guten Tag Erika Mustermann," in words and "Sehr geehrte" not in words


# -- the parameters of the rule file reach the letter ---------------------------------------


@pytest.fixture
def changed_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The resources with a copy of the rule file in which, from 2026, the 60plus vouchers
    are worth 150.00 € from age 63 and a pass is valid for six months."""
    use_changed_rules(tmp_path, monkeypatch, {
        "senior_extra_amount": '2026-01-01 = "150.00"',
        "senior_extra_age": "2026-01-01 = 63",
        "validity_months": "2026-01-01 = 6",
    })
    yield
    monkeypatch.undo()
    clear_rule_caches()


def test_changed_parameters_are_what_the_letter_says(
    database: Database, changed_rules: None, tmp_path: Path
) -> None:
    household = make_household(database, [("Weiß", "Jürgen", date(1962, 5, 5), "applicant")],
                               {"Jürgen": "herr"})
    add_income(database, household.persons["Jürgen"], "pension", "1000.00")
    decision_id, issued = decide(database, household, FIRST_DAY)
    assert [(i.valid_from, i.valid_until) for i in issued] == [(FIRST_DAY, date(2026, 9, 30))]
    data, words, _ = letter(database, decision_id, tmp_path)
    assert data.rule_set == "ka-2026-01-01"
    assert ("Jürgen Weiß ist 63 Jahre oder älter und erhält deshalb zusätzlich Gutscheine für "
            "Bildung und Kultur im Wert von 150,00 € je Kalenderjahr.") in words
    assert "120,00" not in words and "60 Jahre" not in words
    assert "16.03.2026 bis 30.09.2026" in words
    assert ("Ein neuer Pass gilt ab dem Tag des Antrags bis zum Ende des Monats, der sechs "
            "Monate nach dem Antragsmonat liegt.") in words
    assert "ohne Unterbrechung weitere sechs Monate" in words
    assert "zwölf" not in words
    assert "Regelwerk ka-2026-01-01" in words


def test_weights_and_large_family_come_from_the_parameters(
    database: Database, tmp_path: Path
) -> None:
    household = make_household(database, [
        ("Klein", "Sara", date(1985, 1, 1), "applicant"),
        *[("Klein", given, born, "child") for given, born in (
            ("Anna", date(2010, 2, 2)), ("Ben", date(2011, 7, 19)), ("Clara", date(2013, 4, 25)),
            ("David", date(2015, 11, 8)), ("Emil", date(2017, 9, 30)))],
    ])
    add_income(database, household.persons["Sara"], "wages", "5000.00")
    decision_id, _ = decide(database, household, FIRST_DAY)
    _, words, _ = letter(database, decision_id, tmp_path)
    assert "Haushalte mit fünf oder mehr Kindern unter 18" in words
    assert "Familie mit fünf" not in words
    assert ("(die erste erwachsene Person 1,0, jede weitere Person ab 14 Jahren 0,5, jede "
            "Person unter 14 Jahren 0,3)") in words


def test_legal_sources_are_the_gemeinderat_decision() -> None:
    from kpass.rules import load_parameters

    assert legal_sources(load_parameters()) == ("Gemeinderat Karlsruhe 19.11.2019, TOP 8.1",)


# -- a Kinderpass holder comes of age -------------------------------------------------------


@pytest.fixture
def coming_of_age(database: Database) -> tuple[Household, list[IssuedPass]]:
    """Elif comes of age before her Kinderpass's expiry month, Can during it, Ela later."""
    household = make_household(database, [
        ("Şahin", "Ömer", date(1970, 4, 2), "applicant"),
        ("Şahin", "Elif", date(2009, 2, 10), "child"),
        ("Şahin", "Can", date(2009, 3, 20), "child"),
        ("Şahin", "Ela", date(2012, 5, 5), "child"),
    ], {"Ömer": "herr"})
    add_income(database, household.persons["Ömer"], "pension", "1500.00")
    _, issued = decide(database, household, FIRST_DAY)
    return household, issued


def test_reminder_says_the_next_pass_keeps_its_number(
    database: Database, coming_of_age: tuple[Household, list[IssuedPass]], tmp_path: Path
) -> None:
    household, issued = coming_of_age
    day = date(2027, 2, 15)
    rows = list_passes(database, expiring_in=(2027, 3), active_on=day)
    with UnitOfWork(database, write=False) as uow:
        reminders = {row.number: reminder_data(uow, row, letter_date=day) for row in rows}
    elif_, can, ela = (reminders[number_of(issued, household.persons[n])]
                       for n in ("Elif", "Can", "Ela"))
    assert (elif_.of_age_on, can.of_age_on, ela.of_age_on) == (
        date(2027, 2, 10), date(2027, 3, 20), None)
    # Elif is of age by the letter's day: it goes to her, not to her father.
    assert elif_.addressed_to_holder and elif_.salutation == "Guten Tag Elif Şahin,"
    assert not can.addressed_to_holder and can.salutation == "Sehr geehrter Herr Şahin,"
    texts = []
    for reminder in (elif_, can, ela):
        target = tmp_path / f"{reminder.number}.pdf"
        render_renewal_reminders([reminder], target)
        texts.append(flat(pdf_text(target)))
    assert ("Sie sind inzwischen volljährig. Der nächste Pass ist deshalb ein Karlsruher Pass "
            "statt eines Karlsruher Kinderpasses. Die Passnummer bleibt; Sie erhalten eine neue "
            "Karte.") in texts[0]
    assert ("Can Şahin wird am 20.03.2027 volljährig. Bei einer Verlängerung ab diesem Tag ist "
            "der nächste Pass ein Karlsruher Pass") in texts[1]
    assert "Die Passnummer bleibt; Sie erhalten eine neue Karte." in texts[1]
    assert "volljährig" not in texts[2] and "Passnummer bleibt" not in texts[2]


def test_renewal_letter_says_the_kinderpass_becomes_a_karlsruher_pass(
    database: Database, coming_of_age: tuple[Household, list[IssuedPass]], tmp_path: Path
) -> None:
    household, issued = coming_of_age
    elif_number = number_of(issued, household.persons["Elif"])
    renewal = renew_pass(database, elif_number, date(2027, 3, 2), today=FUTURE)
    data, words, _ = letter(database, renewal.decision.decision_id, tmp_path)
    elif_ = next(m for m in data.members if m.name == "Elif Şahin")
    assert (elif_.pass_type, elif_.pass_number, elif_.pass_action) == (
        "karlsruher_pass", elif_number, PASS_CONTINUED)
    assert (f"Der Karlsruher Kinderpass {elif_number} von Elif Şahin wird als Karlsruher Pass "
            "weitergeführt und gilt bis 31.03.2028. Die Passnummer bleibt; Sie erhalten eine "
            "neue Karte.") in words
    # The renewal's granted period, continuing the old one.
    assert f"01.04.2027 bis 31.03.2028 {elif_number}" in words
    assert words.count("Passnummer bleibt") == 1  # the others keep their type


def test_coming_of_age_on_29_february() -> None:
    assert of_age_on(date(2008, 2, 29), 18) == date(2026, 3, 1)
    assert of_age_on(date(2008, 2, 29), 16) == date(2024, 2, 29)


# -- example pass numbers -------------------------------------------------------------------

EXAMPLE_NUMBER = re.compile(r"KA-\d{6}-\d{2}")


@pytest.mark.parametrize(
    "place",
    ["kpass/documents", "resources/documents", "tests/documents/test_letters.py",
     "tests/documents/test_letter_truth.py"],
)
def test_example_pass_numbers_have_valid_check_digits(place: str) -> None:
    root = REPO / place
    paths = [root] if root.is_file() else sorted(root.rglob("*"))
    found = [
        (path.name, number)
        for path in paths if path.suffix in (".py", ".toml", ".md", ".txt")
        for number in EXAMPLE_NUMBER.findall(path.read_text("utf-8"))
    ]
    assert [(name, n) for name, n in found if not is_valid_pass_number(n)] == []
