"""Background work of the linkage app (run by `manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from tabara.linkage.services import link_run_execute


@task()
def link_run_task(run_id: int) -> str:
    return link_run_execute(run_id=run_id).status
