"""Apply the retention rules once, or keep applying them with --loop (started by `make run`)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from tabara.privacy.rules import RULES
from tabara.privacy.services.retention import retention_apply, rule_days


class Command(BaseCommand):
    help = (
        "Delete or anonymise personal data whose retention period has ended "
        "(docs/data-protection.md). --dry-run counts and changes nothing."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="count only")
        parser.add_argument("--loop", action="store_true", help="keep applying")
        parser.add_argument(
            "--interval", type=float, default=3600.0, help="seconds between runs (--loop)"
        )

    def handle(
        self, *args: Any, dry_run: bool, loop: bool, interval: float, **options: Any
    ) -> None:
        while True:
            counts = retention_apply(dry_run=dry_run)
            if not loop:
                verb = "due (dry run, nothing changed)" if dry_run else "done"
                for rule in RULES:
                    self.stdout.write(
                        f"{rule.id:<24} {rule.action:<9} after {rule_days(rule):>5} days: "
                        f"{counts[rule.id]} {verb}"
                    )
                return
            time.sleep(interval)
