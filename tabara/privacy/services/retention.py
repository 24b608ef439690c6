"""Applying the retention rules (rules.py) to the database, audited.

Retention works across apps on purpose: it is the one place that knows every kind of
personal record and how long each is kept, so each handler below names the fields it
blanks or the rows it deletes. Anonymising keeps the rows and their statistical fields
(dates, places, age groups, outcomes), so counts and estimations stay true.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from tabara.attachments.models import Attachment
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.awareness.choices import SubscriberStatus
from tabara.awareness.models import Subscriber
from tabara.cases.choices import CaseStatus
from tabara.cases.models import Case, CaseEvent, CasePerson
from tabara.core.changes import record_changed
from tabara.intake.choices import ReportStatus
from tabara.intake.models import FollowupSession, Report, ReportMessage, UssdSession
from tabara.notifications.models import Notification, NotificationStatus
from tabara.privacy.rules import RULES, RetentionRule
from tabara.search.models import SearchToken

REPORT_TEXT = (
    "what_happened",
    "when_text",
    "agency_name",
    "destination",
    "suspect_identifiers",
    "contact_name",
    "contact_phone",
    "contact_hash",
)
PERSON_TEXT = ("full_name", "phone", "identity_number", "description", "needs")
NOTIFICATION_TEXT = ("email", "phone", "subject", "body")


def _any_filled(fields: tuple[str, ...], prefix: str = "") -> Q:
    query = Q()
    for name in fields:
        query |= ~Q(**{f"{prefix}{name}": ""})
    return query


def _blank(fields: tuple[str, ...]) -> dict[str, str]:
    return dict.fromkeys(fields, "")


def _unconfirmed_subscribers(cutoff: datetime, apply: bool) -> int:
    due = Subscriber.objects.filter(status=SubscriberStatus.PENDING, created_at__lt=cutoff)
    return _delete(due, apply)


def _ussd_sessions(cutoff: datetime, apply: bool) -> int:
    return _delete(UssdSession.objects.filter(updated_at__lt=cutoff), apply)


def _followup_sessions(cutoff: datetime, apply: bool) -> int:
    return _delete(FollowupSession.objects.filter(last_seen_at__lt=cutoff), apply)


def _delete(due: QuerySet[object], apply: bool) -> int:  # type: ignore[type-var]
    count = due.count()
    if apply and count:
        due.delete()
    return count


def _notifications(cutoff: datetime, apply: bool) -> int:
    done = [NotificationStatus.SENT, NotificationStatus.FAILED]
    due = Notification.objects.filter(status__in=done, created_at__lt=cutoff).filter(
        _any_filled(NOTIFICATION_TEXT)
    )
    count = due.count()
    if apply and count:
        # The row stays: its (event, channel, recipient) key keeps a resend from happening.
        due.update(**_blank(NOTIFICATION_TEXT))
    return count


def reports_anonymise(reports: QuerySet[Report]) -> None:
    """Blank what identifies anyone in these reports, their threads and follow-up sessions."""
    ids = list(reports.values_list("id", flat=True))
    Report.objects.filter(id__in=ids).update(**_blank(REPORT_TEXT), wants_contact=False)
    Attachment.objects.filter(report_id__in=ids).delete()  # photos and voices identify
    ReportMessage.objects.filter(report_id__in=ids).update(body="")
    FollowupSession.objects.filter(report_id__in=ids).delete()
    for report_id in ids:  # identifiers found in the blanked text leave the network index
        record_changed("report", report_id)


def _reports_without_case(cutoff: datetime, apply: bool) -> int:
    has_case = Case.objects.filter(report_id=OuterRef("pk"))
    due = (
        Report.objects.filter(created_at__lt=cutoff)
        .exclude(status=ReportStatus.REFERRED)
        .exclude(Exists(has_case))
        .filter(
            _any_filled(REPORT_TEXT) | Exists(Attachment.objects.filter(report_id=OuterRef("pk")))
        )
    )
    count = due.count()
    if apply and count:
        reports_anonymise(due)
    return count


def _closed_cases(cutoff: datetime, apply: bool) -> int:
    closed = Case.objects.filter(
        status__in=[CaseStatus.CLOSED, CaseStatus.CLOSED_REFERRED], closed_at__lt=cutoff
    )
    people = CasePerson.objects.filter(case__in=closed).filter(_any_filled(PERSON_TEXT))
    notes = CaseEvent.objects.filter(case__in=closed).exclude(note="")
    summaries = closed.exclude(summary="")
    files = Attachment.objects.filter(case__in=closed)
    touched = (
        set(people.values_list("case_id", flat=True))
        | set(files.values_list("case_id", flat=True))
        | set(notes.values_list("case_id", flat=True))
        | set(summaries.values_list("id", flat=True))
    )
    if apply and touched:
        person_ids = list(people.values_list("id", flat=True))
        people.update(**_blank(PERSON_TEXT))
        # Their blind-index tokens would still find them by name: drop them too.
        SearchToken.objects.filter(person_id__in=person_ids).delete()
        notes.update(note="")
        Case.objects.filter(id__in=touched).update(summary="")
        Attachment.objects.filter(case_id__in=touched).delete()
        for case_id in sorted(touched):
            record_changed("case", case_id)
    return len(touched)


HANDLERS: dict[str, Callable[[datetime, bool], int]] = {
    "newsletter-unconfirmed": _unconfirmed_subscribers,
    "ussd-sessions": _ussd_sessions,
    "followup-sessions": _followup_sessions,
    "delivered-notifications": _notifications,
    "reports-without-case": _reports_without_case,
    "closed-cases": _closed_cases,
}


def rule_days(rule: RetentionRule) -> int:
    """The rule's period, as configured for this deployment (TABARA_RETENTION_DAYS)."""
    return int(getattr(settings, "TABARA_RETENTION_DAYS", {}).get(rule.id, rule.days))


@transaction.atomic
def retention_apply(*, dry_run: bool = False, now: datetime | None = None) -> dict[str, int]:
    """Delete or anonymise what each rule says is due; return how many records per rule.

    A real run that changed anything writes one audit event with the counts per rule (no
    record ids or content). A dry run counts and changes nothing, not even the audit log.
    """
    now = now or timezone.now()
    counts = {
        rule.id: HANDLERS[rule.id](now - timedelta(days=rule_days(rule)), not dry_run)
        for rule in RULES
    }
    if not dry_run and any(counts.values()):
        audit_record(
            actor=None,
            action=AuditAction.RETENTION_APPLIED,
            target_type="retention",
            extra={"counts": counts},
        )
    return counts
