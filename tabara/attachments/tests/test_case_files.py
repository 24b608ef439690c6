"""Files on a case: attached by the owner, opened under need-to-know, encrypted, audited."""

from __future__ import annotations

import io
from collections.abc import Callable

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from PIL import Image
from pypdf import PdfReader

from tabara.accounts.models import User
from tabara.accounts.roles import Role
from tabara.attachments.models import Attachment, AttachmentChunk
from tabara.attachments.tests import samples
from tabara.audit.models import AuditAction, AuditEvent
from tabara.cases.tests.factories import agencies_create, case_create
from tabara.referrals.models import ViewScope
from tabara.referrals.services import referral_accept, referral_send

StaffClient = Callable[..., tuple[Client, User]]


def same_pages(served: bytes, original: bytes) -> bool:
    """The same pages, by count and size (the kept copy is re-written without metadata)."""

    def boxes(data: bytes) -> list[tuple[float, float]]:
        reader = PdfReader(io.BytesIO(data))
        return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]

    return served.startswith(b"%PDF-") and boxes(served) == boxes(original)


def named(name: str, data: bytes) -> io.BytesIO:
    file = io.BytesIO(data)
    file.name = name
    return file


def test_a_photo_on_a_case_is_kept_clean_and_opened_by_need_to_know(
    geography: None, staff_client: StaffClient
) -> None:
    agencies = agencies_create()
    client, owner = staff_client(Role.CASE_WORKER, organization=agencies["RIB"])
    case = case_create(owner, consent_to_share=True)
    contract_bytes = samples.pdf()
    response = client.post(
        f"/en/staff/cases/{case.pk}/files/new/",
        {
            "attachments": [
                named("advert.jpg", samples.photo()),
                named("contract.pdf", contract_bytes),
            ]
        },
    )
    assert response.status_code == 302
    photo, contract = Attachment.objects.filter(case=case).order_by("id")
    page = client.get(f"/en/staff/cases/{case.pk}/").content.decode()
    assert f"/en/staff/files/{photo.pk}/" in page and "advert.jpg" in page

    served = client.get(f"/en/staff/files/{photo.pk}/")
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert served["Cache-Control"] == "no-store" and "sandbox" in served["Content-Security-Policy"]
    with Image.open(io.BytesIO(served.content)) as image:
        assert len(image.getexif()) == 0
    served_pdf = client.get(f"/en/staff/files/{contract.pk}/")
    assert same_pages(served_pdf.content, contract_bytes)  # re-written without metadata
    assert served_pdf["Content-Disposition"].startswith("attachment;")
    opened = AuditEvent.objects.filter(action=AuditAction.ATTACHMENT_OPENED, actor=owner)
    assert opened.count() == 2
    assert AuditEvent.objects.filter(action=AuditAction.ATTACHMENT_ADDED).count() == 2

    shelter_client, shelter = staff_client(Role.CASE_WORKER, organization=agencies["HOPE"])
    stranger_client, _stranger = staff_client(Role.CASE_WORKER, organization=agencies["IOM"])
    referral = referral_send(
        user=owner, case_id=case.pk, to_org=agencies["HOPE"], scope=ViewScope.VICTIM_NEEDS
    )
    referral_accept(user=shelter, referral_id=referral.pk)
    assert shelter_client.get(f"/en/staff/cases/{case.pk}/").status_code == 200
    assert "advert.jpg" not in shelter_client.get(f"/en/staff/cases/{case.pk}/").content.decode()
    for other in (shelter_client, stranger_client):
        assert other.get(f"/en/staff/files/{photo.pk}/").status_code == 404
        assert other.get(f"/en/staff/cases/{case.pk}/files/new/").status_code == 404
    assert Client().get(f"/en/staff/files/{photo.pk}/").status_code == 302


def test_files_are_encrypted_at_rest_and_follow_key_rotation(
    geography: None, staff_client: StaffClient
) -> None:
    agencies = agencies_create()
    client, owner = staff_client(Role.CASE_WORKER, organization=agencies["RIB"])
    case = case_create(owner)
    data = samples.pdf()
    client.post(f"/en/staff/cases/{case.pk}/files/new/", {"attachments": [named("a.pdf", data)]})
    with connection.cursor() as cursor:
        cursor.execute("SELECT data FROM attachments_attachmentchunk")
        (stored,) = cursor.fetchone()
    assert "%PDF" not in stored and "JVBER" not in stored  # neither clear nor base64 of it
    attachment = Attachment.objects.get()
    new_key = "bmV3LXRlc3Qta2V5LWZvci1yb3RhdGlvbi0wMDAwMDE="
    keys = [new_key, *settings.TABARA_ENCRYPTION_KEYS]
    with override_settings(TABARA_ENCRYPTION_KEYS=keys):
        call_command("rotate_keys", stdout=io.StringIO())
    with override_settings(TABARA_ENCRYPTION_KEYS=[new_key]):
        assert same_pages(client.get(f"/en/staff/files/{attachment.pk}/").content, data)
    assert AttachmentChunk.objects.filter(attachment=attachment).count() >= 1


def test_a_bad_file_is_refused_by_name_and_nothing_is_kept(
    geography: None, staff_client: StaffClient
) -> None:
    agencies = agencies_create()
    client, owner = staff_client(Role.CASE_WORKER, organization=agencies["RIB"])
    case = case_create(owner)
    response = client.post(
        f"/en/staff/cases/{case.pk}/files/new/",
        {"attachments": [named("ok.pdf", samples.pdf()), named("virus.exe", b"MZ\x90\x00")]},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "“virus.exe” is not a photo" in page and "Choose these again: ok.pdf, virus.exe" in page
    assert not Attachment.objects.exists()
