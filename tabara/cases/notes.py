"""Case notes: encrypted, signed and dated, never edited in place.

A note is written by the owning organization or a partner with a full view of the case.
A correction is a new note that points to the one it corrects; both stay readable, so the
record shows what was believed when.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.cases.access import CaseNotFound, Purpose, access_case_by_id
from tabara.cases.choices import EventKind
from tabara.cases.models import Case, CaseNote
from tabara.cases.services import case_event_record

MAX_NOTE = 5000


class NoteInvalid(Exception):
    """A note needs some text, at most MAX_NOTE characters."""


@transaction.atomic
def case_note_write(
    *, user: User, case_id: int, text: str, corrects_id: int | None = None
) -> CaseNote:
    """Add a note (or a correction of one of the case's notes) as the user, now."""
    case = access_case_by_id(user, case_id, purpose=Purpose.NOTE).case
    text = text.strip()
    if not text or len(text) > MAX_NOTE or user.organization is None:
        raise NoteInvalid
    corrects = None
    if corrects_id is not None:
        corrects = CaseNote.objects.filter(pk=corrects_id, case=case).first()
        if corrects is None:
            raise CaseNotFound
    note = CaseNote.objects.create(
        case=case,
        author=user,
        author_org=user.organization,
        written_at=timezone.now(),
        text=text,
        corrects=corrects,
    )
    case_event_record(
        case=case,
        kind=EventKind.NOTE_CORRECTED if corrects else EventKind.NOTE,
        actor=user,
        needs_full_scope=True,
    )
    audit_record(
        actor=user,
        action=AuditAction.CASE_NOTE_WRITTEN,
        target_type="case",
        target_id=case.pk,
        extra={"note": note.pk, "corrects": corrects_id},
    )
    return note


@dataclass(frozen=True)
class NoteTarget:
    """The case a note is written on, and the note it corrects, if any."""

    case: Case
    note: CaseNote | None


@transaction.atomic
def case_note_to_correct(*, user: User, case_id: int, note_id: int | None) -> NoteTarget:
    """The case (and the note to correct) for the note form; showing a note is audited."""
    case = access_case_by_id(user, case_id, purpose=Purpose.NOTE).case
    if note_id is None:
        return NoteTarget(case, None)
    note = CaseNote.objects.select_related("author").filter(pk=note_id, case=case).first()
    if note is None:
        raise CaseNotFound
    audit_record(
        actor=user,
        action=AuditAction.CASE_VIEWED,
        target_type="case",
        target_id=case.pk,
        extra={"note": note.pk},
    )
    return NoteTarget(case, note)
