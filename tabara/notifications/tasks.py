"""Background work of the outbox, run by the django-tasks database worker."""

from __future__ import annotations

from django_tasks import task

from tabara.notifications.services import notification_deliver, notifications_sweep


@task()
def notification_deliver_task(notification_id: int) -> bool:
    """Deliver one notification (enqueued after the commit that wrote it)."""
    return notification_deliver(notification_id=notification_id)


@task()
def notifications_sweep_task() -> int:
    """Deliver every notification that is due, including those whose task was lost."""
    return notifications_sweep()
