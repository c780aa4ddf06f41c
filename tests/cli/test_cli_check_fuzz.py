"""Fuzzing ``kpass check -``: whatever arrives on standard input, the command answers with exit
status 0 and a decision, or 2 and a short message in English and German — never a traceback.

The command runs in-process (``kpass.cli.main(["check", "-"])``, standard input and output
replaced), so that Hypothesis can try hundreds of inputs in a few seconds (how many:
tests/hypothesis_profiles.py). Three sources: valid households with one field replaced by
something random, random JSON documents, and random text and bytes.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
from types import SimpleNamespace
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpass.cli import main
from tests.hypothesis_profiles import fuzz_profile

#: 2 lines of at most 600 characters (check_command.MAX_MESSAGE_CHARACTERS) plus "kpass: ".
STDERR_BOUND = 1_300

#: 100 inputs per source in every run, 300 with KPASS_HYPOTHESIS_PROFILE=thorough.
FUZZ = settings(fuzz_profile(),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

VALID: dict[str, Any] = {
    "application_date": "2026-03-15",
    "residence": {"municipality": "Karlsruhe", "stadtteil": "19"},
    "applicant": "p1",
    "members": [
        {"id": "p1", "birth_date": "1981-04-02", "flags": [],
         "incomes": [{"kind": "wages", "amount": "2310.00", "period": "month"},
                     {"kind": "pflegegeld", "amount": "300.5", "period": "year"}]},
        {"id": "p2", "birth_date": "2014-01-20", "flags": ["disability"],
         "incomes": [{"kind": "kindergeld", "amount": "255.00", "period": "month"}]},
    ],
    "benefits": [
        {"kind": "wohngeld", "from": "2026-01-01", "until": "2026-06-30",
         "members": ["p1", "p2"]},
        {"kind": "asylblg", "from": "2026-03-20"},
    ],
}

#: The places of VALID a mutation may replace (a path of keys and indexes).
PLACES: list[tuple[Any, ...]] = [
    (), ("application_date",), ("residence",), ("residence", "municipality"),
    ("residence", "stadtteil"), ("applicant",), ("members",), ("members", 0),
    ("members", 0, "id"), ("members", 0, "birth_date"), ("members", 0, "flags"),
    ("members", 1, "flags", 0), ("members", 0, "incomes"), ("members", 0, "incomes", 0),
    ("members", 0, "incomes", 0, "kind"), ("members", 0, "incomes", 0, "amount"),
    ("members", 0, "incomes", 0, "period"), ("members", 1, "flags"),
    ("members", 1, "birth_date"), ("benefits",), ("benefits", 0), ("benefits", 0, "kind"),
    ("benefits", 0, "from"), ("benefits", 0, "until"), ("benefits", 0, "members"),
    ("benefits", 0, "members", 0), ("benefits", 1, "until"), ("benefits", 1, "from"),
]

#: Values that are nearly right, or known to have troubled parsers.
TRICKY: st.SearchStrategy[Any] = st.sampled_from([
    "2026-02-29", "2024-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "9999-01-01",
    "2019-12-31", "2020-01-01", "٢٠٢٦-٠٣-١٥", "２０２６-03-15", "2026-3-15", " 2026-03-15",
    "1342.5", "1342.50", "1342.505", "-0.00", "-1", "1e3", "١٢٣", "999999999.99",
    "1000000000.00", "0", "00", "", " ", "\u0000", "\ud800", "\udfff", "\U0001f600",
    "Karlsruhe", "karlsruhe", "Ettlingen", "01", "27", "28", "19 ", "month", "year",
    "disability", "foster_child", "sgb2", "sgb8_stationaer", "blindengeld", "pflegegeld_sgb8",
    "x" * 5000, None, True, False, 0, -1, 10**30, 1.5, [], {}, ["p1"], ["p9"], ["p1", "p1"],
])

JSON_LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30), TRICKY,
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=20,
)


def run_check(stdin: bytes) -> tuple[int, str, str]:
    """``kpass check -`` in this process: (exit status, standard output, standard error)."""
    out, err = io.StringIO(), io.StringIO()
    fake_stdin = SimpleNamespace(buffer=io.BytesIO(stdin))
    with mock.patch("sys.stdin", fake_stdin), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        status = main(["check", "-"])
    return status, out.getvalue(), err.getvalue()


def assert_clean_answer(stdin: bytes) -> None:
    status, stdout, stderr = run_check(stdin)
    assert status in (0, 2), (status, stderr[:2000])
    assert "Traceback" not in stderr
    assert len(stderr) <= STDERR_BOUND, stderr[:2000]
    if status == 0:
        assert stderr == ""
        decision = json.loads(stdout)
        assert set(decision) == {"rule_set", "household", "members"}
    else:
        assert stdout == ""
        lines = stderr.splitlines()
        assert len(lines) == 2 and all(line.startswith("kpass: ") for line in lines)


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _replaced(document: Any, place: tuple[Any, ...], value: Any) -> Any:
    """A copy of ``document`` with the value at ``place`` replaced (or removed for ``...``)."""
    if not place:
        return {} if value is ... else value
    result = copy.deepcopy(document)
    target = result
    for step in place[:-1]:
        target = target[step]
    if value is ...:
        if isinstance(target, dict):
            target.pop(place[-1], None)
        else:
            del target[place[-1]]
    else:
        target[place[-1]] = value
    return result


@FUZZ
@given(place=st.sampled_from(PLACES), value=st.one_of(JSON_VALUES, st.just(...)))
def test_one_field_of_a_valid_household_replaced(place: tuple[Any, ...], value: Any) -> None:
    document = _replaced(VALID, place, value)
    assert_clean_answer(_encode(json.dumps(document, ensure_ascii=False)))


@FUZZ
@given(document=JSON_VALUES)
def test_random_json_documents(document: Any) -> None:
    assert_clean_answer(_encode(json.dumps(document, ensure_ascii=False)))


@FUZZ
@given(data=st.one_of(
    st.binary(max_size=200),
    st.text(max_size=200).map(_encode),
    st.lists(st.sampled_from(['{', '}', '[', ']', '"', ':', ',', '1', '-', '.', 'e', 'E',
                              '\\u', 'd800', 'null', 'true', 'NaN', 'Infinity', ' ',
                              '"application_date"', '"members"', '"2026-03-15"']),
             max_size=60).map(lambda parts: "".join(parts).encode()),
))
def test_random_text_and_bytes(data: bytes) -> None:
    assert_clean_answer(data)


def test_valid_household_is_decided() -> None:
    status, stdout, stderr = run_check(json.dumps(VALID).encode())
    assert (status, stderr) == (0, "")
    output = json.loads(stdout)
    assert output["household"]["highest_eligible_income"] == "1689.99"
    # AsylbLG (from 2026-03-20, open-ended, whole household) comes before Wohngeld.
    assert [m["basis"] for m in output["members"]] == ["asylblg", "asylblg"]


def test_extreme_inputs_in_process() -> None:
    for data in (b"[" * 200_000, b'{"a": ' + b"9" * 5000 + b"}",
                 b'{"a": "' + b"x" * 1_200_000 + b'"}', b"\xff" * 100, b""):
        assert_clean_answer(data)
