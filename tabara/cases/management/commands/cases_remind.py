"""Remind workers of reintegration follow-ups that are due, once or with --loop (`make run`)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from tabara.cases.closure import case_follow_ups_remind


class Command(BaseCommand):
    help = "Remind assigned workers of reintegration follow-ups whose day has come."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--loop", action="store_true", help="keep checking")
        parser.add_argument("--interval", type=float, default=300.0, help="seconds between checks")

    def handle(self, *args: Any, loop: bool, interval: float, **options: Any) -> None:
        while True:
            reminded = case_follow_ups_remind()
            if not loop:
                self.stdout.write(f"reminded {reminded}")
                return
            time.sleep(interval)
