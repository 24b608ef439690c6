from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tabara.audit.services import audit_anchor_current


class Command(BaseCommand):
    help = (
        "Append a signed line naming the audit chain's current head (sequence number, hash, "
        "time) to FILE, and print it. Keep the file off the database server; "
        "`audit_verify --anchor FILE` then detects removed events."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="anchor file (appended to, created if new)")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        line = audit_anchor_current()
        try:
            with path.open("a", encoding="ascii") as out:
                out.write(line + "\n")
        except OSError as exc:
            raise CommandError(f"Cannot write the anchor file {path}: {exc.strerror}.") from exc
        self.stdout.write(line)
