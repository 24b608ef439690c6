"""Encryption at rest: each value opens only in its own row and field, under a known key.

Attacks are made at SQL level, as someone who can write to the database would make them:
a ciphertext copied from another row, from another field, or changed by one byte. Each must
raise `DecryptionError` on reading, never show the other row's text. (With the former
Fernet format every one of the copies decrypted to the other row's text.)
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from types import SimpleNamespace
from typing import cast

import pytest
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings

from tabara.accounts.models import User
from tabara.accounts.roles import Role
from tabara.cases.tests.factories import agencies_create, case_create
from tabara.core.crypto import DecryptionError
from tabara.core.fields import Sealed
from tabara.core.migrating import aead_to_fernet, fernet_to_aead, tokens_convert
from tabara.intake.models import Report, ReportMessage
from tabara.intake.tests.factories import submit_report

NEW_KEY = "bmV3LXRlc3Qta2V5LWZvci1yb3RhdGlvbi0wMDAwMDE="


def raw(column: str, pk: int, table: str = "intake_report") -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return str(cursor.fetchone()[0])


def write(column: str, pk: int, value: str, table: str = "intake_report") -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [value, pk])  # noqa: S608


def two_reports() -> tuple[Report, Report]:
    first = submit_report(what_happened="first report", suspect_identifiers="+250 700 000 001")
    second = submit_report(what_happened="second report", suspect_identifiers="+250 700 000 002")
    return first.report, second.report


@pytest.mark.django_db
def test_a_ciphertext_copied_from_another_row_is_refused() -> None:
    first, second = two_reports()
    write("what_happened", first.pk, raw("what_happened", second.pk))
    fresh = Report.objects.get(pk=first.pk)
    with pytest.raises(DecryptionError):
        _ = fresh.what_happened
    assert Report.objects.get(pk=second.pk).what_happened == "second report"


@pytest.mark.django_db
def test_a_ciphertext_copied_from_another_field_of_the_same_row_is_refused() -> None:
    first, _second = two_reports()
    write("destination", first.pk, raw("suspect_identifiers", first.pk))
    fresh = Report.objects.get(pk=first.pk)
    with pytest.raises(DecryptionError):
        _ = fresh.destination
    assert fresh.suspect_identifiers == "+250 700 000 001"


@pytest.mark.django_db
def test_a_ciphertext_copied_into_another_model_is_refused() -> None:
    first, _second = two_reports()
    message = ReportMessage.objects.create(report=first, sender="reporter", body="hello")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE intake_reportmessage SET row_uuid = (SELECT row_uuid FROM intake_report "
            "WHERE id = %s), body = %s WHERE id = %s",
            [first.pk, raw("what_happened", first.pk), message.pk],
        )
    with pytest.raises(DecryptionError):
        _ = ReportMessage.objects.get(pk=message.pk).body


@pytest.mark.django_db
def test_one_changed_byte_is_refused() -> None:
    first, _second = two_reports()
    prefix, kid, body = raw("what_happened", first.pk).split(":")
    blob = bytearray(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    blob[20] ^= 0x01
    changed = base64.urlsafe_b64encode(bytes(blob)).decode().rstrip("=")
    write("what_happened", first.pk, f"{prefix}:{kid}:{changed}")
    with pytest.raises(DecryptionError):
        _ = Report.objects.get(pk=first.pk).what_happened


@pytest.mark.django_db
def test_the_stored_value_is_aes_256_gcm_bound_to_model_field_and_row_as_documented() -> None:
    """Open a stored value with `cryptography` alone, following docs/security.md."""
    first, _second = two_reports()
    raw_key = base64.urlsafe_b64decode(settings.TABARA_ENCRYPTION_KEYS[0])

    def hkdf(info: bytes, length: int) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(raw_key)

    prefix, kid, body = raw("what_happened", first.pk).split(":")
    assert prefix == "aesgcm1"
    assert kid == hkdf(b"tabara field key id v1", 4).hex()
    blob = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    aad = "\x00".join(["aesgcm1", kid, "intake.Report", "what_happened", str(first.row_uuid)])
    aead = AESGCM(hkdf(b"tabara field encryption AES-256-GCM v1", 32))
    assert aead.decrypt(blob[:12], blob[12:], aad.encode()) == b"first report"


@pytest.mark.django_db
def test_rotation_re_encrypts_under_the_new_key_and_keeps_each_value_bound() -> None:
    first, second = two_reports()
    ReportMessage.objects.create(report=first, sender="reporter", body="message to rotate")
    old_key = settings.TABARA_ENCRYPTION_KEYS[0]
    before = raw("what_happened", first.pk)
    with override_settings(TABARA_ENCRYPTION_KEYS=[NEW_KEY, old_key]):
        call_command("rotate_keys")
    after = raw("what_happened", first.pk)
    assert after.split(":")[1] != before.split(":")[1]  # another key id
    with override_settings(TABARA_ENCRYPTION_KEYS=[NEW_KEY]):
        fresh = Report.objects.get(pk=first.pk)
        assert fresh.what_happened == "first report"
        assert fresh.suspect_identifiers == "+250 700 000 001"
        assert ReportMessage.objects.get().body == "message to rotate"
        write("what_happened", first.pk, raw("what_happened", second.pk))
        with pytest.raises(DecryptionError):  # still bound to its row after rotation
            _ = Report.objects.get(pk=first.pk).what_happened
    with pytest.raises(DecryptionError):  # the old key alone no longer opens it
        _ = Report.objects.get(pk=second.pk).what_happened


class _Editor(SimpleNamespace):
    connection: object


@pytest.mark.django_db
def test_the_data_migration_turns_fernet_tokens_into_bound_values_and_back() -> None:
    first, second = two_reports()
    fernet = Fernet(settings.TABARA_ENCRYPTION_KEYS[0].encode())
    write("what_happened", first.pk, fernet.encrypt(b"written before the upgrade").decode())
    write("contact_name", first.pk, fernet.encrypt(b"Mukamana Ange").decode())
    untouched = raw("what_happened", second.pk)
    editor = _Editor(connection=connection)
    models = ["report", "reportmessage", "ussdsession"]

    tokens_convert("intake", models, fernet_to_aead)(apps, editor)
    assert raw("what_happened", first.pk).startswith("aesgcm1:")
    assert raw("what_happened", second.pk) == untouched  # already in the new format
    fresh = Report.objects.get(pk=first.pk)
    assert fresh.what_happened == "written before the upgrade"
    assert fresh.contact_name == "Mukamana Ange"

    tokens_convert("intake", models, aead_to_fernet)(apps, editor)
    assert fernet.decrypt(raw("what_happened", first.pk).encode()) == b"written before the upgrade"
    assert fernet.decrypt(raw("what_happened", second.pk).encode()) == b"second report"


@pytest.mark.django_db
def test_a_fernet_token_is_not_read_by_the_running_application() -> None:
    first, _second = two_reports()
    fernet = Fernet(settings.TABARA_ENCRYPTION_KEYS[0].encode())
    write("what_happened", first.pk, fernet.encrypt(b"unbound").decode())
    with pytest.raises(DecryptionError):
        _ = Report.objects.get(pk=first.pk).what_happened


@pytest.mark.django_db
def test_writes_without_their_row_are_refused_and_values_rows_stay_sealed() -> None:
    first, _second = two_reports()
    with pytest.raises(ValueError, match="encrypted for its row"), transaction.atomic():
        Report.objects.filter(pk=first.pk).update(what_happened="no row here")
    Report.objects.filter(pk=first.pk).update(destination="")  # blanking needs no key
    rows = Report.objects.filter(pk=first.pk).values_list("what_happened", flat=True)
    value = cast(object, rows[0])  # typed str by Django's stubs; a Sealed at run time
    assert isinstance(value, Sealed)
    with pytest.raises(DecryptionError):
        str(value)


@pytest.mark.django_db
def test_empty_optional_fields_stay_empty_not_encrypted() -> None:
    report = submit_report().report
    assert raw("agency_name", report.pk) == ""


def test_a_case_page_with_a_copied_ciphertext_shows_the_integrity_page_not_the_data(
    geography: None, staff_client: Callable[..., tuple[Client, User]]
) -> None:
    agencies = agencies_create()
    client, owner = staff_client(Role.CASE_WORKER, organization=agencies["RIB"])
    mine = case_create(owner, summary="Summary of the first case.")
    other = case_create(owner, summary="Summary of the second case.")
    write("summary", mine.pk, raw("summary", other.pk, "cases_case"), "cases_case")
    response = client.get(f"/en/staff/cases/{mine.pk}/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "failed its integrity check" in page
    assert "Summary of the second case." not in page
    french = client.get(f"/fr/staff/cases/{mine.pk}/").content.decode()
    assert "contrôle d’intégrité" in french


@pytest.mark.django_db
def test_a_data_migration_before_the_binding_still_reads_and_writes_fernet_tokens() -> None:
    """Historical models without row_uuid (intake before 0006) see the former format."""
    from django.db.migrations.loader import MigrationLoader

    old_apps = (
        MigrationLoader(connection).project_state(("intake", "0005_sms_senders_and_statuses")).apps
    )
    old_report = old_apps.get_model("intake", "Report")
    first, _second = two_reports()
    fernet = Fernet(settings.TABARA_ENCRYPTION_KEYS[0].encode())
    write("what_happened", first.pk, fernet.encrypt(b"before the binding").decode())
    assert old_report.objects.get(pk=first.pk).what_happened == "before the binding"
    unsaved = old_report(what_happened="written by an old migration")
    token = old_report._meta.get_field("what_happened").pre_save(unsaved, add=True)
    assert fernet.decrypt(str(token).encode()) == b"written by an old migration"
