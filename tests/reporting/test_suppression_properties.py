"""Properties of the suppression that must hold for every table (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kpass.reporting.suppression import (
    Cell,
    column_with_total,
    grid_lines,
    is_primary,
    secondary_cells,
    suppress_grid,
    with_totals,
)

# Zeros, small counts and larger ones in roughly the mix a Stadtteil table has.
counts = st.one_of(st.just(0), st.integers(1, 4), st.integers(5, 40), st.integers(41, 5000))

inner_grids = st.integers(1, 7).flatmap(
    lambda width: st.lists(st.lists(counts, min_size=width, max_size=width), min_size=1, max_size=9)
)
columns = st.lists(counts, min_size=1, max_size=30)


def _values(grid: list[list[int]]) -> dict[Cell, int]:
    return {(r, c): count for r, row in enumerate(grid) for c, count in enumerate(row)}


def _check_invariants(grid: list[list[int]]) -> None:
    hidden = suppress_grid(grid)
    values = _values(grid)
    lines = grid_lines(grid)
    # rule 2 done: no line has exactly one hidden cell
    for line in lines:
        assert sum(cell in hidden for cell in line) != 1, (line, hidden)
    # rule 1: every count from 1 to 4 is hidden …
    assert {cell for cell, count in values.items() if is_primary(count)} <= hidden
    # … and no zero ever is (secondary picks the smallest NON-ZERO cell)
    assert all(values[cell] > 0 for cell in hidden)
    # idempotent: nothing left to add when starting from the result
    assert secondary_cells(values, lines, hidden) == hidden
    # deterministic: the same table gives the same cells
    assert suppress_grid([list(row) for row in grid]) == hidden
    # nothing small, nothing hidden
    if not any(is_primary(count) for count in values.values()):
        assert hidden == frozenset()


@settings(max_examples=400, deadline=None)
@given(inner_grids)
def test_two_dimensional_tables(inner: list[list[int]]) -> None:
    _check_invariants(with_totals(inner))


@settings(max_examples=300, deadline=None)
@given(columns)
def test_one_dimensional_tables(column: list[int]) -> None:
    _check_invariants(column_with_total(column))


@settings(max_examples=300, deadline=None)
@given(columns)
def test_one_dimension_adds_exactly_the_smallest_other_cell(column: list[int]) -> None:
    # A column is a single line: one primary cell gets one partner, the smallest non-zero
    # other (the first of equals); two or more primary cells get none.
    grid = column_with_total(column)
    values = [row[0] for row in grid]
    primary = [r for r, count in enumerate(values) if is_primary(count)]
    hidden = suppress_grid(grid)
    if len(primary) == 1:
        partner = min(
            (count, r) for r, count in enumerate(values) if r != primary[0] and count > 0
        )[1]
        assert hidden == {(primary[0], 0), (partner, 0)}
    else:
        assert hidden == {(r, 0) for r in primary}


@settings(max_examples=200, deadline=None)
@given(inner_grids)
def test_primary_cells_that_protect_each_other_get_nothing_added(inner: list[list[int]]) -> None:
    grid = with_totals(inner)
    values = _values(grid)
    primary = {cell for cell, count in values.items() if is_primary(count)}
    if all(sum(cell in primary for cell in line) != 1 for line in grid_lines(grid)):
        assert suppress_grid(grid) == primary
