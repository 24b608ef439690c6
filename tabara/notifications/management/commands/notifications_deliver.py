"""Deliver due notifications once, or keep sweeping with --loop (started by `make run`)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from tabara.notifications.services import notifications_sweep


class Command(BaseCommand):
    help = "Deliver pending notifications, including those whose delivery task was lost."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--loop", action="store_true", help="keep sweeping")
        parser.add_argument("--interval", type=float, default=15.0, help="seconds between sweeps")

    def handle(self, *args: Any, loop: bool, interval: float, **options: Any) -> None:
        while True:
            sent = notifications_sweep()
            if options["verbosity"] > 1 or not loop:
                self.stdout.write(f"delivered {sent}")
            if not loop:
                return
            time.sleep(interval)
