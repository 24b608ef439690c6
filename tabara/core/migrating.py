"""Operations for the data migrations that bind every encrypted value to its row.

Each app with encrypted fields has one migration built by `encrypted_rows_operations`:
add `row_uuid` (nullable), give every existing row its own UUID, make it unique and
required, then re-encrypt each Fernet token (the former format, read with the configured
keys) into AES-256-GCM sealed for (model, field, row_uuid). Reversible: going back seals
each value as a Fernet token under the first key, then drops `row_uuid`.

These functions receive historical models; the walker reads raw columns only.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import migrations, models
from django.db.migrations.operations.base import Operation

from tabara.core.crypto import (
    Place,
    fernet_open,
    fernet_seal,
    is_sealed,
    keyring,
    open_sealed,
    seal,
)
from tabara.core.fields import ROW_FIELD
from tabara.core.rotation import encrypted_tables, tokens_rewrite


def _tables(apps: Any, app_label: str, model_names: list[str]) -> list[Any]:
    return encrypted_tables([apps.get_model(app_label, name) for name in model_names])


def fernet_to_aead(token: str, place: Place) -> str | None:
    """One stored value of the former format, sealed for its place (None if already new)."""
    if is_sealed(token):
        return None
    ring = keyring()
    return seal(fernet_open(token, ring), place, ring)


def aead_to_fernet(token: str, place: Place) -> str | None:
    """The reverse: a sealed value back to a Fernet token under the first key."""
    if not is_sealed(token):
        return None
    ring = keyring()
    return fernet_seal(open_sealed(token, place, ring), ring)


def row_uuids_fill(app_label: str, model_names: list[str]) -> Any:
    def fill(apps: Any, schema_editor: Any) -> None:
        for name in model_names:
            model = apps.get_model(app_label, name)
            rows = list(model.objects.filter(**{f"{ROW_FIELD}__isnull": True}).only("pk"))
            for row in rows:
                setattr(row, ROW_FIELD, uuid.uuid4())
            model.objects.bulk_update(rows, [ROW_FIELD], batch_size=500)

    return fill


def tokens_convert(app_label: str, model_names: list[str], rewrite: Any) -> Any:
    def convert(apps: Any, schema_editor: Any) -> None:
        tables = _tables(apps, app_label, model_names)
        tokens_rewrite(tables, rewrite, connection=schema_editor.connection)

    return convert


def encrypted_rows_operations(
    app_label: str, model_names: list[str], *, then: list[Operation] | None = None
) -> list[Operation]:
    """The operations of one app's migration; `then` runs after the UUIDs are filled."""
    return [
        *(
            migrations.AddField(
                model_name=name,
                name=ROW_FIELD,
                field=models.UUIDField(editable=False, null=True),
            )
            for name in model_names
        ),
        migrations.RunPython(row_uuids_fill(app_label, model_names), migrations.RunPython.noop),
        *(then or []),
        *(
            migrations.AlterField(
                model_name=name,
                name=ROW_FIELD,
                field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
            )
            for name in model_names
        ),
        migrations.RunPython(
            tokens_convert(app_label, model_names, fernet_to_aead),
            tokens_convert(app_label, model_names, aead_to_fernet),
        ),
    ]
