"""Re-encrypt every encrypted column under the current key (after adding a new key first)."""

from __future__ import annotations

from django.apps import apps
from django.db import connection, transaction

from tabara.core.crypto import rotate_token
from tabara.core.fields import EncryptedTextField


def encrypted_columns() -> list[tuple[str, str, list[str]]]:
    """(table, primary key column, encrypted columns) for every model that has some."""
    found = []
    for model in apps.get_models():
        columns = [
            str(field.column)
            for field in model._meta.concrete_fields
            if isinstance(field, EncryptedTextField)
        ]
        pk = model._meta.pk
        if columns and pk is not None:
            found.append((model._meta.db_table, str(pk.column), columns))
    return found


def encryption_keys_rotate(*, batch_size: int = 500) -> int:
    """Rotate every stored token to the first configured key; return how many values changed.

    Works on raw column values so that nothing is decrypted into model instances, and
    commits batch by batch so a large table does not hold one long transaction. A value
    that fails authentication stops the rotation with an error naming nothing secret.
    """
    changed = 0
    quote = connection.ops.quote_name
    for table, pk, columns in encrypted_columns():
        select_list = ", ".join(quote(c) for c in [pk, *columns])
        last = -1
        while True:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT {select_list} FROM {quote(table)} WHERE {quote(pk)} > %s "  # noqa: S608 - names come from model metadata
                    f"ORDER BY {quote(pk)} LIMIT %s",
                    [last, batch_size],
                )
                rows = cursor.fetchall()
                for row in rows:
                    updates = {
                        column: rotate_token(value)
                        for column, value in zip(columns, row[1:], strict=True)
                        if value
                    }
                    if updates:
                        assignments = ", ".join(f"{quote(c)} = %s" for c in updates)
                        cursor.execute(
                            f"UPDATE {quote(table)} SET {assignments} WHERE {quote(pk)} = %s",  # noqa: S608 - names come from model metadata
                            [*updates.values(), row[0]],
                        )
                        changed += len(updates)
            if len(rows) < batch_size:
                break
            last = rows[-1][0]
    return changed
