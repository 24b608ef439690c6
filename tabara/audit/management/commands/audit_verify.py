from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tabara.audit.services import audit_chain_verify


class Command(BaseCommand):
    help = "Verify the audit log's hash chain and name the first broken event."

    def handle(self, *args: Any, **options: Any) -> None:
        verdict = audit_chain_verify()
        if not verdict.ok:
            where = f"event {verdict.first_broken_id}" if verdict.first_broken_id else "chain end"
            raise CommandError(
                f"Audit chain broken at {where}: {verdict.reason} "
                f"({verdict.checked} events verified before it)."
            )
        self.stdout.write(f"Audit chain intact: {verdict.checked} events verified.")
