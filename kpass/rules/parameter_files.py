"""Reading the rule parameter files ``resources/rules/*.toml`` (and the Stadtteile CSV).

One file per issuing municipality. Each parameter is a table with ``description``,
``reference`` (the source), ``unit`` and ``values`` keyed by the date from which a value is
in force::

    [threshold]
    description = "Grenze des Nettoäquivalenzeinkommens pro Monat"
    reference = "Gemeinderat Karlsruhe 19.11.2019, TOP 8.1"
    unit = "EUR/month"
    values = { 2020-01-01 = "1200.00", 2021-01-01 = "1300.00" }

A parameter no eligibility rule reads (``notification_days``) says ``procedural = true``: its
dates are left out of the rule set ids (see :mod:`kpass.rules.parameters`). The key is
checked both ways, so an eligibility figure cannot be hidden from the ids by mistake and a
procedural one cannot start a rule set.

The ``[issuer]`` table names the municipality. A file may start with ``extends = "other.toml"``
to take every parameter it does not set itself from another file (the municipalities of the
Sozialregion issue the same passes, so they share most values).

Every problem raises :class:`ParameterError` naming the file and the key, when the file is
loaded, so that a broken value never reaches the counter.
"""

from __future__ import annotations

import csv
import re
import tomllib
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from kpass.resource_files import resource_path
from kpass.rules.errors import ParameterError
from kpass.rules.parameters import (
    PARAMETER_UNITS,
    PROCEDURAL_PARAMETERS,
    Issuer,
    Parameter,
    Parameters,
    ParameterValue,
)

RULES_DIR_NAME = "rules"
DEFAULT_ISSUER_FILE = "karlsruhe.toml"

_ISSUER_KEYS = {
    "municipality", "name", "rule_set_prefix", "description", "reference", "example", "stadtteile",
    "pass_prefix", "letterhead_name", "letterhead_address", "letterhead_contact", "ortsteile",
}
_PARAMETER_KEYS = {"description", "reference", "unit", "values", "procedural"}
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CODE_RE = re.compile(r"[a-z][a-z0-9_]*")
_PREFIX_RE = re.compile(r"[a-z]{2,8}")
_PASS_PREFIX_RE = re.compile(r"[A-Z]{1,4}")
_CENT = Decimal("0.01")


def rules_dir() -> Path:
    """The folder of the parameter files."""
    return resource_path(RULES_DIR_NAME)


def load_parameters_file(path: Path | str) -> Parameters:
    """Load and check one issuer's parameter file (following ``extends``)."""
    path = Path(path)
    issuer, parameters = _load_tree(path, seen=())
    if issuer is None:
        raise ParameterError(path, "issuer", "missing table [issuer]")
    return Parameters(path, issuer, parameters)


@cache
def configured_issuers() -> tuple[Issuer, ...]:
    """The issuers with a parameter file, the default (Karlsruhe) first."""
    files = sorted(
        rules_dir().glob("*.toml"), key=lambda path: (path.name != DEFAULT_ISSUER_FILE, path.name)
    )
    issuers = tuple(_load_cached(file).issuer for file in files)
    _check_issuers_distinct(issuers)
    return issuers


def _check_issuers_distinct(issuers: tuple[Issuer, ...]) -> None:
    for attribute in ("municipality", "rule_set_prefix", "pass_prefix"):
        values = [getattr(issuer, attribute).casefold() for issuer in issuers]
        twice = sorted({value for value in values if values.count(value) > 1})
        if twice:
            raise ParameterError(rules_dir(), f"issuer.{attribute}",
                                 f"{', '.join(twice)} is used by two issuers")


def default_issuer() -> Issuer:
    """Stadt Karlsruhe: its pass numbers keep the prefix ``KA`` they always had."""
    return configured_issuers()[0]


def issuer_of_municipality(municipality: str | None) -> Issuer:
    """The issuer a household living in ``municipality`` belongs to (its residence).

    A municipality that issues no passes of its own falls to the default issuer, which
    records such households as before (its decisions refuse them: residence)."""
    wanted = (municipality or "").strip().casefold()
    for issuer in configured_issuers():
        if issuer.municipality.casefold() == wanted:
            return issuer
    return default_issuer()


def issuer_by_code(code: str) -> Issuer:
    """The configured issuer with this code (``ka``); :class:`ParameterError` otherwise."""
    for issuer in configured_issuers():
        if issuer.code == code:
            return issuer
    known = ", ".join(i.code for i in configured_issuers())
    raise ParameterError(rules_dir(), None, f"no issuer with the code {code!r} ({known})")


def issuer_of_pass_prefix(prefix: str) -> Issuer | None:
    """The issuer whose pass numbers start with ``prefix``, if one is configured."""
    return next((i for i in configured_issuers() if i.pass_prefix == prefix.upper()), None)


def load_parameters(issuer: str | None = None) -> Parameters:
    """The parameters of ``issuer`` (municipality or file name), default Stadt Karlsruhe.

    The result is cached; loading twice gives the same object.
    """
    if issuer is None:
        return _load_cached(rules_dir() / DEFAULT_ISSUER_FILE)
    wanted = issuer.strip().casefold()
    for file in sorted(rules_dir().glob("*.toml")):
        parameters = _load_cached(file)
        names = {file.stem.casefold(), parameters.issuer.municipality.casefold(),
                 parameters.issuer.name.casefold(), parameters.issuer.code}
        if wanted in names:
            return parameters
    known = ", ".join(i.municipality for i in configured_issuers())
    raise ParameterError(rules_dir(), None, f"no issuer called {issuer!r} is configured ({known})")


def default_parameters() -> Parameters:
    """The parameters of the default issuer, Stadt Karlsruhe."""
    return load_parameters(None)


@cache
def _load_cached(path: Path) -> Parameters:
    return load_parameters_file(path)


def load_stadtteile(path: Path) -> tuple[tuple[str, str], ...]:
    """Read a ``code;name`` CSV of Stadtteile."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
    except OSError as error:
        raise ParameterError(path, None, f"cannot read the Stadtteile: {error}") from error
    if not rows or [cell.strip() for cell in rows[0]] != ["code", "name"]:
        raise ParameterError(path, None, "the first line must be 'code;name'")
    result = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != 2 or not re.fullmatch(r"\d{2}", row[0].strip()) or not row[1].strip():
            raise ParameterError(path, f"line {number}", "expected a two-digit code and a name")
        result.append((row[0].strip(), row[1].strip()))
    return tuple(result)


def _load_tree(
    path: Path, seen: tuple[Path, ...]
) -> tuple[Issuer | None, dict[str, Parameter]]:
    resolved = path.resolve()
    if resolved in seen:
        raise ParameterError(path, "extends", "files extend each other in a circle")
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ParameterError(path, None, f"cannot read the file: {error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ParameterError(path, None, f"not valid TOML: {error}") from error

    parameters: dict[str, Parameter] = {}
    extends = data.pop("extends", None)
    if extends is not None:
        if not isinstance(extends, str):
            raise ParameterError(path, "extends", "must be a file name")
        _, parameters = _load_tree(path.parent / extends, (*seen, resolved))

    issuer_table = data.pop("issuer", None)
    issuer = None if issuer_table is None else _parse_issuer(path, issuer_table)
    for key, table in data.items():
        if key not in PARAMETER_UNITS:
            known = ", ".join(sorted(PARAMETER_UNITS))
            raise ParameterError(path, key, f"unknown parameter (known: issuer, extends, {known})")
        parameters[key] = _parse_parameter(path, key, table)
    if issuer is not None:  # only a complete file is checked for completeness
        for key in PARAMETER_UNITS:
            if key not in parameters:
                raise ParameterError(path, key, "missing parameter")
    return issuer, parameters


def _parse_issuer(path: Path, table: object) -> Issuer:
    if not isinstance(table, dict):
        raise ParameterError(path, "issuer", "must be a table")
    for key in table:
        if key not in _ISSUER_KEYS:
            raise ParameterError(path, f"issuer.{key}", "unknown key")

    def text(key: str) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ParameterError(path, f"issuer.{key}", "must be a non-empty string")
        return value.strip()

    prefix = text("rule_set_prefix")
    if not _PREFIX_RE.fullmatch(prefix):
        raise ParameterError(path, "issuer.rule_set_prefix", "must be 2 to 8 lowercase letters")
    example = table.get("example", False)
    if not isinstance(example, bool):
        raise ParameterError(path, "issuer.example", "must be true or false")
    stadtteile = None
    if "stadtteile" in table:
        stadtteile = load_stadtteile(path.parent / text("stadtteile"))

    def lines(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(
            isinstance(line, str) and line.strip() for line in value
        ):
            raise ParameterError(path, f"issuer.{key}", "must be a list of non-empty strings")
        return tuple(line.strip() for line in value)

    pass_prefix = table.get("pass_prefix", "KA")
    if not isinstance(pass_prefix, str) or not _PASS_PREFIX_RE.fullmatch(pass_prefix):
        raise ParameterError(path, "issuer.pass_prefix", "must be 1 to 4 capital letters A-Z")
    ortsteile = lines("ortsteile")
    if ortsteile and stadtteile is not None:
        raise ParameterError(path, "issuer.ortsteile", "give either Stadtteile or Ortsteile")
    return Issuer(
        municipality=text("municipality"),
        name=text("name"),
        rule_set_prefix=prefix,
        description=text("description"),
        reference=text("reference"),
        example=example,
        stadtteile=stadtteile,
        pass_prefix=pass_prefix,
        letterhead_name=lines("letterhead_name"),
        letterhead_address=lines("letterhead_address"),
        letterhead_contact=lines("letterhead_contact"),
        ortsteile=ortsteile,
    )


def _parse_parameter(path: Path, key: str, table: object) -> Parameter:
    if not isinstance(table, dict):
        raise ParameterError(path, key, "must be a table with description, reference, unit, values")
    for inner in table:
        if inner not in _PARAMETER_KEYS:
            raise ParameterError(path, f"{key}.{inner}", "unknown key")
    for inner in ("description", "reference", "unit"):
        value = table.get(inner)
        if not isinstance(value, str) or not value.strip():
            raise ParameterError(path, f"{key}.{inner}", "must be a non-empty string")
    unit = table["unit"]
    if unit != PARAMETER_UNITS[key]:
        raise ParameterError(path, f"{key}.unit", f"must be {PARAMETER_UNITS[key]!r}, not {unit!r}")
    procedural = table.get("procedural", False)
    if not isinstance(procedural, bool):
        raise ParameterError(path, f"{key}.procedural", "must be true or false")
    if procedural and key not in PROCEDURAL_PARAMETERS:
        raise ParameterError(path, f"{key}.procedural",
                             "an eligibility parameter cannot be procedural: its dates name "
                             "the rule set of every decision")
    if not procedural and key in PROCEDURAL_PARAMETERS:
        raise ParameterError(path, f"{key}.procedural",
                             "decides no eligibility: mark it procedural = true, so that its "
                             "dates do not change the rule set ids")
    raw_values = table.get("values")
    if not isinstance(raw_values, dict) or not raw_values:
        raise ParameterError(path, f"{key}.values", "must be a table of start date = value")
    values = []
    for start_text, raw in raw_values.items():
        where = f"{key}.values.{start_text}"
        values.append((_parse_start(path, where, start_text), _parse_value(path, where, unit, raw)))
    values.sort(key=lambda pair: pair[0])
    return Parameter(key, table["description"], table["reference"], unit, tuple(values),
                     procedural)


def _parse_start(path: Path, where: str, text: str) -> date:
    if _DATE_RE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise ParameterError(path, where, "the key must be a start date YYYY-MM-DD")


def _parse_value(path: Path, where: str, unit: str, raw: object) -> ParameterValue:
    if unit in ("EUR/month", "EUR/year", "factor"):
        if not isinstance(raw, str):
            raise ParameterError(path, where, 'write the number as a string, e.g. "1300.00"')
        try:
            number = Decimal(raw)
        except InvalidOperation:
            raise ParameterError(path, where, f"{raw!r} is not a decimal number") from None
        if not number.is_finite() or number < 0 or (unit == "factor" and number == 0):
            raise ParameterError(path, where, f"{raw!r} is out of range")
        if unit != "factor":
            if number != number.quantize(_CENT):
                raise ParameterError(path, where, "money has at most two decimal places")
            number = number.quantize(_CENT)
        return number
    if unit in ("years", "persons", "months", "days"):
        if not isinstance(raw, int) or isinstance(raw, bool) or raw < (1 if unit != "years" else 0):
            raise ParameterError(path, where, "must be a whole number of " + unit)
        return raw
    # codes
    if not isinstance(raw, list) or not raw:
        raise ParameterError(path, where, "must be a non-empty list of codes")
    for code in raw:
        if not isinstance(code, str) or not _CODE_RE.fullmatch(code):
            raise ParameterError(path, where, f"{code!r} is not a code (lowercase, digits, _)")
    if len(set(raw)) != len(raw):
        raise ParameterError(path, where, "a code appears twice")
    return tuple(raw)
