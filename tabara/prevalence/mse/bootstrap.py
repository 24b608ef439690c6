"""Bootstrap with model selection repeated in every resample (Chan, Silverman & Vincent 2021).

1. Draw `replicates` multinomial resamples of the input rows (n_obs fixed).
2. Re-run the whole selection method on each resample and keep its estimate.
3. Re-run it on each delete-one jackknife table (one per non-empty row) for the BCa
   acceleration.
4. Report percentile and BCa intervals.

Resamples are drawn up front in the calling process, either from R's stream (the default:
seed s gives exactly SparseMSE's `estimatepopulation(iseed = s)` resamples) or from
numpy's PCG64; the fits are then spread over worker processes in fixed chunks, so the
result never depends on how many workers ran.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_all_start_methods, get_context
from typing import Literal

import numpy as np

from tabara.prevalence.mse.design import FloatArray, IntArray
from tabara.prevalence.mse.intervals import (
    bca_quantiles,
    jackknife_acceleration,
    percentile_quantiles,
)
from tabara.prevalence.mse.methods import Selector
from tabara.prevalence.mse.rstream import RStream
from tabara.prevalence.mse.table import CaptureTable

Generator = Literal["r", "numpy"]
Progress = Callable[[int, int], None]
CHUNK = 100


@dataclass(frozen=True, eq=False)
class BootstrapResult:
    """Replicate and jackknife estimates and the intervals built from them."""

    estimate: float
    replicates: FloatArray
    jackknife: FloatArray
    acceleration: float
    level: float
    percentile: tuple[float, float]
    bca: tuple[float, float] | None
    seed: int
    generator: Generator


class _Resampler:
    """Draws resamples of the row counts in order, a chunk at a time."""

    def __init__(self, table: CaptureTable, seed: int, generator: Generator) -> None:
        self._size = table.observed
        self._weights = table.counts.astype(np.float64)
        self._stream = RStream(seed) if generator == "r" else None
        self._rng = np.random.Generator(np.random.PCG64(seed))

    def draw(self, replicates: int) -> IntArray:
        if self._stream is not None:
            weights = self._weights.tolist()
            rows = [self._stream.rmultinom(self._size, weights) for _ in range(replicates)]
            return np.array(rows, dtype=np.int64).reshape(replicates, len(self._weights))
        probabilities = self._weights / self._weights.sum()
        return self._rng.multinomial(self._size, probabilities, size=replicates).astype(np.int64)


def resample_rows(
    table: CaptureTable, replicates: int, seed: int, generator: Generator = "r"
) -> IntArray:
    """(replicates x rows) multinomial resamples of the row counts."""
    return _Resampler(table, seed, generator).draw(replicates)


def jackknife_rows(table: CaptureTable) -> tuple[IntArray, IntArray]:
    """Row counts with one person removed from each non-empty row, and those rows' indices."""
    rows = np.flatnonzero(table.counts > 0)
    tables = np.repeat(table.counts[None, :], len(rows), axis=0)
    tables[np.arange(len(rows)), rows] -= 1
    return tables, rows


def _to_cells(table: CaptureTable, row_counts: IntArray) -> FloatArray:
    cells = np.zeros((len(row_counts), table.n_cells))
    np.add.at(cells.T, table.codes, row_counts.T)
    return cells


def _estimate_chunk(selector: Selector, t: int, cells: FloatArray) -> list[float]:
    return selector.estimates(t, cells)


def _run_chunks(
    selector: Selector,
    t: int,
    chunks: Iterator[tuple[int, FloatArray]],
    total: int,
    workers: int,
    progress: Progress | None,
) -> FloatArray:
    """Estimates for chunks of tables, each chunk tagged with its first index in the output."""
    results = np.empty(total)
    done = 0
    if workers <= 1:
        for start, cells in chunks:
            results[start : start + len(cells)] = _estimate_chunk(selector, t, cells)
            done += len(cells)
            if progress is not None:
                progress(done, total)
        return results
    # fork shares the loaded libraries and caches at no cost; elsewhere use the default.
    context = get_context("fork") if "fork" in get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {
            pool.submit(_estimate_chunk, selector, t, cells): start for start, cells in chunks
        }
        for future in as_completed(futures):
            start = futures[future]
            chunk = future.result()
            results[start : start + len(chunk)] = chunk
            done += len(chunk)
            if progress is not None:
                progress(done, total)
    return results


def bootstrap(
    table: CaptureTable,
    selector: Selector,
    *,
    replicates: int = 1000,
    seed: int = 1234,
    generator: Generator = "r",
    level: float = 0.95,
    workers: int | None = None,
    progress: Progress | None = None,
) -> BootstrapResult:
    """Percentile and BCa intervals for the total, model selection included.

    `progress(done, total)` is called as fits complete; total counts the replicates plus
    one jackknife fit per non-empty input row.
    """
    t = table.n_lists
    estimate = selector.select(t, table.cell_counts).estimate
    jack_rows, jack_index = jackknife_rows(table)
    resampler = _Resampler(table, seed, generator)

    def chunks() -> Iterator[tuple[int, FloatArray]]:
        # Jackknife tables first: workers start on them while resamples are drawn.
        yield replicates, _to_cells(table, jack_rows)
        for start in range(0, replicates, CHUNK):
            size = min(CHUNK, replicates - start)
            yield start, _to_cells(table, resampler.draw(size))

    total = replicates + len(jack_rows)
    n_workers = max(1, min(workers or os.cpu_count() or 1, total // CHUNK))
    estimates = _run_chunks(selector, t, chunks(), total, n_workers, progress)
    boot, jack_estimates = estimates[:replicates], estimates[replicates:]
    jackknife = np.zeros(len(table.counts))
    jackknife[jack_index] = jack_estimates
    acceleration = jackknife_acceleration(jackknife, table.counts.astype(np.float64))
    alphas = [(1 - level) / 2, (1 + level) / 2]
    low, high = percentile_quantiles(boot, alphas)
    bca = bca_quantiles(boot, estimate, acceleration, alphas)
    return BootstrapResult(
        estimate=estimate,
        replicates=boot,
        jackknife=jackknife,
        acceleration=acceleration,
        level=level,
        percentile=(low, high),
        bca=(bca[0], bca[1]) if bca is not None else None,
        seed=seed,
        generator=generator,
    )
