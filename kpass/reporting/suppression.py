"""Statistical disclosure control of the exports (``statistics.md``, rules 1–4).

A table is a grid that already holds its totals: for two dimensions ``(R + 1) × (C + 1)`` cells
(the last row holds the column totals, the last column the row totals, the corner the grand
total); for one dimension ``(R + 1) × 1`` (one column, its total last). Cells are addressed
``(row, column)`` in that grid.

Primary suppression hides every count from 1 to 4. Secondary suppression looks at every *line*
(each row and each column of a 2-D grid, the single column of a 1-D grid; totals are cells of
their lines): a line with exactly one hidden cell gets its smallest other non-zero cell hidden
too, until no line has exactly one.

Order, so the result is deterministic:

* Within a line the cells follow the order of the dimension's values, **the total last** (as
  in the files). A tie on the smallest value goes to the first cell in that order. A tie with
  the total cannot happen when totals are sums of non-negative counts: the hidden cell is
  non-zero (zeros are never hidden), so a total exceeds every other cell of a line in which
  an inner cell is hidden, and a line whose hidden cell is the total has no total left to pick.
  The position of the total is therefore only a documented convention, never decisive.
* Lines are visited rows first (top to bottom, the totals row last), then columns (left to
  right, the totals column last); each line sees the cells hidden by the lines before it. The
  passes repeat until one pass hides nothing.

Every pass either hides a cell or ends the loop, so it stops after at most as many passes as the
grid has cells.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

Cell = tuple[int, int]

#: Counts in this range identify people and are hidden (rule 1); zeros reveal nobody.
PRIMARY_MIN = 1
PRIMARY_MAX = 4


class SuppressionError(ValueError):
    """A line has one hidden cell and no other non-zero cell: its total is not its sum."""


def is_primary(count: int) -> bool:
    """True for a count that rule 1 hides (1 to 4)."""
    return PRIMARY_MIN <= count <= PRIMARY_MAX


def primary_cells(values: Mapping[Cell, int]) -> frozenset[Cell]:
    """The cells that rule 1 hides."""
    return frozenset(cell for cell, count in values.items() if is_primary(count))


def secondary_cells(
    values: Mapping[Cell, int], lines: Sequence[Sequence[Cell]], hidden: Iterable[Cell]
) -> frozenset[Cell]:
    """``hidden`` plus the cells rule 2 hides on top of them, over the given lines.

    Each line lists its cells in tie-break order. Applied to its own result it returns that
    result unchanged (nothing left to fix).
    """
    suppressed = set(hidden)
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden_here = [cell for cell in line if cell in suppressed]
            if len(hidden_here) != 1:
                continue
            candidates = [
                (values[cell], position, cell)
                for position, cell in enumerate(line)
                if cell not in suppressed and values[cell] > 0
            ]
            if not candidates:
                raise SuppressionError(
                    f"line {list(line)} has only the hidden cell {hidden_here[0]} non-zero; "
                    "its total is not the sum of its cells"
                )
            suppressed.add(min(candidates)[2])
            changed = True
    return frozenset(suppressed)


def grid_lines(grid: Sequence[Sequence[int]]) -> list[list[Cell]]:
    """The lines of a grid with totals: rows then columns, or the one column of a 1-D grid."""
    height = len(grid)
    width = len(grid[0]) if grid else 0
    if any(len(row) != width for row in grid):
        raise ValueError("every row of a grid needs the same number of cells")
    columns = [[(r, c) for r in range(height)] for c in range(width)]
    if width == 1:
        return columns
    rows = [[(r, c) for c in range(width)] for r in range(height)]
    return rows + columns


def suppress_grid(grid: Sequence[Sequence[int]]) -> frozenset[Cell]:
    """Cells to show as ``·`` in a grid with totals (see the module docstring for the shape).

    The totals must be the sums of the exact cells and no count may be negative.
    """
    values = {(r, c): count for r, row in enumerate(grid) for c, count in enumerate(row)}
    if any(count < 0 for count in values.values()):
        raise ValueError("counts cannot be negative")
    return secondary_cells(values, grid_lines(grid), primary_cells(values))


def column_with_total(counts: Sequence[int]) -> list[list[int]]:
    """The grid of a 1-D table: one cell per value, then the total."""
    if not counts:
        raise ValueError("a table needs at least one value")
    return [[count] for count in counts] + [[sum(counts)]]


def with_totals(inner: Sequence[Sequence[int]]) -> list[list[int]]:
    """The grid of a 2-D table: each row with its row total, then the row of column totals."""
    if not inner or not inner[0]:
        raise ValueError("a table needs at least one row and one column")
    width = len(inner[0])
    if any(len(row) != width for row in inner):
        raise ValueError("every row of a table needs the same number of cells")
    rows = [[*row, sum(row)] for row in inner]
    totals = [sum(row[c] for row in rows) for c in range(width + 1)]
    return [*rows, totals]
