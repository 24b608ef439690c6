"""Shared fixtures: the five published tables and the figures R computed on them.

The tables, `reference-r.json` and `SOURCES.md` in `data/` are copies of the shared MSE
folder (R 4.2.2, Rcapture 1.4-4, SparseMSE 2.0.1); SOURCES.md says where each table
comes from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tabara.prevalence.mse import CaptureTable, read_table

DATA = Path(__file__).parent / "data"
DATASETS = (
    "uk_2013_5lists",
    "new_orleans_5lists",
    "western_us_5lists",
    "artificial_3lists",
    "hiv_rome_4lists",
)


def load(name: str) -> CaptureTable:
    return read_table(DATA / f"{name}.csv")


@pytest.fixture(scope="session")
def reference() -> dict[str, Any]:
    datasets: dict[str, Any] = json.loads((DATA / "reference-r.json").read_text())["datasets"]
    return datasets


def same_to(digits: int, actual: float, expected: float) -> bool:
    """Equal to `digits` significant digits (relative difference below half a unit)."""
    return abs(actual - expected) <= 0.5 * 10.0 ** (1 - digits) * abs(expected)
