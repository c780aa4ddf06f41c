"""A household with everything an Art. 15 report shows, made through the services: Jürgen
(the data subject: photo, corrected wages, a notice naming him, a decision, a pass, prints,
a look-alike recorded as another person), his partner Gülşen and their son Max, whose data
must stay out of Jürgen's report."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from PIL import Image

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.household import household_details
from kpass.services.household.changes import AddIncome, CorrectIncome, save_household_changes
from kpass.services.household.creation import create_household
from kpass.services.household.identity import record_distinction
from kpass.services.household.photos import set_photo
from kpass.services.household.validation import (
    AddressInput,
    IncomeInput,
    MemberInput,
    NoticeInput,
    PersonInput,
)
from kpass.services.passes.actions import issue_passes
from kpass.services.printing import print_cards, print_decision_letter
from tests.register_builder import add_household

DAY = date(2026, 3, 16)
FUTURE = date(2030, 1, 1)
SINCE = date(2020, 1, 1)
HOME = AddressInput("Straße am Schloßgarten", "12a", "76131", "Karlsruhe", "01")
JUERGEN = PersonInput("Weiß", "Jürgen", date(1980, 5, 3), "m", salutation="herr")
GUELSEN = PersonInput("Müller-Öztürk", "Gülşen", date(1982, 11, 30), "f")
MAX = PersonInput("Weiß", "Max Ömer", date(2015, 2, 14), "m", disability=True)
#: Words of the others' data that must never be in Jürgen's report.
OTHERS_WORDS = ("Gülşen", "Müller-Öztürk", "Max Ömer", "1982-11-30", "30.11.1982", "Minijob",
                "minijob", "Kinderzuschlag", "kinderzuschlag", "KZ-0815")


@dataclass(frozen=True)
class Family:
    household: int
    juergen: int
    guelsen: int
    max: int
    application: int
    decision: int
    juergen_pass: str
    others_passes: tuple[str, ...]
    photo: bytes


def passport_photo() -> bytes:
    image = Image.new("RGB", (70, 90), (180, 120, 90))
    stream = io.BytesIO()
    image.save(stream, "JPEG")
    return stream.getvalue()


def make_family(database: Database, prints: Path) -> Family:
    created = create_household(
        database, HOME,
        [MemberInput.new(JUERGEN, "applicant"), MemberInput.new(GUELSEN, "partner"),
         MemberInput.new(MAX, "child")],
        [IncomeInput(0, "wages", Decimal("2310.00"), "month", date(2025, 1, 1), "Lohnzettel"),
         IncomeInput(2, "kindergeld", Decimal("255"), "month", date(2025, 1, 1))],
        [NoticeInput("wohngeld", date(2026, 1, 1), date(2026, 12, 31), "WG-4711", (0, 2)),
         NoticeInput("kinderzuschlag", date(2026, 1, 1), date(2026, 12, 31), "KZ-0815", (1,))],
        since=SINCE, today=DAY)
    juergen, guelsen, max_ = created.person_ids
    photo = passport_photo()
    set_photo(database, juergen, photo)
    details = household_details(database, created.household_id, DAY)
    wages = next(i for i in details.incomes if i.kind == "wages")
    save_household_changes(database, created.household_id, details.version, [
        CorrectIncome(wages.income_id, IncomeInput(juergen, "wages", Decimal("2130.00"),
                                                   "month", wages.valid_from, "Lohnzettel"),
                      "Zahlendreher im Lohnzettel"),
        AddIncome(-1, IncomeInput(guelsen, "minijob", Decimal("520.00"), "month", DAY)),
    ], today=DAY)
    application = apply(database, created.household_id, DAY, today=FUTURE,
                        proofs=("personalausweis", "leistungsbescheid"))
    decision = decide(database, application.application_id)
    issued = issue_passes(database, decision.decision_id)
    numbers = {i.person_id: i.number for i in issued if i.number}
    print_cards(database, [numbers[juergen]], prints / "karte.pdf", today=DAY)
    print_cards(database, list(numbers.values()), prints / "bogen.pdf", sheet=True, today=DAY)
    print_decision_letter(database, decision.decision_id, prints / "bescheid.pdf",
                          letter_date=DAY)
    [look_alike] = add_household(database, [("Weiß", "Jürgen", date(1980, 5, 3), "applicant")],
                                 street="Waldstraße", number="9")
    record_distinction(database, juergen, look_alike, "Ausweise verglichen: zwei Personen")
    return Family(created.household_id, juergen, guelsen, max_, application.application_id,
                  decision.decision_id, numbers[juergen],
                  tuple(n for p, n in numbers.items() if p != juergen), photo)
