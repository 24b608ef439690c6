"""The database itself refuses to change or remove audit rows (SQLite and PostgreSQL).

Run on both engines: `scripts/test-postgres ... tabara/audit` runs this module on PostgreSQL.
"""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction

from tabara.audit.models import AuditAction, AuditEvent
from tabara.audit.services import audit_chain_verify, audit_record
from tabara.audit.tests.tamper import sql


@pytest.fixture
def event(db: None) -> AuditEvent:
    audit_record(actor=None, action=AuditAction.LOGIN_FAILED, extra={"n": 1})
    return audit_record(actor=None, action=AuditAction.LOGIN_FAILED, extra={"n": 2})


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_auditevent SET actor_label = 'someone else' WHERE id = %s",
        "UPDATE audit_auditevent SET hash = prev_hash WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id >= %s",
    ],
)
def test_raw_sql_update_and_delete_are_refused(event, statement) -> None:
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        sql(statement, [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk, actor_label="anonymous").exists()
    assert audit_chain_verify().ok


def test_orm_update_and_bulk_delete_are_refused(event) -> None:
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action=AuditAction.LOGIN)
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        AuditEvent.objects.all()._raw_delete(AuditEvent.objects.db)
    assert AuditEvent.objects.count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE is PostgreSQL's")
def test_truncate_is_refused_on_postgresql(event) -> None:
    sql("SET CONSTRAINTS ALL IMMEDIATE")  # else the test's own pending FK checks refuse first
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        sql("TRUNCATE audit_auditevent CASCADE")
    assert AuditEvent.objects.count() == 2


def test_appending_still_works(event) -> None:
    audit_record(actor=None, action=AuditAction.LOGIN_FAILED)
    assert AuditEvent.objects.count() == 3 and audit_chain_verify().ok
