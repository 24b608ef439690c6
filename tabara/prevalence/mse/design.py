"""Design matrices of the log-linear model over the 2^t - 1 observable capture patterns.

A model is the set of two-list interactions it contains, stored as a bitmask over the
pairs (i, j), i < j, numbered in lexicographic order: for t = 3 the pairs are
(0,1) -> bit 0, (0,2) -> bit 1, (1,2) -> bit 2. Main effects and the intercept are
always present. Design matrices are cached per (t, model, structural zeros) because a
bootstrap fits the same few models thousands of times.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class Layout:
    """Everything about t lists that does not depend on the data."""

    t: int
    pairs: tuple[tuple[int, int], ...]
    cell_bits: NDArray[np.int8]  # (2^t, t): 1 when the cell includes list i
    list_incidence: FloatArray  # (t, 2^t): 1 when the cell includes list i
    pair_incidence: FloatArray  # (P, 2^t): 1 when the cell includes both lists of pair k
    full_design: FloatArray  # (2^t, 1 + t + P); row 0 is the dark figure

    @property
    def n_pairs(self) -> int:
        return len(self.pairs)

    def pair_index(self, i: int, j: int) -> int:
        return self.pairs.index((min(i, j), max(i, j)))

    def model_pairs(self, model: int) -> list[int]:
        """Indices of the pairs in a model bitmask, ascending."""
        return [k for k in range(len(self.pairs)) if model >> k & 1]

    def model_from_pairs(self, pairs: list[tuple[int, int]]) -> int:
        model = 0
        for i, j in pairs:
            model |= 1 << self.pair_index(i, j)
        return model


@lru_cache(maxsize=16)
def layout(t: int) -> Layout:
    """The cached data-independent layout for t lists."""
    cells = np.arange(1 << t)
    bits = ((cells[:, None] >> np.arange(t)[None, :]) & 1).astype(np.int8)
    pairs = tuple(combinations(range(t), 2))
    pair_cols = np.array([bits[:, i] * bits[:, j] for i, j in pairs], dtype=np.float64)
    pair_cols = pair_cols.reshape(len(pairs), 1 << t)
    full = np.hstack([np.ones((1 << t, 1)), bits.astype(np.float64), pair_cols.T])
    return Layout(
        t=t,
        pairs=pairs,
        cell_bits=bits,
        list_incidence=bits.T.astype(np.float64),
        pair_incidence=pair_cols,
        full_design=full,
    )


@dataclass(frozen=True, eq=False)
class ReducedDesign:
    """Rows (cells) and columns kept for one model once structural zeros are removed."""

    cells: IntArray  # cell bitmasks kept, ascending; never includes 0
    columns: IntArray  # columns of the full design kept
    matrix: FloatArray  # full_design[cells][:, columns]

    @cached_property
    def rank(self) -> int:
        """Column rank, from the small Gram matrix: X'X has X's rank and is p x p."""
        return int(np.linalg.matrix_rank(self.matrix.T @ self.matrix))


@lru_cache(maxsize=8192)
def reduced_design(t: int, model: int, empty_pairs: int, empty_lists: int = 0) -> ReducedDesign:
    """Design of `model` after the extended-MLE reduction.

    Every cell containing both lists of an `empty_pairs` term, or containing an
    `empty_lists` list, is a structural zero: it is dropped together with the parameter
    that would go to minus infinity (Chan, Silverman & Vincent 2021). Terms of `model`
    not in `empty_pairs` are kept as columns.
    """
    lay = layout(t)
    keep = np.ones(1 << t, dtype=bool)
    keep[0] = False
    columns = [0]
    for i in range(t):
        if empty_lists >> i & 1:
            keep &= lay.cell_bits[:, i] == 0
        else:
            columns.append(1 + i)
    for k in lay.model_pairs(model):
        if empty_pairs >> k & 1:
            keep &= lay.pair_incidence[k] == 0
        else:
            columns.append(1 + t + k)
    cells = np.flatnonzero(keep).astype(np.int64)
    cols = np.array(columns, dtype=np.int64)
    matrix = np.ascontiguousarray(lay.full_design[np.ix_(cells, cols)])
    return ReducedDesign(cells=cells, columns=cols, matrix=matrix)


def pair_overlaps(t: int, cell_counts: FloatArray | IntArray) -> FloatArray:
    """N*_ij for every pair: how many were seen on both lists, whatever else they are on."""
    return layout(t).pair_incidence @ np.asarray(cell_counts, dtype=np.float64)


def bitmask(flags: BoolArray | list[bool]) -> int:
    """Pack booleans (index 0 = bit 0) into an int."""
    value = 0
    for k in np.flatnonzero(flags).tolist():
        value |= 1 << k
    return value


def zero_pairs(t: int, cell_counts: FloatArray | IntArray) -> int:
    """Bitmask of all pairs whose lists have nobody in common in these counts."""
    return bitmask(pair_overlaps(t, cell_counts) == 0)


def support_key(cell_counts: IntArray | FloatArray) -> bytes:
    """A hashable key for which cells are positive: existence depends only on this."""
    return np.packbits(np.asarray(cell_counts) > 0).tobytes()
