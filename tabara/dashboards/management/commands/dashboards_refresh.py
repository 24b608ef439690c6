"""Rebuild the statistics snapshot once, or keep it fresh with --loop (started by `make run`)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from tabara.dashboards.snapshot import snapshot_refresh


class Command(BaseCommand):
    help = "Recompute the agencies' case statistics (the dashboard's analytic snapshot)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--loop", action="store_true", help="keep recomputing")
        parser.add_argument(
            "--interval", type=float, default=300.0, help="seconds between two refreshes"
        )

    def handle(self, *args: Any, loop: bool, interval: float, **options: Any) -> None:
        while True:
            built = snapshot_refresh()
            if not loop:
                self.stdout.write(
                    f"{built.cases} cases, {built.victims} victims, {built.reports} reports "
                    f"in {built.seconds:.1f} s: {built.path}"
                )
                return
            time.sleep(interval)
