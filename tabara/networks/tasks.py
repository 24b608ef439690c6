"""Background work of the networks app (run by `manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from tabara.networks.services import network_record_sync


@task()
def network_sync_task(kind: str, pk: int) -> int:
    """Re-read one report or case's identifiers; return how many alerts it sent."""
    return network_record_sync(kind=kind, pk=pk).alerted


def network_sync_later(kind: str, pk: int) -> None:
    """Listener of core.changes: queue the sync of a record that changed (after commit)."""
    if kind in {"report", "case"}:
        network_sync_task.enqueue(kind, pk)
