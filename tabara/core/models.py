"""Shared model primitives; no domain logic."""

from __future__ import annotations

import uuid

from django.db import models


class TimeStampedModel(models.Model):
    """A row that knows when it was created and last changed."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class EncryptedRowModel(models.Model):
    """A row with encrypted fields: `row_uuid` binds each ciphertext to this row.

    The primary key is unknown before INSERT, so the row's identity for the associated
    data (tabara/core/crypto.py) is a UUID chosen in Python, before the first save, and
    never changed; bulk_create works because the default is set when the object is built.
    """

    row_uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True
