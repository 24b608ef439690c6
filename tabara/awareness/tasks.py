"""Background work of the awareness programme (run by `manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from tabara.awareness.services.newsletter import issue_deliver_batch


@task()
def newsletter_deliver_task(issue_id: int) -> int:
    """Queue an issue for every confirmed subscriber, batch by batch; safe to run again."""
    total = 0
    while True:
        queued = issue_deliver_batch(issue_id=issue_id)
        if queued == 0:
            return total
        total += queued
