"""Bind every encrypted value to its row: row_uuid, then Fernet → AES-256-GCM with AD.

Reversible (back to Fernet tokens under the first key); see tabara/core/migrating.py.
"""

from django.db import migrations

from tabara.core.migrating import encrypted_rows_operations


class Migration(migrations.Migration):
    dependencies = [("screening", "0001_initial")]

    operations = encrypted_rows_operations(
        "screening",
        ["screeninginterview"],
    )
