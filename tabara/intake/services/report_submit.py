"""report_submit: the one way a report enters Tabara, whatever the channel."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.core.changes import record_changed
from tabara.core.phones import phone_hash
from tabara.geo.selectors import place_ids
from tabara.intake.choices import AgeGroup, Channel, LocationKind, RecruitmentChannel, Sex
from tabara.intake.models import Report
from tabara.intake.receipts import receipt_hash, receipt_new


@dataclass(frozen=True)
class ReportInput:
    """What a reporter told us, already validated by the channel's form or menu."""

    what_happened: str
    location_kind: str = LocationKind.UNKNOWN
    district_code: str = ""
    sector_code: str = ""
    border_post_code: str = ""
    country: str = ""
    occurred_on: date | None = None
    when_text: str = ""
    people_count: int | None = None
    age_group: str = AgeGroup.UNKNOWN
    sex: str = Sex.UNKNOWN
    recruitment_channel: str = RecruitmentChannel.UNKNOWN
    platform: str = ""
    agency_name: str = ""
    destination: str = ""
    destination_country: str = ""
    suspect_identifiers: str = ""
    wants_contact: bool = False
    contact_name: str = ""
    contact_phone: str = ""
    # The number a phone channel (USSD, SMS) saw: only its keyed hash is stored, unless the
    # reporter asked to be called back (then it is also contact_phone).
    sender_phone: str = ""
    language: str = ""
    # Where the report was composed (see Report.source_key): stored at most once.
    source_key: str = ""
    extra: dict[str, str] = field(default_factory=dict)


class ReportAlreadySubmitted(Exception):
    """A report from the same source (source_key) is already stored; nothing was added."""


@dataclass(frozen=True)
class SubmittedReport:
    """A stored report and its receipt, which exists nowhere else."""

    report: Report
    receipt: str


def report_submit(
    *, channel: Channel, data: ReportInput, taken_by: User | None = None
) -> SubmittedReport:
    """Store a report durably and return it with its receipt, shown to the reporter once.

    The receipt exists only in the return value; the database keeps its Argon2id hash.
    The transaction has committed (and SQLite has synced its WAL) before this returns, so
    a receipt is never shown for a report that could be lost. Contact details are kept
    only when the reporter asked to be contacted. `taken_by` is the hotline operator who
    typed the report in, recorded as the actor of the audit event.
    """
    places = _places(data)  # read before the write transaction takes SQLite's lock
    for _attempt in range(3):
        receipt = receipt_new()
        try:
            report = _insert(
                channel=channel,
                data=data,
                hashed=receipt_hash(receipt),
                taken_by=taken_by,
                **places,
            )
        except IntegrityError:
            if data.source_key and Report.objects.filter(source_key=data.source_key).exists():
                raise ReportAlreadySubmitted from None
            continue  # pragma: no cover - a receipt collision: 1 in 10^16 per pair
        return SubmittedReport(report=report, receipt=receipt)
    raise RuntimeError("Could not allocate a unique receipt")  # pragma: no cover - see above


@transaction.atomic
def _insert(
    *,
    channel: Channel,
    data: ReportInput,
    hashed: str,
    taken_by: User | None,
    district_id: int | None,
    sector_id: int | None,
    border_post_id: int | None,
) -> Report:
    report = Report(
        channel=channel,
        receipt_hash=hashed,
        what_happened=data.what_happened,
        location_kind=data.location_kind,
        district_id=district_id,
        sector_id=sector_id,
        border_post_id=border_post_id,
        country=data.country,
        occurred_on=data.occurred_on,
        when_text=data.when_text,
        people_count=data.people_count,
        age_group=data.age_group,
        sex=data.sex,
        recruitment_channel=data.recruitment_channel,
        platform=data.platform if data.recruitment_channel == "social_media" else "",
        agency_name=data.agency_name,
        destination=data.destination,
        destination_country=data.destination_country,
        suspect_identifiers=data.suspect_identifiers,
        wants_contact=data.wants_contact,
        contact_name=data.contact_name if data.wants_contact else "",
        contact_phone=data.contact_phone if data.wants_contact else "",
        contact_hash=phone_hash(
            data.sender_phone or (data.contact_phone if data.wants_contact else "")
        ),
        language=data.language,
        source_key=data.source_key,
    )
    report.save(force_insert=True)
    audit_record(
        actor=taken_by,
        action=AuditAction.REPORT_SUBMITTED,
        target_type="report",
        target_id=report.pk,
        extra={"channel": str(channel)},
    )
    record_changed("report", report.pk)
    return report


def _places(data: ReportInput) -> dict[str, Any]:
    """Row ids of the district, sector and border post named by their codes (unknown: None).

    Geography is static, so the ids come from a cache in memory, not a query per report.
    """
    ids = place_ids()
    sector = ids.get(("sector", data.sector_code))
    border_post = ids.get(("border", data.border_post_code))
    district = ids.get(("district", data.district_code or data.sector_code[:2]))
    if district is None and border_post is not None:
        district = ids.get(("border-district", data.border_post_code))
    return {"district_id": district, "sector_id": sector, "border_post_id": border_post}
