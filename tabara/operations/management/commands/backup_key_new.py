from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tabara.operations.sealed import key_generate


class Command(BaseCommand):
    help = "Print a new random backup key for TABARA_BACKUP_KEYS (keep a copy off the server)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(key_generate())
