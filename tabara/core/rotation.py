"""Walk every encrypted column with its row's identity: rotate keys, verify, migrate formats.

Works on raw column values so that nothing is decrypted into model instances, and commits
batch by batch so a large table does not hold one long transaction. The same walker serves
the running application (`rotate_keys`, the backup drill's check) and the data migrations,
which pass their historical models.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db import connection as default_connection
from django.db import models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from tabara.core.crypto import DecryptionError, Place, keyring, open_sealed, reseal
from tabara.core.fields import ROW_FIELD, EncryptedTextField

# Given a stored token and its place: the token to write instead, or None to leave it.
Rewrite = Callable[[str, Place], str | None]


@dataclass(frozen=True)
class EncryptedTable:
    label: str
    table: str
    pk: str
    row: str
    fields: tuple[tuple[str, str], ...]  # (field name, column)


def encrypted_tables(
    model_list: Iterable[type[models.Model]] | None = None,
) -> list[EncryptedTable]:
    """Every model (of the list, else installed) that has encrypted fields."""
    found = []
    for model in apps.get_models() if model_list is None else model_list:
        fields = tuple(
            (field.name, str(field.column))
            for field in model._meta.concrete_fields
            if isinstance(field, EncryptedTextField)
        )
        pk = model._meta.pk
        if fields and pk is not None:
            row = model._meta.get_field(ROW_FIELD)
            assert isinstance(row, models.Field)  # noqa: S101 - a concrete field, for mypy
            found.append(
                EncryptedTable(
                    model._meta.label, model._meta.db_table, str(pk.column), str(row.column), fields
                )
            )
    return found


def encrypted_columns() -> list[tuple[str, str, list[str]]]:
    """(table, primary key column, encrypted columns) for every model that has some."""
    return [(t.table, t.pk, [column for _, column in t.fields]) for t in encrypted_tables()]


def tokens_rewrite(
    tables: list[EncryptedTable],
    rewrite: Rewrite,
    *,
    connection: BaseDatabaseWrapper | None = None,
    batch_size: int = 500,
) -> int:
    """Apply `rewrite` to every non-empty stored value; return how many values changed."""
    connection = connection or default_connection
    quote = connection.ops.quote_name
    changed = 0
    for t in tables:
        columns = [column for _, column in t.fields]
        select_list = ", ".join(quote(c) for c in [t.pk, t.row, *columns])
        last = -1
        while True:
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT {select_list} FROM {quote(t.table)} WHERE {quote(t.pk)} > %s "  # noqa: S608 - names come from model metadata
                    f"ORDER BY {quote(t.pk)} LIMIT %s",
                    [last, batch_size],
                )
                rows = cursor.fetchall()
                for pk, row_id, *values in rows:
                    row = str(uuid.UUID(str(row_id))) if row_id is not None else ""
                    updates = {}
                    for (name, column), value in zip(t.fields, values, strict=True):
                        if value:
                            new = rewrite(str(value), Place(t.label, name, row))
                            if new is not None and new != value:
                                updates[column] = new
                    if updates:
                        assignments = ", ".join(f"{quote(c)} = %s" for c in updates)
                        cursor.execute(
                            f"UPDATE {quote(t.table)} SET {assignments} WHERE {quote(t.pk)} = %s",  # noqa: S608 - names come from model metadata
                            [*updates.values(), pk],
                        )
                        changed += len(updates)
            if len(rows) < batch_size:
                break
            last = rows[-1][0]
    return changed


def encryption_keys_rotate(*, batch_size: int = 500) -> int:
    """Re-seal every stored value under the first configured key, with the same place.

    A value that fails authentication stops the rotation with an error naming the model
    and field, nothing secret; the batches before it stay committed (and readable).
    """
    ring = keyring()
    return tokens_rewrite(
        encrypted_tables(), lambda token, place: reseal(token, place, ring), batch_size=batch_size
    )


@dataclass
class Verdict:
    opened: int = 0
    failed: int = 0


def encrypted_values_verify() -> Verdict:
    """Open every stored value for its own place (after a restore): count what fails."""
    ring = keyring()
    verdict = Verdict()

    def check(token: str, place: Place) -> None:
        try:
            open_sealed(token, place, ring)
            verdict.opened += 1
        except DecryptionError:
            verdict.failed += 1

    tokens_rewrite(encrypted_tables(), check)
    return verdict
