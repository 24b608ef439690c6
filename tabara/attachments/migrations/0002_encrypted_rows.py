"""Bind every encrypted value to its row: row_uuid, then Fernet → AES-256-GCM with AD.

Reversible (back to Fernet tokens under the first key); see tabara/core/migrating.py.
"""

from django.db import migrations

from tabara.attachments.models import chunk_row_uuid
from tabara.core.migrating import encrypted_rows_operations


def chunk_rows_derive(apps, schema_editor):
    """A chunk's row_uuid comes from its file's and its index (attachments.models)."""
    chunk = apps.get_model("attachments", "AttachmentChunk")
    rows = list(chunk.objects.select_related("attachment").only("index", "attachment__row_uuid"))
    for row in rows:
        row.row_uuid = chunk_row_uuid(row.attachment.row_uuid, row.index)
    chunk.objects.bulk_update(rows, ["row_uuid"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("attachments", "0001_initial")]

    operations = encrypted_rows_operations(
        "attachments",
        ["attachment", "attachmentchunk"],
        then=[migrations.RunPython(chunk_rows_derive, migrations.RunPython.noop)],
    )
