from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tabara.search.services import search_reindex


class Command(BaseCommand):
    help = (
        "Rebuild the search index (keyed tokens of names, phones and ID numbers) under the "
        "current TABARA_SEARCH_KEY. Run it after changing that key; rotate_keys runs it too."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        written = search_reindex()
        self.stdout.write(f"Search index rebuilt: {written} tokens.")
