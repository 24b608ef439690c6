"""How many people the programme reached: by district, month, activity type, audience,
sex and age band. People on a register and people in aggregate counts add up."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, QuerySet, Sum

from tabara.awareness.models import Activity, AttendanceCount, Participant


@dataclass
class Reach:
    """People reached, broken down in every way the dashboard and the reports need."""

    activities: int = 0
    people: int = 0
    by_activity: dict[int, int] = field(default_factory=dict)
    by_district: Counter[str] = field(default_factory=Counter)
    by_month: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[str] = field(default_factory=Counter)
    by_audience: Counter[str] = field(default_factory=Counter)
    by_sex: Counter[str] = field(default_factory=Counter)
    by_age: Counter[str] = field(default_factory=Counter)
    by_sex_age: Counter[tuple[str, str]] = field(default_factory=Counter)


def activities_in(
    *, since: date | None = None, until: date | None = None, kind: str = ""
) -> QuerySet[Activity]:
    """Activities held between two dates (inclusive), optionally of one type."""
    activities = Activity.objects.select_related("district", "sector", "border_post")
    if since is not None:
        activities = activities.filter(held_on__gte=since)
    if until is not None:
        activities = activities.filter(held_on__lte=until)
    if kind:
        activities = activities.filter(kind=kind)
    return activities.order_by("-held_on", "-id")


def reach_of(activities: QuerySet[Activity]) -> Reach:
    """Reach of a set of activities in three queries (activities, register, counts)."""
    reach = Reach()
    rows = list(activities.values_list("id", "district__code", "held_on", "kind", "audiences"))
    ids = [row[0] for row in rows]
    cells: Counter[tuple[int, str, str]] = Counter()
    for activity_id, sex, band, n in (
        Participant.objects.filter(activity_id__in=ids)
        .values_list("activity_id", "sex", "age_band")
        .annotate(n=Count("id"))
        .order_by()
    ):
        cells[(activity_id, sex, band)] += n
    for activity_id, sex, band, n in (
        AttendanceCount.objects.filter(activity_id__in=ids)
        .values_list("activity_id", "sex", "age_band")
        .annotate(n=Sum("count"))
        .order_by()
    ):
        cells[(activity_id, sex, band)] += n or 0
    for (activity_id, sex, band), n in cells.items():
        reach.by_activity[activity_id] = reach.by_activity.get(activity_id, 0) + n
        reach.by_sex[sex] += n
        reach.by_age[band] += n
        reach.by_sex_age[(sex, band)] += n
    reach.activities = len(rows)
    for activity_id, district, held_on, kind, audiences in rows:
        n = reach.by_activity.setdefault(activity_id, 0)
        reach.people += n
        reach.by_district[district or ""] += n
        reach.by_month[f"{held_on:%Y-%m}"] += n
        reach.by_kind[kind] += n
        for audience in audiences or []:
            reach.by_audience[audience] += n
    return reach
