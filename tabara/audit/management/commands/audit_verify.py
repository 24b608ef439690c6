from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from tabara.audit.chain import Anchor, AnchorError
from tabara.audit.services import audit_anchors_read, audit_chain_verify


class Command(BaseCommand):
    help = (
        "Verify the audit log's keyed hash chain and name the first broken event. "
        "--anchor FILE (a file of `audit_anchor_export` lines, or a log holding "
        "`tabara-audit-anchor/1` lines) also fails when the chain no longer reaches a head "
        "published earlier: the newest events were removed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--anchor",
            type=Path,
            action="append",
            default=[],
            help="file with signed anchor lines (repeatable)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override("en"):  # like every command's output; the viewer translates
            self.verify(options["anchor"])

    def verify(self, paths: list[Path]) -> None:
        anchors: list[Anchor] = []
        for path in paths:
            try:
                found = audit_anchors_read(path.read_text(encoding="utf-8", errors="replace"))
            except OSError as exc:
                raise CommandError(f"Cannot read the anchor file {path}: {exc.strerror}.") from exc
            except AnchorError as exc:
                raise CommandError(f"Anchor file {path}: {exc}.") from exc
            if not found:
                raise CommandError(f"Anchor file {path} holds no anchor line.")
            anchors += found
        verdict = audit_chain_verify(anchors)
        if not verdict.ok:
            where = f"event {verdict.first_broken_id}" if verdict.first_broken_id else "chain end"
            raise CommandError(
                f"Audit chain broken at {where}: {verdict.reason} "
                f"({verdict.checked} events verified before it)."
            )
        reached = f", {len(anchors)} anchors reached" if anchors else ""
        self.stdout.write(f"Audit chain intact: {verdict.checked} events verified{reached}.")
