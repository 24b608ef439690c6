from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tabara.operations.engines import private_directory
from tabara.operations.services import BackupError, archive_open, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup archive into an empty database, after authenticating all of it; "
        "refuses a database that has tables and an archive that was changed. "
        "--check only authenticates the archive and prints its manifest."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="an archive written by `manage.py backup`")
        parser.add_argument(
            "--check", action="store_true", help="verify the archive only; change nothing"
        )
        parser.add_argument(
            "--scratch", type=Path, default=None, help="folder for the decrypted members"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        archive: Path = options["archive"]
        if not archive.is_file():
            raise CommandError(f"Refused: {archive} is not a file.")
        try:
            if options["check"]:
                with private_directory(options["scratch"]) as work:
                    manifest = archive_open(archive=archive, staged=work).manifest
                verb = "Archive authenticated"
            else:
                manifest = backup_restore(archive=archive, scratch=options["scratch"])
                verb = "Restored and verified"
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest.tables.values())
        self.stdout.write(
            f"{verb}: {manifest.engine} snapshot of {manifest.created_at}, "
            f"{len(manifest.tables)} tables, {rows} rows, {len(manifest.files)} files, "
            f"audit chain head {manifest.audit_head[:16] or '(empty)'}."
        )
