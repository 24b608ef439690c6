"""The list-overlap table: how many people were recorded on each combination of lists.

A capture pattern is the set of lists a person is on. Internally a pattern is a bitmask
(bit i set when the person is on list i, lists numbered in input order), so the 2^t - 1
observable patterns are the integers 1 .. 2^t - 1 and cell 0 is the dark figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from tabara.prevalence.mse.errors import MSEInputError

MIN_LISTS = 2
MAX_LISTS = 10

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class CaptureTable:
    """Counts of people per capture pattern, rows kept in input order.

    Rows are kept as given (a pattern may even repeat) because the bootstrap of
    SparseMSE resamples the rows of the input table in their order; every statistic
    is computed from the aggregated `cell_counts`.
    """

    lists: tuple[str, ...]
    patterns: NDArray[np.int8]
    counts: IntArray
    _codes: IntArray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        powers = np.left_shift(1, np.arange(len(self.lists), dtype=np.int64))
        object.__setattr__(self, "_codes", self.patterns.astype(np.int64) @ powers)

    @property
    def n_lists(self) -> int:
        return len(self.lists)

    @property
    def n_cells(self) -> int:
        """Number of cells including the unobservable one: 2^t."""
        return 1 << self.n_lists

    @property
    def observed(self) -> int:
        return int(self.counts.sum())

    @property
    def codes(self) -> IntArray:
        """Bitmask of each input row's capture pattern."""
        return self._codes

    @cached_property
    def cell_counts(self) -> IntArray:
        """Counts aggregated per pattern; index = bitmask, index 0 (dark figure) is 0."""
        return self.cells_from_row_counts(self.counts)

    def cells_from_row_counts(self, row_counts: IntArray) -> IntArray:
        """Aggregate counts given per input row (e.g. a bootstrap resample) into cells."""
        cells = np.zeros(self.n_cells, dtype=np.int64)
        np.add.at(cells, self._codes, row_counts)
        return cells

    def with_counts(self, row_counts: IntArray) -> CaptureTable:
        """The same rows with other counts, without re-validating them."""
        return CaptureTable(self.lists, self.patterns, np.asarray(row_counts, dtype=np.int64))

    def pair_name(self, i: int, j: int) -> str:
        """'A:B' with the two lists in input order."""
        a, b = sorted((i, j))
        return f"{self.lists[a]}:{self.lists[b]}"


def capture_table(
    lists: Sequence[str],
    patterns: Sequence[Sequence[int]] | NDArray[np.integer],
    counts: Sequence[int] | NDArray[np.integer],
    *,
    row_numbers: Sequence[int] | None = None,
) -> CaptureTable:
    """Build a validated table; every rule names the offending row and column.

    Rules: 2 to 10 distinct list names; every pattern value is 0 or 1; no row is on no
    list (that cell is the unknown being estimated); counts are non-negative integers;
    every list recorded at least one person (otherwise its overlaps carry no information).
    Rows are numbered from 1 unless `row_numbers` gives each row's number in its source
    (a file's line number, say).
    """
    names = tuple(str(name).strip() for name in lists)
    if len(names) < MIN_LISTS:
        raise MSEInputError(f"at least {MIN_LISTS} lists are needed, found {len(names)}")
    if len(names) > MAX_LISTS:
        raise MSEInputError(f"at most {MAX_LISTS} lists are supported, found {len(names)}")
    for name in names:
        if not name:
            raise MSEInputError("a list has an empty name")
        if names.count(name) > 1:
            raise MSEInputError("list name is used twice", column=name)
    pattern_array = np.asarray(patterns)
    count_array = np.asarray(counts)
    if pattern_array.ndim != 2 or pattern_array.shape[1] != len(names):
        raise MSEInputError(f"each row needs one 0/1 value for each of the {len(names)} lists")
    if len(count_array) != len(pattern_array):
        raise MSEInputError("there must be exactly one count per row")
    if len(pattern_array) == 0:
        raise MSEInputError("the table has no rows")
    numbers = list(row_numbers) if row_numbers is not None else list(range(1, len(count_array) + 1))
    bad = np.argwhere((pattern_array != 0) & (pattern_array != 1))
    if len(bad):
        row, col = (int(v) for v in bad[0])
        value = pattern_array[row, col]
        raise MSEInputError(f"value {value} is not 0 or 1", row=numbers[row], column=names[col])
    negative = np.flatnonzero(count_array < 0)
    if len(negative):
        row = int(negative[0])
        raise MSEInputError(
            f"count {count_array[row]} is negative", row=numbers[row], column="count"
        )
    empty = np.flatnonzero(pattern_array.sum(axis=1) == 0)
    if len(empty):
        raise MSEInputError(
            "the pattern is on no list; people no list recorded are what is being estimated",
            row=numbers[int(empty[0])],
        )
    table = CaptureTable(names, pattern_array.astype(np.int8), count_array.astype(np.int64))
    per_list = table.patterns.T.astype(np.int64) @ table.counts
    for i, total in enumerate(per_list):
        if total == 0:
            raise MSEInputError("this list recorded nobody", column=names[i])
    return table
