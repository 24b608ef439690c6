"""Demo geography (see tabara/core/demo.py): Rwanda's units, villages unless asked not to."""

from __future__ import annotations

from tabara.core.demo import DemoRun
from tabara.geo.services import geography_load

LEVELS = ("province", "district", "sector", "cell", "village")


def geo_demo_step(run: DemoRun) -> None:
    geography_load(levels=LEVELS if run.with_villages else LEVELS[:3])
