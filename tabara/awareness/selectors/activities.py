"""Reads of activities for the public site and the staff pages."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.utils import timezone

from tabara.awareness.models import Activity


def activities_public(*, upcoming: bool) -> QuerySet[Activity]:
    """Public activities from today on (soonest first) or before today (latest first)."""
    today = timezone.localdate()
    public = Activity.objects.filter(is_public=True).select_related("district", "border_post")
    if upcoming:
        return public.filter(held_on__gte=today).order_by("held_on", "id")
    return public.filter(held_on__lt=today).order_by("-held_on", "-id")


def activity_detail(activity_id: int) -> Activity:
    """One activity with its place, for the staff page (DoesNotExist if unknown)."""
    return (
        Activity.objects.select_related("district", "sector", "border_post", "knowledge_test")
        .annotate(registered=Count("participants"))
        .get(pk=activity_id)
    )
