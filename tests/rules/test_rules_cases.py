"""Decision cases as data: ``cases/*.json`` hold an input (spec section 8) and the full output.

A case file: ``{"description": …, "issuer": optional municipality, "input": {…},
"expected": {…}}``. To add a case, write the input, work out the expected decision by hand
from the specification, and write both down.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kpass.rules import decision_to_json, evaluate, load_parameters, parse_check_input

CASES = sorted((Path(__file__).parent / "cases").glob("*.json"))


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 12


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path) -> None:
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert set(case) <= {"description", "issuer", "input", "expected"}
    parameters = load_parameters(case.get("issuer"))
    rule_input = parse_check_input(json.dumps(case["input"]), parameters)
    assert decision_to_json(evaluate(rule_input, parameters)) == case["expected"]
