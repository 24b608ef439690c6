"""Escalate overdue referrals once, or keep checking with --loop (started by `make run`)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from tabara.referrals.services import referrals_escalate_due


class Command(BaseCommand):
    help = "Alert supervisors about referrals not acknowledged before their deadline."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--loop", action="store_true", help="keep checking")
        parser.add_argument("--interval", type=float, default=60.0, help="seconds between checks")

    def handle(self, *args: Any, loop: bool, interval: float, **options: Any) -> None:
        while True:
            escalated = referrals_escalate_due()
            if not loop:
                self.stdout.write(f"escalated {escalated}")
                return
            time.sleep(interval)
