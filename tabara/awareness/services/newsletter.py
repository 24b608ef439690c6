"""Newsletter: double opt-in, one-click unsubscribe, issues and their exactly-once sending."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.awareness.choices import IssueStatus, SubscriberStatus
from tabara.awareness.models import IssueDelivery, NewsletterIssue, Subscriber
from tabara.awareness.outbox import email_enqueue
from tabara.awareness.services.articles import email_key
from tabara.awareness.tokens import CONFIRM_MAX_AGE, BadLink, make_token, read_token

BATCH_SIZE = 200


def unsubscribe_url(subscriber: Subscriber, base_url: str) -> str:
    """The signed link that unsubscribes this subscriber (it never expires)."""
    token = make_token("unsubscribe", subscriber.pk)
    return f"{base_url.rstrip('/')}/{subscriber.language}/newsletter/unsubscribe/{token}/"


def _list_headers(url: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058 headers: mail programs show a one-click unsubscribe button."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


@transaction.atomic
def subscriber_subscribe(*, email: str, language: str, base_url: str) -> Subscriber:
    """Record a sign-up and send the confirmation link (at most one a day per address).

    An address that is already confirmed is left as it is, and the visitor sees the same
    page as anyone else: the form never tells who is subscribed.
    """
    subscriber, created = Subscriber.objects.select_for_update().get_or_create(
        email_hash=email_key(email), defaults={"email": email.strip(), "language": language}
    )
    if subscriber.status == SubscriberStatus.CONFIRMED:
        return subscriber
    subscriber.status = SubscriberStatus.PENDING
    subscriber.language = language
    subscriber.email = email.strip()
    subscriber.save(update_fields=["status", "language", "email", "updated_at"])
    audit_record(
        actor=None,
        action=AuditAction.SUBSCRIBER_CHANGED,
        target_type="subscriber",
        target_id=subscriber.pk,
        extra={"status": "pending", "created": created},
    )
    token = make_token("confirm", subscriber.pk)
    link = f"{base_url.rstrip('/')}/{language}/newsletter/confirm/{token}/"
    with translation.override(language):
        subject = _("Confirm your subscription to the Tabara newsletter")
        body = render_to_string("awareness/email/confirm.txt", {"link": link})
    email_enqueue(
        event_key=f"subscriber-confirm:{subscriber.pk}:{timezone.now().date().isoformat()}",
        to=subscriber.email,
        subject=subject,
        body=body,
    )
    return subscriber


def _subscriber_from(purpose: str, token: str, max_age: int | None = None) -> Subscriber:
    subscriber_id = read_token(purpose, token, max_age=max_age)
    subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber_id).first()
    if subscriber is None:
        raise BadLink(purpose)
    return subscriber


@transaction.atomic
def subscriber_confirm(*, token: str) -> Subscriber:
    """Confirm a pending subscription from the emailed link (valid 7 days)."""
    subscriber = _subscriber_from("confirm", token, CONFIRM_MAX_AGE)
    if subscriber.status == SubscriberStatus.PENDING:
        subscriber.status = SubscriberStatus.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["status", "confirmed_at", "updated_at"])
        audit_record(
            actor=None,
            action=AuditAction.SUBSCRIBER_CHANGED,
            target_type="subscriber",
            target_id=subscriber.pk,
            extra={"status": "confirmed"},
        )
    return subscriber


@transaction.atomic
def subscriber_unsubscribe(*, token: str) -> Subscriber:
    """Stop sending to this subscriber, at once and for good (until they sign up again)."""
    subscriber = _subscriber_from("unsubscribe", token)
    if subscriber.status != SubscriberStatus.UNSUBSCRIBED:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at", "updated_at"])
        audit_record(
            actor=None,
            action=AuditAction.SUBSCRIBER_CHANGED,
            target_type="subscriber",
            target_id=subscriber.pk,
            extra={"status": "unsubscribed"},
        )
    return subscriber


@dataclass(frozen=True)
class IssueInput:
    """An issue as staff write it: subject and Markdown body per language."""

    subjects: dict[str, str]
    bodies: dict[str, str]


@transaction.atomic
def issue_save(*, user: User, data: IssueInput, issue_id: int | None = None) -> NewsletterIssue:
    """Create or edit a draft issue; an issue that started sending can no longer change."""
    issue = (
        NewsletterIssue(created_by=user)
        if issue_id is None
        else NewsletterIssue.objects.select_for_update().get(pk=issue_id, status=IssueStatus.DRAFT)
    )
    for lang in ("rw", "en", "fr"):
        setattr(issue, f"subject_{lang}", data.subjects.get(lang, ""))
        setattr(issue, f"body_{lang}", data.bodies.get(lang, ""))
    issue.full_clean()
    issue.save()
    return issue


def _issue_email(
    issue: NewsletterIssue, language: str, unsubscribe: str
) -> tuple[str, str, dict[str, str]]:
    lang = issue.language_for(language)
    body_md = str(getattr(issue, f"body_{lang}"))
    with translation.override(lang):
        body = render_to_string(
            "awareness/email/issue.txt",
            # Markdown reads well as plain text, so the email carries the source as written.
            {"markdown": body_md, "unsubscribe": unsubscribe},
        )
    return str(getattr(issue, f"subject_{lang}")), body, _list_headers(unsubscribe)


@transaction.atomic
def issue_test_send(*, user: User, issue_id: int, base_url: str) -> bool:
    """Send the issue to the staff member's own address, marked as a test."""
    issue = NewsletterIssue.objects.get(pk=issue_id)
    subject, body, headers = _issue_email(issue, translation.get_language() or "rw", base_url)
    return email_enqueue(
        event_key=f"newsletter-test:{issue.pk}:{timezone.now().isoformat()}",
        to=user.email,
        subject=f"[TEST] {subject}",
        body=body,
        headers=headers,
    )


@transaction.atomic
def issue_send_start(*, user: User, issue_id: int, base_url: str) -> NewsletterIssue:
    """Freeze the issue and queue its delivery; calling it again only re-queues the task."""
    from tabara.awareness.tasks import newsletter_deliver_task

    issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
    if issue.status == IssueStatus.DRAFT:
        issue.status = IssueStatus.SENDING
        issue.site_url = base_url
        issue.save(update_fields=["status", "site_url", "updated_at"])
        audit_record(
            actor=user,
            action=AuditAction.NEWSLETTER_SENT,
            target_type="newsletter_issue",
            target_id=issue.pk,
        )
    if issue.status == IssueStatus.SENDING:
        transaction.on_commit(lambda: newsletter_deliver_task.enqueue(issue.pk))
    return issue


@transaction.atomic
def issue_deliver_batch(*, issue_id: int, batch_size: int = BATCH_SIZE) -> int:
    """Queue the issue for the next confirmed subscribers who have not had it; return how many.

    Each batch is one transaction: the delivery ledger row and the outbox email are written
    together, so after a crash a batch is either wholly queued or not at all, and a re-run
    skips everyone already in the ledger. The outbox's own uniqueness on
    (newsletter:<issue>, email, address) is a second guard.
    """
    issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
    if issue.status != IssueStatus.SENDING:
        return 0
    pending = (
        Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED)
        .exclude(pk__in=IssueDelivery.objects.filter(issue=issue).values("subscriber_id"))
        .order_by("id")[:batch_size]
    )
    count = 0
    for subscriber in pending:
        IssueDelivery.objects.create(issue=issue, subscriber=subscriber)
        subject, body, headers = _issue_email(
            issue, subscriber.language, unsubscribe_url(subscriber, issue.site_url)
        )
        email_enqueue(
            event_key=f"newsletter:{issue.pk}",
            to=subscriber.email,
            subject=subject,
            body=body,
            headers=headers,
        )
        count += 1
    if count == 0:
        issue.status = IssueStatus.SENT
        issue.sent_at = timezone.now()
        issue.save(update_fields=["status", "sent_at", "updated_at"])
    return count
