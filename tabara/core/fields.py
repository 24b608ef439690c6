"""Model fields whose values are encrypted in the database and clear in Python.

A value is sealed for its place (model, field, the row's `row_uuid`; tabara/core/crypto.py),
so the field needs its row both ways. Writing: `pre_save` receives the instance (save(),
save(update_fields=...), bulk_create()), and seals there. Reading: `from_db_value` sees one
column without its row, so it returns the stored token wrapped in `Sealed`, and the
field's descriptor opens it on first access with the instance's `row_uuid`; a value that
fails raises `DecryptionError` at that access, never returns the wrong text.

A model without `row_uuid` can only be a historical model of a data migration that runs
before its app's `encrypted_rows` migration: there the field reads and writes the former
Fernet tokens, so older data migrations keep working on data not yet converted.

Writes that carry no row (`QuerySet.update()`, `bulk_update()`, a filter on a non-empty
value) are refused; `.values()` of an encrypted column yields `Sealed` objects that refuse
to become text.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core import checks
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.expressions import Expression
from django.db.models.query_utils import DeferredAttribute

from tabara.core.crypto import (
    DecryptionError,
    Place,
    fernet_open,
    fernet_seal,
    keyring,
    open_sealed,
    seal,
)

ROW_FIELD = "row_uuid"


class Sealed:
    """A stored token read without its row: opened by the field descriptor, never shown."""

    __slots__ = ("token",)

    def __init__(self, token: str) -> None:
        self.token = token

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sealed) and other.token == self.token

    def __hash__(self) -> int:
        return hash(self.token)

    def __str__(self) -> str:
        raise DecryptionError("An encrypted value was read without its row; it cannot be shown.")

    def __repr__(self) -> str:
        return "<Sealed>"


class _Ciphertext(str):
    """A token sealed in pre_save, passed through get_prep_value unchanged."""

    __slots__ = ()


def place_of(field: models.Field, instance: models.Model) -> Place:  # type: ignore[type-arg]
    row = getattr(instance, ROW_FIELD)
    if row is None:
        raise DecryptionError(f"{field.model._meta.label} row has no {ROW_FIELD}.")
    return Place(model=field.model._meta.label, field=field.name, row=str(uuid.UUID(str(row))))


def is_unbound(field: models.Field) -> bool:  # type: ignore[type-arg]
    """A historical model from before `encrypted_rows` (the system check rules out others)."""
    return all(f.name != ROW_FIELD for f in field.model._meta.concrete_fields)


class EncryptedAttribute(DeferredAttribute):
    """Opens a `Sealed` value with its row on first access; a data descriptor on purpose."""

    def __get__(self, instance: Any, cls: Any = None) -> Any:
        if instance is None:
            return self
        data = instance.__dict__
        name = self.field.attname
        if name not in data:
            fields = [name] if ROW_FIELD in data else [name, ROW_FIELD]
            instance.refresh_from_db(fields=fields)
        value = data[name]
        if isinstance(value, Sealed):
            if is_unbound(self.field):
                value = fernet_open(value.token, keyring())
            else:
                value = open_sealed(value.token, place_of(self.field, instance))
            data[name] = value
        return value

    def __set__(self, instance: Any, value: Any) -> None:
        instance.__dict__[self.field.attname] = value


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """Text stored sealed for its row; empty strings stay empty so forms can leave them blank."""

    descriptor_class = EncryptedAttribute

    def check(self, **kwargs: Any) -> list[checks.CheckMessage]:
        errors = super().check(**kwargs)
        names = {f.name for f in self.model._meta.get_fields()}
        if ROW_FIELD not in names:
            errors.append(
                checks.Error(
                    f"{self.model._meta.label} has encrypted fields but no {ROW_FIELD}.",
                    hint="Inherit from tabara.core.models.EncryptedRowModel.",
                    obj=self,
                    id="tabara.E001",
                )
            )
        return errors

    def from_db_value(
        self, value: str | None, expression: Expression, connection: BaseDatabaseWrapper
    ) -> str | Sealed | None:
        if value is None or value == "":
            return value
        return Sealed(value)

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        stored = model_instance.__dict__.get(self.attname)
        if isinstance(stored, Sealed):
            return _Ciphertext(stored.token)  # unread since loaded: already sealed for this row
        value = getattr(model_instance, self.attname)
        if value is None or value == "":
            return value
        if is_unbound(self):
            return _Ciphertext(fernet_seal(str(value), keyring()))
        return _Ciphertext(seal(str(value), place_of(self, model_instance)))

    def get_prep_value(self, value: Any) -> Any:
        if isinstance(value, _Ciphertext):
            return str(value)
        if value is None or value == "":
            return value
        raise ValueError(
            f"{self.model._meta.label}.{self.name} is encrypted for its row: write it with "
            "save() or bulk_create(), not update(), bulk_update() or a filter."
        )
