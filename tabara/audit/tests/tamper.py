"""Tampering as someone who owns the database schema would: drop the triggers, write, restore.

The append-only triggers stop every client of the database; the schema's owner can still
drop them. The keyed chain and the anchors must catch what such a person does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from tabara.audit import triggers


@contextmanager
def as_schema_owner() -> Iterator[None]:
    vendor = connection.vendor
    with connection.cursor() as cursor:
        for sql in triggers.statements(triggers.DROP, vendor):
            cursor.execute(sql)
    yield
    with connection.cursor() as cursor:
        for sql in triggers.statements(triggers.CREATE, vendor):
            cursor.execute(sql)


def sql(statement: str, params: list[int] | None = None) -> None:
    """Run raw SQL on the test database (table and column names as Django created them)."""
    with connection.cursor() as cursor:
        cursor.execute(statement, params or [])
