"""Recording activities and their attendance."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Max

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.awareness.choices import Phase
from tabara.awareness.importing import ParsedRegister, parse_register
from tabara.awareness.models import Activity, AttendanceCount, Participant
from tabara.awareness.selectors import district_lookup
from tabara.awareness.services.knowledge import attempt_record, knowledge_test_for
from tabara.geo.models import AdminUnit, BorderPost


@dataclass(frozen=True)
class ActivityInput:
    """What staff type about an activity; place codes are validated by the form."""

    title: str
    kind: str
    held_on: date
    district_code: str = ""
    sector_code: str = ""
    border_post_code: str = ""
    venue: str = ""
    partners: str = ""
    facilitators: str = ""
    audiences: list[str] = field(default_factory=list)
    materials: str = ""
    summary: str = ""
    is_public: bool = True


@transaction.atomic
def activity_save(*, user: User, data: ActivityInput, activity_id: int | None = None) -> Activity:
    """Create or update an activity. The district follows from the sector or border post
    when only those are given, so every placed activity counts on the map."""
    activity = (
        Activity(created_by=user)
        if activity_id is None
        else Activity.objects.select_for_update().get(pk=activity_id)
    )
    sector = AdminUnit.objects.filter(code=data.sector_code).first() if data.sector_code else None
    post = (
        BorderPost.objects.select_related("district").filter(code=data.border_post_code).first()
        if data.border_post_code
        else None
    )
    district = (
        AdminUnit.objects.filter(code=data.district_code, level="district").first()
        if data.district_code
        else None
    )
    if district is None and sector is not None:
        district = sector.parent
    if district is None and post is not None:
        district = post.district
    activity.title = data.title
    activity.kind = data.kind
    activity.held_on = data.held_on
    activity.district = district
    activity.sector = sector
    activity.border_post = post
    activity.venue = data.venue
    activity.partners = data.partners
    activity.facilitators = data.facilitators
    activity.audiences = list(data.audiences)
    activity.materials = data.materials
    activity.summary = data.summary
    activity.is_public = data.is_public
    activity.full_clean()
    activity.save()
    audit_record(
        actor=user,
        action=AuditAction.ACTIVITY_SAVED,
        target_type="activity",
        target_id=activity.pk,
        extra={"created": activity_id is None},
    )
    return activity


@transaction.atomic
def attendance_counts_set(
    *, user: User, activity: Activity, counts: Mapping[tuple[str, str], int]
) -> None:
    """Replace the aggregate counts of an activity; zero cells are not stored."""
    AttendanceCount.objects.filter(activity=activity).delete()
    AttendanceCount.objects.bulk_create(
        AttendanceCount(activity=activity, sex=sex, age_band=band, count=count)
        for (sex, band), count in sorted(counts.items())
        if count > 0
    )
    audit_record(
        actor=user,
        action=AuditAction.ATTENDANCE_IMPORTED,
        target_type="activity",
        target_id=activity.pk,
        extra={"counts": sum(counts.values())},
    )


@dataclass(frozen=True)
class ImportReport:
    """What an import did: how many participants and scores were kept, and what was not."""

    imported: int
    scores: int
    rejected: ParsedRegister


@transaction.atomic
def attendance_import(
    *, user: User, activity: Activity, filename: str, data: bytes
) -> ImportReport:
    """Add every valid row of a register file; list the others with their reasons.

    Rows without a number get the next free numbers. Scores keyed in from paper tests
    (pre_score, post_score) become test attempts of the activity's knowledge test.
    """
    used = set(Participant.objects.filter(activity=activity).values_list("number", flat=True))
    parsed = parse_register(filename, data, districts=district_lookup(), used_numbers=used)
    taken = used | {row.number for row in parsed.rows if row.number is not None}
    next_number = (
        Participant.objects.filter(activity=activity).aggregate(m=Max("number"))["m"] or 0
    ) + 1
    districts = dict(AdminUnit.objects.filter(level="district").values_list("code", "id"))
    scores = 0
    test = None
    for row in parsed.rows:
        number = row.number
        if number is None:
            while next_number in taken:
                next_number += 1
            number = next_number
            taken.add(number)
        participant = Participant.objects.create(
            activity=activity,
            number=number,
            name=row.name,
            sex=row.sex,
            age_band=row.age_band,
            role=row.role,
            district_id=districts.get(row.district_code),
        )
        for phase, score, apart in (
            (Phase.PRE, row.pre_score, row.pre_tells_apart),
            (Phase.POST, row.post_score, row.post_tells_apart),
        ):
            if score is None:
                continue
            test = test or knowledge_test_for(activity=activity)
            attempt_record(
                test=test,
                participant=participant,
                phase=phase,
                score=score,
                distinguishes=apart,
                audit=False,
            )
            scores += 1
    audit_record(
        actor=user,
        action=AuditAction.ATTENDANCE_IMPORTED,
        target_type="activity",
        target_id=activity.pk,
        extra={"imported": len(parsed.rows), "rejected": len(parsed.rejected), "scores": scores},
    )
    return ImportReport(len(parsed.rows), scores, parsed)
