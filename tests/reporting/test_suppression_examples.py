"""Suppression worked by hand (statistics.md rules 1 and 2), 1-D and 2-D, with cascades.

Grid positions are (row, column); the last row and column are the totals. The expected sets
were computed on paper, following the order the module documents: rows top to bottom, then
columns left to right, repeated; ties go to the first cell, the total sits last.
"""

from __future__ import annotations

import pytest

from kpass.reporting.suppression import (
    SuppressionError,
    column_with_total,
    grid_lines,
    primary_cells,
    suppress_grid,
    with_totals,
)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        # one primary (3); the smallest other non-zero is 7, not the 0 and not the total
        ([3, 10, 7, 0], {0, 2}),
        # tie between the two 6s: the first in the order of the values
        ([2, 6, 9, 6], {0, 1}),
        # nothing small, nothing hidden
        ([12, 0, 6, 6], set()),
        # the total equals the small cell: both primary, the zeros stay
        ([0, 0, 4], {2, 3}),
        ([0, 1, 0, 0], {1, 4}),
        # two primaries protect each other
        ([2, 3, 9], {0, 1}),
        ([5, 0, 0], set()),
    ],
)
def test_one_dimension_by_hand(counts: list[int], expected: set[int]) -> None:
    assert suppress_grid(column_with_total(counts)) == {(r, 0) for r in expected}


def test_two_dimensions_cascade() -> None:
    #          a   b   c |  T
    #   r1     2   8  10 | 20
    #   r2     6   9   5 | 20
    #   r3     0   7  12 | 19
    #   T      8  24  27 | 59
    grid = with_totals([[2, 8, 10], [6, 9, 5], [0, 7, 12]])
    assert grid == [[2, 8, 10, 20], [6, 9, 5, 20], [0, 7, 12, 19], [8, 24, 27, 59]]
    # pass 1: row r1 adds r1/b (8); column a adds r2/a (6, the 0 is skipped); column b adds
    # r3/b (7). pass 2: row r2 adds r2/c (5); row r3 adds r3/c (12). pass 3: every line has 0 or 2.
    assert suppress_grid(grid) == {(0, 0), (0, 1), (1, 0), (2, 1), (1, 2), (2, 2)}


def test_two_dimensions_row_totals_are_hidden_too() -> None:
    #          a   b |  T
    #   r1     3   0 |  3
    #   r2     9   6 | 15
    #   T     12   6 | 18
    grid = with_totals([[3, 0], [9, 6]])
    # primary r1/a and r1/T; column a adds r2/a (9), the totals column adds r2/T (15).
    assert suppress_grid(grid) == {(0, 0), (0, 2), (1, 0), (1, 2)}


def test_two_dimensions_cascade_into_totals() -> None:
    #          a   b   c |  T
    #   r1     2   5   0 |  7
    #   r2     0   6   0 |  6
    #   r3     0   0   8 |  8
    #   T      2  11   8 | 21
    grid = with_totals([[2, 5, 0], [0, 6, 0], [0, 0, 8]])
    # pass 1: r1 adds r1/b (5); the totals row adds T/c (8); column b adds r2/b (6); column c
    # adds r3/c (8). pass 2: r2 and r3 have only their totals left: r2/T (6) and r3/T (8).
    assert suppress_grid(grid) == {
        (0, 0), (3, 0), (0, 1), (3, 2), (1, 1), (2, 2), (1, 3), (2, 3),
    }  # fmt: skip


def test_two_dimensions_tie_goes_to_the_first_value() -> None:
    #          a   b   c |  T
    #   r1     2   6   6 | 14
    #   r2     5   5   5 | 15
    #   T      7  11  11 | 29
    grid = with_totals([[2, 6, 6], [5, 5, 5]])
    # r1 adds r1/b (first of the two 6s); column a adds r2/a; column b adds r2/b (first 5
    # of column b is r2/b, the only candidate below 11).
    assert suppress_grid(grid) == {(0, 0), (0, 1), (1, 0), (1, 1)}


def test_zero_stays_and_nothing_small_means_nothing_hidden() -> None:
    grid = with_totals([[0, 5, 0], [0, 0, 9]])
    assert suppress_grid(grid) == frozenset()
    assert primary_cells({(0, 0): 0, (0, 1): 4, (0, 2): 5, (1, 0): 1}) == {(0, 1), (1, 0)}


def test_lines_of_one_and_two_dimensions() -> None:
    assert grid_lines([[1], [2], [3]]) == [[(0, 0), (1, 0), (2, 0)]]
    lines = grid_lines(with_totals([[1, 2]]))
    assert lines == [
        [(0, 0), (0, 1), (0, 2)],
        [(1, 0), (1, 1), (1, 2)],
        [(0, 0), (1, 0)],
        [(0, 1), (1, 1)],
        [(0, 2), (1, 2)],
    ]


def test_a_total_that_is_not_the_sum_is_refused() -> None:
    # one hidden cell and nothing else non-zero: cannot be protected, and cannot happen when
    # totals are sums, so it is a caller's error, not something to paper over
    with pytest.raises(SuppressionError):
        suppress_grid([[3], [0], [0]])
    with pytest.raises(ValueError, match="negative"):
        suppress_grid(column_with_total([5, -1]))
