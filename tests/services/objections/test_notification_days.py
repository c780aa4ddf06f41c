"""The days of notification follow the day the letter was posted (§ 41 Abs. 2 LVwVfG BW: the
third day until 06.02.2025, the fourth from 07.02.2025), and the new value leaves the rule
set of the decisions as it was: it decides no eligibility."""

from __future__ import annotations

from datetime import date

import pytest

from kpass.models.engine import Database
from kpass.services.applications.deciding import apply, decide
from kpass.services.objections import lodge_objection
from tests.register_builder import add_household, add_income, household_of
from tests.services.objections.conftest import FUTURE


@pytest.mark.parametrize(("decided", "notified", "deadline", "days"), [
    # Thursday + 3 = Sunday 09.02. (not moved); 09.03. a Sunday → Monday 10.03.
    (date(2025, 2, 6), date(2025, 2, 9), date(2025, 3, 10), 3),
    # Friday + 4 = Tuesday 11.02.; 11.03. a Tuesday
    (date(2025, 2, 7), date(2025, 2, 11), date(2025, 3, 11), 4),
])
def test_a_letter_posted_before_the_amendment_counts_three_days_after_it_four(
    database: Database, decided: date, notified: date, deadline: date, days: int
) -> None:
    [person] = add_household(database, [("Weiß-Özdemir", "Jürgen", date(1950, 5, 5),
                                         "applicant")])
    add_income(database, person, "pension", "2000.00")
    application = apply(database, household_of(database, person), decided, today=FUTURE)
    decision = decide(database, application.application_id)
    # the new value of the procedural parameter started no rule set of its own
    assert decision.decision.rule_set == "ka-2021-01-01"
    on_time = lodge_objection(database, decision.decision_id, deadline,
                              lodged_by_person_id=person, today=FUTURE)
    assert (on_time.bekanntgabe_on - decided).days == days
    assert (on_time.bekanntgabe_on, on_time.deadline, on_time.in_time) == (
        notified, deadline, True)
