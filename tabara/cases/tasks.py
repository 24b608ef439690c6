"""Background work of cases, run by the django-tasks database worker."""

from __future__ import annotations

from django_tasks import task

from tabara.cases.closure import case_follow_ups_remind


@task()
def cases_remind_task() -> int:
    """Remind assigned workers of every reintegration follow-up that is due."""
    return case_follow_ups_remind()
