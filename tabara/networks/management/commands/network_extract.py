from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tabara.networks.services import network_backfill


class Command(BaseCommand):
    help = (
        "Extract the network identifiers (phones, accounts, plates, agencies, recruiters' "
        "names) of every report and case: the back-fill for records made before the index "
        "existed, and the rebuild after TABARA_PHONE_HASH_KEY changed. Idempotent."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--alert",
            action="store_true",
            help="also alert case owners about identifiers shared with records held elsewhere",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = network_backfill(alert=options["alert"])
        self.stdout.write(
            f"Network identifiers: {result.added} occurrences added, {result.removed} removed,"
            f" {result.alerted} alerts."
        )
