from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tabara.operations.services import BackupError, backup_write


class Command(BaseCommand):
    help = (
        "Write one consistent, encrypted and authenticated backup archive of the running "
        "database and the stored files, sealed with the first of TABARA_BACKUP_KEYS."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("output", type=Path, help="the archive to write")
        parser.add_argument(
            "--scratch",
            type=Path,
            default=None,
            help="folder for the plaintext snapshot while it is sealed (default: system temp)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output: Path = options["output"]
        if output.exists():
            raise CommandError(f"Refused: {output} already exists; choose a new file name.")
        if not output.parent.is_dir():
            raise CommandError(f"Refused: the folder {output.parent} does not exist.")
        try:
            manifest = backup_write(output=output, scratch=options["scratch"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest.tables.values())
        self.stdout.write(
            f"Backup written to {output}: {len(manifest.tables)} tables, {rows} rows, "
            f"{len(manifest.files)} files, {len(manifest.migrations)} migrations, "
            f"audit chain head {manifest.audit_head[:16] or '(empty)'}."
        )
