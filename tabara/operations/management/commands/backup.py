from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from tabara.operations.management.commands._language import language_argument
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
        language_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["language"]):
            self.stdout.write(self._backup(options))

    def _backup(self, options: dict[str, Any]) -> str:
        output: Path = options["output"]
        if output.exists():
            raise CommandError(
                _("Refused: %(path)s already exists; choose a new file name.") % {"path": output}
            )
        if not output.parent.is_dir():
            raise CommandError(
                _("Refused: the folder %(folder)s does not exist.") % {"folder": output.parent}
            )
        try:
            manifest = backup_write(output=output, scratch=options["scratch"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        return _(
            "Backup written to %(path)s: %(tables)s tables, %(rows)s rows, %(files)s files, "
            "%(migrations)s migrations, audit chain head %(head)s."
        ) % {
            "path": output,
            "tables": len(manifest.tables),
            "rows": sum(manifest.tables.values()),
            "files": len(manifest.files),
            "migrations": len(manifest.migrations),
            "head": manifest.audit_head[:16] or _("(empty)"),
        }
