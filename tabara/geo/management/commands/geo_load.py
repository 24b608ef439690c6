from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from tabara.geo.services import LEVEL_ORDER, geography_load


class Command(BaseCommand):
    help = "Load Rwanda's provinces, districts, sectors, cells, villages and border posts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--down-to", choices=LEVEL_ORDER, default="village", help="deepest level to load"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        depth = LEVEL_ORDER.index(options["down_to"]) + 1
        counts = geography_load(levels=tuple(LEVEL_ORDER[:depth]))
        self.stdout.write(", ".join(f"{key}: {value}" for key, value in counts.items()))
