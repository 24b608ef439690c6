from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.core.rotation import encryption_keys_rotate
from tabara.search.services import search_reindex


class Command(BaseCommand):
    help = (
        "Re-encrypt all encrypted fields under the first key of TABARA_ENCRYPTION_KEYS. "
        "Put the new key first, keep the old ones after it, run this, then drop the old keys. "
        "The search index is rebuilt too, under the current TABARA_SEARCH_KEY."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        changed = encryption_keys_rotate()
        audit_record(actor=None, action=AuditAction.KEYS_ROTATED, extra={"values": changed})
        self.stdout.write(f"Re-encrypted {changed} values under the current key.")
        tokens = search_reindex()
        self.stdout.write(f"Search index rebuilt: {tokens} tokens.")
