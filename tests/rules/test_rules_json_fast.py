"""The quick reader of stored inputs accepts only what the careful reader accepts, as the
same rule input — and the usual snapshot."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpass.rules import InputError, rule_input_from_json
from kpass.rules.json_fast import QuickReader
from tests.rules.test_rules_properties import KARLSRUHE, SETTINGS, households

READER = QuickReader(KARLSRUHE)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=False)
    | st.sampled_from(["", " ", "p1", "p2", "2026-02-30", "2026-01-15", "9999-12-31",
                       "12.5", "-1.00", "1e3", "1000000000", "wages", "sgb2", "month",
                       "year", "disability", "19", "Karlsruhe", "Rheinstetten", "١٢"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                 max_size=3),
    max_leaves=6,
)


def careful(data: object) -> Any:
    try:
        return rule_input_from_json(data, KARLSRUHE)
    except InputError:
        return None


def places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into ``value`` (keys of objects, indexes of lists)."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += places(item, (*path, index))
    return found


@st.composite
def spoiled(draw: st.DrawFn) -> Any:
    """A valid input with one thing changed: a value replaced, a field removed or added."""
    data = copy.deepcopy(draw(households()))
    path = draw(st.sampled_from(places(data)[1:]))
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    how = draw(st.sampled_from(["replace", "remove", "add"]))
    if how == "replace":
        parent[path[-1]] = draw(JSON_VALUES)
    elif how == "remove":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[draw(st.sampled_from(["x", "id", "kind", "until", "members"]))] = draw(
            JSON_VALUES)
    else:
        parent.append(draw(JSON_VALUES))
    return data


@SETTINGS
@given(households())
def test_a_valid_input_is_read_quickly_as_the_careful_reader_reads_it(
        data: dict[str, Any]) -> None:
    quick = READER.read(data)
    assert quick is not None
    assert quick == rule_input_from_json(data, KARLSRUHE)
    assert quick.member_ids == tuple(m.id for m in quick.members)  # not compared by ==


@SETTINGS
@given(spoiled())
def test_the_quick_reader_never_accepts_more_or_otherwise(data: Any) -> None:
    quick = READER.read(data)
    if quick is not None:
        assert quick == careful(data)


@pytest.mark.parametrize("data", [None, [], "x", {}, {"members": []}])
def test_not_even_an_object_is_left_to_the_careful_reader(data: object) -> None:
    assert READER.read(data) is None
