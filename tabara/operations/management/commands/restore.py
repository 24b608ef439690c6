from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from tabara.operations.engines import private_directory
from tabara.operations.management.commands._language import language_argument
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
        language_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["language"]):
            self.stdout.write(self._restore(options))

    def _restore(self, options: dict[str, Any]) -> str:
        archive: Path = options["archive"]
        if not archive.is_file():
            raise CommandError(_("Refused: %(path)s is not a file.") % {"path": archive})
        try:
            if options["check"]:
                with private_directory(options["scratch"]) as work:
                    manifest = archive_open(archive=archive, staged=work).manifest
                verb = _("Archive authenticated")
            else:
                manifest = backup_restore(archive=archive, scratch=options["scratch"])
                verb = _("Restored and verified")
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        return _(
            "%(verb)s: %(engine)s snapshot of %(created)s, %(tables)s tables, %(rows)s rows, "
            "%(files)s files, audit chain head %(head)s."
        ) % {
            "verb": verb,
            "engine": manifest.engine,
            "created": manifest.created_at,
            "tables": len(manifest.tables),
            "rows": sum(manifest.tables.values()),
            "files": len(manifest.files),
            "head": manifest.audit_head[:16] or _("(empty)"),
        }
