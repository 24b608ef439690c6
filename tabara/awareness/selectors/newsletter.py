"""Reads of the newsletter. Subscriber addresses are personal data: see subscribers_list."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from tabara.awareness.choices import SubscriberStatus
from tabara.awareness.models import NewsletterIssue, Subscriber


def subscribers_list() -> QuerySet[Subscriber]:
    """Every subscriber, newest first. Only for staff with awareness.subscribers; the view
    that shows it writes an audit event."""
    return Subscriber.objects.order_by("-created_at", "-id")


def subscriber_totals() -> dict[str, int]:
    """How many subscribers are in each state (no addresses)."""
    rows = Subscriber.objects.values_list("status").annotate(n=Count("id")).order_by()
    totals = dict.fromkeys(SubscriberStatus.values, 0)
    totals.update(dict(rows))
    return totals


def issues_list() -> QuerySet[NewsletterIssue]:
    """Every issue, newest first, with how many subscribers it was queued for."""
    return NewsletterIssue.objects.annotate(queued=Count("deliveries")).order_by("-id")
