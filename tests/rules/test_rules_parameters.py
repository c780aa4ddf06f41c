"""Loading the dated parameter files and selecting the rule set in force."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kpass.rules import (
    ParameterError,
    Parameters,
    configured_issuers,
    load_parameters,
    load_parameters_file,
)
from kpass.rules.parameter_files import rules_dir
from kpass.rules.parameters import PARAMETER_UNITS


def test_karlsruhe_rule_sets(karlsruhe: Parameters) -> None:
    assert [rs.id for rs in karlsruhe.rule_sets] == ["ka-2020-01-01", "ka-2021-01-01"]
    assert karlsruhe.first_date == date(2020, 1, 1)
    assert karlsruhe.rule_set_on(date(2019, 12, 31)) is None
    in_2020 = karlsruhe.rule_set_on(date(2020, 7, 1))
    assert in_2020 is not None and in_2020.threshold == Decimal("1200.00")
    current = karlsruhe.rule_set_on(date(2026, 3, 15))
    assert current is not None
    assert current.id == "ka-2021-01-01"
    assert current.threshold == Decimal("1300.00")
    assert (current.weight_first_adult, current.weight_older_member,
            current.weight_young_member) == (Decimal("1.0"), Decimal("0.5"), Decimal("0.3"))
    assert (current.older_member_age, current.adult_age, current.adult_min_age) == (14, 18, 18)
    assert current.large_family_min_minors == 5
    assert (current.senior_extra_age, current.senior_extra_amount) == (60, Decimal("120.00"))
    assert current.validity_months == 12
    assert current.qualifying_benefits == (
        "sgb2", "sgb12_hlu", "sgb12_grundsicherung", "asylblg", "wohngeld", "kinderzuschlag",
        "sgb8_stationaer",
    )
    assert "kindergeld" in current.income_kinds
    assert current.uncounted_income_kinds == ("pflegegeld", "pflegegeld_sgb8", "blindengeld")
    assert current.not_counted_income_kinds == frozenset(
        current.qualifying_benefits + current.uncounted_income_kinds)
    assert {"pflegegeld", "pflegegeld_sgb8", "blindengeld", "wohngeld", "wages"} <= (
        karlsruhe.known_income_kinds)
    assert current.issuer.municipality == "Karlsruhe"
    assert current.issuer.stadtteil_codes == frozenset(f"{n:02d}" for n in range(1, 28))
    assert karlsruhe.rule_set_by_id("ka-2020-01-01") is karlsruhe.rule_sets[0]


def test_every_parameter_has_description_reference_and_unit(karlsruhe: Parameters) -> None:
    assert set(karlsruhe.parameters) == set(PARAMETER_UNITS)
    for name, parameter in karlsruhe.parameters.items():
        assert parameter.description and parameter.reference, name
        assert parameter.unit == PARAMETER_UNITS[name]
    assert "Gemeinderat Karlsruhe 19.11.2019, TOP 8.1" in karlsruhe.parameters[
        "threshold"].reference


def test_example_municipality(ettlingen: Parameters) -> None:
    assert ettlingen.issuer.example
    assert ettlingen.issuer.municipality == "Ettlingen"
    assert ettlingen.issuer.stadtteile is None
    current = ettlingen.rule_set_on(date(2026, 3, 15))
    assert current is not None
    assert current.id == "et-2021-01-01"
    assert current.adult_min_age == 60
    assert current.threshold == Decimal("1300.00")  # taken over from karlsruhe.toml


def test_issuers_are_found_by_name_and_cached() -> None:
    assert [i.municipality for i in configured_issuers()][:2] == ["Karlsruhe", "Ettlingen"]
    assert load_parameters() is load_parameters("karlsruhe")
    assert load_parameters("Stadt Karlsruhe") is load_parameters("KARLSRUHE")
    with pytest.raises(ParameterError, match="no issuer called 'Bruchsal'"):
        load_parameters("Bruchsal")


def test_what_if_copy(karlsruhe: Parameters) -> None:
    changed = karlsruhe.with_values("threshold", {date(2020, 1, 1): Decimal("1400.00")})
    current = changed.rule_set_on(date(2026, 3, 15))
    assert current is not None
    assert current.threshold == Decimal("1400.00")
    assert current.id == "ka-whatif-2020-01-01"
    # the original is untouched
    original = karlsruhe.rule_set_on(date(2026, 3, 15))
    assert original is not None and original.threshold == Decimal("1300.00")


# --- broken files ---------------------------------------------------------------------------


def _write(tmp_path: Path, text: str, name: str = "broken.toml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / name


def _karlsruhe_text() -> str:
    return (rules_dir() / "karlsruhe.toml").read_text(encoding="utf-8")


def _copy_with(tmp_path: Path, old: str, new: str) -> Path:
    text = _karlsruhe_text()
    assert old in text
    # stadtteile.csv is found relative to the file
    (tmp_path / "rules").mkdir(exist_ok=True)
    (tmp_path / "stadtteile.csv").write_bytes((rules_dir().parent / "stadtteile.csv").read_bytes())
    return _write(tmp_path / "rules", text.replace(old, new))


def test_the_shipped_file_copied_loads(tmp_path: Path) -> None:
    parameters = load_parameters_file(_copy_with(tmp_path, "[threshold]", "[threshold]"))
    assert parameters.rule_sets[-1].id == "ka-2021-01-01"


@pytest.mark.parametrize(
    ("old", "new", "key", "problem"),
    [
        ('2021-01-01 = "1300.00"', '2021-01-01 = 1300.0', "threshold.values.2021-01-01",
         "as a string"),
        ('2021-01-01 = "1300.00"', '2021-01-01 = "13OO.00"', "threshold.values.2021-01-01",
         "not a decimal number"),
        ('2021-01-01 = "1300.00"', '2021-01-01 = "1300.001"', "threshold.values.2021-01-01",
         "two decimal places"),
        ('2021-01-01 = "1300.00"', '2021-13-01 = "1300.00"', "threshold.values.2021-13-01",
         "start date"),
        ('unit = "EUR/month"', 'unit = "EUR"', "threshold.unit", "must be 'EUR/month'"),
        ('values = { 2020-01-01 = 14 }', 'values = { 2020-01-01 = "14" }',
         "older_member_age.values.2020-01-01", "whole number"),
        ('[validity_months]', '[validity_month]', "validity_month", "unknown parameter"),
        ('rule_set_prefix = "ka"', 'rule_set_prefix = "KA-1"', "issuer.rule_set_prefix",
         "lowercase letters"),
        ('    "wohngeld",\n', '    "wohngeld",\n    "wohngeld",\n',
         "qualifying_benefits.values.2020-01-01", "twice"),
        ('    "bafoeg",\n', '    "bafoeg",\n    "sgb2",\n', "income_kinds",
         "also qualifying benefits"),
        ('    "bafoeg",\n', '    "bafoeg",\n    "pflegegeld",\n', "uncounted_income_kinds",
         "also in income_kinds"),
        ('    "blindengeld",\n', '    "blindengeld",\n    "wohngeld",\n',
         "uncounted_income_kinds", "also in qualifying_benefits"),
        ('2021-01-01 = "1300.00"', '2021-01-01 = "0.00"', "threshold", "more than 0.00"),
        ('[adult_min_age]\ndescription', '[adult_min_age]\nsource = "x"\ndescription',
         "adult_min_age.source", "unknown key"),
        ('reference = "karlsruher-pass.de (60plus)"\nunit = "years"',
         'reference = ""\nunit = "years"', "senior_extra_age.reference", "non-empty"),
    ],
)
def test_errors_name_file_and_key(tmp_path: Path, old: str, new: str, key: str,
                                  problem: str) -> None:
    path = _copy_with(tmp_path, old, new)
    with pytest.raises(ParameterError) as caught:
        load_parameters_file(path)
    message = str(caught.value)
    assert str(path) in message
    assert f"[{key}]" in message
    assert problem in message
    assert caught.value.key == key
    assert caught.value.file == str(path)


def test_missing_parameter_is_named(tmp_path: Path) -> None:
    text = _karlsruhe_text()
    start = text.index("[validity_months]")
    end = text.index("[qualifying_benefits]")
    (tmp_path / "stadtteile.csv").write_bytes((rules_dir().parent / "stadtteile.csv").read_bytes())
    (tmp_path / "rules").mkdir()
    path = _write(tmp_path / "rules", text[:start] + text[end:])
    with pytest.raises(ParameterError, match=r"broken\.toml: \[validity_months\]: missing"):
        load_parameters_file(path)


def test_not_toml_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "[threshold\nvalues = 1")
    with pytest.raises(ParameterError, match=r"broken\.toml: not valid TOML"):
        load_parameters_file(path)


def test_missing_file_and_missing_issuer(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match="cannot read"):
        load_parameters_file(tmp_path / "nothing.toml")
    path = _write(tmp_path, 'extends = "' + str(rules_dir() / "karlsruhe.toml") + '"\n')
    with pytest.raises(ParameterError, match=r"\[issuer\]: missing table"):
        load_parameters_file(path)


def test_extends_in_a_circle(tmp_path: Path) -> None:
    _write(tmp_path, 'extends = "b.toml"\n', "a.toml")
    _write(tmp_path, 'extends = "a.toml"\n', "b.toml")
    with pytest.raises(ParameterError, match=r"\[extends\]: files extend each other"):
        load_parameters_file(tmp_path / "a.toml")


def test_bad_stadtteile_file(tmp_path: Path) -> None:
    (tmp_path / "stadtteile.csv").write_text("code;name\n1;Innenstadt\n", encoding="utf-8")
    (tmp_path / "rules").mkdir()
    path = _write(tmp_path / "rules", _karlsruhe_text())
    with pytest.raises(ParameterError, match=r"stadtteile\.csv: \[line 2\]"):
        load_parameters_file(path)


def test_inconsistent_ages_are_rejected(tmp_path: Path) -> None:
    path = _copy_with(tmp_path, "values = { 2020-01-01 = 18 }\n\n[large_family_min_minors]",
                      "values = { 2020-01-01 = 18, 2022-01-01 = 16 }\n\n[large_family_min_minors]")
    with pytest.raises(ParameterError, match=r"\[adult_min_age\].*from 2022-01-01"):
        load_parameters_file(path)
