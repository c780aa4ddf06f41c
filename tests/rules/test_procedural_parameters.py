"""A procedural parameter (the days after posting at which a letter counts as notified) is
dated like the others, but its dates make no rule set: a new value leaves the rule set id
every decision names as it was. The parameter file says so (``procedural = true``), and the
loader holds it to that both ways."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kpass.rules import Parameters, load_parameters, load_parameters_file
from kpass.rules.errors import ParameterError
from kpass.rules.parameter_files import rules_dir
from tests.rules.test_rules_parameter_changes import changed_parameters, decide, person

HOUSEHOLD = (person("p1", "1950-05-05", ("pension", "1250.00")),
             person("p2", "2015-01-01"))


@pytest.fixture(scope="module")
def shipped() -> Parameters:
    return load_parameters()


@pytest.mark.parametrize("issuer", ["karlsruhe", "ettlingen"])
def test_the_shipped_days_of_notification_are_procedural_and_name_no_rule_set(
    issuer: str
) -> None:
    parameters = load_parameters(issuer)
    days = parameters.parameters["notification_days"]
    assert days.procedural
    assert days.values == ((date(2020, 1, 1), 3), (date(2025, 2, 7), 4))
    assert "GBl. 2025 Nr. 8" in days.reference and "vierten Tag" in days.reference
    assert "vom Rechtsamt zu bestätigen" in days.reference
    prefix = parameters.issuer.rule_set_prefix
    assert [r.id for r in parameters.rule_sets] == [f"{prefix}-2020-01-01", f"{prefix}-2021-01-01"]
    assert not any(p.procedural for name, p in parameters.parameters.items()
                   if name != "notification_days")


@pytest.mark.parametrize("day", ["2025-02-06", "2025-02-07", "2026-03-15"])
def test_a_new_date_of_a_procedural_parameter_changes_no_decision(
    tmp_path: Path, shipped: Parameters, day: str
) -> None:
    changed = changed_parameters(
        tmp_path, notification_days="{ 2020-01-01 = 3, 2025-02-07 = 4, 2026-01-01 = 5 }")
    assert changed.parameters["notification_days"].value_on(date(2026, 1, 1)) == (
        date(2026, 1, 1), 5)
    assert [r.id for r in changed.rule_sets] == [r.id for r in shipped.rule_sets]
    before, after = decide(shipped, *HOUSEHOLD, day=day), decide(changed, *HOUSEHOLD, day=day)
    assert after == before and after.rule_set == "ka-2021-01-01"


def test_a_new_date_of_an_eligibility_parameter_still_makes_a_rule_set(tmp_path: Path) -> None:
    changed = changed_parameters(tmp_path, senior_extra_age="{ 2020-01-01 = 60, 2026-01-01 = 62 }")
    assert decide(changed, *HOUSEHOLD, day="2026-03-15").rule_set == "ka-2026-01-01"


def _file_with(tmp_path: Path, old: str, new: str) -> Path:
    text = (rules_dir() / "karlsruhe.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    (tmp_path / "stadtteile.csv").write_bytes((rules_dir().parent / "stadtteile.csv").read_bytes())
    (tmp_path / "rules").mkdir()
    path = tmp_path / "rules" / "karlsruhe.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(("old", "new", "key", "message"), [
    ("procedural = true\n", "", "notification_days.procedural", "mark it procedural = true"),
    ("procedural = true\n", 'procedural = "ja"\n', "notification_days.procedural",
     "must be true or false"),
    ('unit = "EUR/month"\n', 'unit = "EUR/month"\nprocedural = true\n', "threshold.procedural",
     "an eligibility parameter cannot be procedural"),
])
def test_the_file_must_mark_exactly_the_procedural_parameters(
    tmp_path: Path, old: str, new: str, key: str, message: str
) -> None:
    with pytest.raises(ParameterError) as caught:
        load_parameters_file(_file_with(tmp_path, old, new))
    assert key in str(caught.value) and message in str(caught.value)
    assert "karlsruhe.toml" in str(caught.value)


def test_a_what_if_copy_of_a_procedural_parameter_stays_procedural(shipped: Parameters) -> None:
    copy = shipped.with_values("notification_days", {date(2020, 1, 1): 3, date(2026, 6, 1): 5})
    assert copy.parameters["notification_days"].procedural
    assert [r.id for r in copy.rule_sets] == ["ka-whatif-2020-01-01", "ka-whatif-2021-01-01"]
