"""case_note_write: encrypted, signed, never edited, and seen only by those with a full view."""

from __future__ import annotations

import pytest
from django.db import connection

from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.cases.access import CaseNotFound, Purpose, access_case_by_id
from tabara.cases.models import CaseNote
from tabara.cases.notes import NoteInvalid, case_note_write
from tabara.cases.tests.factories import case_create

pytestmark = pytest.mark.django_db
SECRET = "Ineza says the recruiter keeps her passport in Kicukiro"


def stored_text(note_id: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM cases_casenote WHERE id = %s", [note_id])
        return str(cursor.fetchone()[0])


def test_a_note_is_encrypted_signed_and_dated(team) -> None:
    note = case_note_write(user=team.worker, case_id=team.case.pk, text=SECRET)
    assert "passport" not in stored_text(note.pk)
    note = CaseNote.objects.get(pk=note.pk)
    assert (note.text, note.author, note.author_org) == (SECRET, team.worker, team.agencies["RIB"])
    assert note.written_at is not None
    assert AuditEvent.objects.filter(action=AuditAction.CASE_NOTE_WRITTEN, actor=team.worker)


def test_a_correction_is_a_new_note_pointing_to_the_old_one(team) -> None:
    first = case_note_write(user=team.worker, case_id=team.case.pk, text=SECRET)
    fix = case_note_write(
        user=team.ncda,
        case_id=team.case.pk,
        text="The passport is in Remera.",
        corrects_id=first.pk,
    )
    first.refresh_from_db()
    assert first.text == SECRET and fix.corrects == first
    assert [n.pk for n in first.corrections.all()] == [fix.pk]
    other = case_create(team.worker)
    with pytest.raises(CaseNotFound):  # a note of another case cannot be "corrected" here
        case_note_write(user=team.worker, case_id=other.pk, text="x", corrects_id=first.pk)
    with pytest.raises(NoteInvalid):
        case_note_write(user=team.worker, case_id=team.case.pk, text="   ")


def test_a_limited_partner_never_reads_or_writes_notes_others_get_nothing(team) -> None:
    case_note_write(user=team.worker, case_id=team.case.pk, text=SECRET)
    assert access_case_by_id(team.ncda, team.case.pk, purpose=Purpose.VIEW).notes().count() == 1
    assert access_case_by_id(team.shelter, team.case.pk, purpose=Purpose.VIEW).notes().count() == 0
    for user in (team.shelter, team.outsider):
        with pytest.raises(CaseNotFound):
            case_note_write(user=user, case_id=team.case.pk, text="Hello")


def test_note_pages_show_notes_to_full_views_only_and_audit_each_read(team, staff_client):
    note = case_note_write(user=team.worker, case_id=team.case.pk, text=SECRET)
    page = f"/en/staff/cases/{team.case.pk}/"
    shelter, _u = staff_client(Role.CASE_WORKER, organization=team.agencies["HOPE"])
    seen = shelter.get(page).content.decode()
    assert "Ineza Test" in seen and "passport" not in seen and 'id="notes"' not in seen
    form = f"/en/staff/cases/{team.case.pk}/notes/new/"
    assert shelter.get(form).status_code == 404
    assert shelter.post(form, {"text": "mine"}).status_code == 404
    assert shelter.get(f"{form}?corrects={note.pk}").status_code == 404
    outsider, _o = staff_client(Role.SUPERVISOR, organization=team.agencies["NAR"])
    assert outsider.get(page).status_code == 404 and outsider.get(form).status_code == 404
    ncda, reader = staff_client(Role.CASE_WORKER, organization=team.agencies["NCDA"])
    assert "passport" in ncda.get(page).content.decode()
    assert "passport" in ncda.get(f"{form}?corrects={note.pk}").content.decode()
    reads = AuditEvent.objects.filter(action=AuditAction.CASE_VIEWED, actor=reader)
    assert [event.extra.get("notes", event.extra.get("note")) for event in reads] == [True, note.pk]


def test_the_note_form_keeps_the_text_and_writes_the_correction(team, staff_client) -> None:
    note = case_note_write(user=team.worker, case_id=team.case.pk, text=SECRET)
    client, _user = staff_client(Role.CASE_WORKER, organization=team.agencies["RIB"])
    url = f"/en/staff/cases/{team.case.pk}/notes/new/?corrects={note.pk}"
    long = "Remera " * 1000
    bad = client.post(url, {"text": long})
    assert bad.status_code == 400 and "Remera Remera" in bad.content.decode()
    assert client.post(url, {"text": "It is in Remera."}).status_code == 302
    assert CaseNote.objects.get(corrects=note).text == "It is in Remera."
    page = client.get(f"/en/staff/cases/{team.case.pk}/").content.decode()
    assert "corrected by a later note" in page and SECRET in page
