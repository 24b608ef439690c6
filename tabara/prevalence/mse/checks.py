"""Existence and identifiability of the (extended) maximum likelihood estimate.

Both tests are those of SparseMSE's `checkident` (Chan, Silverman & Vincent 2021):
pairs of the model with nobody in common become structural zeros, then on the reduced
design A (parameters x retained cells) and the sufficient statistics t = A n

* existence: the linear program of Fienberg & Rinaldo (2012), maximise s subject to
  A x = t and x_c >= s >= 0 for every retained cell; the estimate exists iff s > 0,
  i.e. t lies in the relative interior of the marginal cone;
* identifiability: A has full column rank.

Existence depends on the data only through which cells are positive, so results are
cached per (model, support): a bootstrap meets the same few supports again and again.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.linalg.lapack import dposv
from scipy.optimize import linprog

from tabara.prevalence.mse.design import (
    FloatArray,
    IntArray,
    ReducedDesign,
    layout,
    reduced_design,
    support_key,
    zero_pairs,
)

# The LP optimum is either exactly 0 or a positive rational built from integer counts;
# anything below this is solver noise around 0.
_LP_ZERO = 1e-7
_CACHE_LIMIT = 200_000
_existence_cache: dict[tuple[int, int, bytes], bool] = {}


@dataclass(frozen=True)
class ModelCheck:
    """Outcome of both tests; `error_code` is SparseMSE's ierr (0 ok, 1, 2, 3)."""

    exists: bool
    identifiable: bool

    @property
    def ok(self) -> bool:
        return self.exists and self.identifiable

    @property
    def error_code(self) -> int:
        return (0 if self.exists else 1) + (0 if self.identifiable else 2)


def empty_pairs(
    t: int, model: int, cell_counts: IntArray | FloatArray, zeros: int | None = None
) -> int:
    """Bitmask of the model's pairs whose lists have nobody in common.

    `zeros` may give the data's pairs with no overlap (`design.zero_pairs`) when known.
    """
    return model & (zero_pairs(t, cell_counts) if zeros is None else zeros)


def is_identifiable(
    t: int, model: int, cell_counts: IntArray | FloatArray, zeros: int | None = None
) -> bool:
    """Full column rank of the reduced design (cheap and cached; no linear program)."""
    design = reduced_design(t, model, empty_pairs(t, model, cell_counts, zeros))
    return design.rank == int(design.matrix.shape[1])


def check_model(
    t: int,
    model: int,
    cell_counts: IntArray | FloatArray,
    fitted: FloatArray | None = None,
    zeros: int | None = None,
) -> ModelCheck:
    """Run SparseMSE's existence and identifiability tests for `model` on these counts.

    `fitted` may give the model's fitted means on the retained cells (a fit with no list
    treated as empty). A strictly positive point of the fibre {x : A x = A n} proves the
    estimate exists, and a converged fit nearly is one: after a least-norm correction it
    is checked exactly, and only when that fails is the linear program solved.
    """
    counts = np.asarray(cell_counts, dtype=np.float64)
    design = reduced_design(t, model, empty_pairs(t, model, counts, zeros))
    identifiable = design.rank == design.matrix.shape[1]
    if not (layout(t).list_incidence @ counts).all():
        return ModelCheck(exists=False, identifiable=identifiable)  # t_i = 0 forces x = 0
    retained = counts[design.cells]
    if retained.all():
        return ModelCheck(exists=True, identifiable=identifiable)  # x = n is interior
    if identifiable and fitted is not None and _is_interior_point(design, retained, fitted):
        return ModelCheck(exists=True, identifiable=True)
    key = (t, model, support_key(counts))
    exists = _existence_cache.get(key)
    if exists is None:
        margins = design.matrix.T
        exists = _interior_point_exists(margins, margins @ retained)
        if len(_existence_cache) >= _CACHE_LIMIT:
            _existence_cache.clear()
        _existence_cache[key] = exists
    return ModelCheck(exists=exists, identifiable=identifiable)


def _is_interior_point(design: ReducedDesign, retained: FloatArray, point: FloatArray) -> bool:
    """True if `point`, moved onto A x = A n, is strictly positive.

    The move is d = D X (X' D X)^-1 r with D = diag(point) and r the margin residual:
    A d = r exactly, and d is tiny when `point` is a converged fit.
    """
    if point.shape != retained.shape or not (point > 0).all():
        return False
    x_matrix = design.matrix
    margins = x_matrix.T
    target = margins @ retained
    _, step, info = dposv((margins * point) @ x_matrix, target - margins @ point)
    if info != 0:
        return False
    x = point + point * (x_matrix @ step)
    scale = max(1.0, float(target.max()))
    return bool(x.min() > 1e-9 * scale and np.abs(margins @ x - target).max() <= 1e-9 * scale)


def _interior_point_exists(a: FloatArray, target: FloatArray) -> bool:
    """Maximise s subject to a x = target, x >= s, x >= 0, s >= 0; True iff s > 0."""
    n_params, n_cells = a.shape
    objective = np.zeros(n_cells + 1)
    objective[-1] = -1.0
    a_eq = np.hstack([a, np.zeros((n_params, 1))])
    a_ub = np.hstack([-np.eye(n_cells), np.ones((n_cells, 1))])
    result = linprog(
        objective,
        A_ub=a_ub,
        b_ub=np.zeros(n_cells),
        A_eq=a_eq,
        b_eq=target,
        bounds=(0, None),
        method="highs",
    )
    if result.status != 0 or result.fun is None:
        return False
    return bool(-float(result.fun) > _LP_ZERO)
