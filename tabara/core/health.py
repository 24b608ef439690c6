"""What /healthz reports: the database answers, and how far behind the task queue is."""

from __future__ import annotations

from django.db.models import Count, Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max


def task_queue_lag() -> dict[str, float | int]:
    """Tasks ready to run now, and how long the oldest of them has waited (seconds)."""
    now = timezone.now()
    ready = DBTaskResult.objects.ready()
    waiting = ready.filter(run_after=get_date_max()).aggregate(
        n=Count("id"), since=Min("enqueued_at")
    )
    delayed = ready.exclude(run_after=get_date_max()).aggregate(
        n=Count("id"), since=Min("run_after")
    )
    since = [value for value in (waiting["since"], delayed["since"]) if value is not None]
    lag = max(0.0, (now - min(since)).total_seconds()) if since else 0.0
    return {"ready": waiting["n"] + delayed["n"], "lag_seconds": round(lag, 1)}
