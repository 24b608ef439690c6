"""Shared test data: the public vignettes and the indicator catalogue (see data/SOURCE.md)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"


@functools.cache
def vignettes() -> tuple[dict[str, Any], ...]:
    document = yaml.safe_load((DATA / "vignettes-public.yaml").read_text(encoding="utf-8"))
    return tuple(document["vignettes"])


@functools.cache
def catalogue() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DATA / "indicators.yaml").read_text(encoding="utf-8"))
    return data


def expected(vignette: dict[str, Any]) -> dict[str, Any]:
    """The labels a vignette carries, in the shape the CLI prints them."""
    return {
        "outcome": vignette["expected_classification"],
        "secondary": vignette["secondary"],
        "elements": vignette["expected_elements"],
    }
