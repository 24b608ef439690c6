"""Publish the audit chain head in the log once, or keep publishing with --loop."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from tabara.audit.services import audit_anchor_publish


class Command(BaseCommand):
    help = (
        "Write a signed `tabara-audit-anchor/1` line naming the audit chain head to the log "
        "(logger tabara.audit.anchor); ship the log off the server to keep it as an anchor."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--loop", action="store_true", help="keep publishing")
        parser.add_argument(
            "--interval", type=float, default=3600.0, help="seconds between lines (--loop)"
        )

    def handle(self, *args: Any, loop: bool, interval: float, **options: Any) -> None:
        while True:
            audit_anchor_publish()
            if not loop:
                return
            time.sleep(interval)
