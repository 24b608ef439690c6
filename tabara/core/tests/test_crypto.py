"""Encryption at rest: tampering fails loudly; rotation moves every value to the new key."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from tabara.core.crypto import DecryptionError
from tabara.intake.models import Report, ReportMessage
from tabara.intake.tests.factories import submit_report


def raw(column: str, pk: int, table: str = "intake_report") -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return str(cursor.fetchone()[0])


@pytest.mark.django_db
def test_tampered_ciphertext_raises_instead_of_returning_garbage() -> None:
    report = submit_report(what_happened="secret words").report
    token = raw("what_happened", report.pk)
    flipped = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE intake_report SET what_happened = %s WHERE id = %s", [flipped, report.pk]
        )
    with pytest.raises(DecryptionError):
        Report.objects.get(pk=report.pk)


@pytest.mark.django_db
def test_rotation_re_encrypts_under_the_new_key_and_old_key_can_be_dropped(settings) -> None:
    old_key = settings.TABARA_ENCRYPTION_KEYS[0]
    report = submit_report(what_happened="rotate me", suspect_identifiers="+250 700 000 000").report
    ReportMessage.objects.create(report=report, sender="reporter", body="message to rotate")
    before = raw("what_happened", report.pk)
    new_key = Fernet.generate_key().decode()
    with override_settings(TABARA_ENCRYPTION_KEYS=[new_key, old_key]):
        call_command("rotate_keys")
    after = raw("what_happened", report.pk)
    assert after != before
    with override_settings(TABARA_ENCRYPTION_KEYS=[new_key]):
        fresh = Report.objects.get(pk=report.pk)
        assert fresh.what_happened == "rotate me"
        assert fresh.suspect_identifiers == "+250 700 000 000"
        assert ReportMessage.objects.get().body == "message to rotate"
    with pytest.raises(DecryptionError):
        Report.objects.get(pk=report.pk)  # the old key alone no longer opens it


@pytest.mark.django_db
def test_empty_optional_fields_stay_empty_not_encrypted() -> None:
    report = submit_report().report
    assert raw("agency_name", report.pk) == ""
